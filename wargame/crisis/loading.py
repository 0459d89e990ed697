"""A scenario's `crisis:` section checked against the scenario it belongs to (called by the scenario
loader): the tables load, infiltration hexes are land in Blue's countries, the eFP formation and the
special forces type exist, the limited goals are cities. Problems go to the scenario's context, so
they name the scenario file, line, column and field like every other problem.
"""

from __future__ import annotations

import fnmatch
from pathlib import Path
from typing import Any

from wargame.crisis.tables import CrisisSettings, load_crisis_tables
from wargame.data import paths
from wargame.data.schema import Context, DataError
from wargame.hexgrid import parse_hex_id
from wargame.model.board import Board
from wargame.model.scenario import SideSetup
from wargame.model.units import Side, Unit, UnitType


def crisis_settings(
    d: dict[str, Any],
    ctx: Context,
    board: Board,
    types: dict[str, UnitType],
    units: list[Unit],
    sides: dict[Side, SideSetup],
) -> tuple[CrisisSettings | None, list[Path]]:
    """The settings and the tables file they use (for the scenario's data hash); None on a problem."""
    before = len(ctx.problems)
    where = ("crisis",)
    files: list[Path] = []
    ref = d.get("tables") or "crisis"
    if "/" in ref or "\\" in ref or ref.startswith("."):
        ctx.error_at(where + ("tables",), "expected a tables id (tables/<id>.yaml), not a path")
    else:
        try:
            load_crisis_tables(ref)
            files.append(paths.resolve("tables", ref))
        except DataError as e:
            first = e.problems[0]
            ctx.error_at(where + ("tables",), f"crisis tables {ref!r}: {first.file}:{first.line}: {first.message}")
    blue = sides[Side.BLUE].countries
    for i, h in enumerate(d.get("infiltration") or []):
        try:
            hx = parse_hex_id(h)
        except ValueError as e:
            ctx.error_at(where + ("infiltration", i), str(e))
            continue
        if not board.on_board(hx) or not board.is_land(hx) or board.country.get(hx) not in blue:
            ctx.error_at(
                where + ("infiltration", i),
                f"hex {h} is not a land hex of Blue's countries ({', '.join(sorted(blue))})",
            )
    if d.get("infiltration") and d.get("sf_type") not in types:
        ctx.error_at(
            where + ("sf_type",),
            f"expected a unit type for infiltrated special forces; {d.get('sf_type')!r} is not one",
        )
    pat = d.get("efp_formation") or ""
    if pat and not any(u.side is Side.BLUE and fnmatch.fnmatchcase(u.formation, pat) for u in units):
        ctx.error_at(where + ("efp_formation",), f"no Blue unit's formation matches {pat!r}")
    cities = {c.name for c in board.cities.values()}
    for i, name in enumerate(d.get("limited_goals") or []):
        if name not in cities:
            ctx.error_at(where + ("limited_goals", i), f"{name!r} is not a city on map {board.id}")
    if len(ctx.problems) > before:
        return None, files
    return CrisisSettings.from_dict({k: v for k, v in d.items() if v is not None or k == "start_tension"}), files
