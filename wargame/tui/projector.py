"""The map the room reads: the whole theatre (or a team's fog) with this turn's moves and attacks drawn
as arrows over it, and the projector's big-type layout (the clock, the planning timer, the RAND
measure, each side's losses, the turn debrief). What is drawn is read from the events
(wargame.seminar.debrief.arrows)."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Footer, Static

from wargame.hexgrid import Hex, from_offset
from wargame.model.board import Board
from wargame.model.units import Unit
from wargame.seminar.debrief import Arrow
from wargame.tui.overview import OverviewMap

COLOURS = {("red", "move"): "#ff9a9a", ("blue", "move"): "#9ac4ff", ("red", "attack"): "#ffff33",
           ("blue", "attack"): "#33ffff", ("red", "advance"): "#ffd0d0", ("blue", "advance"): "#d0e4ff"}
RETREAT = "#b0b0b0"
HEAD = "#ffffff"
LEGEND = ("[b]Map[/b]  [#ff3b3b]■[/] Red  [#2f7bff]■[/] Blue  [#ffa000]■[/] front (units in contact)   "
          "arrows this turn: [#ff9a9a]━[/] Red moves  [#9ac4ff]━[/] Blue moves  [#ffff33]━[/] Red attacks  "
          "[#33ffff]━[/] Blue attacks  [#b0b0b0]━[/] retreats  [#ffffff]■[/] arrow head")
OFF = from_offset(-1000, -1000)  # no cursor on a map nobody steers


class ArrowMap(OverviewMap, can_focus=False):
    """The overview with arrows: a line of pixels from hex to hex along each path, a white head."""

    def __init__(self, board: Board, units: list[Unit], arrows: list[Arrow], **kw):
        super().__init__(board, units, (0, 0, 0, 0), OFF, **kw)
        self.arrows = arrows

    def pixels(self, w: int, h: int):
        grid, labels = super().pixels(w, h)
        s, unit_h, pw, ph = self._scale(w, h)

        def line(a: Hex, b: Hex, colour: str) -> None:
            (x0, y0), (x1, y1) = self._pixel_of(a, s, unit_h), self._pixel_of(b, s, unit_h)
            n = max(abs(x1 - x0), abs(y1 - y0), 1)
            for k in range(n + 1):
                x, y = round(x0 + (x1 - x0) * k / n), round(y0 + (y1 - y0) * k / n)
                if 0 <= y < ph and 0 <= x < pw:
                    grid[y][x] = colour

        for arrow in sorted(self.arrows, key=lambda a: a.kind == "attack"):  # attacks on top
            colour = RETREAT if arrow.kind == "retreat" else COLOURS.get((arrow.side, arrow.kind), "#ffffff")
            for a, b in zip(arrow.path, arrow.path[1:], strict=False):
                line(a, b, colour)
            x, y = self._pixel_of(arrow.path[-1], s, unit_h)
            if 0 <= y < ph and 0 <= x < pw:
                grid[y][x] = HEAD
        return grid, labels


# a 3x5 pixel font for the big clock and timer: each pixel is two cells of background colour, so the
# digits look the same in every terminal and browser font (Textual's Digits are box-drawing characters,
# which a browser's fallback font draws with gaps)
FONT = {
    "0": ("###", "#.#", "#.#", "#.#", "###"), "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"), "3": ("###", "..#", ".##", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"), "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"), "7": ("###", "..#", "..#", "..#", "..#"),
    "8": ("###", "#.#", "###", "#.#", "###"), "9": ("###", "#.#", "###", "..#", "###"),
    "+": ("...", ".#.", "###", ".#.", "..."), "-": ("...", "...", "###", "...", "..."),
    ":": (".", "#", ".", "#", "."), "H": ("#.#", "#.#", "###", "#.#", "#.#"), " ": ("..", "..", "..", "..", ".."),
}
SIDE_MIN = 40  # the side panel's least width beside the projector's map


class BigText(Widget):
    """Large digits (and H, +, -, :) five rows high, in one colour; characters without a glyph are skipped."""

    DEFAULT_CSS = "BigText { width: auto; height: 5; }"

    def __init__(self, text: str = "", colour: str = "#ffffff", **kw):
        super().__init__(**kw)
        self.text, self.colour = text, colour

    def show(self, text: str, colour: str | None = None) -> None:
        if (text, colour or self.colour) != (self.text, self.colour):
            self.text, self.colour = text, colour or self.colour
            self.refresh(layout=True)

    @property
    def glyphs(self) -> list[tuple[str, ...]]:
        return [FONT[c] for c in self.text if c in FONT]

    def get_content_width(self, container: Size, viewport: Size) -> int:
        g = self.glyphs
        return max(0, sum(2 * len(x[0]) for x in g) + len(g) - 1)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 5

    def render_line(self, y: int) -> Strip:
        on, off = Style(bgcolor=self.colour), Style()
        segs: list[Segment] = []
        for k, glyph in enumerate(self.glyphs):
            if k:
                segs.append(Segment(" ", off))
            if y < len(glyph):
                segs.extend(Segment("  ", on if px == "#" else off) for px in glyph[y])
        return Strip(segs).adjust_cell_length(self.size.width)


class MapRow(Horizontal):
    """The map beside the side panel: the map box is as wide as the whole board drawn at this height
    (no empty band beside it), and the side panel takes the rest."""

    def on_resize(self, event: events.Resize) -> None:
        self.fit()

    def fit(self) -> None:
        maps = self.query(ArrowMap)
        w, h = self.size
        if not maps or not w or not h:
            return
        width = maps.first()._scale(max(10, w - SIDE_MIN), h)[2]
        box = self.query_one("#mapbox")
        if box.styles.width is None or box.styles.width.value != width:
            box.styles.width = width


class ProjectorLayout:
    """Mixed into the follow app for the projector: big digits for the clock and timer, the measure
    and losses in the side panel."""

    CSS = """
    #top { height: 5; background: $boost; }
    #top BigText { margin: 0 2; }
    #top Static { width: 1fr; padding: 1 1; text-style: bold; }
    #body { height: 1fr; }
    #mapbox { width: 3fr; }
    ArrowMap { height: 1fr; }
    #side { width: 1fr; min-width: 34; }
    #score { height: auto; padding: 0 1; text-style: bold; }
    #summary { height: 1fr; padding: 0 1; }
    #legend { height: auto; }
    """

    def compose(self) -> ComposeResult:
        with Horizontal(id="top"):
            yield BigText(id="clock")
            yield Static("Waiting for the facilitator to start the game...", id="status")
            yield BigText(id="timer")
        with MapRow(id="body"):
            yield Vertical(id="mapbox")
            with Vertical(id="side"):
                yield Static(id="score")
                with VerticalScroll(id="summary"):
                    yield Static(id="summary-text")
        yield Static(LEGEND, id="legend")
        yield Footer()
