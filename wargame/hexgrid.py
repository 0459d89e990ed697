"""Hex maths, and nothing else.

One layout for the board and the terminal alike (written down in docs/hexgrid.md):

* **Pointy-top hexes in rows.** Row 1 is the northernmost; rows run south. Odd rows (1, 3, ... in
  the 1-based ids; 0, 2, ... zero-based) sit at the left, even rows are pushed half a hex east: the
  "odd-r" brick layout of Red Blob Games, counted zero-based. In a terminal a hex is 4 columns by
  2 lines and each row of hexes is one band of text.
* **Axial coordinates inside** (`Hex(q, r)`, cube `s = -q - r` implied): every algorithm works on them.
* **Offset coordinates and ids at the edges**: `col`, `row` zero-based; the printed id is `CCRR`,
  1-based, zero-padded (`0101` is the north-west corner). Ids of 3-digit boards widen to `CCCRRR`.

Distances are in hexes; `centre_km` gives the centre of a hex on the plane for a given hex size
(flat-to-flat width, i.e. the distance between the centres of neighbours).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import NamedTuple

SQRT3 = math.sqrt(3.0)


class Hex(NamedTuple):
    """A hex in axial coordinates (pointy-top): q grows east, r grows south."""

    q: int
    r: int

    @property
    def s(self) -> int:
        return -self.q - self.r

    def __add__(self, other: object) -> Hex:
        if not isinstance(other, Hex):
            return NotImplemented
        return Hex(self.q + other.q, self.r + other.r)

    def __sub__(self, other: Hex) -> Hex:
        return Hex(self.q - other.q, self.r - other.r)


# The six directions, clockwise from east. Names are compass points as seen on the map.
DIRECTIONS: tuple[Hex, ...] = (
    Hex(1, 0),   # E
    Hex(0, 1),   # SE
    Hex(-1, 1),  # SW
    Hex(-1, 0),  # W
    Hex(0, -1),  # NW
    Hex(1, -1),  # NE
)
DIRECTION_NAMES: tuple[str, ...] = ("E", "SE", "SW", "W", "NW", "NE")
DIRECTION_BY_NAME: dict[str, Hex] = dict(zip(DIRECTION_NAMES, DIRECTIONS))


def neighbour(h: Hex, direction: int) -> Hex:
    d = DIRECTIONS[direction % 6]
    return Hex(h.q + d.q, h.r + d.r)


def neighbours(h: Hex) -> list[Hex]:
    """The six neighbours, clockwise from east."""
    q, r = h
    return [Hex(q + 1, r), Hex(q, r + 1), Hex(q - 1, r + 1), Hex(q - 1, r), Hex(q, r - 1), Hex(q + 1, r - 1)]


def direction_between(a: Hex, b: Hex) -> int:
    """Index into DIRECTIONS of neighbour b seen from a; ValueError if they are not adjacent."""
    d = Hex(b.q - a.q, b.r - a.r)
    try:
        return DIRECTIONS.index(d)
    except ValueError:
        raise ValueError(f"{a} and {b} are not neighbours") from None


def distance(a: Hex, b: Hex) -> int:
    dq = a.q - b.q
    dr = a.r - b.r
    return (abs(dq) + abs(dr) + abs(dq + dr)) // 2


def is_adjacent(a: Hex, b: Hex) -> bool:
    return distance(a, b) == 1


# --- offset coordinates and ids ------------------------------------------------------------------


def to_offset(h: Hex) -> tuple[int, int]:
    """Axial -> zero-based (col, row) in the odd-r layout."""
    return h.q + (h.r - (h.r & 1)) // 2, h.r


def from_offset(col: int, row: int) -> Hex:
    """Zero-based (col, row) in the odd-r layout -> axial."""
    return Hex(col - (row - (row & 1)) // 2, row)


def hex_id(h: Hex, width: int = 2) -> str:
    """The printed id `CCRR` (1-based). `width` digits each for column and row."""
    col, row = to_offset(h)
    if col < 0 or row < 0:
        raise ValueError(f"{h} has no id: it lies north or west of hex {'0' * (width - 1)}1{'0' * (width - 1)}1")
    return f"{col + 1:0{width}d}{row + 1:0{width}d}"


def parse_hex_id(text: str) -> Hex:
    """`CCRR` (or `CCCRRR`) -> Hex. ValueError with a plain message when malformed."""
    t = text.strip()
    if not t.isdigit() or len(t) % 2 or len(t) < 4:
        raise ValueError(f"{text!r} is not a hex id (expected CCRR: column and row, e.g. '3736')")
    half = len(t) // 2
    col, row = int(t[:half]) - 1, int(t[half:]) - 1
    if col < 0 or row < 0:
        raise ValueError(f"{text!r} is not a hex id (columns and rows count from 01)")
    return from_offset(col, row)


# --- hexsides ------------------------------------------------------------------------------------


class Hexside(NamedTuple):
    """The edge between two adjacent hexes, direction-free: a < b always (make it with `hexside`)."""

    a: Hex
    b: Hex

    def other(self, h: Hex) -> Hex:
        if h == self.a:
            return self.b
        if h == self.b:
            return self.a
        raise ValueError(f"{h} is not on hexside {self}")


def hexside(a: Hex, b: Hex) -> Hexside:
    """The hexside between neighbours a and b, the same value whichever way it is asked."""
    if distance(a, b) != 1:
        raise ValueError(f"{a} and {b} are not neighbours, so share no hexside")
    return Hexside(a, b) if a < b else Hexside(b, a)


def hexsides_of(h: Hex) -> list[Hexside]:
    return [hexside(h, n) for n in neighbours(h)]


def hexside_id(side: Hexside, width: int = 2) -> str:
    """Printed form `AAAA/BBBB`."""
    return f"{hex_id(side.a, width)}/{hex_id(side.b, width)}"


def parse_hexside_id(text: str) -> Hexside:
    parts = text.strip().split("/")
    if len(parts) != 2:
        raise ValueError(f"{text!r} is not a hexside (expected two adjacent hex ids, e.g. '3736/3737')")
    return hexside(parse_hex_id(parts[0]), parse_hex_id(parts[1]))


# --- areas and lines ------------------------------------------------------------------------------


def ring(centre: Hex, radius: int) -> list[Hex]:
    """Hexes exactly `radius` away, clockwise; [centre] for radius 0."""
    if radius < 0:
        raise ValueError("radius must be >= 0")
    if radius == 0:
        return [centre]
    out: list[Hex] = []
    # start at the hex `radius` steps to the west... walk round: direction 4 (NW) * radius from centre
    h = Hex(centre.q + DIRECTIONS[4].q * radius, centre.r + DIRECTIONS[4].r * radius)
    for side in range(6):
        d = DIRECTIONS[side]
        for _ in range(radius):
            out.append(h)
            h = Hex(h.q + d.q, h.r + d.r)
    return out


def within(centre: Hex, radius: int) -> Iterator[Hex]:
    """Every hex at distance <= radius (a filled hexagon), rows north to south."""
    cq, cr = centre
    for dr in range(-radius, radius + 1):
        for dq in range(max(-radius, -dr - radius), min(radius, -dr + radius) + 1):
            yield Hex(cq + dq, cr + dr)


def _cube_round(fq: float, fr: float) -> Hex:
    fs = -fq - fr
    q, r, s = round(fq), round(fr), round(fs)
    dq, dr, ds = abs(q - fq), abs(r - fr), abs(s - fs)
    if dq > dr and dq > ds:
        q = -r - s
    elif dr > ds:
        r = -q - s
    return Hex(int(q), int(r))


def line(a: Hex, b: Hex) -> list[Hex]:
    """The hexes on the straight line from a to b, both included (distance + 1 hexes).

    A tiny nudge keeps the line off hex corners so the result is deterministic and each step moves
    to a neighbour.
    """
    n = distance(a, b)
    if n == 0:
        return [a]
    eps_q, eps_r = 1e-6, 2e-6
    aq, ar = a.q + eps_q, a.r + eps_r
    bq, br = b.q + eps_q, b.r + eps_r
    return [_cube_round(aq + (bq - aq) * i / n, ar + (br - ar) * i / n) for i in range(n + 1)]


# --- the plane -----------------------------------------------------------------------------------


def centre_km(h: Hex, size_km: float) -> tuple[float, float]:
    """Centre of h on the plane, x east and y south, hex 0000 (axial 0,0) at the origin.

    `size_km` is the flat-to-flat width, which for pointy-top hexes is the east-west spacing.
    """
    return size_km * (h.q + h.r / 2.0), size_km * (SQRT3 / 2.0) * h.r


def hex_at_km(x: float, y: float, size_km: float) -> Hex:
    """The hex whose centre is nearest the point (x east, y south) on the plane."""
    fr = y / (size_km * SQRT3 / 2.0)
    fq = x / size_km - fr / 2.0
    return _cube_round(fq, fr)
