"""Override primitives: pure functions `Scenario -> Scenario` that a study's cases are built from.

Each returns a new Scenario and leaves its argument untouched (units that change are copied; the
board, unit types and, unless a table value is set, the tables are shared, so the per-board index
is shared too). A study file names them as one-key mappings (`wargame.study.spec`); `apply` runs a
list of them in order. None of them can name code: they only select, copy and scale data.

| kind | what it does |
|---|---|
| `remove_units` | drop a side's units matching a formation glob / nations / categories / ids |
| `keep_nations` | keep only a side's units of the given nations (e.g. Blue = the Baltic states' own forces) |
| `add_brigades` | add the first `count` brigades (in `order`) of another OOB file's units |
| `add_units` | add the units of another OOB file whose formation matches a glob |
| `scale_air` | multiply a side's air sorties (day and night) by a factor, rounded half up |
| `remove_air_defence` | drop a side's air defence units (category `air_defence`) |
| `shift_arrivals` | bring a side's reinforcements `turns` earlier (negative: later); never before turn 2 |
| `scale_manoeuvre` | keep a fraction of a side's manoeuvre battalions (evenly spread), or of their steps |
| `set_parameters` | set scenario parameters (`warning_hours`, `red_competence`, ...) |
| `set_table` | set one rules-table value by dotted path (`combat.night_shift`) |
| `set_crisis` | set a crisis scenario's crisis settings (`cbms`, `efp`, `perception_bias`, `red_intent`, ...) |
"""

from __future__ import annotations

import copy
import dataclasses
import fnmatch
import math
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from wargame.data.schema import DataError, Problem
from wargame.forces import MANOEUVRE, brigade_of, root_of
from wargame.hexgrid import parse_hex_id
from wargame.model.scenario import AirPool, Scenario
from wargame.model.units import Side, Unit


class OverrideError(ValueError):
    """An override that does not fit the scenario (a side with no such units, a path not in the tables)."""


def _with_units(sc: Scenario, units: list[Unit]) -> Scenario:
    return dataclasses.replace(sc, units=units)


def _matches(u: Unit, side: Side, formation: str | None, nations: Iterable[str] | None,
             categories: Iterable[str] | None, ids: Iterable[str] | None) -> bool:
    if u.side is not side:
        return False
    if formation is not None and not fnmatch.fnmatchcase(u.formation, formation):
        return False
    if nations is not None and u.nation not in set(nations):
        return False
    if categories is not None and u.type.category not in set(categories):
        return False
    return ids is None or u.id in set(ids)


def remove_units(sc: Scenario, side: Side, formation: str | None = None, nations: Iterable[str] | None = None,
                 categories: Iterable[str] | None = None, ids: Iterable[str] | None = None) -> Scenario:
    """Without the side's units that match every given filter (a glob on the formation path)."""
    gone = [u for u in sc.units if _matches(u, side, formation, nations, categories, ids)]
    if not gone:
        raise OverrideError(f"remove_units: no {side.value} unit of scenario {sc.id} matches")
    return _with_units(sc, [u for u in sc.units if u not in gone])


def keep_nations(sc: Scenario, side: Side, nations: Iterable[str]) -> Scenario:
    """Only the side's units of these nations (the other side is untouched)."""
    keep = set(nations)
    return _with_units(sc, [u for u in sc.units if u.side is not side or u.nation in keep])


def remove_air_defence(sc: Scenario, side: Side) -> Scenario:
    return remove_units(sc, side, categories=("air_defence",))


def scale_air(sc: Scenario, side: Side, factor: float) -> Scenario:
    """The side's sorties per turn times `factor` (half up), by day and by night."""
    pool = sc.air.get(side)
    if pool is None:
        raise OverrideError(f"scale_air: {side.value} has no air in scenario {sc.id}")
    scaled = AirPool(math.floor(pool.day * factor + 0.5), math.floor(pool.night * factor + 0.5), pool.source,
                     (pool.assumption + "; " if pool.assumption else "") + f"scaled x{factor:g} by a study")
    return dataclasses.replace(sc, air={**sc.air, side: scaled})


def shift_arrivals(sc: Scenario, side: Side, turns: int) -> Scenario:
    """The side's late arrivals `turns` turns earlier (later when negative), never before turn 2."""
    units = []
    for u in sc.units:
        if u.side is side and u.arrival_turn:
            u = u.copy()
            u.arrival_turn = max(2, u.arrival_turn - turns)
        units.append(u)
    return _with_units(sc, units)


def scale_manoeuvre(sc: Scenario, side: Side, keep: float, mode: str = "units") -> Scenario:
    """A fraction `keep` of the side's manoeuvre strength, by a rule that depends on nothing but the data.

    `units`: the side's manoeuvre battalions sorted by (formation, id); battalion i (from 0) stays when
    floor((i+1)*keep) > floor(i*keep), which keeps floor(n*keep) of them spread evenly over the
    formations. `steps`: every manoeuvre battalion keeps ceil(steps*keep) of its steps (at least one).
    Fires, air defence, recon and headquarters are untouched (see `wargame.forces.MANOEUVRE`)."""
    if not 0 < keep <= 1:
        raise OverrideError(f"scale_manoeuvre: keep must be in (0, 1], got {keep}")
    man = sorted(
        (u for u in sc.units if u.side is side and u.type.category in MANOEUVRE), key=lambda u: (u.formation, u.id)
    )
    if mode == "units":
        drop = {u.id for i, u in enumerate(man) if math.floor((i + 1) * keep + 1e-9) <= math.floor(i * keep + 1e-9)}
        return _with_units(sc, [u for u in sc.units if u.id not in drop])
    if mode == "steps":
        ids = {u.id for u in man}
        units = []
        for u in sc.units:
            if u.id in ids:
                u = u.copy()
                u.steps = max(1, math.ceil(u.steps * keep - 1e-9))
            units.append(u)
        return _with_units(sc, units)
    raise OverrideError(f"scale_manoeuvre: mode must be units or steps, got {mode!r}")


def set_parameters(sc: Scenario, values: dict[str, Any]) -> Scenario:
    return dataclasses.replace(sc, parameters={**sc.parameters, **values})


def set_crisis(sc: Scenario, values: dict[str, Any]) -> Scenario:
    """The crisis settings of a scenario with a crisis phase (docs/crisis.md)."""
    if sc.crisis is None:
        raise OverrideError(f"set_crisis: scenario {sc.id} has no crisis phase")
    kw = {k: tuple(v) if isinstance(v, list) else v for k, v in values.items() if v is not None}
    return dataclasses.replace(sc, crisis=dataclasses.replace(sc.crisis, **kw))


def set_table(sc: Scenario, path: str, value: Any) -> Scenario:
    """One value of the rules tables, by dotted path into the tables file (`combat.night_shift`,
    `combat.crt.3.0`): the path must exist and the new value be of the same kind as the old."""
    from wargame.data.tables import tables_from_dict

    raw = copy.deepcopy(sc.tables.raw)
    parent: Any = None
    key: Any = None
    node: Any = raw
    for part in path.split("."):
        parent = node
        if isinstance(node, dict):
            key = part if part in node else (int(part) if part.lstrip("-").isdigit() and int(part) in node else part)
            if key not in node:
                raise OverrideError(f"set_table: {path!r}: no {part!r} (known here: {', '.join(map(str, node))})")
        elif isinstance(node, list):
            if not part.isdigit() or int(part) >= len(node):
                raise OverrideError(f"set_table: {path!r}: {part!r} is not an index below {len(node)}")
            key = int(part)
        else:
            raise OverrideError(f"set_table: {path!r}: {part!r} is below a single value")
        node = node[key]
    if isinstance(node, (dict, list)):
        raise OverrideError(f"set_table: {path!r} is a section, not one value")
    numeric = (int, float)
    same = isinstance(node, bool) == isinstance(value, bool) and (
        type(node) is type(value)
        or (isinstance(node, numeric) and isinstance(value, numeric) and not isinstance(node, bool))
    )
    if node is not None and not same:
        raise OverrideError(f"set_table: {path!r} holds {node!r}; {value!r} is not of the same kind")
    if isinstance(node, int) and not isinstance(node, bool) and isinstance(value, float) and not value.is_integer():
        raise OverrideError(f"set_table: {path!r} holds a whole number; got {value!r}")
    parent[key] = int(value) if isinstance(node, int) and not isinstance(node, bool) else value
    try:
        tables = tables_from_dict(raw, sc.tables.id)
    except (KeyError, TypeError, ValueError) as e:
        raise OverrideError(f"set_table: {path!r} = {value!r} breaks the tables: {e}") from None
    return dataclasses.replace(sc, tables=tables)


# --- adding forces from another order of battle -------------------------------------------------------


def oob_units(sc: Scenario, oob: str | Path) -> list[Unit]:
    """The units of an OOB file as this scenario would place them (same checks as the scenario loader:
    types exist, start hexes on the side's land, arrival areas on the map). DataError, located, if not."""
    from wargame.data.forces import load_oob

    f = load_oob(oob, partial=True)
    ctx = f.ctx
    own = sc.sides[f.side].countries
    units = []
    for i, u in enumerate(f.data.get("units") or []):
        where = ("units", i)
        if u is None or any(u.get(k) is None for k in ("id", "name", "nation", "type")):
            continue
        utype = sc.unit_types.get(u["type"])
        if utype is None:
            ctx.error_at(where + ("type",), f"unknown unit type {u['type']!r} in scenario {sc.id}")
            continue
        hex_, arrival, area = None, 0, None
        if u.get("hex") is not None:
            h = parse_hex_id(u["hex"])
            if not sc.board.on_board(h) or not sc.board.is_land(h) or sc.board.country.get(h) not in own:
                ctx.error_at(
                    where + ("hex",), f"hex {u['hex']} is not land of {f.side.value}'s countries on map {sc.board.id}"
                )
                continue
            hex_ = h
        elif u.get("arrive"):
            arrival, area = u["arrive"]["turn"], u["arrive"]["area"]
            if area not in sc.board.areas:
                ctx.error_at(where + ("arrive", "area"), f"{area!r} is not an area of map {sc.board.id}")
                continue
        steps = u["steps"] if u.get("steps") is not None else utype.steps
        units.append(
            Unit(
                u["id"],
                u["name"],
                f.side,
                u["nation"],
                utype,
                u.get("formation") or "",
                hex_,
                steps,
                arrival,
                area,
                u.get("source") or "",
                u.get("assumption") or "",
                f.id,
            )
        )
    ctx.raise_if_problems()
    return units


def _add(sc: Scenario, new: list[Unit], what: str, replace: bool = False) -> Scenario:
    """The new units added; with `replace`, a unit whose id the scenario has already takes the old
    one's place (e.g. the 2016 2nd Cavalry Regiment, redeployed as RAND's posture has it)."""
    if not new:
        raise OverrideError(f"{what}: no unit to add")
    ids = {u.id for u in new}
    clash = [u.id for u in sc.units if u.id in ids]
    if clash and not replace:
        raise OverrideError(
            f"{what}: unit id(s) already in scenario {sc.id}: {', '.join(clash[:5])} (replace: true "
            "puts the file's units in their place)"
        )
    return _with_units(sc, [u for u in sc.units if u.id not in ids] + new)


def brigades_of(units: Iterable[Unit], root: str | None = None) -> list[str]:
    """Brigade names (`wargame.forces.brigade_of`) in the order they first appear."""
    out: list[str] = []
    for u in units:
        b = brigade_of(u.formation)
        if b and b not in out and (root is None or root_of(u.formation) == root):
            out.append(b)
    return out


def add_brigades(
    sc: Scenario,
    oob: str | Path,
    count: int,
    order: list[str] | None = None,
    root: str | None = None,
    replace: bool = False,
) -> Scenario:
    """The first `count` brigades of `order` (default: the OOB's order) from the OOB file, every unit of
    each (its battalions, fires and support), added to the scenario as they stand in that file."""
    units = oob_units(sc, oob)
    known = brigades_of(units, root)
    order = list(order) if order else known
    unknown = [b for b in order if b not in known]
    if unknown:
        raise OverrideError(
            f"add_brigades: {', '.join(map(repr, unknown))} not in {oob} (brigades: {', '.join(known)})"
        )
    if not 0 <= count <= len(order):
        raise OverrideError(f"add_brigades: count {count} is not between 0 and {len(order)}")
    chosen = set(order[:count])
    if not chosen:
        return sc
    return _add(
        sc,
        [
            u
            for u in units
            if brigade_of(u.formation) in chosen and (root is None or root_of(u.formation) == root)
        ],
        "add_brigades",
        replace,
    )


def add_units(sc: Scenario, oob: str | Path, formation: str = "*", replace: bool = False) -> Scenario:
    units = [u for u in oob_units(sc, oob) if fnmatch.fnmatchcase(u.formation, formation)]
    return _add(sc, units, f"add_units {formation!r}", replace)


# --- the table a study file names them by ------------------------------------------------------------


def _side(p: dict[str, Any]) -> Side:
    return Side(p["side"])


KINDS: dict[str, Callable[[Scenario, dict[str, Any]], Scenario]] = {
    "remove_units": lambda sc, p: remove_units(
        sc, _side(p), p.get("formation"), p.get("nations"), p.get("categories"), p.get("ids")
    ),
    "keep_nations": lambda sc, p: keep_nations(sc, _side(p), p["nations"]),
    "add_brigades": lambda sc, p: add_brigades(
        sc, p["oob"], p["count"], p.get("order"), p.get("root"), bool(p.get("replace"))
    ),
    "add_units": lambda sc, p: add_units(sc, p["oob"], p.get("formation") or "*", bool(p.get("replace"))),
    "scale_air": lambda sc, p: scale_air(sc, _side(p), p["factor"]),
    "remove_air_defence": lambda sc, p: remove_air_defence(sc, _side(p)),
    "shift_arrivals": lambda sc, p: shift_arrivals(sc, _side(p), p["turns"]),
    "scale_manoeuvre": lambda sc, p: scale_manoeuvre(sc, _side(p), p["keep"], p.get("mode") or "units"),
    "set_parameters": lambda sc, p: set_parameters(sc, p),
    "set_table": lambda sc, p: set_table(sc, p["path"], p["value"]),
    "set_crisis": lambda sc, p: set_crisis(sc, p),
}


def apply(sc: Scenario, overrides: list[tuple[str, dict[str, Any]]]) -> Scenario:
    """The scenario with each (kind, parameters) applied in order."""
    for kind, params in overrides:
        sc = KINDS[kind](sc, params)
    return sc


def describe(overrides: list[tuple[str, dict[str, Any]]]) -> str:
    """One line for a CSV cell: `kind(key=value, ...); ...` in the file's order."""

    def val(v: Any) -> str:
        return "+".join(map(str, v)) if isinstance(v, list) else str(v)

    return "; ".join(
        f"{k}(" + ", ".join(f"{a}={val(b)}" for a, b in p.items() if b is not None and b is not False) + ")"
        for k, p in overrides
    )


__all__ = ["KINDS", "OverrideError", "apply", "describe", "DataError", "Problem"] + [k for k in KINDS]
