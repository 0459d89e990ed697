"""The board: hexes with terrain and country, hexside features, cities, named areas.

Queries only (what is where); what a feature *does* is for `wargame.rules`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from wargame.hexgrid import Hex, Hexside, from_offset, hex_id, hexside, neighbours, parse_hex_id, to_offset

#: Terrain classes the rules know. Water hexes (lake, sea) are never entered by ground units.
TERRAINS: tuple[str, ...] = ("clear", "forest", "mixed", "marsh", "urban", "lake", "sea")
WATER: frozenset[str] = frozenset({"lake", "sea"})


@dataclass(frozen=True, slots=True)
class River:
    name: str
    cls: str  # "major" | "minor"


@dataclass(frozen=True, slots=True)
class City:
    name: str
    hex: Hex
    population: int
    country: str
    capital: bool = False
    objective: bool = False


@dataclass(frozen=True, slots=True)
class Area:
    id: str
    title: str
    description: str
    hexes: frozenset[Hex]


@dataclass(eq=False)
class Board:
    """A hex board. `terrain` holds every hex on the board; `country` every land or lake hex."""

    id: str
    title: str
    cols: int
    rows: int
    hex_size_km: float
    terrain: dict[Hex, str]
    country: dict[Hex, str]
    rivers: dict[Hexside, River] = field(default_factory=dict)
    roads: dict[Hexside, frozenset[str]] = field(default_factory=dict)  # hexside -> {"road", "rail"}
    road_names: list[tuple[str, str, tuple[Hex, ...]]] = field(default_factory=list)  # (name, kind, path)
    cities: dict[Hex, City] = field(default_factory=dict)
    outskirts: dict[str, frozenset[Hex]] = field(default_factory=dict)
    areas: dict[str, Area] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)

    # --- ids and geometry -------------------------------------------------------------------------

    @property
    def id_width(self) -> int:
        return 2 if max(self.cols, self.rows) < 100 else 3

    def hex_id(self, h: Hex) -> str:
        return hex_id(h, self.id_width)

    def parse_hex(self, text: str) -> Hex:
        """Hex id -> Hex, ValueError if malformed or off the board."""
        h = parse_hex_id(text)
        if h not in self.terrain:
            raise ValueError(f"hex {text} is off the board ({self.cols} columns x {self.rows} rows)")
        return h

    def on_board(self, h: Hex) -> bool:
        return h in self.terrain

    def hexes(self) -> Iterator[Hex]:
        """Every hex, row by row from the north-west corner."""
        for row in range(self.rows):
            for col in range(self.cols):
                yield from_offset(col, row)

    def offset(self, h: Hex) -> tuple[int, int]:
        return to_offset(h)

    def neighbours(self, h: Hex) -> list[Hex]:
        """Neighbours that are on the board."""
        t = self.terrain
        return [n for n in neighbours(h) if n in t]

    # --- what is there --------------------------------------------------------------------------

    def is_land(self, h: Hex) -> bool:
        t = self.terrain.get(h)
        return t is not None and t not in WATER

    def is_water(self, h: Hex) -> bool:
        return self.terrain.get(h) in WATER

    def river(self, a: Hex, b: Hex) -> River | None:
        return self.rivers.get(hexside(a, b))

    def road(self, a: Hex, b: Hex) -> frozenset[str]:
        return self.roads.get(hexside(a, b), frozenset())

    def city_named(self, name: str) -> City | None:
        for c in self.cities.values():
            if c.name == name:
                return c
        return None

    @cached_property
    def borders(self) -> dict[Hexside, tuple[str, str]]:
        """Hexsides between land hexes of different countries -> the two countries, sorted."""
        out: dict[Hexside, tuple[str, str]] = {}
        country = self.country
        for h, c in country.items():
            if not self.is_land(h):
                continue
            for n in neighbours(h):
                cn = country.get(n)
                if cn is not None and cn != c and self.is_land(n) and h < n:
                    a, b = sorted((c, cn))
                    out[hexside(h, n)] = (a, b)
        return out

    @cached_property
    def bridges(self) -> frozenset[Hexside]:
        """Road or rail hexsides that cross a river."""
        return frozenset(s for s in self.roads if s in self.rivers)

    def hexes_of(self, countries: Iterable[str], land_only: bool = True) -> set[Hex]:
        cs = set(countries)
        return {h for h, c in self.country.items() if c in cs and (not land_only or self.is_land(h))}
