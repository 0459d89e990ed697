"""Draw a window of the board as Rich text, for `wargame map` and print-outs.

Each hex is 4 cells wide and 2 lines high (docs/hexgrid.md); odd rows shift 2 cells east.

    line 0:  [W edge][c][c][c]   west hexside (river blue, border red), then city or unit
    line 1:  [SW ][SW][SE][SE]   the hexsides to the south-west and south-east, drawn as ▁▁

Uses Rich only, never Textual, so it belongs to the core.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from rich.style import Style
from rich.text import Text

from wargame.hexgrid import Hex, from_offset, hexside
from wargame.model.board import Board
from wargame.model.units import Side, Unit

TERRAIN_BG: dict[str, str] = {
    "clear": "#a9ad78",
    "forest": "#3d6b3a",
    "mixed": "#6a8c4c",
    "marsh": "#5f8a80",
    "urban": "#8c8c8c",
    "lake": "#3f78b0",
    "sea": "#24527e",
}
TERRAIN_GLYPH: dict[str, str] = {"clear": " ", "forest": "♣", "mixed": "♠", "marsh": "≈", "urban": "▪", "lake": "~", "sea": "~"}
RIVER_MAJOR = "#1f6fff"
RIVER_MINOR = "#5aa0ff"
BORDER = "#d02020"
SIDE_FG = {Side.RED: "#ff3b3b", Side.BLUE: "#2f7bff"}


@dataclass(frozen=True)
class Window:
    col0: int
    row0: int
    cols: int
    rows: int


def window_around(board: Board, centre: Hex | None, width_cells: int, height_lines: int) -> Window:
    """The window of hexes fitting a terminal area, centred on a hex (or the whole board)."""
    cols = max(1, min(board.cols, (width_cells - 2) // 4))
    rows = max(1, min(board.rows, height_lines // 2))
    if centre is None:
        return Window(0, 0, cols, rows)
    c, r = centre.q + (centre.r - (centre.r & 1)) // 2, centre.r
    col0 = min(max(0, c - cols // 2), board.cols - cols)
    row0 = min(max(0, r - rows // 2), board.rows - rows)
    return Window(col0, row0, cols, rows)


def _edge_colour(board: Board, a: Hex, b: Hex) -> str | None:
    if b not in board.terrain:
        return None
    s = hexside(a, b)
    river = board.rivers.get(s)
    if river is not None:
        return RIVER_MAJOR if river.cls == "major" else RIVER_MINOR
    if s in board.borders:
        return BORDER
    return None


@lru_cache(maxsize=4096)
def _st(bg: str, fg: str, bold: bool = False) -> Style:
    return Style(bgcolor=bg, color=fg, bold=bold)


_ROADS: dict[int, frozenset[Hex]] = {}


def _road_hexes(board: Board) -> frozenset[Hex]:
    got = _ROADS.get(id(board))
    if got is None:
        got = _ROADS[id(board)] = frozenset(h for s in board.roads for h in s)
    return got


Pairs = list[tuple[str, Style]]


def row_pairs(board: Board, row: int, col0: int, cols: int, stacks: dict[Hex, list[Unit]],
              marks: dict[Hex, str], tint: dict[Hex, str]) -> tuple[Pairs, Pairs]:
    """The two text lines of one row of hexes as (text, style) pairs: the shared drawing of
    `wargame map` and the TUI map."""
    roads = _road_hexes(board)
    top: Pairs = []
    bottom: Pairs = []
    if row & 1:
        pad = Style()
        top.append(("  ", pad))
        bottom.append(("  ", pad))
    for col in range(col0, col0 + cols):
        h = from_offset(col, row)
        t = board.terrain[h]
        bg = tint.get(h) or TERRAIN_BG[t]
        light = t in ("clear", "urban")
        fg = "#1a1a1a" if light else "#e8e8e8"
        base = _st(bg, fg)
        west = _edge_colour(board, h, Hex(h.q - 1, h.r))
        top.append(("▏" if west is None else "┃", _st(bg, west or "#505050")))
        top.append(_content(board, h, light, stacks.get(h), marks.get(h), bg, h in roads))
        sw = _edge_colour(board, h, Hex(h.q - 1, h.r + 1))
        se = _edge_colour(board, h, Hex(h.q, h.r + 1))
        glyph = TERRAIN_GLYPH[t]
        bottom.append(("▁▁", _st(bg, sw)) if sw else (glyph + " ", base))
        bottom.append(("▁▁", _st(bg, se)) if se else (" " + glyph, base))
    return top, bottom


def stacks_of(units: Iterable[Unit]) -> dict[Hex, list[Unit]]:
    stacks: dict[Hex, list[Unit]] = {}
    for u in units:
        if u.hex is not None and u.alive:
            stacks.setdefault(u.hex, []).append(u)
    return stacks


def render_board(board: Board, window: Window | None = None, units: Iterable[Unit] = (),
                 marks: dict[Hex, str] | None = None, tint: dict[Hex, str] | None = None,
                 rows: Iterable[int] | None = None) -> list[Text]:
    """Lines of Rich Text for the window (two per row of hexes). `marks` puts a letter in a hex
    (e.g. outskirts 'o'); `tint` overrides a hex's background (reachable hexes, targets); `rows`
    limits the work to some rows of the window (for redrawing only what changed)."""
    w = window or Window(0, 0, board.cols, board.rows)
    stacks = stacks_of(units)
    out: list[Text] = []
    for row in (rows if rows is not None else range(w.row0, w.row0 + w.rows)):
        top, bottom = row_pairs(board, row, w.col0, w.cols, stacks, marks or {}, tint or {})
        out.append(Text.assemble(*top))
        out.append(Text.assemble(*bottom))
    return out


def _content(board: Board, h: Hex, light: bool, stack: list[Unit] | None, mark: str | None, bg: str, road: bool) -> tuple[str, Style]:
    if stack:
        u = stack[0]
        more = len(stack) - 1
        tail = f"+{more}" if more else str(u.steps)
        return (u.type.symbol + tail)[:3].ljust(3), _st("#f0f0e0", SIDE_FG[u.side], True)
    city = board.cities.get(h)
    if city is not None:
        sym = "★" if city.capital else ("◆" if city.objective else "●")
        return f"{sym}{city.name[:2]}", _st(bg, "#101010" if light else "#ffffff", city.capital)
    if mark:
        return f" {mark[:1]} ", _st(bg, "#ffd700", True)
    if road:
        return " · ", _st(bg, "#402000" if light else "#f0d090")
    return "   ", _st(bg, "#1a1a1a" if light else "#e8e8e8")


def legend() -> Text:
    t = Text()
    for name, bg in TERRAIN_BG.items():
        t.append("  ", Style(bgcolor=bg))
        t.append(f" {name}  ")
    t.append("┃", Style(color=RIVER_MAJOR)); t.append(" major river  ")
    t.append("┃", Style(color=RIVER_MINOR)); t.append(" minor river  ")
    t.append("┃", Style(color=BORDER)); t.append(" border  ")
    t.append("★ capital  ◆ objective  ● town  · road  o outskirts")
    return t
