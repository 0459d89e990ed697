"""A scenario: which board, which forces, which rules parameters, which clock, what wins."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wargame.model.board import Board
from wargame.model.units import Side, Unit, UnitType


@dataclass(frozen=True, slots=True)
class Clock:
    turn_hours: int = 12
    first_turn: str = "day"   # "day" | "night"
    length_turns: int = 20
    start: str = ""           # free text shown to players, e.g. "D-day 06:00"

    def hour(self, turn: int) -> int:
        """Hours since H-hour at the start of `turn` (turns count from 1)."""
        return (turn - 1) * self.turn_hours

    def is_night(self, turn: int) -> bool:
        day_first = self.first_turn == "day"
        return (turn % 2 == 0) == day_first


@dataclass(frozen=True, slots=True)
class SideSetup:
    side: Side
    name: str
    countries: frozenset[str]
    briefing: str


@dataclass(frozen=True, slots=True)
class AirPool:
    """Sorties a side can fly per turn, by day and by night."""

    day: int
    night: int
    source: str = ""
    assumption: str = ""
    lift: int = 0  # battalions its helicopters can lift in a movement phase (Airlift orders)


@dataclass(frozen=True, slots=True)
class Victory:
    measure: tuple[str, ...]      # outskirts names: first Red entry = the RAND measure
    objectives: tuple[str, ...]   # city names counted as "held"
    description: str = ""
    red_goals: tuple[str, ...] = ()  # cities Red drives on (default: the measure cities); bots read it
    hold: tuple[str, ...] = ()       # the scenario's own verdict: Red wins if it holds all of them at the end


@dataclass(eq=False)
class Scenario:
    id: str
    title: str
    summary: str
    board: Board
    unit_types: dict[str, UnitType]
    units: list[Unit]
    clock: Clock
    parameters: dict[str, Any]
    sides: dict[Side, SideSetup]
    neutral: frozenset[str]
    victory: Victory
    air: dict[Side, AirPool] = field(default_factory=dict)
    tables_id: str = "standard"
    tables: Any = None             # the rules tables, loaded by wargame.data (shape owned by wargame.rules)
    oob_ids: tuple[str, ...] = ()
    path: Path | None = None
    crisis: Any = None             # the crisis phase before H-hour (wargame.crisis.tables.CrisisSettings), if on

    def unit(self, unit_id: str) -> Unit:
        for u in self.units:
            if u.id == unit_id:
                return u
        raise KeyError(unit_id)
