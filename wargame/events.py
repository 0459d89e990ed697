"""What happened. The adjudicator returns events; logs, reports, statistics and replays read them
(DESIGN rule 5). Each event is a frozen value with `to_dict()` (stable JSON) and `describe()`
(a sentence for a log that a facilitator can read aloud)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Event:
    kind: str = field(default="event", init=False)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for k, v in list(d.items()):
            if isinstance(v, tuple):
                d[k] = list(v)
        return d

    def describe(self) -> str:  # pragma: no cover - every subclass says its own
        return self.kind


@dataclass(frozen=True)
class TurnStarted(Event):
    turn: int
    hour: int
    night: bool
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
class AirMissionFlown(Event):
    side: str
    mission: str
    target: str
    sorties: int
    lost: int
    effect: str
    kind: str = field(default="air_mission", init=False)

    def describe(self) -> str:
        loss = f", {self.lost} lost to air defences" if self.lost else ""
        return f"{self.side.capitalize()} flies {self.sorties} {self.mission.replace('_', ' ')} sorties at {self.target}{loss}: {self.effect}."


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
        return (f"{self.side.capitalize()} attacks {self.target}: {self.attack:g} against {self.defence:g}, odds {self.odds}, "
                f"column {self.column}{sh}; die {self.roll}: {self.result}.")


@dataclass(frozen=True)
class StepLost(Event):
    unit: str
    name: str
    side: str
    steps_left: int
    cause: str
    kind: str = field(default="step_lost", init=False)

    def describe(self) -> str:
        return f"{self.name} loses a step ({self.cause}); {self.steps_left} left." if self.steps_left else f"{self.name} is destroyed ({self.cause})."


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
class UmpireRuled(Event):
    decision: str
    original: str
    result: str
    note: str
    kind: str = field(default="umpire", init=False)

    def describe(self) -> str:
        if self.decision == "accept":
            return f"The umpire lets the result {self.original} stand."
        return f"The umpire {'re-rolls' if self.decision == 'reroll' else 'replaces'} {self.original} with {self.result}" + (f": {self.note}" if self.note else ".")


@dataclass(frozen=True)
class CityTaken(Event):
    city: str
    side: str
    kind: str = field(default="city", init=False)

    def describe(self) -> str:
        return f"{self.side.capitalize()} takes {self.city}."


@dataclass(frozen=True)
class MeasureReached(Event):
    city: str
    hour: int
    unit: str
    kind: str = field(default="measure", init=False)

    def describe(self) -> str:
        return f"Red reaches the outskirts of {self.city} at H+{self.hour}."


@dataclass(frozen=True)
class GameEnded(Event):
    winner: str
    reason: str
    measure_hours: int | None
    kind: str = field(default="game_over", init=False)

    def describe(self) -> str:
        m = f"H+{self.measure_hours}" if self.measure_hours is not None else "not reached"
        return f"The game ends: {self.winner} wins ({self.reason}). RAND measure: {m}."
