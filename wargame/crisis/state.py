"""The crisis state, its events and its orders: plain data, JSON-ready.

The state is the truth for both sides; `Crisis.view(side)` filters it (hidden Red actions stay out of
Blue's view until detected or until the crisis ends).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from wargame.events import Event


@dataclass
class HiddenAction:
    """A Red covert action: hidden from Blue unless detected (revealed to all when the crisis ends)."""

    day: int
    action: str
    detected: bool

    def to_dict(self) -> dict[str, Any]:
        return {"day": self.day, "action": self.action, "detected": self.detected}


@dataclass
class Standoff:
    """A serious or high-risk incident waiting for both sides' secret choices."""

    tier: str  # serious | high
    caused_by: str  # the side whose action brought the encounter
    action: str
    choices: dict[str, str] = field(default_factory=dict)  # side -> firm | back


@dataclass
class CrisisState:
    day: int = 1  # crisis day 1 is D-days; the war starts after the last
    phase_index: int = 0
    tension: int = 0
    resolve: dict[str, int] = field(default_factory=lambda: {"red": 5, "blue": 5})
    evidence: int = 0  # Blue's detected indicators (NATO's consensus needs them)
    readiness: int = 0  # 0 peacetime, 1 national, 2 NATO reinforcement decided
    warning_hours: int = 0  # warning gained: hours at readiness 2 before H-hour
    air_policing: bool = False  # reinforced air policing (stays once ordered)
    mobilised: bool = False
    predeployed: list[str] = field(default_factory=list)  # Blue unit ids brought to turn 1
    buildup: int = 0  # Red border build-ups done (detected or not)
    info_ops: int = 0
    hidden: list[HiddenAction] = field(default_factory=list)
    signals: list[str] = field(default_factory=list)  # today's Red signals
    today_blue: list[str] = field(default_factory=list)  # today's Blue actions
    standoff: Standoff | None = None
    escalated_first: str | None = None  # the side that escalated first
    escalation_how: str = ""
    incidents: dict[str, int] = field(default_factory=lambda: {"routine": 0, "serious": 0, "high": 0})
    over: bool = False
    outcome: str | None = None  # deterrence | coercion | limited | invasion | inadvertent
    cause: str = ""  # who or what ended it, in words
    caused_by: str | None = None  # the side that caused it (inadvertent war: whose act)

    def copy(self) -> CrisisState:
        return copy.deepcopy(self)

    def undetected(self, action: str) -> int:
        return sum(1 for h in self.hidden if h.action == action and not h.detected)

    def to_dict(self) -> dict[str, Any]:
        d = {k: copy.deepcopy(v) for k, v in self.__dict__.items() if k not in ("hidden", "standoff")}
        d["hidden"] = [h.to_dict() for h in self.hidden]
        s = self.standoff
        d["standoff"] = (
            None
            if s is None
            else {"tier": s.tier, "caused_by": s.caused_by, "action": s.action, "choices": dict(s.choices)}
        )
        return d


@dataclass(frozen=True)
class CrisisEvent(Event):
    """One thing that happened in the crisis. `to` says who sees it: `all`, `red` or `blue` (a Red
    covert action is `red` until detected; the end of the crisis reveals it to all)."""

    what: str = ""
    day: int = 0
    side: str = ""
    to: str = "all"
    text: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    kind: str = field(default="crisis", init=False)

    def describe(self) -> str:
        return self.text

    def visible_to(self, side: str) -> bool:
        return self.to in ("all", side)


# --- orders ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CrisisOrders:
    """A side's orders for one crisis phase: actions (names from the tables), and for Red's act phase
    an optional decision (invade, limited_grab, stand_down)."""

    actions: tuple[str, ...] = ()
    decision: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "crisis", "actions": list(self.actions), "decision": self.decision}


@dataclass(frozen=True)
class StandoffChoice:
    """A side's secret choice in a stand-off: stand firm, or back down."""

    firm: bool

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "standoff", "firm": self.firm}


CrisisOrder = CrisisOrders | StandoffChoice


def order_from_dict(d: Any) -> CrisisOrder:
    """An order from its logged form; ValueError naming what is wrong (a record is data from anywhere)."""
    if not isinstance(d, dict):
        raise ValueError("expected an order (a mapping)")
    kind = d.get("kind")
    if kind == "standoff" and set(d) == {"kind", "firm"} and type(d["firm"]) is bool:
        return StandoffChoice(d["firm"])
    if kind == "crisis" and set(d) <= {"kind", "actions", "decision"}:
        acts = d.get("actions", [])
        dec = d.get("decision")
        if not isinstance(acts, list) or len(acts) > 16 or not all(isinstance(a, str) and len(a) <= 40 for a in acts):
            raise ValueError("actions: expected a list of at most 16 action names")
        if dec is not None and not (isinstance(dec, str) and len(dec) <= 40):
            raise ValueError("decision: expected a decision name or null")
        return CrisisOrders(tuple(acts), dec)
    raise ValueError(
        "expected a crisis order ({kind: crisis, actions, decision}) or a stand-off choice ({kind: standoff, firm})"
    )
