"""The study runner: common seeds, identical rows on any number of workers, resuming, statistics."""

from __future__ import annotations

import dataclasses
import json

import pytest

from wargame.cli import main
from wargame.study import report, runner, stats

from .conftest import TINY_STUDY


def small(study, reps=3, cases=("baseline", "blue-passive", "red-half")):
    return dataclasses.replace(study, replications=reps, cases=[c for c in study.cases if c.id in cases])


def test_common_seeds_and_row_contents(tiny_study, tmp_path):
    st = small(tiny_study)
    rows = runner.run_study(st, tmp_path, runner.local_engine(1))
    assert [(r["case"], r["rep"]) for r in rows] == [
        (c, r) for c in ("baseline", "blue-passive", "red-half") for r in range(3)
    ]
    seeds = {c: [r["seed"] for r in rows if r["case"] == c] for c in ("baseline", "blue-passive", "red-half")}
    assert seeds["baseline"] == seeds["blue-passive"] == seeds["red-half"] == [runner.game_seed(3, r) for r in range(3)]
    assert len(set(seeds["baseline"])) == 3
    for r in rows:
        assert r["data_sha"] == st.data_sha and r["code_version"] and r["measure"] == r["measure_hours"]
    assert {r["blue"] for r in rows if r["case"] == "blue-passive"} == {"passive"}
    assert all("scale_manoeuvre(side=red, keep=0.5" in r["overrides"] for r in rows if r["case"] == "red-half")


def test_batch_seeding_is_the_same(tiny_study):
    from wargame.batch import game_seed

    assert [runner.game_seed(7, i) for i in range(5)] == [game_seed(7, i) for i in range(5)]


def test_identical_across_worker_counts_and_chunks(tiny_study, tmp_path):
    st = small(tiny_study, reps=4)
    runner.run_study(st, tmp_path / "one", runner.local_engine(1), chunk=1)
    runner.run_study(st, tmp_path / "two", runner.local_engine(2), chunk=3)
    assert (tmp_path / "one" / "games.csv").read_bytes() == (tmp_path / "two" / "games.csv").read_bytes()


def test_resume_plays_only_what_is_missing(tiny_study, tmp_path):
    st = small(tiny_study)
    full = runner.run_study(st, tmp_path / "ref", runner.local_engine(1))
    out = tmp_path / "run"
    runner.run_study(small(tiny_study, reps=2), out, runner.local_engine(1))
    journal = out / "games.jsonl"
    lines = journal.read_text().splitlines()
    journal.write_text("\n".join(lines[:-1]) + "\n" + lines[-1][:20])  # a kill mid-write
    played = []
    engine = runner.local_engine(1)

    def counting(src, chunks, done):
        played.extend(j for ch in chunks for j in ch)
        engine(src, chunks, done)

    rows = runner.run_study(st, out, counting)
    assert sorted(played) == sorted([(c, 2) for c in ("baseline", "blue-passive", "red-half")] + [("red-half", 1)])
    assert (out / "games.csv").read_bytes() == (tmp_path / "ref" / "games.csv").read_bytes()
    assert [json.dumps(r, sort_keys=True) for r in rows] == [json.dumps(r, sort_keys=True) for r in full]
    played.clear()
    runner.run_study(st, out, counting)
    assert played == []
    changed = dataclasses.replace(st, data_sha="0" * 16)  # other data: nothing finished counts
    runner.run_study(changed, out, counting)
    assert len(played) == 9


def test_stats():
    assert abs(stats.t_quantile(0.975, 10) - 2.228) < 1e-3
    assert abs(stats.t_quantile(0.975, 2) - 4.303) < 1e-3
    assert abs(stats.sign_test(8, 0) - 2 / 256) < 1e-12 and stats.sign_test(3, 3) == 1.0
    rows = [{"measure": m, "seed": i} for i, m in enumerate([36, 48, None, 60])]
    s = stats.summarise(rows, 240)
    assert (s["min"], s["median"], s["max"], s["reached"], s["by_48"]) == (36, 54, 240, 3, 0.5)
    assert (s["distinct"], s["mode"], s["mode_games"]) == (4, 36, 1)
    base = [{"measure": m, "seed": i} for i, m in enumerate([36, 36, 48, 72])]
    p = stats.paired(rows, base, 240)
    assert (p["better"], p["equal"], p["worse"], p["pairs"]) == (2, 1, 1, 4)
    assert p["diffs"] == [0, 12, 192, -12]


def test_markdown_section_is_created_then_replaced(tiny_study, tmp_path):
    st = small(tiny_study, reps=2)
    rows = runner.run_study(st, tmp_path / "o", runner.local_engine(1))
    md = report.markdown(st, report.analyse(st, rows), "wargame study X")
    doc = tmp_path / "cal.md"
    doc.write_text("# Calibration\n\ntext before\n")
    assert report.write_section(doc, "tiny", md)
    first = doc.read_text()
    assert first.startswith("# Calibration\n\ntext before\n") and first.count("<!-- study:tiny:begin -->") == 1
    assert "| **red-half** |" in first and "`wargame study X --case red-half`" in first
    doc.write_text(first + "\ntext after\n")
    assert report.write_section(doc, "tiny", md.replace("Tiny", "Small"))
    second = doc.read_text()
    assert second.count("<!-- study:tiny:end -->") == 1 and second.endswith("\ntext after\n") and "Small" in second
    assert not report.write_section(doc, "tiny", md.replace("Tiny", "Small"))


def test_cli_study_end_to_end(tmp_path, capsys):
    out = tmp_path / "o"
    doc = tmp_path / "doc.md"
    args = [
        "study",
        str(TINY_STUDY),
        "--out",
        str(out),
        "--replications",
        "2",
        "--case",
        "air-0",
        "--workers",
        "1",
        "--quiet",
        "--markdown-into",
        str(doc),
    ]
    assert main(args) == 0
    text = capsys.readouterr().out
    assert "air-0" in text and "4 games (2 cases, up to 2 each)" in text
    assert (out / "summary.csv").read_text().count("\n") == 3
    assert "<!-- study:tiny-study:begin -->" in doc.read_text()
    assert main(["study", str(TINY_STUDY), "--case", "nope", "--out", str(out)]) == 2


def test_a_worker_rebuilds_and_warms_only_the_cases_played(tiny_study, tmp_path):
    """What a Dask worker (or a spawned local one) does with a Source: the same rows as the coordinator's."""
    from wargame.rules import index
    from wargame.study.spec import load_study

    st = small(tiny_study, reps=2, cases=("baseline", "plus-2"))
    src = runner.source_of(st, "v")
    assert src.cases == ("baseline", "plus-2") and src.key != runner.source_of(tiny_study, "v").key
    runner._PREPARED.pop(src.key, None)
    rebuilt = runner.prepared(src)  # from the text, as a fresh worker process would
    assert rebuilt is not st and [c.id for c in rebuilt.cases] == ["baseline", "plus-2"]
    assert rebuilt.data_sha == tiny_study.data_sha  # the hash covers every file the study names
    sc = rebuilt.case("plus-2").scenario
    assert any(b is sc.board and t is sc.tables for b, t, _ in index._CACHE)  # warmed
    jobs = [("baseline", 1), ("plus-2", 0)]
    assert runner.play_chunk(src, jobs) == [runner.play_one(st, c, r, "v") for c, r in jobs]
    assert load_study(TINY_STUDY, only=("national",)).cases[0].id == "national"
    with pytest.raises(RuntimeError, match="data differ"):
        runner.prepared(dataclasses.replace(src, key="other", data_sha="0" * 16))
    assert "other" not in runner._PREPARED


def test_parquet_columns_are_of_one_type():
    # a crisis study's rows leave some numbers empty (a war that never came): Arrow refused the
    # mixed column with a traceback after the whole study had been played
    from wargame.study.runner import _column

    assert _column([1.5, "", 3]) == [1.5, None, 3.0]
    assert _column([2, None, 3]) == [2, None, 3]
    assert _column(["deterrence", "", "war"]) == ["deterrence", None, "war"]
    assert _column(["x", 2.0, None]) == ["x", "2.0", None]


def test_a_case_may_play_fewer_replications_and_is_paired_on_those(tmp_path):
    from wargame.study.spec import load_study

    from .conftest import write_study

    path = write_study(
        tmp_path,
        """format: wargame-study/1
id: capped
title: capped
scenario: SCENARIO
replications: 4
cases:
  - id: baseline
  - id: slow
    bots: {blue: passive}
    replications: 2
""",
    )
    st = load_study(path)
    rows = runner.run_study(st, tmp_path / "out", runner.local_engine(1))
    assert [(r["case"], r["rep"]) for r in rows] == [("baseline", r) for r in range(4)] + [("slow", 0), ("slow", 1)]
    a = report.analyse(st, rows)
    assert a[0]["summary"]["games"] == 4 and a[1]["summary"]["games"] == 2 and a[1]["paired"]["pairs"] == 2
    assert "4 games per case (slow 2, paired on those seeds)" in report.markdown(st, a, "cmd")
    assert len(runner.jobs_of(dataclasses.replace(st, replications=1))) == 2  # the study's count caps it too


def test_a_case_whose_games_end_at_one_hour_says_so():
    """The distribution line names the hour most games ended at when it is at least half of them
    (a figure to explain: one mechanism decided them), and says nothing otherwise; games where Red
    never got there are not such an hour."""
    def line(hours):
        rows = [{"measure": m, "seed": i} for i, m in enumerate(hours)]
        return report.distribution_line(stats.summarise(rows, 240), 240)

    assert line([49.5] * 6).endswith("; 6 games; 49.5 h in every game")
    assert line([46, 46, 46, 51, 60, 71]).endswith("; 46 h in 3 of 6 games")
    assert line([46, 46, 51, 60, 71, 84]).endswith("; 6 games")
    assert line([None] * 5 + [60]).endswith("; 6 games")
    s = stats.summarise([{"measure": m, "seed": i} for i, m in enumerate([60, 51, 60, 51])], 240)
    assert (s["distinct"], s["mode"], s["mode_games"]) == (2, 51, 2)  # a tie: the earlier hour
