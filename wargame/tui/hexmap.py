"""The hex map: a Textual line-API widget (ScrollView + render_line + cached Strips).

Each hex is 4 cells by 2 lines (docs/hexgrid.md); the lines come from `wargame.render`, the same
drawing `wargame map` prints. Strips are cached per row of hexes and dropped only for the rows that
change (a move, a result); the cursor is drawn over the cached strip at render time, so moving it
repaints two hexes.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.events import Click
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from wargame.hexgrid import Hex, from_offset, to_offset
from wargame.model.board import Board
from wargame.model.units import Unit
from wargame.render import row_pairs, stacks_of

CURSOR = Style(bgcolor="#ffd21f", color="#000000", bold=True)
# direction name -> (dq, dr) in axial coordinates (pointy-top)
STEPS = {"e": (1, 0), "w": (-1, 0), "ne": (1, -1), "nw": (0, -1), "se": (0, 1), "sw": (-1, 1)}


class HexMap(ScrollView, can_focus=True):
    """Shows a board, units, tints and a cursor. Posts `HexMap.Selected` on Enter or click."""

    BINDINGS = [
        Binding("left,h,4", "step('w')", "W", show=False),
        Binding("right,l,6", "step('e')", "E", show=False),
        Binding("y,7", "step('nw')", "NW", show=False),
        Binding("u,9", "step('ne')", "NE", show=False),
        Binding("b,1", "step('sw')", "SW", show=False),
        Binding("n,3", "step('se')", "SE", show=False),
        Binding("up,k,8", "step('up')", "Up", show=False),
        Binding("down,j,2", "step('down')", "Down", show=False),
        Binding("enter,5", "select", "Select", show=False),  # space is the screen's: pause when watching
    ]

    cursor: reactive[Hex] = reactive(Hex(0, 0), always_update=True)

    class Selected(Message):
        def __init__(self, hex: Hex) -> None:
            self.hex = hex
            super().__init__()

    class Moved(Message):
        def __init__(self, hex: Hex) -> None:
            self.hex = hex
            super().__init__()

    def __init__(self, board: Board, **kw) -> None:
        super().__init__(**kw)
        self.board = board
        self.units: list[Unit] = []
        self.tint: dict[Hex, str] = {}
        self.marks: dict[Hex, str] = {}
        for hexes in board.outskirts.values():
            for h in hexes:
                if h not in board.cities:
                    self.marks[h] = "o"
        self._cache: dict[int, tuple[Strip, Strip]] = {}
        self._stacks = None
        self.virtual_size = Size(board.cols * 4 + 2, board.rows * 2)
        self.blanked = False

    # --- content -----------------------------------------------------------------------------------

    def set_content(self, units: list[Unit] | None = None, tint: dict[Hex, str] | None = None) -> None:
        """New units and/or tints: drop the cached rows that changed and repaint."""
        rows: set[int] = set()
        if units is not None:
            old = {(u.id, u.hex, u.steps) for u in self.units}
            new = {(u.id, u.hex, u.steps) for u in units}
            for _, h, _ in old ^ new:
                if h is not None:
                    rows.add(h.r)
            self.units = list(units)
            self._stacks = None
        if tint is not None:
            for h in set(self.tint) ^ set(tint) | {h for h in tint if self.tint.get(h) != tint[h]}:
                rows.add(h.r)
            self.tint = dict(tint)
        for r in rows:
            self._cache.pop(r, None)
        self.refresh()

    def invalidate(self) -> None:
        self._cache.clear()
        self.refresh()

    def _row(self, row: int) -> tuple[Strip, Strip]:
        got = self._cache.get(row)
        if got is None:
            if self._stacks is None:
                self._stacks = stacks_of(self.units)
            top, bottom = row_pairs(self.board, row, 0, self.board.cols, self._stacks, self.marks, self.tint)
            got = (Strip([Segment(t, s) for t, s in top]), Strip([Segment(t, s) for t, s in bottom]))
            self._cache[row] = got
        return got

    def render_line(self, y: int) -> Strip:
        sx, sy = self.scroll_offset
        vy = y + sy
        width = self.size.width
        if self.blanked or vy >= self.board.rows * 2:
            return Strip.blank(width)
        row = vy // 2
        strip = self._row(row)[vy % 2]
        c = self.cursor
        if c.r == row:
            col = to_offset(c)[0]
            x0 = col * 4 + (row & 1) * 2
            segs = list(strip.divide([x0, x0 + 4, strip.cell_length]))
            if len(segs) >= 2:
                mid = Strip(list(Segment.apply_style(segs[1], post_style=CURSOR)))
                strip = Strip.join([segs[0], mid, *segs[2:]])
        return strip.crop_extend(sx, sx + width, None)

    # --- the cursor -----------------------------------------------------------------------------------

    def _region(self, h: Hex) -> Region:
        col, row = to_offset(h)
        return Region(col * 4 + (row & 1) * 2, row * 2, 4, 2)

    def watch_cursor(self, old: Hex, new: Hex) -> None:
        sx, sy = self.scroll_offset
        for h in (old, new):
            self.refresh(self._region(h).translate((-sx, -sy)))
        self.scroll_to_region(self._region(new).grow((2, 4, 2, 4)), animate=False)
        self.post_message(self.Moved(new))

    def on_resize(self) -> None:
        self.scroll_to_region(self._region(self.cursor).grow((4, 8, 4, 8)), animate=False, center=True)

    def action_step(self, d: str) -> None:
        c = self.cursor
        if d == "up":
            d = "nw" if c.r % 2 == 0 else "ne"
        elif d == "down":
            d = "sw" if c.r % 2 == 0 else "se"
        dq, dr = STEPS[d]
        n = Hex(c.q + dq, c.r + dr)
        if n in self.board.terrain:
            self.cursor = n

    def action_select(self) -> None:
        self.post_message(self.Selected(self.cursor))

    def on_click(self, event: Click) -> None:
        off = event.get_content_offset(self)
        if off is None:
            return
        x, y = off.x + self.scroll_offset.x, off.y + self.scroll_offset.y
        row = y // 2
        col = (x - (row % 2) * 2) // 4
        if 0 <= row < self.board.rows and 0 <= col < self.board.cols:
            h = from_offset(col, row)
            self.cursor = h
            self.post_message(self.Selected(h))
