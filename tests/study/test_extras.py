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


def test_parquet_and_report(tiny_study, tmp_path):
    import pyarrow.parquet as pq

    st = small(tiny_study)
    rows = runner.run_study(st, tmp_path, runner.local_engine(1))
    t = pq.read_table(tmp_path / "games.parquet")
    assert t.num_rows == 9 and t.column("case").to_pylist() == [r["case"] for r in rows]
    path = report.html_report(st, report.analyse(st, rows), rows, tmp_path / "report.html")
    text = path.read_text()
    assert text.count("data:image/png;base64,") == 4 and "tornado" in text and "<script" not in text
