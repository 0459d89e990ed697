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
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Footer, Static

from wargame.data.scenario import load_scenario
from wargame.events import fmt_hour
from wargame.game import Game
from wargame.model.units import Side, Unit
from wargame.planning import PlanningTimer, read_timer, write_timer
from wargame.saves import SaveError, read_save, scenario_of, write_save
from wargame.seminar.debrief import arrows, debrief
from wargame.seminar.room import read_paused
from wargame.tui.projector import LEGEND, ArrowMap, BigText, MapRow, ProjectorLayout

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
    """A read-only view of the session game that follows the file: a team's (its fog) or the projector's
    (everything, big type). Both draw this turn's moves and attacks as arrows and show the debrief."""

    CSS = """
    #status { height: 1; background: $boost; text-style: bold; padding: 0 1; }
    #body { height: 1fr; }
    #mapbox { width: 3fr; }
    ArrowMap { height: 1fr; }
    #summary { width: 1fr; min-width: 30; padding: 0 1; }
    #legend { height: auto; }
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
        with MapRow(id="body"):
            yield Vertical(id="mapbox")
            with VerticalScroll(id="summary"):
                yield Static(id="summary-text")
        yield Static(LEGEND, id="legend")
        yield Footer()

    def on_mount(self) -> None:
        self.title = f"Baltic wargame: {self.role}"
        self.check()
        self.set_interval(FOLLOW_SECONDS, self.check)

    def status(self) -> Text:
        timer = read_timer(self.session)
        line = status_line(self.game, self.side) if self.game else "Waiting for the facilitator to start the game..."
        paused = " | PAUSED by the White cell" if read_paused(self.session) else ""
        return Text(line + (f" | {timer.text()}" if timer else "") + paused)

    def tick(self) -> None:
        """The status and the planning clock, every second."""
        self.query_one("#status", Static).update(self.status())

    def action_reload(self) -> None:
        self.seen = None
        self.check()

    def check(self) -> None:
        if not self.is_running:
            return  # the app is closing: its widgets are being taken down (a timer may still fire)
        try:
            stamp = self.session.stat().st_mtime
        except OSError:
            return
        if stamp == self.seen:
            self.tick()
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
        self.tick()
        who = self.side.value if self.side else None
        turn, drawn = game.turn, arrows(game, game.turn, who)
        if not drawn and game.turn > 1:
            turn, drawn = game.turn - 1, arrows(game, game.turn - 1, who)
        box = self.query_one("#mapbox", Vertical)
        box.remove_children()
        box.mount(ArrowMap(game.board, self.units(game), drawn))
        self.call_after_refresh(self.query_one(MapRow).fit)
        last = max(1, game.turn - (0 if game.over else 1))
        text = Text(f"Arrows: turn {turn}'s moves and attacks\n", "dim")
        text.append_text(Text(debrief(game, last, who, notes=False, halts=self.side is not None).text()))
        if game.turn > last:
            text.append(f"\n\nNow: turn {game.turn}, {game.phase} phase.", "bold")
        self.query_one("#summary-text", Static).update(text)


class ProjectorApp(ProjectorLayout, FollowApp):
    """The back of the room: the clock and the planning timer in big digits, the measure and the losses
    beside the map; everything (no fog), read-only, following the session live."""

    CSS = ProjectorLayout.CSS

    def __init__(self, session: Path, scenario: str | None = None):
        super().__init__("projector", session, scenario)

    def tick(self) -> None:
        super().tick()
        timer = read_timer(self.session)
        r = int(round(timer.remaining())) if timer else 0
        colour = "#ff5050" if timer and r == 0 else "#ffffff" if timer and timer.running else "#8a8a8a"
        self.query_one("#timer", BigText).show(f"{r // 60}:{r % 60:02d}" if timer else "", colour)
        if self.game is not None:
            self.query_one("#clock", BigText).show(f"H+{self.game.hour}", "#ffd21f")

    def show(self, game: Game) -> None:
        super().show(game)
        r = game.measure
        measure = ", ".join(f"{c} {fmt_hour(h)}" for c, h in r.items()) or "not reached"
        self.query_one("#score", Static).update(Text.assemble(
            (f"Turn {game.turn}, H+{game.hour}, {'night' if game.night else 'day'}\n", "bold"),
            ("RAND measure (Red at Tallinn/Riga): ", "bold"), (f"{measure}\n", "bold yellow"),
            ("Steps lost  ", "bold"), (f"Red {game.losses[Side.RED]}", "bold red"), ("  ", ""),
            (f"Blue {game.losses[Side.BLUE]}", "bold blue"),
        ))


def facilitator_app(args: argparse.Namespace) -> App:
    """The game app of the White cell, publishing each committed phase to the session file."""
    from wargame.data.schema import DataError
    from wargame.seminar.deck import Deck, find_deck
    from wargame.seminar.injects import base_scenario
    from wargame.tui.app import WargameApp
    from wargame.tui.console import ConsoleScreen
    from wargame.tui.game_screen import GameScreen

    session = Path(args.session)
    load = str(session) if session.is_file() else None

    class FacilitatorApp(WargameApp):
        # plain letters, because a browser keeps Ctrl+T (new tab), Ctrl+R (reload) and Ctrl+E for itself;
        # the Ctrl keys stay for a terminal (`wargame seminar facilitator`)
        BINDINGS = [*WargameApp.BINDINGS,
                    Binding("T,ctrl+t", "timer_toggle", "Timer start/pause", show=False),
                    Binding("M,ctrl+e", "timer_extend", "Timer +1 min", show=False),
                    Binding("R,ctrl+r", "timer_reset", "Timer reset", show=False)]

        def __init__(self) -> None:
            super().__init__(args.scenario, args.red or "human", args.blue or "human",
                             args.seed if args.seed is not None else 1, not getattr(args, "no_umpire", False),
                             load, None)
            self.published = -1
            self.timer = PlanningTimer()
            self.phase_seen: tuple[int, int] | None = None
            self.decks: dict[str, Deck | None] = {}

        def deck_for(self, game: Game) -> Deck | None:
            """--injects, else the scenario's own deck (injects/<id>.yaml); a bad deck is a message."""
            sc = base_scenario(game)
            if sc.id not in self.decks:
                try:
                    self.decks[sc.id] = find_deck(getattr(args, "injects", None), sc)
                except DataError as e:
                    self.notify(f"Inject deck not loaded:\n{e}", severity="error", timeout=20)
                    self.decks[sc.id] = None
            return self.decks[sc.id]

        def make_screen(self, game: Game, players: dict[Side, str]) -> GameScreen:
            return ConsoleScreen(game, players, session, self.deck_for(game))

        def timer_changed(self) -> None:
            try:
                write_timer(session, self.timer)
            except OSError as e:
                self.notify(f"cannot publish the timer: {e}", severity="error")
            self.notify(self.timer.text().capitalize(), timeout=3)
            self.status_changed()

        def status_changed(self) -> None:
            if not self.is_running:
                return  # the app is closing: its screens' widgets are being taken down
            for s in self.screen_stack:
                if isinstance(s, GameScreen) and s.is_mounted and s.is_running:
                    s.update_status()

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
            new_phase = phase != self.phase_seen
            if self.phase_seen is not None and new_phase:
                self.timer.reset()  # a new phase: the full planning time again, stopped until started
                write_timer(session, self.timer)
            self.phase_seen = phase
            if self.timer.running and self.timer.expired:
                self.timer.pause()
                write_timer(session, self.timer)
                self.notify("Planning time is up", severity="warning", timeout=10)
            if self.timer.running or new_phase:
                self.status_changed()  # the console's side panel shows the timer
            if len(game.events) == self.published:
                return  # (published at a waiting ruling too: the record stops at the proposal and
                # replays to it, so a reopened tab does not lose the phase in hand)
            try:
                write_save(session, screen.record())
                self.published = len(game.events)
            except (OSError, SaveError) as e:
                self.notify(f"cannot publish the session: {e}", severity="error")

    return FacilitatorApp()


def main(args: argparse.Namespace) -> int:
    if args.role == "facilitator":
        facilitator_app(args).run()
    elif args.role == "projector":
        ProjectorApp(Path(args.session), args.scenario).run()
    else:
        FollowApp(args.role, Path(args.session), args.scenario).run()
    return 0
