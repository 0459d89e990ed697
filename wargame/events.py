"""What happened. The adjudicator returns events; logs, reports, statistics and replays read them
(docs/architecture.md, rule 5). Each event is a frozen value with a unique `kind`, `to_dict()` (stable JSON: one
line of the event log) and `describe()` (a sentence a facilitator can read aloud). `from_dict()`
turns a logged line back into the event.

Events are the whole truth, for both sides: a player's own log under fog of war is a filter over
them (`visible_to`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from typing import Any

_JSON = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class Event:
    kind: str = field(default="event", init=False)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"kind": self.kind}
        for f in fields(self):
            if f.name == "kind":
                continue
            v = getattr(self, f.name)
            d[f.name] = list(v) if isinstance(v, tuple) else v
        return d

    def to_json(self) -> str:
        """One line of the event log: sorted keys, no spaces, UTF-8 text."""
        return _JSON.encode(self.to_dict())

    def describe(self) -> str:  # pragma: no cover - every subclass says its own
        return self.kind


@dataclass(frozen=True)
class TurnStarted(Event):
    turn: int
    hour: int
    night: bool
    red_sorties: int = 0    # the sortie pools filled for this turn
    blue_sorties: int = 0
    kind: str = field(default="turn", init=False)

    def describe(self) -> str:
        return f"Turn {self.turn} begins: H+{self.hour}, {'night' if self.night else 'day'}."


@dataclass(frozen=True)
class PhaseStarted(Event):
    turn: int
    phase: str
    side: str
    kind: str = field(default="phase", init=False)

    def describe(self) -> str:
        return f"{self.side.capitalize()} {self.phase} phase."


@dataclass(frozen=True)
class Arrived(Event):
    unit: str
    name: str
    side: str
    hex: str
    kind: str = field(default="arrived", init=False)

    def describe(self) -> str:
        return f"{self.name} arrives at {self.hex}."


@dataclass(frozen=True)
class ArrivalDelayed(Event):
    unit: str
    name: str
    side: str
    kind: str = field(default="arrival_delayed", init=False)

    def describe(self) -> str:
        return f"{self.name} cannot arrive: its entry area is full or held by the enemy; it tries again next turn."


@dataclass(frozen=True)
class OrderRejected(Event):
    side: str
    order: dict
    reason: str
    kind: str = field(default="rejected", init=False)

    def describe(self) -> str:
        return f"{self.side.capitalize()} order refused ({self.order.get('kind')}): {self.reason}."


@dataclass(frozen=True)
class Moved(Event):
    unit: str
    name: str
    side: str
    path: tuple[str, ...]
    cost: int
    kind: str = field(default="moved", init=False)

    def describe(self) -> str:
        return f"{self.name} moves {self.path[0]} → {self.path[-1]} ({len(self.path) - 1} hexes, {self.cost} MP)."


@dataclass(frozen=True)
class MoveHalted(Event):
    unit: str
    name: str
    side: str
    at: str       # where it stopped (its start hex if it did not move)
    planned: str  # where it was going
    reason: str
    kind: str = field(default="halted", init=False)

    def describe(self) -> str:
        return f"{self.name} halts in {self.at}, short of {self.planned}: {self.reason}."


@dataclass(frozen=True)
class FallbackSet(Event):
    unit: str
    name: str
    side: str
    toward: str
    kind: str = field(default="fallback", init=False)

    def describe(self) -> str:
        return f"{self.name} will fall back toward {self.toward} if forced to retreat." if self.toward else \
            f"{self.name} will retreat by the rule if forced to."


@dataclass(frozen=True)
class AirMissionFlown(Event):
    side: str
    mission: str
    target: str
    sorties: int
    lost: int
    effect: str
    kind: str = field(default="air_mission", init=False)

    def describe(self) -> str:
        where = "" if self.mission == "counter_air" else f" at {self.target}"
        loss = f", {self.lost} lost to air defences" if self.lost else ""
        mission = self.mission.replace("_", " ")
        return f"{self.side.capitalize()} flies {self.sorties} {mission} sorties{where}{loss}: {self.effect}."


@dataclass(frozen=True)
class SortiesDenied(Event):
    side: str  # the side whose sorties are denied
    denied: int
    cut: tuple[str, ...]  # what was cut: "reserve 4", "interdiction at 4530: 8 -> 4"
    kind: str = field(default="sorties_denied", init=False)

    def describe(self) -> str:
        return f"Enemy counter-air denies {self.side.capitalize()} {self.denied} sorties" + (
            f" ({'; '.join(self.cut)})." if self.cut else "."
        )


@dataclass(frozen=True)
class SortiesLost(Event):
    side: str
    mission: str
    target: str
    sorties: int
    lost: int
    ad_strength: float
    roll: int
    kind: str = field(default="sorties_lost", init=False)

    def describe(self) -> str:
        return (
            f"Air defences (strength {self.ad_strength:g}, die {self.roll}) shoot down {self.lost} of "
            f"{self.sorties} {self.side} {self.mission.replace('_', ' ')} sorties over {self.target}."
        )


@dataclass(frozen=True)
class Suppressed(Event):
    unit: str
    name: str
    side: str
    kind: str = field(default="suppressed", init=False)

    def describe(self) -> str:
        return f"{self.name} is suppressed for the rest of the turn."


@dataclass(frozen=True)
class AttackDeclared(Event):
    side: str
    target: str
    attackers: tuple[str, ...]
    support: tuple[str, ...]
    cas: int
    kind: str = field(default="attack", init=False)

    def describe(self) -> str:
        extra = (f" with {len(self.support)} fire units" if self.support else "") + (
            f", {self.cas} CAS sorties" if self.cas else ""
        )
        return f"{self.side.capitalize()} attacks {self.target} with {len(self.attackers)} units{extra}."


@dataclass(frozen=True)
class CombatResolved(Event):
    side: str
    target: str
    attackers: tuple[str, ...]
    defenders: tuple[str, ...]
    attack: float
    defence: float
    odds: str
    column: str
    shifts: tuple[str, ...]
    roll: int
    result: str
    cas_flown: int
    cas_lost: int
    kind: str = field(default="combat", init=False)

    def describe(self) -> str:
        sh = f" (shifts: {', '.join(self.shifts)})" if self.shifts else ""
        return (
            f"{self.side.capitalize()} attacks {self.target}: {self.attack:g} against {self.defence:g}, odds "
            f"{self.odds}, "
            f"column {self.column}{sh}; die {self.roll}: {self.result}."
        )


@dataclass(frozen=True)
class StepLost(Event):
    unit: str
    name: str
    side: str
    steps_left: int
    cause: str
    kind: str = field(default="step_lost", init=False)

    def describe(self) -> str:
        return (
            f"{self.name} loses a step ({self.cause}); {self.steps_left} left."
            if self.steps_left
            else f"{self.name} loses its last step ({self.cause})."
        )


@dataclass(frozen=True)
class Destroyed(Event):
    unit: str
    name: str
    side: str
    hex: str
    cause: str
    kind: str = field(default="destroyed", init=False)

    def describe(self) -> str:
        return f"{self.name} is destroyed in {self.hex} ({self.cause})."


@dataclass(frozen=True)
class Retreated(Event):
    unit: str
    name: str
    path: tuple[str, ...]
    kind: str = field(default="retreated", init=False)

    def describe(self) -> str:
        return f"{self.name} retreats to {self.path[-1]}."


@dataclass(frozen=True)
class Advanced(Event):
    unit: str
    name: str
    hex: str
    kind: str = field(default="advanced", init=False)

    def describe(self) -> str:
        return f"{self.name} advances into {self.hex}."


@dataclass(frozen=True)
class Detected(Event):
    side: str  # the side that now sees
    unit: str
    name: str
    hex: str
    kind: str = field(default="detected", init=False)

    def describe(self) -> str:
        return f"{self.side.capitalize()} detects {self.name} in {self.hex}."


@dataclass(frozen=True)
class UmpireRuled(Event):
    """The umpire's ruling on a proposed result: accept, reroll or replace, with a note."""

    what: str  # combat | air | sead
    decision: str  # accept | reroll | replace
    original: str
    result: str
    note: str
    kind: str = field(default="umpire", init=False)

    @property
    def overruled(self) -> bool:
        return self.decision != "accept"

    def describe(self) -> str:
        note = f" ({self.note})" if self.note else ""
        if self.decision == "accept":
            return f"The umpire lets the {self.what} result {self.original} stand{note}."
        verb = "re-rolls" if self.decision == "reroll" else "replaces"
        return f"The umpire {verb} the {self.what} result {self.original}: now {self.result}{note}."


@dataclass(frozen=True)
class CityTaken(Event):
    city: str
    side: str
    kind: str = field(default="city", init=False)

    def describe(self) -> str:
        return f"{self.side.capitalize()} takes {self.city}."


def fmt_hour(h: float | int | None) -> str:
    """H+41.5, H+48 (hours inside a turn are kept to a tenth)."""
    return "not reached" if h is None else f"H+{h:g}"


@dataclass(frozen=True)
class MeasureReached(Event):
    """A main force (docs/rules.md, Victory) holds the outskirts of a measure city: the RAND measure."""

    city: str
    hour: float
    unit: str  # the unit whose arrival completed the force
    units: tuple[str, ...] = ()  # every unit counted
    steps: int = 0
    kind: str = field(default="measure", init=False)

    def describe(self) -> str:
        return (
            f"A Red main force ({len(self.units)} units, {self.steps} steps, in supply) holds the outskirts "
            f"of {self.city}: {fmt_hour(self.hour)} (the RAND measure)."
        )


@dataclass(frozen=True)
class OutskirtsEntered(Event):
    """The first Red unit of any kind in an outskirts hex of a measure city (a secondary figure)."""

    city: str
    hour: float
    unit: str
    kind: str = field(default="outskirts", init=False)

    def describe(self) -> str:
        return f"The first Red unit ({self.unit}) enters the outskirts of {self.city}: {fmt_hour(self.hour)}."


@dataclass(frozen=True)
class BridgeDemolished(Event):
    """A demolition attempt: `blown` says whether the bridge came down (the die against the table)."""

    unit: str
    name: str
    side: str
    hex: str
    across: str
    river: str
    die: int
    blown: bool
    kind: str = field(default="demolition", init=False)

    def describe(self) -> str:
        what = "blows" if self.blown else "fails to blow"
        return (
            f"{self.name} ({self.side}) {what} the bridge over the {self.river} between {self.hex} and {self.across} "
            f"(d6: {self.die})."
        )


@dataclass(frozen=True)
class Airlifted(Event):
    """An air-mobile move: the unit flew from `hex` to `to` (or turned back), losing `lost` steps to
    the air defence over the landing zone; `what` says how it went."""

    unit: str
    name: str
    side: str
    hex: str
    to: str
    lost: int
    what: str
    kind: str = field(default="airlift", init=False)

    def describe(self) -> str:
        return f"{self.name} ({self.side}) flies by helicopter from {self.hex} to {self.to}: {self.what}."


@dataclass(frozen=True)
class BridgeRepaired(Event):
    side: str
    hex: str
    across: str
    river: str
    kind: str = field(default="bridged", init=False)

    def describe(self) -> str:
        return f"{self.side.capitalize()} engineers bridge the {self.river} again between {self.hex} and {self.across}."


@dataclass(frozen=True)
class SupplyChanged(Event):
    """A unit's supply: `turns_out` 0 when restored, else the turns it has been out of supply."""

    unit: str
    name: str
    side: str
    hex: str
    turns_out: int
    kind: str = field(default="supply", init=False)

    def describe(self) -> str:
        if self.turns_out == 0:
            return f"{self.name} ({self.side}) is back in supply at {self.hex}."
        return f"{self.name} ({self.side}) at {self.hex} has been out of supply for {self.turns_out} turn(s)."


@dataclass(frozen=True)
class ObjectiveHeld(Event):
    cities: tuple[str, ...]
    hour: float
    kind: str = field(default="objective_held", init=False)

    def describe(self) -> str:
        return f"Red holds {' and '.join(self.cities)}: H+{self.hour:g} (the scenario's objective)."


@dataclass(frozen=True)
class GameEnded(Event):
    winner: str
    reason: str
    measure_hours: float | None
    kind: str = field(default="game_over", init=False)

    def describe(self) -> str:
        m = fmt_hour(self.measure_hours)
        return f"The game ends: {self.winner} wins ({self.reason}). RAND measure: {m}."


@dataclass(frozen=True)
class InjectPlayed(Event):
    """The facilitator played an inject (wargame.seminar.injects): its effect went through the engine."""

    turn: int
    id: str
    title: str
    effect: str    # blow_bridge | open_border | delay_arrival | message
    detail: str    # what the effect changed, in words
    audience: str  # all | red | blue: who is told
    note: str
    kind: str = field(default="inject", init=False)

    def describe(self) -> str:
        note = f" ({self.note})" if self.note else ""
        return f"Inject: {self.title}. {self.detail}{note}"


EVENT_TYPES: dict[str, type[Event]] = {
    str(c.__dataclass_fields__["kind"].default): c
    for c in (
        TurnStarted,
        PhaseStarted,
        Arrived,
        ArrivalDelayed,
        OrderRejected,
        Moved,
        MoveHalted,
        FallbackSet,
        AirMissionFlown,
        SortiesDenied,
        SortiesLost,
        Suppressed,
        AttackDeclared,
        CombatResolved,
        StepLost,
        Destroyed,
        Retreated,
        Advanced,
        Detected,
        UmpireRuled,
        CityTaken,
        MeasureReached,
        OutskirtsEntered,
        SupplyChanged,
        BridgeDemolished,
        BridgeRepaired,
        Airlifted,
        ObjectiveHeld,
        GameEnded,
        InjectPlayed,
    )
}
#: The name the design uses for a ruling that changes a result (`UmpireRuled.overruled`).
UmpireOverruled = UmpireRuled


def from_dict(d: dict[str, Any]) -> Event:
    """A logged event back as its value. ValueError if the kind is unknown or a field is missing."""
    cls = EVENT_TYPES.get(d.get("kind", ""))
    if cls is None:
        raise ValueError(f"unknown event kind {d.get('kind')!r}")
    args = {}
    for f in fields(cls):
        if f.name == "kind":
            continue
        if f.name not in d:
            raise ValueError(f"{d.get('kind')} event without {f.name!r}")
        v = d[f.name]
        args[f.name] = tuple(v) if isinstance(v, list) else v
    return cls(**args)


def visible_to(event: Event, side: str) -> bool:
    """Whether a player of `side` sees this event in their own log under fog of war: everything about
    their own units, combats they fight, and detections they made; not the enemy's moves, plans or
    detections (those show as the enemy units they detect)."""
    s = getattr(event, "side", None)
    if isinstance(
        event,
        (
            Moved,
            MoveHalted,
            Airlifted,
            FallbackSet,
            Arrived,
            ArrivalDelayed,
            OrderRejected,
            AirMissionFlown,
            SortiesLost,
            Detected,
            SupplyChanged,
        ),
    ):
        return s == side
    if isinstance(event, InjectPlayed):
        return event.audience in ("all", side)
    if isinstance(event, (Retreated, Advanced)):
        return True  # seen by both sides of the combat
    return True
