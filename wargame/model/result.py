"""How a game ended, as one typed value: read by attribute everywhere, written as JSON by `to_dict`.

`to_dict` gives exactly the mapping games have always saved (same keys, same order, values as they
are), so records, saves and batch rows stay byte-compatible; `from_dict` reads it back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Hold:
    """A scenario's own objective (`victory.hold`): the cities, whether Red held them all at the end,
    and the hour Red first held them (None: never)."""

    cities: tuple[str, ...]
    held: bool
    hours: float | None

    def to_dict(self) -> dict[str, Any]:
        return {"cities": list(self.cities), "held": self.held, "hours": self.hours}

    @staticmethod
    def from_dict(d: Mapping[str, Any]) -> Hold:
        return Hold(tuple(d["cities"]), bool(d["held"]), d["hours"])


@dataclass(frozen=True)
class Result:
    """The end of a game. Hours are hours after H-hour; side-keyed mappings use "red" and "blue".

    winner, reason: who won and why, in words; measure_hours: the RAND measure (the hour a Red main
    force reached the outskirts of a measure city; None: never), and `hours` per city; first_unit_hours
    and `first_unit`: the same for the first Red unit of any kind; turns played; steps lost (`losses`)
    and units destroyed per side; who holds each objective city (`cities`); `hold`: the scenario's own
    objective, where it has one."""

    winner: str
    reason: str
    measure_hours: float | None
    hours: Mapping[str, float]
    first_unit_hours: float | None
    first_unit: Mapping[str, float]
    turns: int
    losses: Mapping[str, int]
    destroyed: Mapping[str, int]
    cities: Mapping[str, str]
    hold: Hold | None

    def to_dict(self) -> dict[str, Any]:
        """The JSON mapping (a fresh one: the caller may change it)."""
        return {
            "winner": self.winner,
            "reason": self.reason,
            "measure_hours": self.measure_hours,
            "hours": dict(self.hours),
            "first_unit_hours": self.first_unit_hours,
            "first_unit": dict(self.first_unit),
            "turns": self.turns,
            "losses": dict(self.losses),
            "destroyed": dict(self.destroyed),
            "cities": dict(self.cities),
            "hold": self.hold.to_dict() if self.hold else None,
        }

    @staticmethod
    def from_dict(d: Mapping[str, Any]) -> Result:
        """Inverse of `to_dict`. KeyError or TypeError for a mapping that is not one."""
        hold = d["hold"]
        return Result(
            winner=str(d["winner"]),
            reason=str(d["reason"]),
            measure_hours=d["measure_hours"],
            hours=dict(d["hours"]),
            first_unit_hours=d["first_unit_hours"],
            first_unit=dict(d["first_unit"]),
            turns=d["turns"],
            losses=dict(d["losses"]),
            destroyed=dict(d["destroyed"]),
            cities=dict(d["cities"]),
            hold=Hold.from_dict(hold) if hold else None,
        )
