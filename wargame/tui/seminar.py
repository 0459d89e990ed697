"""The seminar roles as Textual apps (`wargame seminar ROLE --session FILE`; `wargame serve` runs one
per browser tab).

* facilitator: the game itself (both sides' orders, umpire mode on), loaded from the session file
  when it exists; after every committed phase it publishes the record to the session file.
* red / blue: the team's picture under its own fog (own units and the enemy units it has detected,
  its log of the last turn), following the session file live; read-only.
* projector: the whole theatre for the back of the room: every unit, the front, capitals named, the
  clock, the RAND measure and losses, last turn's summary; follows live, read-only.

The session file is a normal save (wargame.saves): what the followers read is what replay audits.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, RichLog, Static

from wargame.data.scenario import load_scenario
from wargame.events import fmt_hour
from wargame.game import Game
from wargame.model.units import Side, Unit
from wargame.planning import PlanningTimer, read_timer, write_timer
from wargame.saves import SaveError, read_save, scenario_of, write_save
from wargame.tui.gamelog import Timeline, turn_summary
from wargame.tui.overview import OverviewMap

FOLLOW_SECONDS = 1.0


def status_line(game: Game, side: Side | None) -> str:
    """The clock, the phase, the measure and the losses, in one line a room can read."""
    clock = f"Turn {game.turn}  H+{game.hour}  {'night' if game.night else 'day'}"
    phase = "game over" if game.over else f"{game.active_side.value if game.active_side else ''} {game.phase}"
    reached = {c: h for c, h in game.measure.items()}
    measure = ", ".join(f"{c} {fmt_hour(h)}" for c, h in reached.items()) or "not reached"
    losses = f"steps lost: Red {game.losses[Side.RED]}, Blue {game.losses[Side.BLUE]}"
    who = f"[{side.value.upper()} TEAM]  " if side else ""
    return f"{who}{clock} | {phase} | RAND measure: {measure} | {losses}"


class FollowApp(App):
    """A read-only view of the session game that follows the file: a team's (fog) or the projector's."""

    CSS = """
    #status { height: 1; background: $boost; text-style: bold; padding: 0 1; }
    #body { height: 1fr; }
    OverviewMap { width: 3fr; }
    #summary { width: 1fr; min-width: 30; }
    """
    BINDINGS = [Binding("q", "quit", "Quit"), Binding("r", "reload", "Reload now")]

    def __init__(self, role: str, session: Path, scenario: str | None = None):
        super().__init__()
        self.role, self.session, self.scenario_file = role, session, scenario
        self.side = Side(role) if role in ("red", "blue") else None
        self.seen: float | None = None
        self.game: Game | None = None

    def compose(self) -> ComposeResult:
        yield Static("Waiting for the facilitator to start the game...", id="status")
        with Horizontal(id="body"):
            yield Vertical(id="mapbox")
            yield RichLog(id="summary", wrap=True, markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = f"Baltic wargame: {self.role}"
        self.check()
        self.set_interval(FOLLOW_SECONDS, self.check)

    def status(self) -> Text:
        timer = read_timer(self.session)
        line = status_line(self.game, self.side) if self.game else "Waiting for the facilitator to start the game..."
        return Text(line + (f" | {timer.text()}" if timer else ""))

    def action_reload(self) -> None:
        self.seen = None
        self.check()

    def check(self) -> None:
        try:
            stamp = self.session.stat().st_mtime
        except OSError:
            return
        if stamp == self.seen:
            self.query_one("#status", Static).update(self.status())  # the planning clock ticks
            return
        self.seen = stamp
        try:
            rec = read_save(self.session)
            sc = load_scenario(scenario_of(rec, self.scenario_file))
            game = Game.from_record(rec, sc)
        except (SaveError, ValueError) as e:
            self.query_one("#status", Static).update(Text(f"Cannot read the session: {e}"))
            return
        self.show(game)

    def units(self, game: Game) -> list[Unit]:
        if self.side is None:
            return [u for u in game.units.values() if u.hex is not None]
        view = game.view(self.side)
        return list(view.own) + list(view.enemy)

    def show(self, game: Game) -> None:
        self.game = game
        self.query_one("#status", Static).update(self.status())
        box = self.query_one("#mapbox", Vertical)
        box.remove_children()
        centre = next(iter(game.board.cities))
        box.mount(OverviewMap(game.board, self.units(game), (0, 0, 0, 0), centre))
        timeline = Timeline()
        for e in game.events:
            timeline.add_event(e)
        log = self.query_one("#summary", RichLog)
        log.clear()
        last = max(1, game.turn - (0 if game.over else 1))
        log.write(turn_summary(timeline.entries, last, self.side.value if self.side else None))
        if game.turn > last:
            log.write(Text(f"Now: turn {game.turn}, {game.phase} phase.", "bold"))


def facilitator_app(args: argparse.Namespace) -> App:
    """The game app of the White cell, publishing each committed phase to the session file."""
    from wargame.tui.app import WargameApp
    from wargame.tui.game_screen import GameScreen

    session = Path(args.session)
    load = str(session) if session.is_file() else None

    class FacilitatorApp(WargameApp):
        BINDINGS = [*WargameApp.BINDINGS, Binding("ctrl+t", "timer_toggle", "Timer start/pause"),
                    Binding("ctrl+e", "timer_extend", "Timer +1 min"), Binding("ctrl+r", "timer_reset", "Timer reset")]

        def __init__(self) -> None:
            super().__init__(args.scenario, args.red or "human", args.blue or "human",
                             args.seed if args.seed is not None else 1, True, load, None)
            self.published = -1
            self.timer = PlanningTimer()
            self.phase_seen: tuple[int, int] | None = None

        def timer_changed(self) -> None:
            try:
                write_timer(session, self.timer)
            except OSError as e:
                self.notify(f"cannot publish the timer: {e}", severity="error")
            self.notify(self.timer.text().capitalize(), timeout=3)

        def action_timer_toggle(self) -> None:
            self.timer.toggle()
            self.timer_changed()

        def action_timer_extend(self) -> None:
            self.timer.extend(60)
            self.timer_changed()

        def action_timer_reset(self) -> None:
            self.timer.reset()
            self.timer_changed()

        def on_mount(self) -> None:
            super().on_mount()
            self.title = "Baltic wargame: facilitator (White cell)"
            self.set_interval(FOLLOW_SECONDS, self.publish)

        def publish(self) -> None:
            screens: list[Any] = [s for s in self.screen_stack if isinstance(s, GameScreen)]
            if not screens:
                return
            screen = screens[-1]
            game = screen.game
            phase = (game.turn, game.phase_index)
            if self.phase_seen is not None and phase != self.phase_seen:
                self.timer.reset()  # a new phase: the full planning time again, stopped until started
                write_timer(session, self.timer)
            self.phase_seen = phase
            if self.timer.running and self.timer.expired:
                self.timer.pause()
                write_timer(session, self.timer)
                self.notify("Planning time is up", severity="warning", timeout=10)
            if game.pending is not None or len(game.events) == self.published:
                return
            try:
                write_save(session, screen.record())
                self.published = len(game.events)
            except (OSError, SaveError) as e:
                self.notify(f"cannot publish the session: {e}", severity="error")

    return FacilitatorApp()


def main(args: argparse.Namespace) -> int:
    if args.role == "facilitator":
        facilitator_app(args).run()
    else:
        FollowApp(args.role, Path(args.session), args.scenario).run()
    return 0
