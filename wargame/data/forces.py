"""orders_of_battle/unit_types.yaml and orders_of_battle/<id>.yaml -> UnitType and Unit records.

Formats in docs/formats.md. Placement on the board is checked by the scenario loader, which knows the
map and the sides' countries.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wargame.data import paths
from wargame.data.schema import Context, F, HexId, Int, MapOf, Num, Record, Seq, Str, load_validated
from wargame.model.units import BRANCHES, CATEGORIES, MOBILITIES, Side, UnitType

ID = r"[a-z][a-z0-9_]*"
UNIT_ID = r"[a-z0-9][a-z0-9_.\-]*"


def _needs_basis(value: dict[str, Any], ctx: Context, path: tuple, node: Any) -> None:
    if not (value.get("source") or "").strip() and not (value.get("assumption") or "").strip():
        ctx.error(node, path, "needs a 'source' or an 'assumption' (every value is sourced or marked as assumed)")


UNIT_TYPE = Record({
    "id": F(Str(pattern=ID, pattern_hint="a lower-case id such as 'tank'")),
    "name": F(Str(min_len=1)),
    "category": F(Str(choices=CATEGORIES)),
    "branch": F(Str(choices=BRANCHES), doc="arm or branch after the APP-6 unit function: the counter's map symbol"),
    "symbol": F(Str(pattern=r"..", pattern_hint="exactly two characters")),
    "mobility": F(Str(choices=MOBILITIES)),
    "movement": F(Int(min=0, max=60), doc="movement points per turn"),
    "attack": F(Num(min=0, max=1000)),
    "defence": F(Num(min=0, max=1000)),
    "steps": F(Int(min=1, max=10)),
    "range": F(Int(min=0, max=50), required=False, default=0, doc="fire-support range in hexes"),
    "support": F(Num(min=0, max=1000), required=False, default=0, doc="fire-support strength in range"),
    "air_defence": F(Record({"range": F(Int(min=0, max=60)), "strength": F(Num(min=0, max=1000))}),
                     required=False, default={"range": 0, "strength": 0}),
    "detection": F(Int(min=0, max=20), required=False, default=1),
    "source": F(Str(), required=False, default=""),
    "assumption": F(Str(), required=False, default=""),
}, check=_needs_basis)

UNIT_TYPES_SPEC = Record({
    "format": F(Str(choices=("wargame-unit-types/1",))),
    "sources": F(MapOf(Str()), required=False, default={}),
    "types": F(Seq(UNIT_TYPE, min_items=1)),
}, description="Unit types and their values (wargame-unit-types/1). See docs/formats.md.")

ARRIVE = Record(
    {
        "turn": F(Int(min=1, max=10_000), doc="checked against the scenario's length"),
        "area": F(Str(pattern=r"[a-z][a-z0-9_\-]*", pattern_hint="a map area id")),
    }
)


def _placed_once(value: dict[str, Any], ctx: Context, path: tuple, node: Any) -> None:
    _needs_basis(value, ctx, path, node)
    if (value.get("hex") is None) == (value.get("arrive") is None):
        ctx.error(node, path, "give exactly one of 'hex' (start hex) or 'arrive' ({turn, area})")


UNIT = Record(
    {
        "id": F(Str(pattern=UNIT_ID, pattern_hint="a lower-case unit id (letters, digits, - _ .)")),
        "name": F(Str(min_len=1)),
        "nation": F(Str(pattern=r"[A-Z]{3}", pattern_hint="a 3-letter nation code")),
        "type": F(Str(pattern=ID, pattern_hint="a unit type id")),
        "formation": F(Str(), required=False, default=""),
        "hex": F(HexId(), required=False),
        "arrive": F(ARRIVE, required=False),
        "steps": F(Int(min=1, max=10), required=False),
        "source": F(Str(), required=False, default=""),
        "assumption": F(Str(), required=False, default=""),
    },
    check=_placed_once,
)

AIR = Record(
    {
        "sorties": F(Record({"day": F(Int(min=0, max=10_000)), "night": F(Int(min=0, max=10_000))})),
        "lift": F(Int(min=0, max=100), required=False, default=0),
        "source": F(Str(), required=False, default=""),
        "assumption": F(Str(), required=False, default=""),
    },
    check=_needs_basis,
)

OOB_SPEC = Record(
    {
        "format": F(Str(choices=("wargame-oob/1",))),
        "id": F(Str(pattern=r"[a-z0-9][a-z0-9\-_]*", pattern_hint="a lower-case id")),
        "title": F(Str(min_len=1)),
        "side": F(Str(choices=("red", "blue"))),
        "description": F(Str(), required=False, default=""),
        "sources": F(MapOf(Str()), required=False, default={}),
        "air": F(AIR, required=False),
        "units": F(Seq(UNIT, min_items=1)),
    },
    description="An order of battle (wargame-oob/1). See docs/formats.md.",
)


def load_unit_types(path_or_id: str | Path = "unit_types") -> tuple[dict[str, UnitType], Context]:
    path = paths.resolve("orders_of_battle", path_or_id)
    data, ctx = load_validated(path, UNIT_TYPES_SPEC, paths.display(path), partial=True)
    types: dict[str, UnitType] = {}
    for i, t in enumerate(data.get("types") or []):
        if t is None or any(
            t.get(k) is None
            for k in (
                "id",
                "name",
                "category",
                "branch",
                "symbol",
                "mobility",
                "movement",
                "attack",
                "defence",
                "steps",
            )
        ):
            continue
        if t["id"] in types:
            ctx.error_at(("types", i, "id"), f"duplicate unit type id {t['id']!r}")
            continue
        ad = t["air_defence"] or {"range": 0, "strength": 0}
        types[t["id"]] = UnitType(
            id=t["id"],
            name=t["name"],
            category=t["category"],
            symbol=t["symbol"],
            mobility=t["mobility"],
            movement=t["movement"],
            attack=t["attack"],
            defence=t["defence"],
            steps=t["steps"],
            range=t["range"],
            support=t["support"],
            ad_range=ad["range"],
            ad_strength=ad["strength"],
            detection=t["detection"],
            source=t["source"],
            assumption=t["assumption"],
            branch=t["branch"],
        )
    ctx.raise_if_problems()
    return types, ctx


@dataclass
class OobFile:
    """A validated order-of-battle file, before it is placed on a board."""

    id: str
    title: str
    side: Side
    data: dict[str, Any]
    ctx: Context


def load_oob(path_or_id: str | Path, partial: bool = False) -> OobFile:
    """An OOB file, validated. With `partial`, problems stay in `.ctx` for the caller to add to."""
    path = paths.resolve("orders_of_battle", path_or_id)
    data, ctx = load_validated(path, OOB_SPEC, paths.display(path), partial=partial)
    side = Side(data["side"]) if data.get("side") else Side.RED
    return OobFile(data.get("id") or path.stem, data.get("title") or "", side, data, ctx)
