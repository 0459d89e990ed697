"""Sides, unit types and units."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from wargame.hexgrid import Hex


class Side(str, Enum):
    RED = "red"
    BLUE = "blue"

    @property
    def other(self) -> Side:
        return Side.BLUE if self is Side.RED else Side.RED

    def __str__(self) -> str:
        return self.value


CATEGORIES: tuple[str, ...] = (
    "armour", "mechanised", "motor_rifle", "infantry", "light_infantry", "motorised_infantry",
    "airborne", "air_assault", "wheeled", "recon", "artillery", "rocket_artillery", "air_defence",
    "special_forces", "territorial", "headquarters",
)
MOBILITIES: tuple[str, ...] = ("tracked", "wheeled", "foot", "airmobile")
# The unit's arm or branch, after the "unit function" (main icon) of NATO's joint military symbology
# APP-6 (APP-6(D), land unit icons): what the counter shows on the map (wargame.render.BRANCH_GLYPH).
# The rules never read it; they use `category`.
BRANCHES: tuple[str, ...] = (
    "armour", "mechanised_infantry", "motorised_infantry", "infantry", "airborne", "air_assault",
    "naval_infantry", "reconnaissance", "special_forces", "artillery", "rocket_artillery", "air_defence",
    "anti_tank", "engineer", "headquarters", "missile",
)


@dataclass(frozen=True, slots=True)
class UnitType:
    """What every unit of a kind can do, at full strength (values from orders_of_battle/unit_types.yaml)."""

    id: str
    name: str
    category: str
    symbol: str
    mobility: str
    movement: int
    attack: float
    defence: float
    steps: int
    range: int = 0
    support: float = 0.0
    ad_range: int = 0
    ad_strength: float = 0.0
    detection: int = 1
    source: str = ""
    assumption: str = ""
    branch: str = ""  # one of BRANCHES (APP-6 unit function); "" draws the two-letter symbol


@dataclass(slots=True)
class Unit:
    """A counter. `hex` is None while it waits to arrive (or after it is destroyed)."""

    id: str
    name: str
    side: Side
    nation: str
    type: UnitType
    formation: str
    hex: Hex | None
    steps: int
    arrival_turn: int = 0           # 0 = on the board at the start
    entry_area: str | None = None   # map area id where it arrives
    source: str = ""
    assumption: str = ""
    oob: str = ""                   # id of the order-of-battle file it came from

    @property
    def attack(self) -> float:
        return self.type.attack * self.steps / self.type.steps

    @property
    def defence(self) -> float:
        return self.type.defence * self.steps / self.type.steps

    @property
    def alive(self) -> bool:
        return self.steps > 0

    def copy(self) -> Unit:
        return Unit(
            self.id, self.name, self.side, self.nation, self.type, self.formation, self.hex,
            self.steps, self.arrival_turn, self.entry_area, self.source, self.assumption, self.oob,
        )
