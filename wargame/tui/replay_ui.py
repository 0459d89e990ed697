"""`wargame replay SAVE --vcr`: a saved game played back with VCR controls: play and pause, step a
phase forward and back, jump to a turn, the first and last position, and the facilitator's bookmarks.

The record is re-played once through the `Game` API (wargame.seminar.record.positions) and the game
after every phase is kept, so stepping back costs nothing and shows exactly what the rules made of
the record, injects included. The map is the whole theatre with the turn's arrows (or a team's fog,
v); the side panel is the debrief of the turn shown."""

from __future__ import annotations

import argparse
from typing import Any

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, RichLog, Static

from wargame.game import Game
from wargame.model.units import Side
from wargame.seminar.debrief import arrows, debrief
from wargame.seminar.record import seminar_of
from wargame.tui.dialogs import Dialog
from wargame.tui.projector import LEGEND, ArrowMap

SPEEDS = (2.0, 1.0, 0.5, 0.25)


class JumpDialog(Dialog):
    BINDINGS = [Binding("escape", "dismiss_none", "Cancel")]

    def __init__(self, last: int):
        super().__init__()
        self.last = last

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"Jump to turn (1 to {self.last}); Enter goes, Esc cancels.")
            yield Input(id="jump-turn", type="integer")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, e: Input.Submitted) -> None:
        try:
            self.dismiss(int(e.value))
        except ValueError:
            self.notify("a turn number, please", severity="error")


class ReplayScreen(Screen):
    CSS = """
    #vcr-status { height: 2; background: $boost; text-style: bold; padding: 0 1; }
    #vcr-body { height: 1fr; }
    #vcr-map { width: 3fr; }
    ArrowMap { height: 1fr; }
    #vcr-debrief { width: 1fr; min-width: 34; }
    #legend { height: auto; }
    """
    BINDINGS = [
        Binding("space", "play", "Play/pause", priority=True),
        Binding("right,full_stop", "step(1)", "Step", priority=True),
        Binding("left,comma", "step(-1)", "Back", priority=True),
        Binding("g", "jump", "Jump to turn"),
        Binding("home", "go(0)", "Start", show=False, priority=True),
        Binding("end", "go(-1)", "End", show=False, priority=True),
        Binding("right_square_bracket", "bookmark(1)", "Next bookmark"),
        Binding("left_square_bracket", "bookmark(-1)", "Prev bookmark"),
        Binding("plus", "speed(1)", "Faster", show=False),
        Binding("minus", "speed(-1)", "Slower", show=False),
        Binding("v", "view", "View all/red/blue"),
        Binding("escape,q", "leave", "Quit"),
    ]

    def __init__(self, positions: list[Game], title: str):
        super().__init__()
        self.positions, self.heading = positions, title
        self.at = len(positions) - 1
        self.playing = False
        self.speed = 1
        self.view: Side | None = None
        self._timer: Any = None

    def compose(self) -> ComposeResult:
        yield Static(id="vcr-status")
        with Horizontal(id="vcr-body"):
            yield Vertical(id="vcr-map")
            yield RichLog(id="vcr-debrief", wrap=True, markup=False)
        yield Static(LEGEND, id="legend")
        yield Footer()

    def on_mount(self) -> None:
        self.show()

    @property
    def game(self) -> Game:
        return self.positions[self.at]

    def bookmarks(self) -> list[tuple[int, str]]:
        """(turn, text) of every bookmark in the record, in turn order."""
        notes = seminar_of(self.positions[-1]).bookmarks()
        return sorted((n["turn"], n["text"]) for n in notes)

    def index_of_turn(self, turn: int) -> int:
        """The first position in `turn` (the last position if the game never got there)."""
        return next((i for i, g in enumerate(self.positions) if g.turn >= turn), len(self.positions) - 1)

    def show(self) -> None:
        g = self.game
        side = self.view.value if self.view else None
        phase = "game over" if g.over else f"{g.active_side.value if g.active_side else ''} {g.phase}"
        marks = [t for t, _ in self.bookmarks()]
        state = "playing" if self.playing else "paused"
        self.query_one("#vcr-status", Static).update(Text(
            f"{self.heading}\n[{state}, {SPEEDS[self.speed]:g}s a phase] position {self.at}/{len(self.positions) - 1}"
            f"  turn {g.turn}  H+{g.hour}  {phase}  view: {side or 'all'}"
            + (f"  bookmarks on turn(s) {', '.join(map(str, marks))}" if marks else "")))
        box = self.query_one("#vcr-map", Vertical)
        box.remove_children()
        units = ([u for u in g.units.values() if u.hex is not None] if self.view is None
                 else list(g.view(self.view).own) + list(g.view(self.view).enemy))
        box.mount(ArrowMap(g.board, units, arrows(g, g.turn, side)))
        log = self.query_one("#vcr-debrief", RichLog)
        log.clear()
        log.write(Text(debrief(g, g.turn, side).text()))
        for t, text in self.bookmarks():
            if t == g.turn:
                log.write(Text(f"Bookmark: {text}", "bold magenta"))

    # --- controls ----------------------------------------------------------------------------------

    def go(self, i: int) -> None:
        self.at = max(0, min(len(self.positions) - 1, i))
        if self.at == len(self.positions) - 1 and self.playing:
            self.action_play()
        self.show()

    def action_go(self, i: int) -> None:
        self.go(i if i >= 0 else len(self.positions) - 1)

    def action_step(self, n: int) -> None:
        self.go(self.at + n)

    def action_play(self) -> None:
        self.playing = not self.playing
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.playing:
            if self.at == len(self.positions) - 1:
                self.at = 0
            self._timer = self.set_interval(SPEEDS[self.speed], lambda: self.action_step(1))
        self.show()

    def action_speed(self, d: int) -> None:
        self.speed = max(0, min(len(SPEEDS) - 1, self.speed + d))
        if self.playing:
            self.action_play()
            self.action_play()
        self.show()

    def action_jump(self) -> None:
        self.app.push_screen(JumpDialog(self.positions[-1].turn),
                             lambda t: self.go(self.index_of_turn(t)) if t is not None else None)

    def action_bookmark(self, d: int) -> None:
        turns = sorted({t for t, _ in self.bookmarks()})
        now = self.game.turn
        nxt = [t for t in turns if (t > now if d > 0 else t < now)]
        if not nxt:
            self.notify("No more bookmarks that way" if turns else "This game has no bookmarks")
            return
        self.go(self.index_of_turn(nxt[0] if d > 0 else nxt[-1]))

    def action_view(self) -> None:
        order = [None, Side.RED, Side.BLUE]
        self.view = order[(order.index(self.view) + 1) % 3]
        self.show()

    def action_leave(self) -> None:
        self.app.exit()


class ReplayApp(App):
    TITLE = "Baltic wargame: replay"

    def __init__(self, positions: list[Game], title: str):
        super().__init__()
        self.positions, self.heading = positions, title

    def on_mount(self) -> None:
        self.push_screen(ReplayScreen(self.positions, self.heading))


def load_positions(save: str, scenario_file: str | None = None) -> tuple[list[Game], str]:
    """The game after every phase of a save; SaveError (exit 2 with its place) if it cannot be read."""
    from wargame.data.scenario import load_scenario
    from wargame.rules.record import RecordError, check_record
    from wargame.saves import SaveError, read_save, scenario_of
    from wargame.seminar.record import positions

    rec = read_save(save)
    sc = load_scenario(scenario_file or scenario_of(rec))
    try:
        check_record(rec)
        got = positions(rec, sc)
    except (RecordError, ValueError) as e:
        raise SaveError(f"{save}: game.{e}") from None
    return got, f"{sc.title}: {save} (seed {rec['seed']}, {len(rec['log'])} phases)"


def main(args: argparse.Namespace) -> int:
    got, title = load_positions(args.save, getattr(args, "scenario", None))
    ReplayApp(got, title).run()
    return 0
