"""`wargame batch` and `wargame compare`: the command-line glue (arguments, progress bar, tables)
around the pure runner in `wargame.batch`."""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from wargame.batch import GAME_SECONDS, ORDER_SECONDS, THRESHOLDS, BatchResult, run, summarise

EXIT_INTERRUPTED = 130
EXIT_GAMES_FAILED = 1


def summary_table(named: Iterable[tuple[str, dict[str, Any]]]) -> Table:
    named = list(named)
    table = Table(title="RAND measure: hours until a Red main force, in supply, holds the outskirts of Tallinn or Riga",
                  title_justify="left")
    table.add_column("")
    for name, _ in named:
        table.add_column(name, justify="right")

    def fmt(v: Any, pct: bool = False) -> str:
        if v is None:
            return "—"
        return f"{100 * v:.0f}%" if pct else (f"{v:g}" if isinstance(v, (int, float)) else str(v))

    rows = [("games", "games", False), ("reached in 10 days", "reached", False), ("median hours", "median", False),
            ("quartiles", None, False), ("fastest / slowest", None, False),
            ("commonest hour (games)", None, False)]
    rows += [(f"share reached by {t} h", f"by_{t}", True) for t in THRESHOLDS]
    rows += [("share in RAND's 36-60 h", "in_36_60", True),
             ("first Red unit in the outskirts (median h)", "first_unit_median", False), ("Red wins", "red_wins", True),
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
            elif label == "commonest hour (games)":
                cells.append(f"{s['mode']:g} ({s['mode_games']} of {s['games']})" if "mode" in s else "—")
            elif key in ("red_steps_lost", "blue_steps_lost", "seconds_per_game"):
                cells.append(f"{s[key]:.2f}" if key == "seconds_per_game" else f"{s[key]:.1f}")
            else:
                cells.append(fmt(s.get(key or ""), pct))
        table.add_row(label, *cells)
    return table


def _seconds(text: str) -> float | None:
    """A time limit in seconds; 0 or 'none' for no limit."""
    if text.lower() in ("0", "none", "off"):
        return None
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected seconds (a number) or none, got {text!r}") from None
    if not 0 < v < 1e7:
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds, got {text!r}")
    return v


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--games", type=int, default=100, help="games to play (default 100)")
    p.add_argument("--red", default="operational", help="Red's bot: a built-in bot name or package.module:Class")
    p.add_argument("--blue", default="operational", help="Blue's bot (as --red)")
    p.add_argument("--seed", type=int, default=1, help="batch seed: game i uses a seed derived from it (default 1)")
    p.add_argument("--workers", type=int, default=None, help="worker processes (default: all cores)")
    p.add_argument(
        "--order-seconds",
        type=_seconds,
        default=ORDER_SECONDS,
        metavar="S",
        help=f"time limit for one phase's orders; a bot over it gives none that phase (default {ORDER_SECONDS:g}; "
             "none: no limit)",
    )
    p.add_argument(
        "--game-seconds",
        type=_seconds,
        default=GAME_SECONDS,
        metavar="S",
        help=f"time limit for a whole game; a game over it is stopped and reported (default {GAME_SECONDS:g}; none: no "
             "limit)",
    )


def add_batch_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("scenario", help="scenario id or path")
    _common(p)
    p.add_argument("--out", type=Path, default=None, help="write one row per game: .csv or .jsonl")
    p.add_argument("--quiet", action="store_true", help="no progress bar")


def add_compare_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("scenarios", nargs="+", help="scenario ids or paths")
    _common(p)


def _check(args: argparse.Namespace) -> None:
    from wargame.bots.base import bot_class
    from wargame.cli import UsageError

    if args.games < 1:
        raise UsageError("--games must be at least 1")
    if args.workers is not None and args.workers < 1:
        raise UsageError("--workers must be at least 1")
    for name in (args.red, args.blue):
        try:
            bot_class(name, trusted=True)  # named on the command line: a plug-in may be imported
        except ValueError as e:
            raise UsageError(str(e)) from None


def _run(args: argparse.Namespace, scenario: str, out: Path | None, progress: bool) -> BatchResult:
    console = Console(stderr=True)
    bar = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=console,
        disable=not progress,
        transient=False,
    )
    with bar:
        task = bar.add_task(f"{scenario}: {args.red} v {args.blue}", total=args.games)
        result = run(
            scenario,
            args.games,
            args.seed,
            args.red,
            args.blue,
            args.workers,
            out,
            order_seconds=args.order_seconds,
            game_seconds=args.game_seconds,
            on_row=lambda row: bar.advance(task),
        )
    for row in result.failed:
        console.print(Text(f"game {row['game']} (seed {row['seed']}): {row['problem']}", style="red"))
    if result.interrupted:
        console.print(f"interrupted: {len(result.rows)} finished games kept" + (f" in {out}" if out else ""))
    return result


def _exit_code(results: list[BatchResult]) -> int:
    if any(r.interrupted for r in results):
        return EXIT_INTERRUPTED
    return EXIT_GAMES_FAILED if any(r.failed for r in results) else 0


def cmd_batch(args: argparse.Namespace) -> int:
    _check(args)
    t0 = time.perf_counter()
    result = _run(args, args.scenario, args.out, not args.quiet)
    rows = result.rows
    wall = time.perf_counter() - t0
    out = Console()
    out.print(summary_table([(rows[0]["scenario"] if rows else args.scenario, summarise(rows))]))
    out.print(
        f"{len(rows)} games in {wall:.1f} s ({len(rows) / wall:.1f} games/s)"
        + (f"; rows in {args.out}" if args.out else "")
        + (f"; {len(result.failed)} games failed" if result.failed else "")
    )
    return _exit_code([result])


def cmd_compare(args: argparse.Namespace) -> int:
    _check(args)
    named, results = [], []
    for sid in args.scenarios:
        result = _run(args, sid, None, True)
        results.append(result)
        named.append((result.rows[0]["scenario"] if result.rows else sid, summarise(result.rows)))
        if result.interrupted:
            break
    Console().print(summary_table(named))
    return _exit_code(results)
