"""Many bot-vs-bot games on all cores, and RAND's statistics of them: the pure runner (no command
line, no terminal output; `wargame.batch_cli` is the `wargame batch` / `wargame compare` glue).

Game i of a batch with seed S plays with seed `game_seed(S, i)`, so the rows are the same whatever
the number of workers. Rows are written as games finish (CSV or JSON Lines, by the file's ending),
so an interrupted batch keeps every finished game.

Every game runs in a worker process, so no bot can take the batch down: a bot that raises, calls
sys.exit, gives garbage or illegal orders is reported in its game's `bot_problems`; a bot whose
constructor fails, a worker that dies (os._exit, a crash) or a game over its time limit (a hung bot)
is a row with a `problem`, and the worker is replaced. Ctrl+C stops at once and keeps every finished
row (`BatchResult.interrupted`).
"""

from __future__ import annotations

import csv
import json
import multiprocessing as mp
import os
import signal
import statistics
import sys
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from pathlib import Path
from typing import Any

from wargame.study.stats import concentration

FIELDS = [
    "game",
    "seed",
    "scenario",
    "red",
    "blue",
    "winner",
    "measure_hours",
    "tallinn_hours",
    "riga_hours",
    "first_unit_hours",
    "red_steps_lost",
    "blue_steps_lost",
    "red_destroyed",
    "blue_destroyed",
    "turns",
    "orders",
    "bot_problems",
    "seconds",
    "objective_held",
    "objective_hours",
    "problem",
]
THRESHOLDS = (36, 48, 60, 72)
ORDER_SECONDS = 120.0  # one phase's orders; the search bot needs a few seconds at most
GAME_SECONDS = 1800.0  # one whole game; a slow game is ~1 minute

_worker_cache: dict[str, Any] = {}


def game_seed(seed: int, i: int) -> int:
    return (seed * 1_000_003 + i * 7919 + 17) & 0x7FFFFFFF


def _scenario(scenario_id: str) -> Any:
    from wargame.data.scenario import load_scenario

    sc = _worker_cache.get(scenario_id)
    if sc is None:
        sc = _worker_cache[scenario_id] = load_scenario(scenario_id)
    return sc


def _play_one(job: tuple[str, int, int, str, str, float | None]) -> dict[str, Any]:
    scenario_id, index, seed, red, blue, order_seconds = job
    from wargame.bots.driver import make_bot, play_game
    from wargame.model.units import Side

    sc = _scenario(scenario_id)
    bots = {}
    for side, spec in ((Side.RED, red), (Side.BLUE, blue)):
        try:
            bots[side] = make_bot(spec, side, seed)
        except (Exception, SystemExit) as e:  # noqa: BLE001 - reported as this game's problem
            raise GameFailed(
                f"the {side.value} bot {spec!r} could not be made: {type(e).__name__}: {str(e)[:200]}"
            ) from None
    p = play_game(sc, seed, bots[Side.RED], bots[Side.BLUE], time_limit=order_seconds)
    r = p.game.result
    assert r is not None  # play_game plays to the end
    return {
        "game": index,
        "seed": seed,
        "scenario": sc.id,
        "red": red,
        "blue": blue,
        "winner": r.winner,
        "measure_hours": r.measure_hours,
        "tallinn_hours": r.hours.get("Tallinn"),
        "riga_hours": r.hours.get("Riga"),
        "first_unit_hours": r.first_unit_hours,
        "red_steps_lost": r.losses["red"],
        "blue_steps_lost": r.losses["blue"],
        "red_destroyed": r.destroyed["red"],
        "blue_destroyed": r.destroyed["blue"],
        "turns": r.turns,
        "orders": p.orders,
        "bot_problems": len(p.problems),
        "seconds": round(p.seconds, 3),
        # the scenario's own objective (victory.hold), where it has one
        "objective_held": r.hold.held if r.hold else None,
        "objective_hours": r.hold.hours if r.hold else None,
        "problem": None,
    }


class GameFailed(Exception):
    """A game that could not be played to its end; the message says why."""


def failed_row(job: tuple, problem: str) -> dict[str, Any]:
    scenario_id, index, seed, red, blue, _ = job
    row: dict[str, Any] = {k: None for k in FIELDS}
    row.update(game=index, seed=seed, scenario=scenario_id, red=red, blue=blue, bot_problems=1, problem=problem)
    return row


class RowWriter:
    def __init__(self, path: Path | None):
        self.path = path
        self.f = None
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        self.f = open(path, "w", newline="", encoding="utf-8")  # noqa: SIM115 - held until close()
        self.jsonl = path.suffix in (".jsonl", ".ndjson")
        if not self.jsonl:
            self.csv = csv.DictWriter(self.f, fieldnames=FIELDS)
            self.csv.writeheader()

    def write(self, row: dict[str, Any]) -> None:
        if self.f is None:
            return
        if self.jsonl:
            self.f.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            self.csv.writerow({k: ("" if row.get(k) is None else row[k]) for k in FIELDS})
        self.f.flush()

    def close(self) -> None:
        if self.f is not None:
            self.f.close()


@dataclass
class BatchResult:
    rows: list[dict[str, Any]] = field(default_factory=list)  # finished games, in game order
    failed: list[dict[str, Any]] = field(default_factory=list)  # games with a `problem`, in game order
    interrupted: bool = False


def _worker(conn: Any, trusted: list[str]) -> None:
    """A worker process: plays the games it is sent, one at a time, and answers each with its row
    or its failure. Ctrl+C is the parent's business."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from wargame.bots.base import trust

    for name in trusted:
        trust(name)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            msg: tuple = ("row", _play_one(job))
        except GameFailed as e:
            msg = ("fail", str(e))
        except BaseException as e:  # noqa: BLE001 - SystemExit from a bot included: this game fails, not the batch
            msg = ("fail", f"the game stopped: {type(e).__name__}: {str(e)[:200]}")
        try:
            conn.send(msg)
        except (OSError, ValueError):
            return


class _Slot:
    """One worker process and the game it is playing."""

    def __init__(self, ctx: Any, trusted: list[str]):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker, args=(child, trusted), daemon=True)
        self.proc.start()
        child.close()
        self.job: tuple | None = None
        self.started = 0.0

    def give(self, job: tuple) -> None:
        self.job, self.started = job, time.monotonic()
        self.conn.send(job)

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)
        self.conn.close()


def run(
    scenario_id: str,
    games: int,
    seed: int = 1,
    red: str = "operational",
    blue: str = "operational",
    workers: int | None = None,
    out: Path | None = None,
    order_seconds: float | None = ORDER_SECONDS,
    game_seconds: float | None = GAME_SECONDS,
    on_row: Callable[[dict[str, Any]], None] | None = None,
) -> BatchResult:
    """Play `games` games in worker processes. ValueError for an unknown bot name, DataError for a bad
    scenario (both before any game starts). Never raises for what a bot does."""
    from wargame.bots.base import BOTS, bot_class

    _scenario(scenario_id)  # fail early, here, with a clear message; forked workers inherit it
    for name in (red, blue):
        bot_class(name, trusted=True)  # only imported: a failing constructor is each game's problem
    trusted = [n for n in (red, blue) if n not in BOTS]
    jobs = deque((scenario_id, i, game_seed(seed, i), red, blue, order_seconds) for i in range(games))
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    result = BatchResult()
    writer = RowWriter(out)
    slots: list[_Slot] = []

    def finish(row: dict[str, Any]) -> None:
        (result.failed if row["problem"] else result.rows).append(row)
        writer.write(row)
        if on_row is not None:
            on_row(row)

    try:
        slots = [_Slot(ctx, trusted) for _ in range(max(1, min(workers or os.cpu_count() or 1, games)))]
        for s in slots:
            if jobs:
                s.give(jobs.popleft())
        while any(s.job is not None for s in slots):
            busy = [s for s in slots if s.job is not None]
            wait([s.conn for s in busy] + [s.proc.sentinel for s in busy], timeout=0.5)
            for i, s in enumerate(slots):
                if s.job is None:
                    continue
                problem = None
                try:
                    if s.conn.poll():
                        kind, value = s.conn.recv()
                        finish(value if kind == "row" else failed_row(s.job, value))
                        s.job = None
                except (EOFError, OSError):
                    pass
                if s.job is not None and not s.proc.is_alive():
                    problem = f"the worker playing it died (exit code {s.proc.exitcode}): a bot ended the process"
                elif s.job is not None and game_seconds is not None and time.monotonic() - s.started > game_seconds:
                    problem = f"over the {game_seconds:g} s time limit for a game (a bot hung): stopped"
                if problem is not None and s.job is not None:
                    finish(failed_row(s.job, problem))
                    s.kill()
                    s = slots[i] = _Slot(ctx, trusted)
                if s.job is None and jobs:
                    s.give(jobs.popleft())
    except KeyboardInterrupt:
        result.interrupted = True
    finally:
        for s in slots:
            if s.job is None and s.proc.is_alive():
                try:
                    s.conn.send(None)
                except (OSError, ValueError):
                    pass
            s.kill()
        writer.close()
    result.rows.sort(key=lambda r: r["game"])
    result.failed.sort(key=lambda r: r["game"])
    return result


def run_batch(
    scenario_id: str,
    games: int,
    seed: int = 1,
    red: str = "operational",
    blue: str = "operational",
    workers: int | None = None,
    out: Path | None = None,
    progress: bool = False,
    **limits: Any,
) -> list[dict[str, Any]]:
    """The finished rows of `run` in game order (also if interrupted); `progress` counts games on stderr."""
    done = [0]

    def tick(row: dict[str, Any]) -> None:
        done[0] += 1
        print(f"\r{done[0]}/{games} games", end="" if done[0] < games else "\n", file=sys.stderr, flush=True)

    return run(scenario_id, games, seed, red, blue, workers, out, on_row=tick if progress else None, **limits).rows


def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    rows = [r for r in rows if not r.get("problem")]
    n = len(rows)
    hours = sorted(r["measure_hours"] for r in rows if r["measure_hours"] is not None)
    s: dict[str, Any] = {"games": n, "reached": len(hours)}
    if hours:
        q = statistics.quantiles(hours, n=4, method="inclusive") if len(hours) > 1 else [hours[0]] * 3
        s.update(median=statistics.median(hours), q1=q[0], q3=q[2], min=hours[0], max=hours[-1])
        s.update(concentration(hours))  # of the games Red got there
    for t in THRESHOLDS:
        s[f"by_{t}"] = sum(1 for h in hours if h <= t) / n if n else 0.0
    s["in_36_60"] = sum(1 for h in hours if 36 <= h <= 60) / n if n else 0.0
    first = sorted(r["first_unit_hours"] for r in rows if r.get("first_unit_hours") is not None)
    s["first_unit_median"] = statistics.median(first) if first else None
    s["red_wins"] = sum(1 for r in rows if r["winner"] == "red") / n if n else 0.0
    for side in ("red", "blue"):
        s[f"{side}_steps_lost"] = statistics.mean(r[f"{side}_steps_lost"] for r in rows) if rows else 0.0
    s["seconds_per_game"] = statistics.mean(r["seconds"] for r in rows) if rows else 0.0
    with_objective = [r for r in rows if r.get("objective_held") is not None]
    if with_objective:
        s["objective_held"] = sum(1 for r in with_objective if r["objective_held"]) / len(with_objective)
        first = sorted(r["objective_hours"] for r in with_objective if r["objective_hours"] is not None)
        s["objective_median_hours"] = statistics.median(first) if first else None
    return s
