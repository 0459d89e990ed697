"""Plain data: the board, unit types, units, sides, scenarios. No rules, no I/O, no UI."""

from wargame.model.board import TERRAINS, Area, Board, City, River
from wargame.model.scenario import AirPool, Clock, Scenario, SideSetup, Victory
from wargame.model.units import CATEGORIES, MOBILITIES, Side, Unit, UnitType

__all__ = [
    "TERRAINS", "Area", "Board", "City", "River",
    "CATEGORIES", "MOBILITIES", "Side", "Unit", "UnitType",
    "AirPool", "Clock", "Scenario", "SideSetup", "Victory",
]
