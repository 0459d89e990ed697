"""`wargame ...`: the command line. Every subcommand has --help; bad input exits 2 with a plain message.

Subcommands that belong to other rooms (the TUI, batch runs) are imported only when used, so
`wargame validate` never loads Textual.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from wargame import __version__
from wargame.data.schema import DataError, Problem
from wargame.saves import SaveError

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

EXIT_BAD_INPUT = 2


class UsageError(Exception):
    """A problem with what the user asked for; printed without a traceback, exit 2."""


# --- helpers ---------------------------------------------------------------------------------------


def _print_problems(problems: Sequence[Problem]) -> None:
    for p in problems:
        line = Text()
        name = p.file if len(p.file) <= 120 else p.file[:60] + "..." + p.file[-40:]  # a 5,000-character name
        line.append(f"{name}:{p.line}:{p.column}" if p.line else name, style="bold")
        line.append(": ")
        line.append(p.path, style="cyan")
        line.append(": ")
        line.append(p.message)
        err.print(line)


def _schemas() -> dict[str, object]:
    from wargame.data.forces import OOB_SPEC, UNIT_TYPES_SPEC
    from wargame.data.maps import MAP_SPEC
    from wargame.data.scenario import scenario_spec
    from wargame.study.spec import study_spec

    kinds: dict[str, object] = {
        "map": MAP_SPEC,
        "unit-types": UNIT_TYPES_SPEC,
        "oob": OOB_SPEC,
        "scenario": scenario_spec(),
        "study": study_spec(),
    }
    try:
        tables = importlib.import_module("wargame.data.tables")
        if hasattr(tables, "TABLES_SPEC"):
            kinds["tables"] = tables.TABLES_SPEC
    except ImportError:
        pass
    return kinds


FORMAT_KIND = {
    "wargame-map/1": "map",
    "wargame-unit-types/1": "unit-types",
    "wargame-oob/1": "oob",
    "wargame-scenario/1": "scenario",
    "wargame-tables/1": "tables",
    "wargame-study/1": "study",
}


def _sniff_format(path: Path) -> tuple[str | None, list[Problem]]:
    """The file's `format:` value, read cheaply, or the problems that stop us reading it."""
    import yaml

    from wargame.data.schema import Context, compose_file

    ctx = Context(str(path))
    node = compose_file(path, ctx)
    if node is None:
        return None, ctx.problems
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == "format" and isinstance(v, yaml.ScalarNode):
                return v.value, []
    return None, [
        Problem(str(path), 1, 1, "format", f"expected a top-level 'format:' key, one of {', '.join(FORMAT_KIND)}")
    ]


def _validate_one(path: Path) -> list[Problem]:
    fmt, problems = _sniff_format(path)
    if problems:
        return problems
    kind = FORMAT_KIND.get(fmt or "")
    if kind is None:
        return [Problem(str(path), 1, 1, "format", f"unknown format {fmt!r}; expected one of {', '.join(FORMAT_KIND)}")]
    try:
        if kind == "map":
            from wargame.data.maps import load_map

            load_map(path)
        elif kind == "unit-types":
            from wargame.data.forces import load_unit_types

            load_unit_types(path)
        elif kind == "oob":
            _validate_oob(path)
        elif kind == "scenario":
            from wargame.data.scenario import load_scenario

            load_scenario(path)
        elif kind == "tables":
            from wargame.data.tables import load_tables

            load_tables(path)
        elif kind == "study":
            from wargame.study.spec import load_study

            load_study(path)
    except DataError as e:
        return e.problems
    return []


def _validate_oob(path: Path) -> None:
    """An OOB alone: its own shape, and that its unit types exist in the unit types beside it."""
    from wargame.data.forces import load_oob, load_unit_types

    oob = load_oob(path, partial=True)
    sibling = path.parent / "unit_types.yaml"
    try:
        types, _ = load_unit_types(sibling if sibling.exists() else "unit_types")
    except DataError:
        oob.ctx.raise_if_problems()  # the unit types have their own problems: report this file's own
        return
    for i, u in enumerate(oob.data.get("units") or []):
        if u is not None and u.get("type") is not None and u["type"] not in types:
            oob.ctx.error_at(
                ("units", i, "type"), f"unknown unit type {u['type']!r}; known: {', '.join(sorted(types))}"
            )
    oob.ctx.raise_if_problems()


# --- subcommands ---------------------------------------------------------------------------------


def cmd_validate(args: argparse.Namespace) -> int:
    bad = 0
    for name in args.files:
        problems = _validate_one(Path(name))
        if problems:
            bad += 1
            _print_problems(problems)
        else:
            out.print(Text.assemble((name, "bold"), ": ", ("ok", "green")))
    if bad:
        err.print(f"{bad} of {len(args.files)} file(s) have problems")
        return EXIT_BAD_INPUT
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    kinds = _schemas()
    spec = kinds.get(args.kind)
    if spec is None:
        raise UsageError(f"unknown kind {args.kind!r}; expected one of {', '.join(kinds)}")
    js = spec.json_schema()  # type: ignore[attr-defined]
    doc = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": f"Baltic wargame {args.kind} file", **js}
    sys.stdout.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    return 0


def cmd_scenarios(args: argparse.Namespace) -> int:
    from wargame.data.scenario import list_scenarios

    table = Table(title="Scenarios", title_justify="left")
    table.add_column("id", style="bold", no_wrap=True)
    table.add_column("title", ratio=1)
    table.add_column("summary", ratio=2)
    rows = list_scenarios()
    for sid, title, summary, _path in rows:
        table.add_row(sid, title, summary)
    out.print(table)
    if not rows:
        out.print("No scenarios found.")
    return 0


def _load_board_and_units(name: str):
    """A scenario id/path (board + starting units) or a map id/path (board only)."""
    from wargame.data import paths
    from wargame.data.maps import load_map
    from wargame.data.scenario import load_scenario

    scen_path = paths.resolve("scenarios", name)
    if scen_path.exists():
        fmt, problems = _sniff_format(scen_path)
        if fmt == "wargame-scenario/1":
            sc = load_scenario(scen_path)
            return sc.board, [u for u in sc.units if u.hex is not None], sc
    map_path = paths.resolve("maps", name)
    if map_path.exists():
        return load_map(map_path), [], None
    raise UsageError(f"{name!r} is neither a scenario nor a map (looked for {scen_path} and {map_path})")


def _parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = text.lower().split("x")
        return int(w), int(h)
    except ValueError:
        raise UsageError(f"--size {text!r}: expected WIDTHxHEIGHT in terminal cells, e.g. 120x40") from None


def cmd_map(args: argparse.Namespace) -> int:
    from wargame.render import find_place, legend, render_board, window_around

    board, units, scenario = _load_board_and_units(args.name)
    centre = None
    if args.at:
        try:
            centre = board.parse_hex(args.at)
        except ValueError as e:
            city, near = find_place(board, args.at)
            if city is None:
                hint = f"; did you mean {', '.join(near)}?" if near else "; or give a city name on the map"
                raise UsageError(f"--at {args.at}: {e}{hint}") from None
            centre = city.hex
    term_w, term_h = out.size.width, out.size.height
    if args.size:
        w, h = _parse_size(args.size)
    elif args.full:
        w, h = board.cols * 4 + 2, board.rows * 2
    elif args.at:
        w, h = term_w, max(20, term_h - 4)
    else:
        w, h = term_w, board.rows * 2  # the terminal's width, every row: it scrolls, it does not wrap
    win = window_around(board, centre, w, h)
    marks = {}
    for hexes in board.outskirts.values():
        for hx in hexes:
            if hx not in board.cities:
                marks[hx] = "o"
    title = scenario.title if scenario else board.title
    scale = f" ({board.hex_size_km:g} km hexes)" if "km hexes" not in title else ""
    out.print(
        Text(
            f"{title} — hexes {win.col0 + 1:02d}{win.row0 + 1:02d} to "
            f"{win.col0 + win.cols:02d}{win.row0 + win.rows:02d}{scale}",
            style="bold",
        )
    )
    if win.cols < board.cols or win.rows < board.rows:
        out.print(
            Text(
                f"(a window of {win.cols}x{win.rows} of {board.cols}x{board.rows} hexes: --full draws all, "
                "--at HEX|CITY moves it)",
                style="dim",
            )
        )
    wide = Console(
        width=max(out.size.width, win.cols * 4 + 4),
        highlight=False,
        force_terminal=out.is_terminal,
        color_system=out.color_system or None,  # type: ignore[arg-type]  # one of rich's own names
        soft_wrap=True,
    )
    for line in render_board(board, win, units, marks):
        wide.print(line, no_wrap=True, overflow="crop", crop=False)
    out.print(legend(width=max(40, min(term_w, w) if args.size else term_w), types=units, board=board), soft_wrap=False)
    return 0


def cmd_oob(args: argparse.Namespace) -> int:
    from wargame.data.scenario import load_scenario
    from wargame.model.units import Side

    sc = load_scenario(args.scenario)
    sides = [Side(args.side)] if args.side else [Side.RED, Side.BLUE]
    for side in sides:
        units = [u for u in sc.units if u.side is side]
        setup = sc.sides[side]
        table = Table(
            title=f"{setup.name} ({side.value}) — {len(units)} units",
            title_justify="left",
            title_style="bold " + ("red" if side is Side.RED else "blue"),
        )
        for col in ("unit", "type", "formation", "att", "def", "steps", "mp", "where", "when"):
            table.add_column(col, justify="right" if col in ("att", "def", "steps", "mp") else "left")
        for u in sorted(units, key=lambda u: (u.arrival_turn, u.formation, u.id)):
            if u.hex is not None:
                city = sc.board.cities.get(u.hex)
                where = sc.board.hex_id(u.hex) + (f" {city.name}" if city else "")
                when = "start"
            else:
                area = sc.board.areas.get(u.entry_area or "")
                where = area.title if area else (u.entry_area or "?")
                when = f"turn {u.arrival_turn} (H+{sc.clock.hour(u.arrival_turn)})"
            table.add_row(
                u.name,
                u.type.name,
                u.formation,
                f"{u.attack:g}",
                f"{u.defence:g}",
                f"{u.steps}/{u.type.steps}",
                str(u.type.movement),
                where,
                when,
            )
        out.print(table)
        pool = sc.air.get(side)
        if pool:
            out.print(f"Air sorties per turn: {pool.day} by day, {pool.night} by night")
    return 0


def _check_player(flag: str, name: str | None) -> None:
    """`--red`/`--blue`: human, a built-in bot, or package.module:Class (checked when the game starts)."""
    from wargame.bots.base import BOTS

    if name is None or name == "human" or name in BOTS or ":" in name:
        return
    raise UsageError(f"{flag} {name!r}: expected human or a bot: {', '.join(BOTS)} (or package.module:Class)")


def cmd_play(args: argparse.Namespace) -> int:
    _check_player("--red", args.red)
    _check_player("--blue", args.blue)
    if args.scenario is not None:
        from wargame.data import paths

        if not paths.resolve("scenarios", args.scenario).exists():
            from wargame.data.scenario import list_scenarios

            known = ", ".join(sid for sid, *_ in list_scenarios())
            raise UsageError(f"no scenario {args.scenario!r}; known scenarios: {known} (or a path to a scenario file)")
    for flag, path in (("--load", args.load), ("--watch", args.watch)):
        if path is not None and not Path(path).is_file():
            raise UsageError(f"{flag} {path}: no such save file")
    from wargame.bots.base import trust

    for name in (args.red, args.blue):
        if name:
            trust(name)  # a plug-in bot named here, on the command line, may be imported
    for save in (args.load, args.watch):
        if save:
            from wargame.saves import players_of, read_save

            rec = read_save(save)  # refuse a bad save here, with its place, before the UI starts
            players_of(rec, {"red": args.red, "blue": args.blue})
    try:
        tui = importlib.import_module("wargame.tui")
    except ImportError as e:
        if "textual" in str(e):
            raise UsageError("the terminal UI needs the 'textual' package: pip install textual") from None
        raise
    return int(
        tui.run(
            args.scenario,
            red=args.red,
            blue=args.blue,
            seed=args.seed,
            umpire=args.umpire,
            load=args.load,
            replay=args.watch,
        )
        or 0
    )


def _delegate(module: str, func: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        mod = importlib.import_module(module)
        return int(getattr(mod, func)(args) or 0)

    return run


# --- the parser ----------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="wargame",
        description="Baltic wargame: a RAND-style hex-and-counter game of a Russian incursion into the Baltic states.",
        epilog="Run `wargame COMMAND --help` for the options of a command. With no command, the game starts.",
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    play = sub.add_parser(
        "play",
        help="play in the terminal (the default command)",
        description="Open the terminal UI: choose a scenario and who plays each side, or load a game.",
    )
    play.add_argument("scenario", nargs="?", help="scenario id (see `wargame scenarios`); default: the start screen")
    import textwrap

    from wargame.tui.players import PLAYER_HELP

    play.formatter_class = argparse.RawDescriptionHelpFormatter
    play.epilog = "players:\n" + "\n".join(
        textwrap.fill(v, 78, initial_indent=f"  {k:<12}", subsequent_indent=" " * 14) for k, v in PLAYER_HELP.items()
    )
    names = ", ".join(PLAYER_HELP)
    play.add_argument("--red", default=None, metavar="PLAYER", help=f"who plays Red: {names} (see below)")
    play.add_argument("--blue", default=None, metavar="PLAYER", help=f"who plays Blue: {names} (see below)")
    play.add_argument("--seed", type=int, default=None, help="random seed (default: chosen at random and shown)")
    play.add_argument("--umpire", action="store_true", help="umpire mode: every random result is proposed for approval")
    play.add_argument("--load", metavar="SAVE", default=None, help="load a saved game and play on")
    play.add_argument("--watch", metavar="SAVE", default=None, help="watch a saved game replayed from its start")
    play.add_argument(
        "--ascii",
        action="store_true",
        help="draw counters with two-letter type codes instead of NATO symbols (also: WARGAME_ASCII=1)",
    )
    play.set_defaults(func=cmd_play)

    v = sub.add_parser(
        "validate",
        help="check data files (maps, unit types, orders of battle, scenarios, tables)",
        description="Check YAML data files. One line per problem (file:line:column: field: what was expected); exit 2 "
                    "if any.",
    )
    v.add_argument("files", nargs="+", metavar="FILE")
    v.set_defaults(func=cmd_validate)

    s = sub.add_parser(
        "schema",
        help="print the JSON Schema of a file kind, for editors",
        description="Print a JSON Schema (draft 2020-12) for one kind of data file.",
    )
    s.add_argument("kind", help="map, unit-types, oob, scenario or tables")
    s.set_defaults(func=cmd_schema)

    m = sub.add_parser(
        "map",
        help="draw a board (or a scenario's board with its units) in the terminal",
        description="Draw the board with terrain colours, rivers and borders on hexsides, roads, cities, and units "
                    "when a scenario is given.",
    )
    m.add_argument("name", metavar="SCENARIO_OR_MAP", help="a scenario id, a map id (e.g. baltic), or a path")
    m.add_argument(
        "--at",
        metavar="HEX",
        help="centre the window on a hex id (e.g. 3736) or a city name (any case, accents optional: riga, adazi)",
    )
    m.add_argument(
        "--size", metavar="WxH", help="window size in terminal cells (default: the terminal's width, every row)"
    )
    m.add_argument("--full", action="store_true", help="draw the whole board, however wide")
    m.add_argument(
        "--ascii",
        action="store_true",
        help="draw counters with two-letter type codes instead of NATO symbols (also: WARGAME_ASCII=1)",
    )
    m.set_defaults(func=cmd_map)

    sc = sub.add_parser(
        "scenarios", help="list the scenarios", description="List the scenarios with a one-line summary."
    )
    sc.set_defaults(func=cmd_scenarios)

    o = sub.add_parser(
        "oob", help="print a scenario's forces", description="Print a scenario's orders of battle as tables."
    )
    o.add_argument("scenario")
    o.add_argument("--side", choices=("red", "blue"))
    o.set_defaults(func=cmd_oob)

    r = sub.add_parser(
        "replay",
        help="re-run a saved game and check it reproduces the same events",
        description="Re-run a saved game from its scenario, seed and orders, and check every event matches.",
    )
    r.add_argument("save", metavar="SAVE")
    r.add_argument(
        "--scenario",
        metavar="FILE",
        default=None,
        help="the scenario file, when it is not in the data folder (its data must hash as the save says)",
    )
    r.add_argument("--vcr", action="store_true",
                   help="play it back on screen: play, pause, step back and forth, jump to a turn, bookmarks")
    r.set_defaults(func=_delegate("wargame.replay", "main"))

    rp = sub.add_parser("report", help="write an after-action report of a saved game (.html or .md)",
                        description="Write one self-contained after-action report from a save: briefing, "
                        "a map per turn, "
                                    "the timeline, charts, rulings and injects, the outcome.")
    rp.add_argument("save", metavar="SAVE")
    rp.add_argument("--out", metavar="FILE", required=True, help="report.html (with a turn slider) or report.md")
    rp.add_argument("--scenario", metavar="FILE", default=None,
                    help="the scenario file, when it is not in the data folder")
    rp.set_defaults(func=_delegate("wargame.aar.report", "main"))

    sv = sub.add_parser("serve", help="the seminar room in browsers: a URL per role (needs the 'serve' extra)",
                        description="Serve the game to browsers through textual-serve: /red, /blue "
                        "(each team under its "
                                    "own fog), /facilitator (the White cell), /projector (read-only). Loopback unless "
                                    "--host; any other host needs an access token.")
    sv.add_argument("scenario", nargs="?", help="scenario id or file for a new session (default: the start screen)")
    sv.add_argument("--session", metavar="SAVE", default="seminar.save",
                    help="the session's save file, shared by the roles (default: seminar.save; loaded if it exists)")
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    sv.add_argument("--port", type=int, default=8000)
    sv.add_argument("--token", default=None,
                    help="access token (required off loopback; made up and printed if not given)")
    sv.add_argument("--seed", type=int, default=None)
    sv.add_argument("--red", default=None, metavar="PLAYER", help="who enters Red's orders (default: human)")
    sv.add_argument("--blue", default=None, metavar="PLAYER", help="who enters Blue's orders (default: human)")
    sv.add_argument("--injects", metavar="YAML", default=None, help="the facilitator's inject deck")
    sv.add_argument("--no-umpire", action="store_true",
                    help="results stand without the White cell's ruling (default: every result waits for it)")
    sv.set_defaults(func=_delegate("wargame.tui.serve", "main"))

    sm = sub.add_parser("seminar", help="one seminar role in this terminal (what `wargame serve` runs per tab)",
                        description="Run one seminar role on the session file: facilitator, red, blue or projector.")
    sm.add_argument("role", choices=("facilitator", "red", "blue", "projector"))
    sm.add_argument("--session", metavar="SAVE", default="seminar.save")
    sm.add_argument("--scenario", default=None)
    sm.add_argument("--seed", type=int, default=None)
    sm.add_argument("--red", default=None, metavar="PLAYER")
    sm.add_argument("--blue", default=None, metavar="PLAYER")
    sm.add_argument("--injects", metavar="YAML", default=None)
    sm.add_argument("--no-umpire", action="store_true")
    sm.set_defaults(func=_delegate("wargame.tui.seminar", "main"))

    batch = importlib.import_module("wargame.batch_cli") if _has("wargame.batch_cli") else None
    for name, helptext in (
        ("batch", "run many bot-vs-bot games on all cores"),
        ("compare", "compare scenarios or postures side by side by batch statistics"),
    ):
        b = sub.add_parser(name, help=helptext, description=helptext.capitalize() + ".")
        if batch is not None:
            getattr(batch, f"add_{name}_arguments")(b)
        b.set_defaults(func=_delegate("wargame.batch_cli", f"cmd_{name}"))

    from wargame.crisis import cli as crisis_cli

    cr = sub.add_parser("crisis", help="play a crisis before H-hour with bots, day by day (docs/crisis.md)",
                        description="Play a scenario's crisis phase with bots and print it day by day, with its "
                                    "outcome and what it hands to the war; --war plays the war that follows.")
    crisis_cli.add_crisis_arguments(cr)
    cr.set_defaults(func=crisis_cli.cmd_crisis)
    from wargame.study import cli as study_cli

    st = sub.add_parser(
        "study",
        help="run a study file: cases x replications, statistics, report",
        description="Run a study (docs/studies.md): every case x replication on common seeds, resumable; "
        "summary and paired differences against the baseline.",
    )
    study_cli.add_study_arguments(st)
    st.set_defaults(func=study_cli.cmd_study)
    fc = sub.add_parser(
        "forecast",
        help="the umpire's forecast from a saved position, by rollouts",
        description="Play N rollouts on from a saved game (from the true position) and print the "
        "measure's distribution and each capital's chance by H+x.",
    )
    study_cli.add_forecast_arguments(fc)
    fc.set_defaults(func=study_cli.cmd_forecast)
    return p


def _has(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["play", *(argv or [])])
    if getattr(args, "ascii", False):
        from wargame.render import set_ascii

        set_ascii(True)
    try:
        return args.func(args)
    except DataError as e:
        _print_problems(e.problems)
        return EXIT_BAD_INPUT
    except UsageError as e:
        err.print(Text(f"wargame: {e}"))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        err.print("interrupted")
        return 130
    except SaveError as e:
        err.print(Text(f"wargame: {e}"))
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
