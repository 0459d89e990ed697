"""`wargame study STUDY.yaml` and `wargame forecast SAVE`: the subcommands (wargame.cli delegates here)."""

from __future__ import annotations

import argparse
import dataclasses
import os
import time
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table


def add_study_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("study", metavar="STUDY.yaml", help="the study file (docs/studies.md)")
    p.add_argument("--out", type=Path, default=None, help="output folder (default: study-results/<study id>)")
    p.add_argument(
        "--engine", choices=("local", "dask"), default="local", help="local processes (default) or Dask distributed"
    )
    p.add_argument("--workers", type=int, default=None, help="worker processes (default: all cores)")
    p.add_argument("--scheduler", metavar="ADDR", default=None, help="Dask scheduler address (default: a LocalCluster)")
    p.add_argument("--chunk", type=int, default=4, help="games per task (default 4)")
    p.add_argument("--replications", type=int, default=None, help="play this many per case instead of the file's")
    p.add_argument(
        "--case", action="append", default=None, metavar="ID", help="only this case (and the baseline); repeatable"
    )
    p.add_argument("--report", action="store_true", help="write OUT/report.html with charts (needs the 'plots' extra)")
    p.add_argument(
        "--markdown-into",
        type=Path,
        default=None,
        metavar="DOC",
        help="write the study's section (<!-- study:ID:begin/end --> markers) into DOC, e.g. docs/calibration.md",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")


def add_forecast_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("save", metavar="SAVE", help="a saved game")
    p.add_argument("--rollouts", type=int, default=200, help="games played on from the position (default 200)")
    p.add_argument(
        "--red", default="operational", help="Red's bot in the rollouts (passive, random, operational, search)"
    )
    p.add_argument("--blue", default="operational", help="Blue's bot in the rollouts")
    p.add_argument("--seed", type=int, default=1, help="rollout i plays with a seed derived from it (default 1)")
    p.add_argument("--workers", type=int, default=None, help="worker processes (default: all cores)")
    p.add_argument("--belief", choices=("red", "blue"), default=None,
                   help="forecast from what this side believes (its fog of war), not from the true position")
    p.add_argument(
        "--scenario",
        metavar="FILE",
        default=None,
        help="the scenario file, when it is not in the data folder (a save names only its id)",
    )


def _usage(msg: str) -> Exception:
    from wargame.cli import UsageError

    return UsageError(msg)


def _bar(quiet: bool, what: str):
    bar = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        disable=quiet,
    )
    task = bar.add_task(what, total=None)
    return bar, lambda done, total: bar.update(task, completed=done, total=total)


def cmd_study(args: argparse.Namespace) -> int:
    from wargame.study import report, runner
    from wargame.study.spec import load_study

    for name in ("workers", "chunk", "replications"):
        v = getattr(args, name)
        if v is not None and v < 1:
            raise _usage(f"--{name} must be at least 1")
    if args.scheduler and args.engine != "dask":
        raise _usage("--scheduler goes with --engine dask")
    study = load_study(args.study)
    command = f"wargame study {args.study}"
    if args.replications:
        study = dataclasses.replace(study, replications=args.replications)
        command += f" --replications {args.replications}"
    if args.case:
        unknown = [c for c in args.case if c not in {x.id for x in study.cases}]
        if unknown:
            raise _usage(
                f"--case {', '.join(unknown)}: not a case of {study.id} ({', '.join(c.id for c in study.cases)})"
            )
        study = dataclasses.replace(
            study, cases=[c for c in study.cases if c.id in args.case or c.id == study.baseline]
        )
    if args.report:
        try:
            import matplotlib  # noqa: F401
        except ImportError:
            raise _usage("--report needs matplotlib: pip install 'baltic-wargame[plots]'") from None
    workers = args.workers or os.cpu_count() or 1
    if args.engine == "dask":
        try:
            engine = runner.dask_engine(args.scheduler, workers)
        except ImportError as e:
            raise _usage(str(e)) from None
    else:
        engine = runner.local_engine(workers)
    out = args.out or Path("study-results") / study.id
    bar, progress = _bar(args.quiet, study.id)
    t0 = time.perf_counter()
    with bar:
        rows = runner.run_study(study, out, engine, args.chunk, progress)
    wall = time.perf_counter() - t0
    analysis = report.analyse(study, rows)
    report.write_tables(study, analysis, out)
    con = Console()
    con.print(report.terminal_table(study, analysis))
    written = ["games.csv", "summary.csv", "paired.csv"] + (
        ["games.parquet"] if (out / "games.parquet").exists() else []
    )
    if args.report:
        report.html_report(study, analysis, rows, out / "report.html")
        written.append("report.html")
    if args.markdown_into:
        text = report.markdown(study, analysis, command)
        if any(r.get("crisis_outcome") for r in rows):  # a crisis scenario: its outcomes first (docs/crisis.md)
            from wargame.crisis.study import crisis_markdown

            text = (
                crisis_markdown(study, rows, command)
                + "\n### The war's measure by case (no war counts as not reached)\n\n"
                + text
            )
        changed = report.write_section(args.markdown_into, study.id, text)
        con.print(f"section study:{study.id} of {args.markdown_into} {'rewritten' if changed else 'unchanged'}")
    con.print(
        f"{len(rows)} games ({len(study.cases)} cases, up to {study.replications} each) in {wall:.1f} s; "
        f"in {out}: {', '.join(written)}"
    )
    return 0


def cmd_forecast(args: argparse.Namespace) -> int:
    from wargame.bots.base import BOTS
    from wargame.data.scenario import load_scenario
    from wargame.game import Game
    from wargame.model.units import Side
    from wargame.saves import SaveError, read_save, scenario_of
    from wargame.study.forecast import forecast

    if args.rollouts < 1:
        raise _usage("--rollouts must be at least 1")
    for b in (args.red, args.blue):
        if b not in BOTS:
            raise _usage(f"unknown bot {b!r}: the forecast plays the built-in bots ({', '.join(BOTS)})")
    rec = read_save(args.save)
    sc = load_scenario(scenario_of(rec, args.scenario))
    try:
        game = Game.from_record(rec, sc)
    except ValueError as e:
        raise SaveError(f"{args.save}: {e}") from None
    bar, progress = _bar(False, "rollouts")
    t0 = time.perf_counter()
    with bar:
        belief = Side(args.belief) if args.belief else None
        fc = forecast(
            game, args.rollouts, args.red, args.blue, args.seed, args.workers or os.cpu_count() or 1, progress=progress,
            belief=belief,
        )
    wall = time.perf_counter() - t0
    con = Console(highlight=False)
    whose = f"{args.belief.capitalize()}'s forecast" if args.belief else "Umpire's forecast"
    where = f"from what {args.belief} believes (its fog of war)" if args.belief else "from the true position"
    con.print(
        f"{whose} from turn {game.turn}, {game.phase} phase (H+{fc.start_hour}) of {sc.title}: "
        f"{fc.rollouts} rollouts, {args.red} Red v {args.blue} Blue, {where}."
    )
    import statistics

    m = fc.measure
    q = statistics.quantiles(m, n=4, method="inclusive") if len(m) > 1 else [m[0]] * 3
    f = lambda x: f">{fc.cap}" if x >= fc.cap else f"{x:g}"  # noqa: E731
    con.print(f"Measure (hours): min {f(m[0])}, quartiles {f(q[0])} / {f(q[1])} / {f(q[2])}, max {f(m[-1])}")
    t = Table(title="Chance Red has reached the outskirts by H+x (95% interval)", title_justify="left")
    t.add_column("")
    for h in fc.hours:
        t.add_column(f"H+{h}", justify="right")
    for city, shares in fc.chance.items():
        t.add_row(
            "either" if city == "any" else city,
            *(f"{100 * p:.0f}% ({100 * fc.interval(p)[0]:.0f}-{100 * fc.interval(p)[1]:.0f})" for p in shares),
        )
    con.print(t)
    con.print(f"{fc.rollouts} rollouts in {wall:.1f} s")
    return 0
