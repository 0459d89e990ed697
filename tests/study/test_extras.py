"""The optional engines and outputs (the `cluster`, `parquet` and `plots` extras). Not in `make test`:
`.venv/bin/pip install -e '.[test,cluster,parquet,plots]'` then `.venv/bin/python -m pytest -m extras tests/study`."""

from __future__ import annotations

import dataclasses

import pytest

from wargame.study import report, runner

pytestmark = pytest.mark.extras


def small(study):
    return dataclasses.replace(study, replications=3,
                               cases=[c for c in study.cases if c.id in ("baseline", "blue-random", "plus-2")])


def test_dask_rows_are_byte_identical_to_local(tiny_study, tmp_path):
    st = small(tiny_study)
    runner.run_study(st, tmp_path / "local", runner.local_engine(1), chunk=2)
    runner.run_study(st, tmp_path / "dask", runner.dask_engine(None, 2, processes=False), chunk=1)
    assert (tmp_path / "local" / "games.csv").read_bytes() == (tmp_path / "dask" / "games.csv").read_bytes()


def test_dask_worker_processes_warm_by_plugin_and_match_local(tiny_study, tmp_path):
    """Real worker processes: the plugin rebuilds the study from its text; other data are refused."""
    from dask.distributed import Client

    from wargame.study import cluster

    st = small(tiny_study)
    runner.run_study(st, tmp_path / "local", runner.local_engine(2), chunk=2)
    with cluster.local_cluster(2) as cl:
        runner.run_study(st, tmp_path / "dask", runner.dask_engine(cl.scheduler_address, 2), chunk=2)
        with Client(cl) as c:
            assert all(v == [] for v in c.run(lambda: list(runner._PREPARED)).values())  # dropped at the end
            assert not any(c.run(lambda: __import__("dask").config.get("distributed.worker.profile.enabled")).values())
        wrong = dataclasses.replace(runner.source_of(st, "v"), data_sha="0" * 16)
        with pytest.raises(RuntimeError, match="data differ"):
            runner.dask_engine(cl.scheduler_address, 2)(wrong, [[("baseline", 0)]], lambda rows: None)
    assert (tmp_path / "local" / "games.csv").read_bytes() == (tmp_path / "dask" / "games.csv").read_bytes()


def test_parquet_and_report(tiny_study, tmp_path):
    import pyarrow.parquet as pq

    st = small(tiny_study)
    rows = runner.run_study(st, tmp_path, runner.local_engine(1))
    t = pq.read_table(tmp_path / "games.parquet")
    assert t.num_rows == 9 and t.column("case").to_pylist() == [r["case"] for r in rows]
    path = report.html_report(st, report.analyse(st, rows), rows, tmp_path / "report.html")
    text = path.read_text()
    assert text.count("data:image/png;base64,") == 4 and "tornado" in text and "<script" not in text


def test_parquet_takes_rows_with_empty_numbers(tmp_path):
    import pyarrow.parquet as pq

    rows = [
        {"case": "a", "measure_hours": 60.5},
        {"case": "b", "measure_hours": ""},
        {"case": "c", "measure_hours": 72},
    ]
    runner.write_rows(rows, tmp_path)
    t = pq.read_table(tmp_path / "games.parquet")
    assert t.column("measure_hours").to_pylist() == [60.5, None, 72.0]
