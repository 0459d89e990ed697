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
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rich.style import Style
from rich.text import Text

from wargame.hexgrid import Hex, from_offset, hexside, to_offset
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
TERRAIN_GLYPH: dict[str, str] = {
    "clear": " ",
    "forest": "♣",
    "mixed": "♠",
    "marsh": "≈",
    "urban": "▪",
    "lake": "~",
    "sea": "~",
}
TERRAIN_ASCII: dict[str, str] = {
    "clear": " ",
    "forest": "^",
    "mixed": ";",
    "marsh": "=",
    "urban": "#",
    "lake": "~",
    "sea": "~",
}
# the marks of the map, drawn with symbols or (ASCII mode) with plain ASCII characters
MARKS = {"edge": "▏", "river": "┃", "side": "▁▁", "capital": "★", "objective": "◆", "town": "◦", "road": "·"}
MARKS_ASCII = {"edge": "'", "river": "|", "side": "__", "capital": "*", "objective": "@", "town": "+", "road": "."}
LABEL_MAX = 14  # the longest place name drawn in full on the map; longer ones get their short form
RIVER_MAJOR = "#1f6fff"
RIVER_MINOR = "#5aa0ff"
BORDER = "#d02020"
SIDE_FG = {Side.RED: "#ff3b3b", Side.BLUE: "#2f7bff"}
COUNTER_BG = "#f0f0e0"

# branch (wargame.model.units.BRANCHES) -> one terminal cell approximating its APP-6 unit-function icon.
# Chosen from what DejaVu Sans Mono (the usual Linux terminal font) draws, bar ⋈ (DejaVu Sans)
BRANCH_GLYPH: dict[str, str] = {
    "armour": "▭",  # the oval of tracks (a flat frame: the ellipse ⬭ is missing from common terminal fonts)
    "mechanised_infantry": "⊗",  # the infantry cross inside the armour oval
    "motorised_infantry": "⊛",  # the infantry cross with the vertical bar of motorised
    "infantry": "⊠",  # the crossed box
    "airborne": "◡",  # the parachute arc under the infantry cross
    "air_assault": "⋈",  # the helicopter rotor (bow-tie)
    "naval_infantry": "≋",  # the waves of amphibious
    "reconnaissance": "⊘",  # the single diagonal slash
    "special_forces": "✦",  # APP-6 writes "SOF"; a star keeps it to one cell
    "artillery": "●",  # the filled dot of cannon artillery
    "rocket_artillery": "◉",  # the dot in a ring of rocket launchers
    "air_defence": "◠",  # the dome of air defence
    "anti_tank": "∧",  # the inverted V of anti-armour
    "engineer": "Ш",  # the bridge-like engineer mark
    "headquarters": "⊤",  # the staff
    "missile": "⇑",  # the upward missile
}

_ascii = os.environ.get("WARGAME_ASCII", "").strip().lower() not in ("", "0", "no", "false")


def set_ascii(on: bool) -> None:
    """Draw counters with two-letter codes (True) or NATO glyphs (False) from now on."""
    global _ascii
    _ascii = bool(on)


def ascii_counters() -> bool:
    return _ascii


def mark(name: str) -> str:
    return (MARKS_ASCII if _ascii else MARKS)[name]


def glyph(t: UnitType) -> str:
    """The one-cell map symbol of a unit type (its branch), or its two-letter code in ASCII mode or
    when it has no known branch."""
    g = None if _ascii else BRANCH_GLYPH.get(t.branch)
    return g if g is not None else t.symbol


def counter_text(stack: list[Unit]) -> str:
    """The three cells of a counter for the units in one hex (the first is shown): NATO glyph, steps,
    '+' if others share the hex; in ASCII mode, the two-letter code, then the steps or '+' if others
    share the hex."""
    u = stack[0]
    more = len(stack) - 1
    g = glyph(u.type)
    if len(g) == 1:
        return f"{g}{u.steps % 10}{'+' if more else ' '}"
    return (g[:2] + ("+" if more else str(u.steps % 10))).ljust(3)


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


def row_pairs(
    board: Board,
    row: int,
    col0: int,
    cols: int,
    stacks: dict[Hex, list[Unit]],
    marks: dict[Hex, str],
    tint: dict[Hex, str],
) -> tuple[Pairs, Pairs]:
    """The two text lines of one row of hexes as (text, style) pairs: the shared drawing of
    `wargame map` and the TUI map. Place names are written on the lower line, so a unit standing on
    a city never hides its name."""
    roads = _road_hexes(board)
    top: Pairs = []
    bottom: list[tuple[str, Style]] = []  # one cell each, so labels can be laid over them
    glyphs = TERRAIN_ASCII if _ascii else TERRAIN_GLYPH
    if row & 1:
        pad = Style()
        top.append(("  ", pad))
        bottom += [(" ", pad), (" ", pad)]
    for col in range(col0, col0 + cols):
        h = from_offset(col, row)
        t = board.terrain[h]
        bg = tint.get(h) or TERRAIN_BG[t]
        light = t in ("clear", "urban")
        fg = "#1a1a1a" if light else "#e8e8e8"
        base = _st(bg, fg)
        west = _edge_colour(board, h, Hex(h.q - 1, h.r))
        top.append((mark("edge") if west is None else mark("river"), _st(bg, west or "#505050")))
        top.append(_content(board, h, light, stacks.get(h), marks.get(h), bg, h in roads))
        sw = _edge_colour(board, h, Hex(h.q - 1, h.r + 1))
        se = _edge_colour(board, h, Hex(h.q, h.r + 1))
        g = glyphs[t]
        side = mark("side")[0]
        bottom += [(side, _st(bg, sw))] * 2 if sw else [(g, base), (" ", base)]
        bottom += [(side, _st(bg, se))] * 2 if se else [(" ", base), (g, base)]
    x0 = col0 * 4
    for x, text, style in place_labels(board).get(row, ()):
        for k, ch in enumerate(text):
            i = x - x0 + k
            if 0 <= i < len(bottom):
                bottom[i] = (ch, style)
    merged: Pairs = []
    for ch, st in bottom:
        if merged and merged[-1][1] is st:
            merged[-1] = (merged[-1][0] + ch, st)
        else:
            merged.append((ch, st))
    return top, merged


LABEL_STYLE = {
    "capital": Style(bgcolor="#f5e6a8", color="#000000", bold=True),
    "objective": Style(bgcolor="#e0e0e0", color="#000000", bold=True),
    "town": Style(bgcolor="#404040", color="#ffffff"),
}
_LABELS: dict[tuple[int, bool], dict[int, list[tuple[int, str, Style]]]] = {}


def short_names(board: Board) -> dict[str, str]:
    """City name -> the shortest prefix (3 letters or more) that no other city on the board shares."""
    from_fold = {c.name: fold(c.name).replace(" ", "") for c in board.cities.values()}
    out = {}
    for name, f in from_fold.items():
        n = 3
        while n < len(f) and any(o != name and g.startswith(f[:n]) for o, g in from_fold.items()):
            n += 1
        out[name] = name[:n] if n < len(name) else name
    return out


def place_labels(board: Board) -> dict[int, list[tuple[int, str, Style]]]:
    """Where each place name goes on the lower lines: row -> (cell, text, style). Capitals first,
    then objectives, then towns by population; a name that does not fit takes its short form
    (`short_names`), and one that still does not fit is left to the hex panel."""
    key = (id(board), _ascii)
    got = _LABELS.get(key)
    if got is not None:
        return got
    short = short_names(board)
    taken: dict[int, list[tuple[int, int]]] = {}
    out: dict[int, list[tuple[int, str, Style]]] = {}
    width = board.cols * 4 + 2
    for c in sorted(board.cities.values(), key=lambda c: (not c.capital, not c.objective, -c.population, c.name)):
        col, row = to_offset(c.hex)
        x = col * 4 + (row & 1) * 2 + 1
        kind = "capital" if c.capital else "objective" if c.objective else "town"
        for text in ((c.name if len(c.name) <= LABEL_MAX else short[c.name]), short[c.name]):
            a, b = x, min(width, x + len(text))
            if all(b + 1 <= lo or a >= hi + 1 for lo, hi in taken.get(row, ())):
                taken.setdefault(row, []).append((a, b))
                out.setdefault(row, []).append((x, text[: b - a], LABEL_STYLE[kind]))
                break
    _LABELS[key] = out
    return out


def place_key(board: Board) -> list[tuple[str, str]]:
    """(short form, full name) of the places drawn by a short form: the map's key."""
    drawn = {text for labels in place_labels(board).values() for _, text, _ in labels}
    return sorted((s, n) for n, s in short_names(board).items() if s != n and s in drawn and n not in drawn)


def stacks_of(units: Iterable[Unit]) -> dict[Hex, list[Unit]]:
    stacks: dict[Hex, list[Unit]] = {}
    for u in units:
        if u.hex is not None and u.alive:
            stacks.setdefault(u.hex, []).append(u)
    return stacks


def render_board(
    board: Board,
    window: Window | None = None,
    units: Iterable[Unit] = (),
    marks: dict[Hex, str] | None = None,
    tint: dict[Hex, str] | None = None,
    rows: Iterable[int] | None = None,
) -> list[Text]:
    """Lines of Rich Text for the window (two per row of hexes). `marks` puts a letter in a hex
    (e.g. outskirts 'o'); `tint` overrides a hex's background (reachable hexes, targets); `rows`
    limits the work to some rows of the window (for redrawing only what changed)."""
    w = window or Window(0, 0, board.cols, board.rows)
    stacks = stacks_of(units)
    out: list[Text] = []
    for row in rows if rows is not None else range(w.row0, w.row0 + w.rows):
        top, bottom = row_pairs(board, row, w.col0, w.cols, stacks, marks or {}, tint or {})
        out.append(Text.assemble(*top))
        out.append(Text.assemble(*bottom))
    return out


def _content(
    board: Board, h: Hex, light: bool, stack: list[Unit] | None, hexmark: str | None, bg: str, road: bool
) -> tuple[str, Style]:
    if stack:
        return counter_text(stack), _st(COUNTER_BG, SIDE_FG[stack[0].side], True)
    city = board.cities.get(h)
    if city is not None:
        sym = mark("capital" if city.capital else "objective" if city.objective else "town")
        return f" {sym} ", _st(bg, "#101010" if light else "#ffffff", True)
    if hexmark:
        return f" {hexmark[:1]} ", _st(bg, "#ffd700", True)
    if road:
        return f" {mark('road')} ", _st(bg, "#402000" if light else "#f0d090")
    return "   ", _st(bg, "#1a1a1a" if light else "#e8e8e8")


def legend(width: int = 0, types: Iterable[Any] = (), board: Board | None = None) -> Text:
    """The map's key, wrapped at whole items to `width` cells (0: one line per group)."""
    items: list[Text] = []
    for name, bg in TERRAIN_BG.items():
        g = (TERRAIN_ASCII if _ascii else TERRAIN_GLYPH)[name].strip()
        items.append(Text.assemble((f"{g or ' '} ", Style(bgcolor=bg, color="#e8e8e8")), f" {name}"))
    for label, colour in (("major river", RIVER_MAJOR), ("minor river", RIVER_MINOR), ("border", BORDER)):
        items.append(Text.assemble((mark("river"), Style(color=colour)), f" {label}"))
    for what, text in (("capital", "capital"), ("objective", "objective"), ("town", "town"), ("road", "road")):
        items.append(Text(f"{mark(what)} {text}"))
    items.append(Text("o outskirts (RAND measure)"))
    items.append(Text.assemble(("Riga", LABEL_STYLE["capital"]), " names under the hex"))
    out = _wrap(items, width)
    out.append("\n")
    out.append_text(counter_legend(per_line=0, types=types, width=width))
    if board is not None:
        key = place_key(board)
        if key:
            out.append("\nshort names: ")
            out.append_text(_wrap([Text(f"{s} {n}") for s, n in key], width, first=13))
    return out


def _wrap(items: list[Text], width: int, first: int = 0) -> Text:
    """Items joined by two spaces, a new line before an item that would cross `width`."""
    t = Text()
    x = first
    for i, item in enumerate(items):
        n = item.cell_len + (2 if i else 0)
        if i and width and x + n > width:
            t.append("\n")
            x = 0
            n -= 2
        elif i:
            t.append("  ")
        t.append_text(item)
        x += n
    return t


def counter_legend(per_line: int = 0, types: Iterable[Any] = (), width: int = 0) -> Text:
    """What the counters show: the glyph of each branch (or, in ASCII mode, how a counter reads and
    the two-letter code of each unit type given). `per_line` > 0 breaks the branch list into lines
    of that many; `width` > 0 wraps it at whole items."""
    t = Text()
    if _ascii:
        t.append("counters: two-letter type code, then steps left, or + when more units share the hex\n")
        seen: dict[str, str] = {}
        for u in types:
            ut = getattr(u, "type", u)
            seen.setdefault(ut.symbol, ut.name)
        if seen:
            t.append_text(_wrap([Text(f"{k} {v}") for k, v in sorted(seen.items())], width))
        return t
    t.append("counter ")
    t.append("⊗3+", _st(COUNTER_BG, SIDE_FG[Side.RED], True))
    t.append(": branch (APP-6), steps, + more units\n")
    items = [
        Text.assemble((g, _st(COUNTER_BG, "#202020", True)), f" {branch.replace('_', ' ')}")
        for branch, g in BRANCH_GLYPH.items()
    ]
    if per_line:
        for i, item in enumerate(items):
            if i and i % per_line == 0:
                t.append("\n")
            elif i:
                t.append("  ")
            t.append_text(item)
        return t
    t.append_text(_wrap(items, width))
    return t


def fold(text: str) -> str:
    """Lower case without accents: `Ādaži` and `adazi` are the same name to a player typing it."""
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold().strip()


def find_place(board: Board, text: str):
    """(city, suggestions): the city a player means by `text`, in any case and with or without
    accents (an exact name first, then the only name that starts with it); otherwise None and up to
    five names that come close."""
    import difflib

    want = fold(text)
    if not want:
        return None, []
    by_name = {fold(c.name): c for c in sorted(board.cities.values(), key=lambda c: (-c.population, c.name))}
    if want in by_name:
        return by_name[want], []
    starts = [c for n, c in by_name.items() if n.startswith(want)]
    if len(starts) == 1:
        return starts[0], []
    near = [c.name for c in starts[:5]] or [
        by_name[n].name for n in difflib.get_close_matches(want, list(by_name), 5, 0.6)
    ]
    return None, near
