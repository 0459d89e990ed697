"""The crisis tables (tables/crisis.yaml) and a scenario's `crisis:` settings, validated like every
data file: each problem names file, line, column and field (wargame.data.schema).

Code holds the mechanisms (wargame.crisis.rules); every number lives in the tables with its basis.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wargame.data import paths
from wargame.data.schema import Bool, F, HexId, Int, Num, Record, Seq, Str, load_validated

RED_ACTIONS: tuple[str, ...] = (
    "snap_exercise",
    "airspace_violation",
    "information_operation",
    "cyber_attack",
    "sf_infiltration",
    "border_buildup",
)
BLUE_ACTIONS: tuple[str, ...] = (
    "raise_readiness",
    "pre_deploy",
    "air_policing",
    "mobilise_reserves",
    "attribute_publicly",
    "intelligence",
    "cbm_hotline",
    "cbm_observation",
)
DECISIONS: tuple[str, ...] = ("invade", "limited_grab", "stand_down")
INTENTS: tuple[str, ...] = ("coerce", "limited", "invade")
POSTURES: tuple[str, ...] = ("restrained", "firm", "forward")
TIERS: tuple[str, ...] = ("routine", "serious", "high")

_P = Num(min=0, max=1)
_BASIS = {"source": F(Str(), required=False, default=""), "assumption": F(Str(), required=False, default="")}


def _rec(fields: dict[str, F], basis: bool = True) -> Record:
    return Record({**fields, **(_BASIS if basis else {})})


def _tiers() -> Record:
    return Record({t: F(_P) for t in TIERS})


def tables_spec() -> Record:
    small = Int(min=0, max=20)
    red_action = Record(
        {
            "covert": F(Bool()),
            "tension": F(Int(min=-5, max=5)),
            "detected_tension": F(Int(min=0, max=5)),
            "encounters": F(Int(min=0, max=5)),
            "detect": F(_P),
            "evidence": F(Int(min=0, max=10)),
            "escalatory": F(Bool()),
            "text": F(Str(min_len=1)),
            **_BASIS,
        }
    )
    blue_action = Record(
        {"tension": F(Int(min=-5, max=5)), "escalatory": F(Bool()), "text": F(Str(min_len=1)), **_BASIS}
    )
    return Record(
        {
            "format": F(Str(choices=("wargame-crisis-tables/1",))),
            "id": F(Str(pattern=r"[a-z0-9][a-z0-9\-_]*", pattern_hint="a lower-case id")),
            "track": F(_rec({"max": F(Int(min=2, max=50)), "decay_per_day": F(small), "start": F(small)})),
            "resolve": F(
                _rec(
                    {
                        "max": F(Int(min=1, max=50)),
                        "coercion_at": F(small),
                        "coerced_at_end": F(small),
                        "stand_down_at": F(small),
                        "efp_bonus": F(small),
                    }
                )
            ),
            "limits": F(
                _rec(
                    {
                        "red_signals": F(Int(min=0, max=6)),
                        "red_covert": F(Int(min=0, max=6)),
                        "blue_actions": F(Int(min=0, max=8)),
                    }
                )
            ),
            "readiness": F(
                _rec(
                    {
                        "reinforce_evidence": F(small),
                        "warning_hours_per_day": F(Int(min=0, max=48)),
                        "pre_deploy_units": F(small),
                        "mobilise_turns": F(small),
                    }
                )
            ),
            "detection": F(
                _rec(
                    {
                        "intelligence_bonus": F(_P),
                        "observation_bonus": F(_P),
                        "exercise_cover": F(_P),
                        "false_alarm": F(_P),
                    }
                )
            ),
            "incidents": F(
                _rec(
                    {
                        "without_cbms": F(_tiers()),
                        "with_cbms": F(_tiers()),
                        "high_risk_casualties": F(_P),
                        "casualty_tension": F(small),
                        "trapped_by_propaganda": F(small),
                    }
                )
            ),
            "standoff": F(
                _rec(
                    {
                        "both_back_tension": F(Int(min=-5, max=5)),
                        "firm_vs_back_tension": F(Int(min=-5, max=5)),
                        "both_firm_tension": F(Record({"serious": F(small), "high": F(small)})),
                        "hotline_relief": F(small),
                        "winner_resolve": F(small),
                        "backer_resolve": F(Record({"serious": F(small), "high": F(small)})),
                    }
                )
            ),
            "balance": F(
                _rec(
                    {
                        "horizon_turns": F(Int(min=1, max=40)),
                        "invade_at": F(Num(min=0, max=100)),
                        "limited_at": F(Num(min=0, max=100)),
                        "buildup_power": F(Num(min=0, max=5)),
                        "buildup_max": F(small),
                        "readiness_power": F(Num(min=0, max=5)),
                    }
                )
            ),
            "cohesion": F(
                _rec(
                    {
                        "blue_first_delay_turns": F(small),
                        "red_first_advance_turns": F(small),
                        "cyber_delay_max": F(small),
                    }
                )
            ),
            "red_actions": F(Record({a: F(red_action) for a in RED_ACTIONS})),
            "blue_actions": F(Record({a: F(blue_action) for a in BLUE_ACTIONS})),
        },
        description="The crisis tables (wargame-crisis-tables/1). See docs/crisis.md.",
    )


def settings_spec() -> Record:
    """A scenario's `crisis:` section: switches the crisis phase on and sets its parameters."""
    return Record(
        {
            "days": F(Int(min=1, max=60), doc="crisis turns of a day, from D-days to H-hour"),
            "tables": F(Str(min_len=1), required=False, default="crisis", doc="tables id (tables/<id>.yaml)"),
            "start_tension": F(Int(min=0, max=50), required=False, default=None),
            "red_resolve": F(Int(min=0, max=50), required=False, default=5),
            "blue_resolve": F(Int(min=0, max=50), required=False, default=5),
            "perception_bias": F(
                Num(min=-0.9, max=5),
                required=False,
                default=0.0,
                doc="Red's perceived balance = true x (1 + bias) (Sokolsky: Moscow sees it differently)",
            ),
            "cbms": F(Bool(), required=False, default=True, doc="confidence-building measures in force"),
            "efp": F(Bool(), required=False, default=True, doc="NATO's forward battlegroups present"),
            "efp_formation": F(Str(), required=False, default="", doc="glob on the formation of the eFP units"),
            "baltic_nations": F(
                Seq(Str(pattern=r"[A-Z]{3}", pattern_hint="a 3-letter code")),
                required=False,
                default=["EST", "LVA", "LTU"],
            ),
            "infiltration": F(
                Seq(HexId()), required=False, default=[], doc="hexes where undetected special forces start the war"
            ),
            "sf_type": F(Str(), required=False, default="", doc="unit type of infiltrated special forces"),
            "limited_goals": F(Seq(Str(min_len=1)), required=False, default=[], doc="cities a limited grab aims at"),
            "red_intent": F(Str(choices=INTENTS), required=False, default="coerce", doc="the Red bot's intent"),
            "blue_posture": F(Str(choices=POSTURES), required=False, default="firm", doc="the Blue bot's posture"),
        },
        description="A scenario's crisis phase (docs/crisis.md).",
    )


@dataclass(frozen=True)
class CrisisTables:
    """The validated tables: plain data, read by the rules."""

    id: str
    data: dict[str, Any]

    def __getitem__(self, key: str) -> Any:
        return self.data[key]

    def red(self, action: str) -> dict[str, Any]:
        return dict(self.data["red_actions"][action])

    def blue(self, action: str) -> dict[str, Any]:
        return dict(self.data["blue_actions"][action])


@dataclass(frozen=True)
class CrisisSettings:
    """A scenario's crisis parameters (plain values; a record stores them so a replay uses the same)."""

    days: int
    tables: str = "crisis"
    start_tension: int | None = None
    red_resolve: int = 5
    blue_resolve: int = 5
    perception_bias: float = 0.0
    cbms: bool = True
    efp: bool = True
    efp_formation: str = ""
    baltic_nations: tuple[str, ...] = ("EST", "LVA", "LTU")
    infiltration: tuple[str, ...] = ()
    sf_type: str = ""
    limited_goals: tuple[str, ...] = ()
    red_intent: str = "coerce"
    blue_posture: str = "firm"

    def to_dict(self) -> dict[str, Any]:
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in self.__dict__.items()}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> CrisisSettings:
        kw: dict[str, Any] = {k: (tuple(v) if isinstance(v, list) else v) for k, v in d.items()}
        return cls(**kw)


_CACHE: dict[Path, CrisisTables] = {}


def load_crisis_tables(name: str | Path = "crisis") -> CrisisTables:
    """tables/<name>.yaml (or a path), validated. Raises DataError listing every problem."""
    path = paths.resolve("tables", name)
    got = _CACHE.get(path)
    if got is None:
        data, _ = load_validated(path, tables_spec(), paths.display(path))
        got = _CACHE[path] = CrisisTables(data["id"], data)
    return got
