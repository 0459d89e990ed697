"""tables/<id>.yaml -> Tables: every number the rules use (docs/architecture.md, rule 3), validated like any data file
(every problem with file:line:col and the field path).

Also defines PARAMETERS_SPEC, the scenario `parameters:` block the rules understand; the scenario
loader validates against it.

    tables = load_tables("standard")          # tables/standard.yaml, or a path
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from wargame.data import paths
from wargame.data.schema import Bool, F, Int, MapOf, Num, Record, Seq, Spec, Str, load_validated
from wargame.model.units import CATEGORIES, MOBILITIES

LAND = ("clear", "forest", "mixed", "marsh", "urban")
RIVERS = ("minor", "major")
RESULT = r"NE|EX|A[1-3]|D[1-3](R[1-3])?|R[1-3]"
DIE = tuple(str(i) for i in range(1, 7))

PARAMETERS_SPEC = Record(
    {
        "warning_hours": F(
            Int(min=0, max=24 * 90),
            required=False,
            default=0,
            doc="NATO warning time before H-hour, in hours: Blue arrivals come earlier (docs/rules.md, Arrivals)",
        ),
        "belarus": F(Bool(), required=False, default=False, doc="may Red enter Belarus (staging and movement)?"),
        "night": F(
            Bool(), required=False, default=True, doc="do night turns (every second turn) apply the night rules?"
        ),
        "red_competence": F(
            Int(min=-3, max=3),
            required=False,
            default=0,
            doc="column shift on Red's attacks, the opposite on Blue's (RAND 2023: Russian competence was probably "
                "overrated)",
        ),
    },
    description="Rules parameters of a scenario (docs/rules.md).",
)


class Cost(Spec):
    """A movement cost: a whole number of MP, or `no` (cannot)."""

    description = "MP (a whole number) or no"

    def __init__(self, max: int = 99):
        self.max = max

    def validate(self, node, ctx, path):
        if (
            isinstance(node, yaml.ScalarNode)
            and node.tag.endswith(":bool")
            and node.value.lower() in ("no", "false", "off")
        ):
            return None  # YAML 1.1 reads a bare `no` as false: here it means "cannot"
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":str") and node.value == "no":
            return None
        return Int(min=0, max=self.max).validate(node, ctx, path)

    def json_schema(self):
        return self._js({"oneOf": [{"type": "integer", "minimum": 0, "maximum": self.max}, {"enum": ["no", False]}]})


def _per_mobility(spec: Spec) -> Record:
    return Record({m: F(spec) for m in MOBILITIES})


def _section(fields: dict[str, F], extra_check=None) -> Record:
    """A section of the tables: its fields plus `basis:`, which must say for every field where its
    numbers come from ('source: ...' or 'assumption: ...')."""
    names = list(fields)

    def check(value, ctx, path, node):
        for name in value.get("fitted") or {}:
            if name not in names:
                ctx.error(node, path + ("fitted", name), f"fitted names unknown field {name!r}")
        basis = value.get("basis") or {}
        for name in names:
            if name not in basis:
                ctx.error(
                    node, path + ("basis",), f"missing basis for {name!r}: name its source or mark it an assumption"
                )
        for name in basis:
            if name not in names:
                ctx.error(node, path + ("basis", name), f"basis for unknown field {name!r}")
        if extra_check is not None:
            extra_check(value, ctx, path, node)

    basis = F(MapOf(Str(min_len=1)), doc="field -> where its value comes from ('source: ...', 'assumption: ...')")
    fitted = F(
        MapOf(Str(min_len=1)),
        required=False,
        default={},
        doc="field -> the published result it was fitted to (docs/calibration.md: a fitted value is never "
        "counted as validation of that result)",
    )
    return Record({**fields, "basis": basis, "fitted": fitted}, check=check)


def _ratio(col: str) -> float:
    x, y = col.split(":")
    return int(x) / int(y)


def _combat_check(value, ctx, path, node):
    n = len(value["columns"])
    if sorted(value["crt"]) != list(DIE):
        ctx.error(node, path + ("crt",), "expected rows for die rolls 1 to 6")
    for roll, row in value["crt"].items():
        if len(row) != n:
            ctx.error(node, path + ("crt", roll), f"expected {n} results (one per column), got {len(row)}")
    ratios = [_ratio(c) for c in value["columns"]]
    if ratios != sorted(ratios) or len(set(ratios)) != len(ratios):
        ctx.error(node, path + ("columns",), "expected odds columns in increasing order")
    phases = [e["phases"] for e in value["entrenchment"]]
    if phases != sorted(set(phases)):
        ctx.error(node, path + ("entrenchment",), "expected levels in increasing order of phases")


def _air_check(value, ctx, path, node):
    a = value["attrition"]
    n = len(a["strengths"])
    if a["strengths"] != sorted(set(a["strengths"])) or a["strengths"][0] != 0:
        ctx.error(node, path + ("attrition", "strengths"), "expected increasing strengths, the first 0")
    if sorted(a["rows"]) != list(DIE):
        ctx.error(node, path + ("attrition", "rows"), "expected rows for die rolls 1 to 6")
    for roll, row in a["rows"].items():
        if len(row) != n:
            ctx.error(
                node,
                path + ("attrition", "rows", roll),
                f"expected {n} percentages (one per strength column), got {len(row)}",
            )
    if len(a["effective"]) != n:
        ctx.error(node, path + ("attrition", "effective"), f"expected {n} percentages (one per strength column)")


def _supply_check(value, ctx, path, node):
    turns = [e["turns"] for e in value["effects"]]
    if turns != sorted(set(turns)):
        ctx.error(node, path + ("effects",), "expected rows in increasing order of turns out of supply")


TABLES_SPEC = Record(
    {
        "format": F(Str(choices=("wargame-tables/1",))),
        "title": F(Str(), required=False, default=""),
        "sources": F(MapOf(Str(min_len=1)), required=False, default={}, doc="bibliography: key -> full reference"),
        "movement": F(
            _section(
                {
                    "terrain_cost": F(Record({m: F(Record({t: F(Cost()) for t in LAND})) for m in MOBILITIES})),
                    "road_cost": F(_per_mobility(Int(min=1, max=99))),
                    "rail_cost": F(_per_mobility(Int(min=1, max=99))),
                    "river_cost": F(Record({r: F(_per_mobility(Cost())) for r in RIVERS})),
                    "bridge_cost": F(Int(min=0, max=99)),
                    "zoc_leave_cost": F(Int(min=0, max=99)),
                    "stacking": F(Int(min=1, max=20)),
                    "night_factor": F(Num(min=0, max=1)),
                }
            )
        ),
        "zoc": F(
            _section(
                {
                    "exempt_categories": F(Seq(Str(choices=CATEGORIES))),
                    "major_river_blocks": F(Bool()),
                }
            )
        ),
        "combat": F(
            _section(
                {
                    "columns": F(
                        Seq(Str(pattern=r"[1-9]\d*:[1-9]\d*", pattern_hint="odds such as '3:1'"), min_items=2)
                    ),
                    "crt": F(
                        MapOf(
                            Seq(Str(pattern=RESULT, pattern_hint="a result code (NE, EX, A1, D1, D1R1, ...)")),
                            key_pattern=r"[1-6]",
                            key_hint="a die roll 1-6",
                        )
                    ),
                    "terrain_shift": F(Record({t: F(Int(min=-6, max=6)) for t in LAND})),
                    "river_shift": F(Record({r: F(Int(min=-6, max=0)) for r in RIVERS})),
                    "bridge_factor": F(Num(min=0, max=1)),
                    "entrenchment": F(
                        Seq(
                            Record(
                                {
                                    "phases": F(Int(min=1, max=99)),
                                    "name": F(Str(min_len=1)),
                                    "shift": F(Int(min=-6, max=0)),
                                }
                            )
                        )
                    ),
                    "night_shift": F(Int(min=-6, max=0)),
                    "concentric": F(Seq(Record({"hexes": F(Int(min=2, max=6)), "shift": F(Int(min=0, max=6))}))),
                    "cas_sorties_per_shift": F(Int(min=1)),
                    "cas_max_shift": F(Int(min=0, max=6)),
                    "retreat_blocked_loss": F(Int(min=0, max=3)),
                    "advance_max_units": F(Int(min=0, max=20)),
                    "assault_hours": F(Num(min=0, max=24)),
                },
                _combat_check,
            )
        ),
        "fires": F(
            _section(
                {
                    "max_units": F(Int(min=0, max=20)),
                    "shifts": F(Seq(Record({"points": F(Num(min=0.1)), "shift": F(Int(min=1, max=6))}))),
                }
            )
        ),
        "air": F(
            _section(
                {
                    "attrition": F(
                        Record(
                            {
                                "strengths": F(Seq(Num(min=0), min_items=1)),
                                "rows": F(
                                    MapOf(Seq(Int(min=0, max=100)), key_pattern=r"[1-6]", key_hint="a die roll 1-6")
                                ),
                                "effective": F(Seq(Int(min=0, max=100))),
                            }
                        )
                    ),
                    "counter_air_ratio": F(Num(min=0, max=5)),
                    "sead": F(
                        Record(
                            {
                                "sorties_per_bonus": F(Int(min=1)),
                                "max_bonus": F(Int(min=0, max=6)),
                                "suppress_on": F(Int(min=1, max=13)),
                                "destroy_on": F(Int(min=1, max=13)),
                            }
                        )
                    ),
                    "interdiction": F(
                        Record(
                            {
                                "min_sorties": F(Int(min=1)),
                                "radius": F(Int(min=0, max=3)),
                                "enter_cost": F(Int(min=0, max=99)),
                                "start_factor": F(Num(min=0, max=1)),
                                "hours_per_sortie": F(Num(min=0, max=24)),
                                "sorties_per_bonus": F(Int(min=1)),
                                "max_bonus": F(Int(min=0, max=6)),
                                "cut_on": F(Int(min=1, max=13)),
                            }
                        )
                    ),
                    "recon": F(Record({"min_sorties": F(Int(min=1)), "radius": F(Int(min=0, max=5))})),
                    "cover_radius": F(Int(min=0, max=3)),
                },
                _air_check,
            )
        ),
        "detection": F(_section({"night_factor": F(Num(min=0, max=1))})),
        "arrivals": F(_section({"baseline_warning_hours": F(Int(min=0)), "dig_in_warning_hours": F(Int(min=0))})),
        "bridges": F(
            _section(
                {
                    "demolish_on": F(Int(min=1, max=7)),
                    "repair_turns": F(Int(min=1, max=99)),
                }
            )
        ),
        "airmobile": F(
            _section(
                {
                    "categories": F(Seq(Str())),
                    "range": F(Int(min=1, max=50)),
                    "hours": F(Num(min=0, max=24)),
                }
            )
        ),
        "supply": F(
            _section(
                {
                    "home_countries": F(Seq(Str(pattern=r"[A-Z]{3}", pattern_hint="a three-letter country code"))),
                    "depot_population": F(Int(min=0)),
                    "range": F(Int(min=0, max=10_000)),
                    "cost": F(Record({k: F(Int(min=0, max=1000)) for k in ("rail", "road", "offroad", "minor_river")})),
                    "interdicted_cost": F(Int(min=0, max=1000)),
                    "base_stocks": F(Bool(), required=False, default=False,
                                     doc="is a unit standing in its H-hour hex, in a country of its side, in supply?"),
                    "effects": F(
                        Seq(
                            Record(
                                {
                                    "turns": F(Int(min=1, max=999)),
                                    "movement": F(Num(min=0, max=1)),
                                    "attack": F(Num(min=0, max=1)),
                                    "defence": F(Num(min=0, max=1)),
                                }
                            )
                        )
                    ),
                },
                _supply_check,
            )
        ),
        "victory": F(
            _section(
                {
                    "end_when_red_holds_measure_cities": F(Bool()),
                    "main_force": F(
                        Record(
                            {
                                "min_steps": F(Int(min=1, max=99)),
                                "categories": F(Seq(Str(choices=CATEGORIES), min_items=1)),
                            }
                        )
                    ),
                }
            )
        ),
    },
    description="The rules tables (wargame-tables/1). See docs/rules.md.",
)

SECTIONS = (
    "movement", "zoc", "combat", "fires", "air", "detection", "arrivals", "bridges", "airmobile", "supply", "victory"
)


@dataclass(frozen=True)
class Tables:
    """The rules' numbers, as loaded. A cost of None means "cannot". `raw` keeps the validated mapping
    (with each section's `basis`) for the rulebook generator."""

    id: str
    title: str
    # movement
    terrain_cost: dict[str, dict[str, int | None]]
    road_cost: dict[str, int]
    rail_cost: dict[str, int]
    river_cost: dict[str, dict[str, int | None]]
    bridge_cost: int
    zoc_leave_cost: int
    stacking: int
    night_movement: float
    # zones of control
    zoc_exempt: frozenset[str]
    zoc_major_river_blocks: bool
    # combat
    columns: tuple[str, ...]
    column_ratios: tuple[float, ...]
    crt: dict[int, tuple[str, ...]]
    terrain_shift: dict[str, int]
    river_shift: dict[str, int]
    bridge_factor: float
    entrenchment: tuple[tuple[int, str, int], ...]  # (phases, name, shift), fewest phases first
    night_shift: int
    concentric: tuple[tuple[int, int], ...]  # (hexes, shift), most hexes first
    cas_sorties_per_shift: int
    cas_max_shift: int
    retreat_blocked_loss: int
    advance_max_units: int
    assault_hours: float
    # fires
    max_support_units: int
    fires_shifts: tuple[tuple[float, int], ...]  # (points, shift), most points first
    # air
    ad_strengths: tuple[float, ...]
    ad_rows: dict[int, tuple[int, ...]]
    ad_effective: tuple[int, ...]
    counter_air_ratio: float
    sead: dict[str, int]
    interdiction: dict[str, Any]
    recon: dict[str, int]
    cover_radius: int
    # detection, arrivals, victory
    detection_night_factor: float
    baseline_warning_hours: int
    dig_in_warning_hours: int
    end_when_red_holds_measure: bool
    main_force_steps: int
    main_force_categories: frozenset[str]
    # bridges
    demolish_on: int
    bridge_repair_turns: int
    # air-mobile moves
    airmobile: dict[str, Any]
    # supply
    supply: dict[str, Any]
    supply_effects: tuple[tuple[int, float, float, float], ...]  # (turns, movement, attack, defence), most turns first
    sources: dict[str, str]
    raw: dict[str, Any]

    def basis(self, section: str, name: str) -> str:
        """Where a number comes from, as the tables file says."""
        return self.raw[section]["basis"][name]


def load_tables(path_or_id: str | Path = "standard") -> Tables:
    """tables/<id>.yaml (or a path) -> Tables. Raises DataError listing every problem."""
    path = paths.resolve("tables", path_or_id)
    d, _ = load_validated(path, TABLES_SPEC, paths.display(path))
    return tables_from_dict(d, Path(path).stem)


def tables_from_dict(d: dict[str, Any], tid: str = "standard") -> Tables:
    m, z, c, f, a = d["movement"], d["zoc"], d["combat"], d["fires"], d["air"]
    return Tables(
        id=tid,
        title=d.get("title") or "",
        terrain_cost=m["terrain_cost"],
        road_cost=m["road_cost"],
        rail_cost=m["rail_cost"],
        river_cost=m["river_cost"],
        bridge_cost=m["bridge_cost"],
        zoc_leave_cost=m["zoc_leave_cost"],
        stacking=m["stacking"],
        night_movement=m["night_factor"],
        zoc_exempt=frozenset(z["exempt_categories"]),
        zoc_major_river_blocks=z["major_river_blocks"],
        columns=tuple(c["columns"]),
        column_ratios=tuple(_ratio(x) for x in c["columns"]),
        crt={int(k): tuple(v) for k, v in c["crt"].items()},
        terrain_shift=c["terrain_shift"],
        river_shift=c["river_shift"],
        bridge_factor=c["bridge_factor"],
        entrenchment=tuple((e["phases"], e["name"], e["shift"]) for e in c["entrenchment"]),
        night_shift=c["night_shift"],
        concentric=tuple(sorted(((e["hexes"], e["shift"]) for e in c["concentric"]), reverse=True)),
        cas_sorties_per_shift=c["cas_sorties_per_shift"],
        cas_max_shift=c["cas_max_shift"],
        retreat_blocked_loss=c["retreat_blocked_loss"],
        advance_max_units=c["advance_max_units"],
        assault_hours=c["assault_hours"],
        max_support_units=f["max_units"],
        fires_shifts=tuple(sorted(((e["points"], e["shift"]) for e in f["shifts"]), reverse=True)),
        ad_strengths=tuple(a["attrition"]["strengths"]),
        ad_rows={int(k): tuple(v) for k, v in a["attrition"]["rows"].items()},
        ad_effective=tuple(a["attrition"]["effective"]),
        counter_air_ratio=a["counter_air_ratio"],
        sead=dict(a["sead"]),
        interdiction=dict(a["interdiction"]),
        recon=dict(a["recon"]),
        cover_radius=a["cover_radius"],
        detection_night_factor=d["detection"]["night_factor"],
        baseline_warning_hours=d["arrivals"]["baseline_warning_hours"],
        dig_in_warning_hours=d["arrivals"]["dig_in_warning_hours"],
        end_when_red_holds_measure=d["victory"]["end_when_red_holds_measure_cities"],
        main_force_steps=d["victory"]["main_force"]["min_steps"],
        main_force_categories=frozenset(d["victory"]["main_force"]["categories"]),
        demolish_on=d["bridges"]["demolish_on"],
        bridge_repair_turns=d["bridges"]["repair_turns"],
        airmobile={k: v for k, v in d["airmobile"].items() if k not in ("basis", "fitted")},
        supply={k: v for k, v in d["supply"].items() if k not in ("basis", "effects", "fitted")},
        supply_effects=tuple(
            sorted(
                ((e["turns"], e["movement"], e["attack"], e["defence"]) for e in d["supply"]["effects"]), reverse=True
            )
        ),
        sources=dict(d.get("sources") or {}),
        raw=d,
    )
