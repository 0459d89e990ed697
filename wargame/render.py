"""Draw a window of the board as Rich text, for `wargame map` and print-outs.

Each hex is 4 cells wide and 2 lines high (docs/hexgrid.md); odd rows shift 2 cells east.

    line 0:  [W edge][c][c][c]   west hexside (river blue, border red), then city or unit
    line 1:  [SW ][SW][SE][SE]   the hexsides to the south-west and south-east, drawn as ▁▁

A counter is NATO style: a one-cell glyph approximating the APP-6 symbol of its branch (unit type
`branch`), its steps left, and '+' when more units share the hex, all in its side's colour. With
`WARGAME_ASCII=1` in the environment (or `set_ascii(True)`: `--ascii` on the command line) counters
show the type's two-letter code instead, for terminals or fonts without these symbols.

Uses Rich only, never Textual, so it belongs to the core.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from rich.style import Style
from rich.text import Text

from wargame.hexgrid import Hex, from_offset, hexside
from wargame.model.board import Board
from wargame.model.units import Side, Unit, UnitType

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
COUNTER_BG = "#f0f0e0"

# branch (wargame.model.units.BRANCHES) -> one terminal cell approximating its APP-6 unit-function icon.
# Chosen from what DejaVu Sans Mono (the usual Linux terminal font) draws, bar ⋈ (DejaVu Sans)
BRANCH_GLYPH: dict[str, str] = {
    "armour": "▭",               # the oval of tracks (a flat frame: the ellipse ⬭ is missing from common terminal fonts)
    "mechanised_infantry": "⊗",  # the infantry cross inside the armour oval
    "motorised_infantry": "⊛",   # the infantry cross with the vertical bar of motorised
    "infantry": "⊠",             # the crossed box
    "airborne": "◡",             # the parachute arc under the infantry cross
    "air_assault": "⋈",          # the helicopter rotor (bow-tie)
    "naval_infantry": "≋",       # the waves of amphibious
    "reconnaissance": "⊘",       # the single diagonal slash
    "special_forces": "✦",       # APP-6 writes "SOF"; a star keeps it to one cell
    "artillery": "●",            # the filled dot of cannon artillery
    "rocket_artillery": "◉",     # the dot in a ring of rocket launchers
    "air_defence": "◠",          # the dome of air defence
    "anti_tank": "∧",            # the inverted V of anti-armour
    "engineer": "Ш",             # the bridge-like engineer mark
    "headquarters": "⊤",         # the staff
    "missile": "⇑",              # the upward missile
}

_ascii = os.environ.get("WARGAME_ASCII", "").strip().lower() not in ("", "0", "no", "false")


def set_ascii(on: bool) -> None:
    """Draw counters with two-letter codes (True) or NATO glyphs (False) from now on."""
    global _ascii
    _ascii = bool(on)


def ascii_counters() -> bool:
    return _ascii


def glyph(t: UnitType) -> str:
    """The one-cell map symbol of a unit type (its branch), or its two-letter code in ASCII mode or
    when it has no known branch."""
    g = None if _ascii else BRANCH_GLYPH.get(t.branch)
    return g if g is not None else t.symbol


def counter_text(stack: list[Unit]) -> str:
    """The three cells of a counter for the units in one hex (the first is shown): NATO glyph, steps,
    '+' if others share the hex; in ASCII mode, the two-letter code and the steps or '+N'."""
    u = stack[0]
    more = len(stack) - 1
    g = glyph(u.type)
    if len(g) == 1:
        return f"{g}{u.steps % 10}{'+' if more else ' '}"
    tail = f"+{more}" if more else str(u.steps)
    return (g + tail)[:3].ljust(3)


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
        return counter_text(stack), _st(COUNTER_BG, SIDE_FG[stack[0].side], True)
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
    t.append("★ capital  ◆ objective  ● town  · road  o outskirts\n")
    t.append_text(counter_legend())
    return t


def counter_legend(per_line: int = 0) -> Text:
    """What the counters show: the glyph of each branch (or, in ASCII mode, how a counter reads).
    `per_line` > 0 breaks the list into lines of that many branches."""
    t = Text()
    if _ascii:
        t.append("counters: two-letter type code, then steps (or +N: N more units in the hex)")
        return t
    t.append("counters: ")
    t.append("⊗3+", _st(COUNTER_BG, SIDE_FG[Side.RED], True))
    t.append(" = branch symbol (APP-6), steps left, + more units in the hex\n")
    for i, (branch, g) in enumerate(BRANCH_GLYPH.items()):
        if i and per_line and i % per_line == 0:
            t.append("\n")
        t.append(g, _st(COUNTER_BG, "#202020", True))
        t.append(f" {branch.replace('_', ' ')}  ")
    return t
