"""Playing a study: every (case, replication) game, on local processes or a Dask cluster, resumably.

Seeds (docs/studies.md): replication r of every case plays game seed `game_seed(study.seed, r)`
(common random numbers: the same seed for each case), and the bots get `driver.bot_seed(game seed,
side)`. A game's row depends on nothing but the study file, the data and the code, so the rows are
the same on any engine and any number of workers; the outputs are written in (case, rep) order.

Resuming: each finished game is appended to `games.jsonl` in the output folder as it arrives; a
rerun keeps every row whose key (case, rep, seed, data hash, case hash) is still wanted and plays
only the rest.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
import multiprocessing as mp
import os
import subprocess
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import Any

from wargame.model.units import Side
from wargame.study import overrides as ov
from wargame.study.spec import Study, load_study

FIELDS = [
    "study",
    "case",
    "rep",
    "seed",
    "scenario",
    "red",
    "blue",
    "overrides",
    "measure",
    "measure_hours",
    "aim_hours",
    "tallinn_hours",
    "riga_hours",
    "objective_hours",
    "winner",
    "red_steps_lost",
    "blue_steps_lost",
    "turns",
    "orders",
    "bot_problems",
    "code_version",
    "data_sha",
    "case_sha",
]
CRISIS_FIELDS = [
    "crisis_outcome",
    "crisis_days",
    "warning_gained",
    "escalated_first",
    "caused_by",
    "incidents_serious",
    "true_balance",
    "perceived_balance",
    "red_intent",
    "blue_posture",
    "measure_without_warning",
]  # crisis scenarios only
Job = tuple[str, int]  # (case id, replication)


def game_seed(seed: int, rep: int) -> int:
    """The game seed of replication `rep` (the same formula as `wargame batch`: replication r of a
    case with the default bots is game r of `wargame batch --seed SEED`)."""
    return (seed * 1_000_003 + rep * 7919 + 17) & 0x7FFFFFFF


def code_version() -> str:
    """The package version and the git commit of the code, when it runs from a checkout."""
    from wargame import __version__

    root = Path(__file__).resolve().parents[2]
    try:
        commit = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--short=12", "HEAD"],
            capture_output=True,
            text=True,
            timeout=5,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit = ""
    return f"{__version__}+{commit}" if commit else __version__


def make_bot(spec: dict[str, Any], side: Side, seed: int) -> Any:
    """A built-in bot with a study's settings (plain values, checked by the study spec)."""
    from wargame.bots.base import load_bot

    settings = spec.get("settings") or {}
    if not settings:
        return load_bot(spec["name"], side, seed)
    if spec["name"] == "operational":
        from wargame.bots.operational import Doctrine, OperationalBot

        kw: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in settings.items()}
        return OperationalBot(side, seed, Doctrine("study", **kw))
    from wargame.bots.search import SearchBot

    return SearchBot(side, seed, **settings)


def bot_label(spec: dict[str, Any]) -> str:
    s = spec.get("settings") or {}
    return spec["name"] + ("(" + ", ".join(f"{k}={v}" for k, v in s.items()) + ")" if s else "")


# --- one game, a chunk of games (the same code on every engine) ---------------------------------------

_PREPARED: dict[str, Study] = {}  # study key -> the loaded, warmed study, in each worker process
KEEP_PREPARED = 2  # studies a long-lived worker (a shared Dask cluster) keeps loaded


@dataclasses.dataclass(frozen=True)
class Source:
    """What a worker needs to rebuild the study: the file's text, where it was, the cases to play (a
    `--case` run builds only those) and the data hash the coordinator saw (a worker whose data differ
    refuses to play)."""

    key: str
    path: str
    text: str
    data_sha: str
    version: str
    cases: tuple[str, ...] = ()


def source_of(study: Study, version: str) -> Source:
    cases = tuple(c.id for c in study.cases)
    digest = hashlib.sha256("\0".join((study.text, *cases)).encode()).hexdigest()[:16]
    return Source(f"{study.id}:{study.data_sha}:{digest}", str(study.path), study.text, study.data_sha, version, cases)


def warm(study: Study) -> None:
    """Build what every game of the study shares and would otherwise build in its first game: each
    board's index, the hexes each side may enter, the supply network (one opening position per board
    and tables), and the bots' modules. Done once per process: before forking local workers, and as
    each Dask worker process takes the study on."""
    from wargame.game import Game

    seen: set[tuple[int, int]] = set()
    for c in study.cases:
        sc = c.scenario
        assert sc is not None  # load_study builds every case's scenario
        if (id(sc.board), id(sc.tables)) not in seen:
            seen.add((id(sc.board), id(sc.tables)))
            Game(sc, seed=0)
        for side in Side:
            make_bot(c.bots[side.value], side, 0)


def prepared(src: Source) -> Study:
    """The study of `src`, loaded and warmed in this process on first use."""
    st = _PREPARED.get(src.key)
    if st is None:
        st = load_study(src.path, src.text, only=src.cases or None)
        if st.data_sha != src.data_sha:
            raise RuntimeError(
                f"this worker's data differ from the coordinator's (data hash {st.data_sha}, expected "
                f"{src.data_sha}): install the same data and code on every worker"
            )
        warm(st)
        keep(src, st)
    return st


def keep(src: Source, study: Study) -> None:
    """Remember the study of `src` in this process (the last KEEP_PREPARED of them)."""
    _PREPARED.pop(src.key, None)
    _PREPARED[src.key] = study
    for old in list(_PREPARED)[:-KEEP_PREPARED]:
        del _PREPARED[old]


def play_one(study: Study, case_id: str, rep: int, version: str) -> dict[str, Any]:
    from wargame.bots.driver import bot_seed, play_game
    from wargame.rules.victory import aim_hour

    case = study.case(case_id)
    seed = game_seed(study.seed, rep)
    red = make_bot(case.bots["red"], Side.RED, bot_seed(seed, Side.RED))
    blue = make_bot(case.bots["blue"], Side.BLUE, bot_seed(seed, Side.BLUE))
    assert case.scenario is not None  # load_study builds every case's scenario
    head = {  # what every row says about where it comes from
        "study": study.id,
        "case": case.id,
        "rep": rep,
        "seed": seed,
        "scenario": case.scenario.id,
        "red": bot_label(case.bots["red"]),
        "blue": bot_label(case.bots["blue"]),
        "overrides": ov.describe(case.overrides),
    }
    tail = {"code_version": version, "data_sha": study.data_sha, "case_sha": case.sha}
    crisis: dict[str, Any] = {}
    if case.scenario.crisis is not None:  # the crisis first; the war only if it comes (docs/crisis.md)
        from wargame.crisis.play import play_campaign

        camp = play_campaign(case.scenario, seed, red, blue)
        crisis = {k: v for k, v in camp.row().items() if k in CRISIS_FIELDS}
        if camp.played is None:
            none = {"measure": None, "winner": "none", "turns": 0, "orders": 0, "bot_problems": 0}
            return {**head, **none, **tail, **crisis}
        p = camp.played
    else:
        p = play_game(case.scenario, seed, red, blue)
    r = p.game.result
    assert r is not None  # play_game plays to the end
    row = {
        **head,
        "measure_hours": r.measure_hours,
        "aim_hours": aim_hour(p.game),
        "tallinn_hours": r.hours.get("Tallinn"),
        "riga_hours": r.hours.get("Riga"),
        "objective_hours": r.hold.hours if r.hold else None,
        "winner": r.winner,
        "red_steps_lost": r.losses["red"],
        "blue_steps_lost": r.losses["blue"],
        "turns": r.turns,
        "orders": p.orders,
        "bot_problems": len(p.problems),
        **tail,
        **crisis,
    }
    row["measure"] = row[study.measure]
    return row


def play_chunk(src: Source, jobs: list[Job]) -> list[dict[str, Any]]:
    """The task every engine runs: a chunk of games of one study."""
    st = prepared(src)
    return [play_one(st, c, r, src.version) for c, r in jobs]


# --- engines ------------------------------------------------------------------------------------------

Engine = Callable[[Source, list[list[Job]], Callable[[list[dict[str, Any]]], None]], None]


def local_engine(workers: int) -> Engine:
    """Worker processes on this machine (fork where there is one: the study is loaded once, before)."""

    def run(src: Source, chunks: list[list[Job]], done: Callable[[list[dict[str, Any]]], None]) -> None:
        if workers <= 1:
            for ch in chunks:
                done(play_chunk(src, ch))
            return
        method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
        if method == "fork":
            warm(prepared(src))  # once here, not once in every worker
        with ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context(method)) as pool:
            futures = [pool.submit(play_chunk, src, ch) for ch in chunks]
            try:
                for fut in as_completed(futures):
                    done(fut.result())
            except BaseException:
                for f in futures:
                    f.cancel()
                raise

    return run


def dask_engine(scheduler: str | None, workers: int, processes: bool = True) -> Engine:
    """Dask distributed: the scheduler at ADDR, or a LocalCluster of `workers` processes (threads in
    this process with `processes=False`: the tests' cluster). See `wargame.study.cluster`."""
    from wargame.study import cluster

    return cluster.engine(scheduler, workers, processes)


# --- the study run --------------------------------------------------------------------------------------


def row_key(row: dict[str, Any]) -> tuple:
    return (row["case"], int(row["rep"]), int(row["seed"]), row["data_sha"], row["case_sha"])


def read_journal(path: Path) -> list[dict[str, Any]]:
    """The rows of a journal; a torn last line (a kill while writing) is dropped."""
    rows = []
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError:
                continue
    return rows


def jobs_of(study: Study) -> list[Job]:
    return [(c.id, r) for c in study.cases for r in range(c.replications(study.replications))]


def chunked(jobs: list[Job], size: int) -> list[list[Job]]:
    return [jobs[i : i + size] for i in range(0, len(jobs), size)]


def run_study(
    study: Study,
    out: Path,
    engine: Engine | None = None,
    chunk: int = 4,
    progress: Callable[[int, int], None] | None = None,
) -> list[dict[str, Any]]:
    """Play what is not yet in `out/games.jsonl`; write games.csv (and games.parquet with pyarrow) in
    (case, rep) order; return the rows in that order."""
    out.mkdir(parents=True, exist_ok=True)
    journal = out / "games.jsonl"
    version = code_version()
    src = source_of(study, version)
    keep(src, study)  # forked local workers inherit it (and the local engine warms it first)
    want = {
        (c.id, r, game_seed(study.seed, r), study.data_sha, c.sha)
        for c in study.cases
        for r in range(c.replications(study.replications))
    }
    have = {row_key(r): r for r in read_journal(journal) if row_key(r) in want}
    todo = [
        (c, r)
        for c, r in jobs_of(study)
        if (c, r, game_seed(study.seed, r), study.data_sha, study.case(c).sha) not in have
    ]
    total, finished = len(want), len(have)
    if progress:
        progress(finished, total)
    if todo:
        with open(journal, "a+", encoding="utf-8") as j:
            if j.tell():
                j.seek(j.tell() - 1)
                if j.read(1) != "\n":
                    j.write("\n")  # end a line torn by a kill: it is skipped when read

            def done(rows: list[dict[str, Any]]) -> None:
                nonlocal finished
                for row in rows:
                    have[row_key(row)] = row
                    j.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
                j.flush()
                finished += len(rows)
                if progress:
                    progress(finished, total)

            (engine or local_engine(os.cpu_count() or 1))(src, chunked(todo, max(1, chunk)), done)
    order = {c.id: i for i, c in enumerate(study.cases)}
    rows = sorted(have.values(), key=lambda r: (order[r["case"]], r["rep"]))
    write_rows(rows, out)
    return rows


def csv_text(rows: Iterable[dict[str, Any]]) -> str:
    rows = list(rows)
    names = FIELDS + (CRISIS_FIELDS if any("crisis_outcome" in r for r in rows) else [])
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=names, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({k: ("" if r.get(k) is None else r[k]) for k in names})
    return buf.getvalue()


def _column(values: list[Any]) -> list[Any]:
    """One Parquet column of one type: an empty text is a missing value, numbers stay numbers, and a
    column that mixes text with numbers is written as text (Arrow refuses mixed columns)."""
    vals = [None if v == "" else v for v in values]
    kinds = {type(v) for v in vals if v is not None}
    if kinds <= {int, float}:
        return [None if v is None else float(v) for v in vals] if float in kinds else vals
    if len(kinds) > 1:
        return [None if v is None else str(v) for v in vals]
    return vals


def write_rows(rows: list[dict[str, Any]], out: Path) -> list[Path]:
    """games.csv always; games.parquet when pyarrow is installed (the `parquet` extra)."""
    written = [out / "games.csv"]
    (out / "games.csv").write_text(csv_text(rows), encoding="utf-8")
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        return written
    cols = {
        k: _column([r.get(k) for r in rows])
        for k in FIELDS + (CRISIS_FIELDS if any("crisis_outcome" in r for r in rows) else [])
    }
    pq.write_table(pa.table(cols), out / "games.parquet")
    written.append(out / "games.parquet")
    return written
