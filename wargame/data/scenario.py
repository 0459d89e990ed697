"""scenarios/<id>.yaml -> Scenario, with its map, unit types, orders of battle and rules tables.

Everything is checked together: unit types exist, start hexes are land hexes of the unit's own side,
arrival areas exist on the map, unit ids are unique, measure and objective cities exist.
Every problem names its file, line, column and field; all problems are reported at once.
"""

from __future__ import annotations

import hashlib
import importlib
from pathlib import Path
from typing import Any

from wargame.data import paths
from wargame.data.forces import load_oob, load_unit_types
from wargame.data.maps import load_map
from wargame.data.readfile import read_text
from wargame.data.schema import Bool, DataError, F, Int, Record, Seq, Spec, Str, load_validated
from wargame.hexgrid import parse_hex_id
from wargame.model.scenario import AirPool, Clock, Scenario, SideSetup, Victory
from wargame.model.units import Side, Unit

ID = r"[a-z0-9][a-z0-9\-_]*"
COUNTRY = Str(pattern=r"[A-Z]{3}", pattern_hint="a 3-letter country code")

# The rules own their parameters; until wargame.data.tables defines PARAMETERS_SPEC these are known.
_DEFAULT_PARAMETERS = Record({
    "warning_hours": F(Int(min=0), required=False, default=0, doc="NATO warning time before H-hour, hours"),
    "belarus": F(Bool(), required=False, default=False, doc="may Red move through Belarus?"),
    "night": F(Bool(), required=False, default=True, doc="do night turns alternate with day turns?"),
})


def parameters_spec() -> Record:
    try:
        mod = importlib.import_module("wargame.data.tables")
    except ImportError:
        return _DEFAULT_PARAMETERS
    spec = getattr(mod, "PARAMETERS_SPEC", _DEFAULT_PARAMETERS)
    return spec if isinstance(spec, Record) else _DEFAULT_PARAMETERS


def scenario_spec() -> Record:
    side = Record({
        "name": F(Str(min_len=1)),
        "countries": F(Seq(COUNTRY, min_items=1)),
        "briefing": F(Str(), required=False, default=""),
    })
    return Record({
        "format": F(Str(choices=("wargame-scenario/1",))),
        "id": F(Str(pattern=ID, pattern_hint="a lower-case id")),
        "title": F(Str(min_len=1)),
        "summary": F(Str(min_len=1), doc="one line for `wargame scenarios`"),
        "description": F(Str(), required=False, default=""),
        "map": F(Str(min_len=1), doc="map id (maps/<id>.yaml) or path"),
        "unit_types": F(Str(), required=False, default="unit_types"),
        "tables": F(Str(), required=False, default="standard"),
        "orders_of_battle": F(Seq(Str(min_len=1), min_items=1)),
        "clock": F(Record({
            "turn_hours": F(Int(min=1, max=168), required=False, default=12),
            "first_turn": F(Str(choices=("day", "night")), required=False, default="day"),
            "length_turns": F(Int(min=1, max=500)),
            "start": F(Str(), required=False, default=""),
        })),
        "parameters": F(parameters_spec(), required=False, default=None),
        "sides": F(Record({"red": F(side), "blue": F(side)})),
        "neutral": F(Seq(COUNTRY), required=False, default=[]),
        "victory": F(Record({
            "measure": F(Seq(Str(min_len=1), min_items=1), doc="outskirts names: first Red entry is the RAND measure"),
            "objectives": F(Seq(Str(min_len=1)), required=False, default=[]),
            "red_goals": F(Seq(Str(min_len=1)), required=False, default=[],
                           doc="cities Red's bots drive on (default: the measure cities)"),
            "hold": F(Seq(Str(min_len=1)), required=False, default=[],
                      doc="the scenario's own verdict: Red wins if it holds every one of these cities at the end"),
            "description": F(Str(), required=False, default=""),
        })),
        "crisis": F(_crisis_spec(), required=False, default=None, doc="a crisis phase before H-hour (docs/crisis.md)"),
    }, description="A scenario (wargame-scenario/1). See docs/formats.md.")


def _crisis_spec() -> Spec:
    from wargame.crisis.tables import settings_spec

    return settings_spec()


def load_tables(name: str) -> Any:
    try:
        mod = importlib.import_module("wargame.data.tables")
    except ImportError:
        return None
    return mod.load_tables(name)


def load_scenario(path_or_id: str | Path) -> Scenario:
    """Load a scenario and everything it names. Raises DataError listing every problem."""
    path = paths.resolve("scenarios", path_or_id)
    data, ctx = load_validated(path, scenario_spec(), paths.display(path))
    problems = []

    refs: list[Path] = [path]

    def attempt(fn, field: tuple, kind: str, *args):
        """Load a referenced file; a problem with the file as a whole (missing, unreadable, a path
        that leaves the data folders) is placed at the line of the scenario that names it."""
        ref = data
        for k in field:
            ref = ref[k]
        try:
            target = _relative(path, kind, ref)
        except ValueError as e:
            ctx.error_at(field, str(e))
            return None
        refs.append(target)
        try:
            return fn(target, *args)
        except DataError as e:
            for p in e.problems:
                if p.line:
                    problems.append(p)
                else:
                    ctx.error_at(field, f"{kind.replace('_', ' ')} {ref[:80]!r}: {p.file[-80:]}: {p.message}")
            return None

    board = attempt(load_map, ("map",), "maps")
    loaded_types = attempt(load_unit_types, ("unit_types",), "orders_of_battle")
    tables = attempt(load_tables, ("tables",), "tables")
    oobs = [
        attempt(load_oob, ("orders_of_battle", i), "orders_of_battle", True)
        for i in range(len(data["orders_of_battle"]))
    ]
    if problems or ctx.problems or board is None or loaded_types is None:
        for oob in oobs:  # what each order of battle says of itself still counts
            if oob is not None:
                problems.extend(oob.ctx.problems)
        raise DataError(ctx.problems + problems)
    types = loaded_types[0]

    params = data["parameters"]
    if params is None:
        spec = parameters_spec()
        params = spec.defaults() if isinstance(spec, Record) else {}

    sides = {
        Side(s): SideSetup(Side(s), v["name"], frozenset(v["countries"]), v["briefing"])
        for s, v in data["sides"].items()
    }
    neutral = frozenset(data["neutral"])
    for s, setup in sides.items():
        for c in setup.countries & neutral:
            ctx.error_at(("sides", s.value, "countries"), f"{c} is both {s.value}'s and neutral")

    cities = {c.name for c in board.cities.values()}
    for i, name in enumerate(data["victory"]["measure"]):
        if name not in board.outskirts:
            ctx.error_at(
                ("victory", "measure", i),
                f"{name!r} has no outskirts on map {board.id} (known: {', '.join(sorted(board.outskirts)) or 'none'})",
            )
        elif not any(board.is_land(h) for h in board.outskirts[name]):
            ctx.error_at(
                ("victory", "measure", i), f"the outskirts of {name!r} have no land hex: Red can never reach them"
            )
    for key in ("objectives", "red_goals", "hold"):
        for i, name in enumerate(data["victory"][key]):
            if name not in cities:
                ctx.error_at(("victory", key, i), f"{name!r} is not a city on map {board.id}")

    units: list[Unit] = []
    seen: dict[str, str] = {}
    air: dict[Side, AirPool] = {}
    for oob in oobs:
        if oob is None:
            continue
        octx = oob.ctx
        side = oob.side
        own = sides[side].countries
        if oob.data.get("air") and oob.data["air"].get("sorties"):
            a = oob.data["air"]
            prev = air.get(side)
            pool = AirPool(a["sorties"]["day"], a["sorties"]["night"], a["source"], a["assumption"], a.get("lift", 0))
            air[side] = (
                pool
                if prev is None
                else AirPool(
                    prev.day + pool.day,
                    prev.night + pool.night,
                    "; ".join(x for x in (prev.source, pool.source) if x),
                    "; ".join(x for x in (prev.assumption, pool.assumption) if x),
                    prev.lift + pool.lift,
                )
            )
        for i, u in enumerate(oob.data.get("units") or []):
            where = ("units", i)
            if (
                u is None
                or any(u.get(k) is None for k in ("id", "name", "nation", "type"))
                or (u["hex"] is None and u["arrive"] is None)
            ):
                continue  # already reported by the schema
            if u["id"] in seen:
                octx.error_at(where + ("id",), f"duplicate unit id {u['id']!r} (also in {seen[u['id']]})")
                continue
            seen[u["id"]] = oob.ctx.file
            utype = types.get(u["type"])
            if utype is None:
                octx.error_at(where + ("type",), f"unknown unit type {u['type']!r} (see {loaded_types[1].file})")
                continue
            hex_ = None
            arrival, area = 0, None
            if u["hex"] is not None:
                try:
                    h = parse_hex_id(u["hex"])
                except ValueError as e:
                    octx.error_at(where + ("hex",), str(e))
                    continue
                if not board.on_board(h):
                    octx.error_at(where + ("hex",), f"hex {u['hex']} is off the board ({board.cols}x{board.rows})")
                    continue
                if not board.is_land(h):
                    octx.error_at(where + ("hex",), f"hex {u['hex']} is {board.terrain[h]}, not land")
                    continue
                c = board.country.get(h)
                if c not in own:
                    octx.error_at(
                        where + ("hex",),
                        f"hex {u['hex']} is in {c}, not in {side.value}'s countries ({', '.join(sorted(own))})",
                    )
                    continue
                hex_ = h
            else:
                arrival, area = u["arrive"]["turn"], u["arrive"]["area"]
                if arrival is None or area is None:
                    continue  # already reported by the schema
                if arrival > data["clock"]["length_turns"]:
                    octx.error_at(
                        where + ("arrive", "turn"),
                        f"turn {arrival} is after the end of scenario {data['id']} "
                        f"({data['clock']['length_turns']} turns)",
                    )
                    continue
                if area not in board.areas:
                    octx.error_at(where + ("arrive", "area"), f"{area!r} is not an area of map {board.id}")
                    continue
            steps = u["steps"] if u["steps"] is not None else utype.steps
            if steps > utype.steps:
                octx.error_at(where + ("steps",), f"expected at most {utype.steps} steps for a {utype.id}; got {steps}")
                continue
            units.append(
                Unit(
                    u["id"],
                    u["name"],
                    side,
                    u["nation"],
                    utype,
                    u["formation"],
                    hex_,
                    steps,
                    arrival,
                    area,
                    u["source"],
                    u["assumption"],
                    oob.id,
                )
            )
        problems.extend(octx.problems)
    for side in Side:
        if not any(u.side is side for u in units) and not problems:
            ctx.error_at(("orders_of_battle",), f"{side.value} has no units: each side needs a force")
    crisis = None
    if data.get("crisis") is not None:
        from wargame.crisis.loading import crisis_settings

        crisis, crisis_tables = crisis_settings(data["crisis"], ctx, board, types, units, sides)
        refs.extend(crisis_tables)
    problems.extend(ctx.problems)
    if problems:
        raise DataError(problems)

    c = data["clock"]
    scenario = Scenario(
        id=data["id"],
        title=data["title"],
        summary=data["summary"],
        board=board,
        unit_types=types,
        units=units,
        clock=Clock(c["turn_hours"], c["first_turn"], c["length_turns"], c["start"]),
        parameters=params,
        sides=sides,
        neutral=neutral,
        victory=Victory(
            tuple(data["victory"]["measure"]),
            tuple(data["victory"]["objectives"]),
            data["victory"]["description"],
            tuple(data["victory"]["red_goals"]),
            tuple(data["victory"]["hold"]),
        ),
        air=air,
        tables_id=data["tables"],
        tables=tables,
        oob_ids=tuple(o.id for o in oobs if o),
        path=path,
        crisis=crisis,
    )
    scenario.data_sha256 = data_hash(refs)  # type: ignore[attr-defined]  # what a save names
    return scenario


def data_hash(files: list[Path]) -> str:
    """sha256 over the contents of every file a scenario was built from, in load order: a save names
    its scenario by id plus this, so replay works from any folder and notices changed data."""
    h = hashlib.sha256()
    for f in files:
        h.update(hashlib.sha256(read_text(f).encode()).digest())
    return h.hexdigest()


def _relative(scenario_path: Path, kind: str, ref: str) -> Path:
    """Where a scenario's reference points. A path is taken relative to the scenario's folder and
    must stay inside its data tree (no absolute paths, no `..` out of it); a bare id is looked for
    first in the `<kind>/` folder beside the scenario's own folder (so a copied data tree works
    wherever it is), then in the data folder. ValueError for a reference that leaves the tree."""
    if "\0" in ref or len(ref) > 255:
        raise ValueError("expected a file id or a short relative path")
    p = paths.resolve(kind, ref)
    if p.parent != paths.data_dir(kind):  # a path, not a bare id
        if p.is_absolute() or ".." in p.parts or p.suffix not in (".yaml", ".yml"):
            raise ValueError(
                f"{ref[:80]!r}: a data file names another by id or by a relative .yaml path "
                "inside its data folder (no absolute paths, no '..')"
            )
        return scenario_path.parent / p
    sibling = scenario_path.resolve().parent.parent / kind / p.name
    return sibling if sibling.exists() else p


def list_scenarios() -> list[tuple[str, str, str, Path]]:
    """(id, title, summary, path) of every scenario in the data folder; unreadable files give an error line."""
    out = []
    for p in sorted(paths.data_dir("scenarios").glob("*.yaml")):
        try:
            data, _ = load_validated(p, scenario_spec(), paths.display(p))
            out.append((data["id"], data["title"], data["summary"], p))
        except DataError as e:
            out.append((p.stem, "(invalid)", str(e.problems[0]), p))
    return out
