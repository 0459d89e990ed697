"""The overview: the whole theatre scaled to the terminal, at any size from 80x24 up.

Each terminal cell holds two pixels (the upper and lower half-block, ▀), so a pixel is about square;
with `--ascii` a cell is one pixel. Pixels are sampled from the hex under them; units, the front
(units in contact with the enemy) and the main map's window are drawn over the terrain, and the
capitals and objectives are labelled by name, then the bigger towns where there is room."""

from __future__ import annotations

import math

from rich.segment import Segment
from rich.style import Style
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Footer, Static

from wargame.hexgrid import Hex, from_offset, neighbours, to_offset
from wargame.model.board import Board
from wargame.model.units import Side, Unit
from wargame.render import SIDE_FG, TERRAIN_BG, ascii_counters

SQRT3 = math.sqrt(3)
FRONT = "#ffa000"
WINDOW = "#ffd21f"
CURSOR = "#ffffff"


class OverviewMap(Widget, can_focus=True):
    """Draws the scaled theatre; arrows move a cursor, Enter posts the hex (the map goes there)."""

    BINDINGS = [Binding("left,h", "step(-1,0)", show=False), Binding("right,l", "step(1,0)", show=False),
                Binding("up,k", "step(0,-1)", show=False), Binding("down,j", "step(0,1)", show=False)]

    def __init__(self, board: Board, units: list[Unit], window: tuple[int, int, int, int], cursor: Hex, **kw):
        super().__init__(**kw)
        self.board, self.units, self.window, self.cursor = board, units, window, cursor

    # --- geometry ---------------------------------------------------------------------------------------

    def _scale(self, w: int, h: int) -> tuple[float, float, int, int]:
        """(scale, pixel height factor, pixels across, pixels down) fitting the board in w x h cells."""
        half = not ascii_counters()
        px_w, px_h = w, h * (2 if half else 1)
        unit_h = 1.0 if half else 2.0  # a pixel's height in pixel widths
        bw, bh = self.board.cols * SQRT3 + SQRT3 / 2, self.board.rows * 1.5 + 0.5
        s = max(bw / max(1, px_w), bh / max(1, px_h * unit_h))
        return s, unit_h, min(px_w, math.ceil(bw / s)), min(px_h, math.ceil(bh / (s * unit_h)))

    def _hex_at(self, x: int, y: int, s: float, unit_h: float) -> Hex:
        py, px = (y + 0.5) * s * unit_h, (x + 0.5) * s
        row = min(self.board.rows - 1, max(0, int(py / 1.5)))
        col = min(self.board.cols - 1, max(0, int((px - (row & 1) * SQRT3 / 2) / SQRT3)))
        return from_offset(col, row)

    def _pixel_of(self, h: Hex, s: float, unit_h: float) -> tuple[int, int]:
        col, row = to_offset(h)
        return int((col * SQRT3 + (row & 1) * SQRT3 / 2 + SQRT3 / 2) / s), int((row * 1.5 + 0.75) / (s * unit_h))

    # --- drawing --------------------------------------------------------------------------------------

    def pixels(self, w: int, h: int) -> tuple[list[list[str]], dict[tuple[int, int], tuple[str, str]]]:
        """The pixel colours and the labels (cell -> (text char, colour)) for a w x h cell area."""
        s, unit_h, pw, ph = self._scale(w, h)
        grid = [[TERRAIN_BG[self.board.terrain[self._hex_at(x, y, s, unit_h)]] for x in range(pw)] for y in range(ph)]

        def put(hx: Hex, colour: str) -> None:
            x, y = self._pixel_of(hx, s, unit_h)
            if 0 <= y < ph and 0 <= x < pw:
                grid[y][x] = colour
        at: dict[Hex, Side] = {u.hex: u.side for u in self.units if u.hex is not None}
        for hx, side in at.items():
            contact = any(at.get(n, side) is not side for n in neighbours(hx))
            put(hx, FRONT if contact else SIDE_FG[side])
        c0, r0, cols, rows = self.window
        for col in range(c0, c0 + cols):
            for row in (r0, r0 + rows - 1):
                put(from_offset(col, row), WINDOW)
        for row in range(r0, r0 + rows):
            for col in (c0, c0 + cols - 1):
                put(from_offset(col, row), WINDOW)
        put(self.cursor, CURSOR)
        labels: dict[tuple[int, int], tuple[str, str]] = {}
        half = not ascii_counters()
        taken: set[tuple[int, int]] = set()
        cities = sorted(self.board.cities.values(), key=lambda c: (not c.capital, not c.objective, -c.population))
        for _i, c in enumerate(cities):
            x, y = self._pixel_of(c.hex, s, unit_h)
            cy = y // 2 if half else y
            mark = (
                ("*" if c.capital else "@" if c.objective else "o")
                if not half
                else ("★" if c.capital else "◆" if c.objective else "•")
            )
            text = mark + c.name
            if x + len(text) > w:
                x = max(0, w - len(text))
            cells = {(x + k, cy) for k in range(-1, len(text) + 1)}
            if cells & taken:
                if c.capital or c.objective:
                    text, cells = mark, {(x, cy)}
                    if cells & taken:
                        continue
                else:
                    continue
            taken |= cells
            for k, ch in enumerate(text):
                labels[(x + k, cy)] = (ch, "#ffffff" if c.capital or c.objective else "#e0e0e0")
        return grid, labels

    def render_line(self, y: int) -> Strip:
        w, h = self.size.width, self.size.height
        grid, labels = self._cached(w, h)
        half = not ascii_counters()
        segs = []
        for x in range(w):
            if half:
                top = grid[2 * y][x] if 2 * y < len(grid) and x < len(grid[0]) else None
                bot = grid[2 * y + 1][x] if 2 * y + 1 < len(grid) and x < len(grid[0]) else None
            else:
                top = bot = grid[y][x] if y < len(grid) and x < len(grid[0]) else None
            lab = labels.get((x, y))
            if lab is not None:
                segs.append(Segment(lab[0], Style(color=lab[1], bgcolor="#202020", bold=True)))
            elif top is None:
                segs.append(Segment(" "))
            elif half:
                segs.append(Segment("▀", Style(color=top, bgcolor=bot or "#000000")))
            else:
                segs.append(Segment(" ", Style(bgcolor=top)))
        return Strip(segs)

    _memo: tuple | None = None

    def _cached(self, w: int, h: int):
        key = (w, h, self.cursor, self.window)
        if self._memo is None or self._memo[0] != key:
            self._memo = (key, self.pixels(w, h))
        return self._memo[1]

    def action_step(self, dx: int, dy: int) -> None:
        s, unit_h, _, _ = self._scale(self.size.width, self.size.height)
        col, row = to_offset(self.cursor)
        step = max(1, round(s / SQRT3 * 2))  # about two pixels
        col = min(self.board.cols - 1, max(0, col + dx * step))
        row = min(self.board.rows - 1, max(0, row + dy * step))
        self.cursor = from_offset(col, row)
        self.refresh()


class Overview(Screen):
    """The whole board scaled to the terminal; Enter takes the map to the cursor."""

    CSS = "OverviewMap { height: 1fr; width: 1fr; } #ov-key { height: auto; }"

    BINDINGS = [
        Binding("escape,o,q", "back", "Back"),
        Binding("enter", "go", "Go there"),
        Binding("question_mark", "help", "Help"),
    ]

    def __init__(self, board: Board, units: list[Unit], window: tuple[int, int, int, int], cursor: Hex):
        super().__init__()
        self.board, self.units, self.window, self.cursor = board, units, window, cursor

    def compose(self) -> ComposeResult:
        yield Static(
            "[b]Overview[/b]  [#ff3b3b]■[/] Red  [#2f7bff]■[/] Blue  [#ffa000]■[/] in contact  "
            "[#ffd21f]□[/] the map's window   arrows move, Enter goes there, Esc back",
            id="ov-key",
        )
        yield OverviewMap(self.board, self.units, self.window, self.cursor)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OverviewMap).focus()

    def action_back(self) -> None:
        self.dismiss(None)

    def action_go(self) -> None:
        self.dismiss(self.query_one(OverviewMap).cursor)

    def action_help(self) -> None:
        from wargame.tui.dialogs import HelpScreen

        self.app.push_screen(
            HelpScreen(
                "Overview",
                [
                    ("arrows / hjkl", "move the cursor"),
                    ("Enter", "the map goes there"),
                    ("Esc, o or q", "back to the map"),
                    ("?", "this help"),
                ],
            )
        )
