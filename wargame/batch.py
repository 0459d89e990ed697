"""`wargame batch` and `wargame compare`: many bot-vs-bot games on all cores, with RAND's statistics.

Game i of a batch with seed S plays with seed `game_seed(S, i)`, so the rows are the same whatever
the number of workers. Rows are written as games finish (CSV or JSON Lines, by the file's ending),
so an interrupted batch keeps every finished game.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import Any, Iterable

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

FIELDS = ["game", "seed", "scenario", "red", "blue", "winner", "measure_hours", "tallinn_hours", "riga_hours",
          "red_steps_lost", "blue_steps_lost", "red_destroyed", "blue_destroyed", "turns", "orders", "bot_problems", "seconds",
          "objective_held", "objective_hours"]
THRESHOLDS = (36, 48, 60, 72)

_worker_cache: dict[str, Any] = {}


def game_seed(seed: int, i: int) -> int:
    return (seed * 1_000_003 + i * 7919 + 17) & 0x7FFFFFFF


def _play_one(job: tuple[str, int, int, str, str]) -> dict[str, Any]:
    scenario_id, index, seed, red, blue = job
    from wargame.bots.driver import play_game
    from wargame.data.scenario import load_scenario

    sc = _worker_cache.get(scenario_id)
    if sc is None:
        sc = _worker_cache[scenario_id] = load_scenario(scenario_id)
    p = play_game(sc, seed, red, blue)
    r = p.game.result
    return {"game": index, "seed": seed, "scenario": sc.id, "red": red, "blue": blue, "winner": r["winner"],
            "measure_hours": r["measure_hours"], "tallinn_hours": r["hours"].get("Tallinn"), "riga_hours": r["hours"].get("Riga"),
            "red_steps_lost": r["losses"]["red"], "blue_steps_lost": r["losses"]["blue"],
            "red_destroyed": r["destroyed"]["red"], "blue_destroyed": r["destroyed"]["blue"], "turns": r["turns"],
            "orders": p.orders, "bot_problems": len(p.problems), "seconds": round(p.seconds, 3),
            # the scenario's own objective (victory.hold), where it has one
            "objective_held": r["hold"]["held"] if r.get("hold") else None,
            "objective_hours": r["hold"]["hours"] if r.get("hold") else None}


class RowWriter:
    def __init__(self, path: Path | None):
        self.path = path
        self.f = None
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        self.f = open(path, "w", newline="", encoding="utf-8")
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
            self.csv.writerow({k: ("" if row[k] is None else row[k]) for k in FIELDS})
        self.f.flush()

    def close(self) -> None:
        if self.f is not None:
            self.f.close()


def run_batch(scenario_id: str, games: int, seed: int = 1, red: str = "operational", blue: str = "operational",
              workers: int | None = None, out: Path | None = None, progress: bool = True) -> list[dict[str, Any]]:
    """Play `games` games; returns the finished rows in game order (also if interrupted)."""
    from wargame.bots.base import load_bot
    from wargame.data.scenario import load_scenario
    from wargame.model.units import Side

    load_scenario(scenario_id)  # fail early, in this process, with a clear message
    load_bot(red, Side.RED, 0)
    load_bot(blue, Side.BLUE, 0)
    jobs = [(scenario_id, i, game_seed(seed, i), red, blue) for i in range(games)]
    workers = max(1, workers or os.cpu_count() or 1)
    rows: list[dict[str, Any]] = []
    writer = RowWriter(out)
    console = Console(stderr=True)
    bar = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   TextColumn("ETA"), TimeRemainingColumn(), console=console, disable=not progress, transient=False)
    try:
        with bar:
            task = bar.add_task(f"{scenario_id}: {red} v {blue}", total=games)
            if workers == 1:
                for job in jobs:
                    row = _play_one(job)
                    rows.append(row)
                    writer.write(row)
                    bar.advance(task)
            else:
                with ProcessPoolExecutor(max_workers=workers) as pool:
                    futures = [pool.submit(_play_one, j) for j in jobs]
                    try:
                        for fut in as_completed(futures):
                            row = fut.result()
                            rows.append(row)
                            writer.write(row)
                            bar.advance(task)
                    except KeyboardInterrupt:
                        for f in futures:
                            f.cancel()
                        raise
    except KeyboardInterrupt:
        console.print(f"interrupted: {len(rows)} finished games kept" + (f" in {out}" if out else ""))
    finally:
        writer.close()
    rows.sort(key=lambda r: r["game"])
    return rows


def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    n = len(rows)
    hours = sorted(r["measure_hours"] for r in rows if r["measure_hours"] is not None)
    s: dict[str, Any] = {"games": n, "reached": len(hours)}
    if hours:
        q = statistics.quantiles(hours, n=4, method="inclusive") if len(hours) > 1 else [hours[0]] * 3
        s.update(median=statistics.median(hours), q1=q[0], q3=q[2], min=hours[0], max=hours[-1])
    for t in THRESHOLDS:
        s[f"by_{t}"] = sum(1 for h in hours if h <= t) / n if n else 0.0
    s["in_36_60"] = sum(1 for h in hours if 36 <= h <= 60) / n if n else 0.0
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


def summary_table(named: Iterable[tuple[str, dict[str, Any]]]) -> Table:
    named = list(named)
    table = Table(title="RAND measure: hours until Red reaches the outskirts of Tallinn or Riga", title_justify="left")
    table.add_column("")
    for name, _ in named:
        table.add_column(name, justify="right")

    def fmt(v: Any, pct: bool = False) -> str:
        if v is None:
            return "—"
        return f"{100 * v:.0f}%" if pct else (f"{v:g}" if isinstance(v, (int, float)) else str(v))

    rows = [("games", "games", False), ("reached in 10 days", "reached", False), ("median hours", "median", False),
            ("quartiles", None, False), ("fastest / slowest", None, False)]
    rows += [(f"share reached by {t} h", f"by_{t}", True) for t in THRESHOLDS]
    rows += [("share in RAND's 36-60 h", "in_36_60", True), ("Red wins", "red_wins", True),
             ("Red steps lost (mean)", "red_steps_lost", False), ("Blue steps lost (mean)", "blue_steps_lost", False),
             ("seconds per game", "seconds_per_game", False)]
    if any("objective_held" in s for _, s in named):
        rows += [("scenario objective held by Red at the end", "objective_held", True),
                 ("median hour Red first held it", "objective_median_hours", False)]
    for label, key, pct in rows:
        cells = []
        for _, s in named:
            if label == "quartiles":
                cells.append(f"{s['q1']:g} – {s['q3']:g}" if "q1" in s else "—")
            elif label == "fastest / slowest":
                cells.append(f"{s['min']:g} / {s['max']:g}" if "min" in s else "—")
            elif key in ("red_steps_lost", "blue_steps_lost", "seconds_per_game"):
                cells.append(f"{s[key]:.2f}" if key == "seconds_per_game" else f"{s[key]:.1f}")
            else:
                cells.append(fmt(s.get(key), pct))
        table.add_row(label, *cells)
    return table


# --- the CLI ---------------------------------------------------------------------------------------


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--games", type=int, default=100, help="games to play (default 100)")
    p.add_argument("--red", default="operational", help="Red's bot: random, operational or package.module:Class")
    p.add_argument("--blue", default="operational", help="Blue's bot (as --red)")
    p.add_argument("--seed", type=int, default=1, help="batch seed: game i uses a seed derived from it (default 1)")
    p.add_argument("--workers", type=int, default=None, help="worker processes (default: all cores)")


def add_batch_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("scenario", help="scenario id or path")
    _common(p)
    p.add_argument("--out", type=Path, default=None, help="write one row per game: .csv or .jsonl")
    p.add_argument("--quiet", action="store_true", help="no progress bar")


def add_compare_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("scenarios", nargs="+", help="scenario ids or paths")
    _common(p)


def _check(args: argparse.Namespace) -> None:
    from wargame.cli import UsageError

    if args.games < 1:
        raise UsageError("--games must be at least 1")
    if args.workers is not None and args.workers < 1:
        raise UsageError("--workers must be at least 1")
    from wargame.bots.base import load_bot
    from wargame.model.units import Side

    for name, side in ((args.red, Side.RED), (args.blue, Side.BLUE)):
        try:
            load_bot(name, side, 0)
        except ValueError as e:
            raise UsageError(str(e)) from None


def cmd_batch(args: argparse.Namespace) -> int:
    _check(args)
    t0 = time.perf_counter()
    rows = run_batch(args.scenario, args.games, args.seed, args.red, args.blue, args.workers, args.out, not args.quiet)
    wall = time.perf_counter() - t0
    out = Console()
    out.print(summary_table([(rows[0]["scenario"] if rows else args.scenario, summarise(rows))]))
    out.print(f"{len(rows)} games in {wall:.1f} s ({len(rows) / wall:.1f} games/s)" + (f"; rows in {args.out}" if args.out else ""))
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    _check(args)
    named = []
    for sid in args.scenarios:
        rows = run_batch(sid, args.games, args.seed, args.red, args.blue, args.workers, None, True)
        named.append((rows[0]["scenario"] if rows else sid, summarise(rows)))
    Console().print(summary_table(named))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit("use: wargame batch ...")
