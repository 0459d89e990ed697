"""tables/<id>.yaml -> Tables: every number the rules use (DESIGN rule 3), validated like any data file.

Also defines PARAMETERS_SPEC, the scenario `parameters:` block the rules understand.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wargame.data import paths
from wargame.data.schema import Bool, F, Int, MapOf, Num, Record, Seq, Str, load_validated
from wargame.model.units import MOBILITIES

LAND = ("clear", "forest", "mixed", "marsh", "urban")
RESULT = r"NE|EX|A[1-3]|D[1-3](R[1-3])?|R[1-3]"

PARAMETERS_SPEC = Record({
    "warning_hours": F(Int(min=0), required=False, default=0, doc="NATO warning time before H-hour: Blue arrivals come this many hours earlier"),
    "belarus": F(Bool(), required=False, default=False, doc="may Red move through Belarus?"),
    "night": F(Bool(), required=False, default=True, doc="do night turns (every second turn) apply the night rules?"),
})

_costs = Record({t: F(Int(min=1, max=99)) for t in LAND})


def _crt_check(value, ctx, path, node):
    n = len(value["columns"])
    for roll, row in value["crt"].items():
        if len(row) != n:
            ctx.error(node, path + ("crt", roll), f"expected {n} results (one per column), got {len(row)}")
    if sorted(value["crt"]) != [str(i) for i in range(1, 7)]:
        ctx.error(node, path + ("crt",), "expected rows for die rolls 1 to 6")


TABLES_SPEC = Record({
    "format": F(Str(choices=("wargame-tables/1",))),
    "movement": F(Record({
        "terrain_cost": F(Record({m: F(_costs) for m in MOBILITIES})),
        "road_cost": F(Int(min=1)),
        "river_cost": F(Record({"minor": F(Int(min=0)), "major": F(Int(min=0))})),
        "zoc_leave_cost": F(Int(min=0)),
        "stacking": F(Int(min=1, max=20)),
        "night_movement": F(Num(min=0, max=1)),
        "interdiction_movement": F(Num(min=0, max=1)),
    })),
    "combat": F(Record({
        "columns": F(Seq(Str(pattern=r"\d+:\d+", pattern_hint="odds such as '3:1'"), min_items=2)),
        "crt": F(MapOf(Seq(Str(pattern=RESULT, pattern_hint="a result code (NE, EX, A1, D1, D1R1, ...)")), key_pattern=r"[1-6]", key_hint="a die roll 1-6")),
        "terrain_shift": F(Record({t: F(Int(min=-6, max=6)) for t in LAND})),
        "river_shift": F(Record({"minor": F(Int(min=-6, max=0)), "major": F(Int(min=-6, max=0))})),
        "dug_in_shift": F(Int(min=-6, max=0)),
        "night_shift": F(Int(min=-6, max=0)),
        "concentric_shift": F(Int(min=0, max=6)),
        "cas_sorties_per_shift": F(Int(min=1)),
        "cas_max_shift": F(Int(min=0, max=6)),
        "max_support_units": F(Int(min=0)),
        "retreat_blocked_loss": F(Int(min=0)),
    }, check=_crt_check)),
    "air": F(Record({
        "ad_loss_per_strength": F(Num(min=0, max=1)),
        "ad_loss_cap": F(Num(min=0, max=1)),
        "sead_sorties_per_roll": F(Int(min=1)),
        "sead_suppress_on": F(Int(min=1, max=7)),
        "sead_destroy_on": F(Int(min=1, max=7)),
        "interdiction_sorties": F(Int(min=1)),
        "counter_air_ratio": F(Num(min=0)),
    })),
    "detection": F(Record({"night_factor": F(Num(min=0, max=1))})),
}, description="The rules tables (wargame-tables/1). See docs/rules.md.")


@dataclass(frozen=True)
class Tables:
    """The rules' numbers, as loaded. `raw` keeps the validated mapping for the rulebook generator."""

    id: str
    terrain_cost: dict[str, dict[str, int]]
    road_cost: int
    river_cost: dict[str, int]
    zoc_leave_cost: int
    stacking: int
    night_movement: float
    interdiction_movement: float
    columns: tuple[str, ...]
    column_ratios: tuple[float, ...]
    crt: dict[int, tuple[str, ...]]
    terrain_shift: dict[str, int]
    river_shift: dict[str, int]
    dug_in_shift: int
    night_shift: int
    concentric_shift: int
    cas_sorties_per_shift: int
    cas_max_shift: int
    max_support_units: int
    retreat_blocked_loss: int
    air: dict[str, float]
    detection_night_factor: float
    raw: dict[str, Any]


def load_tables(path_or_id: str | Path = "standard") -> Tables:
    path = paths.resolve("tables", path_or_id)
    d, ctx = load_validated(path, TABLES_SPEC, paths.display(path))
    return tables_from_dict(d, Path(path).stem)


def tables_from_dict(d: dict[str, Any], tid: str = "standard") -> Tables:
    m, c, a = d["movement"], d["combat"], d["air"]
    ratios = []
    for col in c["columns"]:
        x, y = col.split(":")
        ratios.append(int(x) / int(y))
    return Tables(
        id=tid, terrain_cost=m["terrain_cost"], road_cost=m["road_cost"], river_cost=m["river_cost"],
        zoc_leave_cost=m["zoc_leave_cost"], stacking=m["stacking"], night_movement=m["night_movement"],
        interdiction_movement=m["interdiction_movement"], columns=tuple(c["columns"]), column_ratios=tuple(ratios),
        crt={int(k): tuple(v) for k, v in c["crt"].items()}, terrain_shift=c["terrain_shift"],
        river_shift=c["river_shift"], dug_in_shift=c["dug_in_shift"], night_shift=c["night_shift"],
        concentric_shift=c["concentric_shift"], cas_sorties_per_shift=c["cas_sorties_per_shift"],
        cas_max_shift=c["cas_max_shift"], max_support_units=c["max_support_units"],
        retreat_blocked_loss=c["retreat_blocked_loss"], air=dict(a),
        detection_night_factor=d["detection"]["night_factor"], raw=d,
    )
