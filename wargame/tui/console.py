"""The facilitator's console (the White cell): the game screen with both sides' orders and umpire
rulings, plus what a seminar needs: switch the map between everything and either team's fog (v),
pause the game (p), play injects from the deck (i; scheduled ones play themselves at their turn),
notes and bookmarks on any turn (N, B), the turn debrief (D), and rewind a phase (Ctrl+Z: the game
is rebuilt from its record minus the last phase; the discarded branch is kept in a save beside the
session). Every change goes through `Game` and wargame.seminar; nothing here is a rule."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from wargame.game import Game
from wargame.model.units import Side, Unit
from wargame.saves import SaveError, write_save
from wargame.seminar.debrief import debrief
from wargame.seminar.deck import Deck
from wargame.seminar.injects import InjectError, base_scenario, play, why_not_now
from wargame.seminar.record import add_note, rewind, seminar_of
from wargame.seminar.room import branch_path, write_paused
from wargame.tui.console_dialogs import InjectPicker, NoteDialog
from wargame.tui.dialogs import Confirm
from wargame.tui.game_screen import GameScreen
from wargame.tui.gamelog import SummaryScreen
from wargame.tui.panels import status_text

VIEWS: list[Side | None] = [None, Side.RED, Side.BLUE]
# the game screen's keys the footer leaves out for the console's own (all are still in `?`)
QUIET = {"attack", "undo", "goto", "quit_game"}
RULING = "Your ruling: a accepts, r re-rolls (shown first), Tab to type a result and a note, then Replace"


class ConsoleScreen(GameScreen):
    BINDINGS = [
        *(Binding(b.key, b.action, b.description, show=False) if b.action in QUIET else b
          for b in GameScreen.BINDINGS if isinstance(b, Binding)),
        Binding("T", "app.timer_toggle", "Timer"),
        Binding("i", "injects", "Injects"),
        Binding("v", "cycle_view", "View"),
        Binding("p", "halt", "Pause"),
        Binding("D", "debrief", "Debrief"),
        Binding("N", "note(False)", "Note"),
        Binding("B", "note(True)", "Bookmark"),
        Binding("ctrl+z", "rewind", "Rewind"),
    ]
    KEYS = [
        *GameScreen.KEYS,
        ("T / M / R", "planning timer: start or pause / one more minute / reset (Ctrl+T, Ctrl+E, Ctrl+R in a "
                      "terminal)"),
        ("v", "the map and log as everything / Red's fog / Blue's fog"),
        ("p", "pause the game (no phase ends) and the planning timer; p again resumes"),
        ("i", "the inject deck: play one now, with a note"),
        ("N / B", "a note / a bookmark on any turn (kept in the save, shown in the report)"),
        ("D", "the turn debrief for the view shown (all, or a team's fog)"),
        ("Ctrl+Z", "rewind the last phase (the discarded branch is kept in a save beside the session)"),
        ("a / r", "umpire (a result waits for your ruling): accept / re-roll; Tab to a replacement and a note"),
    ]

    def __init__(self, game: Game, players: dict[Side, str], session: Path | None = None,
                 deck: Deck | None = None, **kw: Any):
        super().__init__(game, players, **kw)
        self.session, self.deck = session, deck
        self.view_as: Side | None = None
        self.halted = False
        self.told_ruling = False

    # --- the White cell's lines in the side panel: whose orders, the timer, the pause, a ruling -------

    def update_status(self) -> None:
        super().update_status()
        self.query_one("#status", Static).update(status_text(self).append_text(self.white_cell_text()))

    def white_cell_text(self) -> Text:
        g, t = self.game, Text()
        view = "everything" if self.view_as is None else f"{self.view_as.value}'s fog"
        t.append(f"White cell · view: {view} (v)\n", "bold magenta")
        if g.pending is not None:
            t.append(RULING + "\n", "bold reverse yellow")
        elif not g.over and g.active_side is not None and self.players.get(g.active_side) == "human":
            t.append(f"Enter {g.active_side.value.capitalize()}'s {g.phase} orders; e ends the phase\n", "bold")
        timer = getattr(self.app, "timer", None)
        if timer is not None:
            t.append(f"{timer.text().capitalize()} (T starts/pauses, M +1 min)\n",
                     "bold yellow" if timer.running else "")
        if self.halted:
            t.append("GAME PAUSED (p resumes)\n", "bold reverse red")
        return t

    def ask_umpire(self) -> None:
        super().ask_umpire()
        if not self.told_ruling:  # once: the first proposal of the session says why the game waits
            self.told_ruling = True
            self.notify("The umpire is on: each result waits for the White cell. " + RULING + ". "
                        "(`wargame serve --no-umpire`: the tables rule alone.)", title="Umpire", timeout=15)

    # --- whose eyes ---------------------------------------------------------------------------------

    def visible_units(self) -> list[Unit]:
        viewer, self.viewer = self.viewer, self.view_as
        try:
            return super().visible_units()
        finally:
            self.viewer = viewer

    def fog_side(self) -> Side | None:
        return self.view_as

    def action_cycle_view(self) -> None:
        self.view_as = VIEWS[(VIEWS.index(self.view_as) + 1) % len(VIEWS)]
        self.notify(f"View: {'everything (White cell)' if self.view_as is None else self.view_as.value + ' fog'}")
        self.rewrite_log()
        self.refresh_all()

    # --- the flow: no hand-over screens, a pause, scheduled injects ---------------------------------

    def advance(self) -> None:
        if self.halted:
            self.refresh_all()
            return
        self.play_scheduled()
        self.last_human = self.game.active_side  # the White cell enters both sides' orders: no hand-over
        super().advance()

    def _summary_due(self, side: Side) -> bool:
        return False  # the White cell asks for the debrief (D) when the room wants it

    def action_end_phase(self) -> None:
        if self.halted:
            self.notify("The game is paused (p resumes it)", severity="warning")
            return
        super().action_end_phase()

    def action_halt(self) -> None:
        self.halted = not self.halted
        timer = getattr(self.app, "timer", None)
        if timer is not None and self.halted:
            timer.pause()
            self.app.timer_changed()
        if self.session is not None:
            try:
                write_paused(self.session, self.halted)
            except OSError as e:
                self.notify(f"cannot tell the room: {e}", severity="error")
        self.notify("Game paused: no phase ends until p" if self.halted else "Game resumed")
        self.update_status()
        self.log_line("White cell: game paused" if self.halted else "White cell: game resumed", "magenta")
        if not self.halted and not self.busy:
            self.advance()

    # --- injects ------------------------------------------------------------------------------------

    def played(self) -> set[str]:
        return {i["id"] for i in seminar_of(self.game).injects}

    def play_scheduled(self) -> None:
        if self.deck is None or why_not_now(self.game):
            return
        for inject in self.deck.due(self.game.turn, self.played()):
            self.play_inject(inject.as_played(), f"scheduled for turn {inject.turn}")

    def play_inject(self, inject: dict[str, Any], note: str) -> bool:
        try:
            e = play(self.game, inject, note)
        except InjectError as err:
            self.notify(f"Inject {inject['title']!r} not played: {err}", severity="error", timeout=8)
            return False
        self.log_event(e)
        self.notify(e.describe(), title="Inject", timeout=8)
        self.changed()
        self.refresh_all()
        return True

    def action_injects(self) -> None:
        if self.deck is None:
            self.notify("No inject deck: start with --injects FILE or put one in injects/<scenario>.yaml",
                        severity="warning")
            return
        why = why_not_now(self.game)
        if why:
            self.notify(f"No inject now: {why}", severity="warning")
            return
        self.app.push_screen(InjectPicker(self.deck, self.played(), self.game.turn), self._inject_chosen)

    def _inject_chosen(self, choice: Any) -> None:
        if not choice or self.deck is None:
            return
        inject_id, note = choice
        inject = next(i for i in self.deck.injects if i.id == inject_id)
        self.play_inject(inject.as_played(), note.strip())

    # --- notes, bookmarks, debrief -----------------------------------------------------------------

    def action_note(self, bookmark: bool) -> None:
        self.app.push_screen(NoteDialog(self.game.turn, bookmark), self._noted)

    def _noted(self, got: Any) -> None:
        if not got:
            return
        turn, text, bookmark = got
        try:
            note = add_note(self.game, text, turn, bookmark)
        except ValueError as e:
            self.notify(f"Not saved: {e}", severity="error")
            return
        self.log_line(f"White cell {'bookmark' if bookmark else 'note'} on turn {note['turn']}: {note['text']}",
                      "magenta")
        self.changed()

    def action_debrief(self, turn: int | None = None) -> None:
        turn = turn or max(1, self.game.turn - (0 if self.game.over else 1))
        side = self.view_as.value if self.view_as else None
        self.app.push_screen(SummaryScreen(Text(debrief(self.game, turn, side).text())),
                             lambda r: self.action_full_log() if r == "log" else None)

    def action_summary(self, turn: int | None = None) -> None:
        self.action_debrief(turn)

    # --- rewind -------------------------------------------------------------------------------------

    def action_rewind(self) -> None:
        if self.busy:
            self.notify("A bot is thinking: rewind when it is done", severity="warning")
            return
        if not self.game.log:
            self.notify("Nothing to rewind: no phase has been played", severity="warning")
            return
        last = self.game.log[-1]
        self.app.push_screen(Confirm(f"Rewind {last['side']}'s {last['phase']} phase of turn {last['turn']}? "
                                     "The game as it stands now is kept in a save beside the session."),
                             lambda ok: self.do_rewind() if ok else None)

    def do_rewind(self) -> None:
        rec = self.record()
        where = self.session or Path("seminar.save")
        kept = branch_path(where.resolve(), self.game.turn, len(self.game.log))
        try:
            write_save(kept, rec)
            game = rewind(rec, base_scenario(self.game))
        except (OSError, SaveError, ValueError) as e:
            self.notify(f"Cannot rewind: {e}", severity="error", timeout=10)
            return
        add_note(game, f"Rewound a phase; the discarded branch is kept in {kept.name}", game.turn)
        screen = ConsoleScreen(game, self.players, self.session, self.deck)
        screen.view_as, screen.halted = self.view_as, True  # paused: the room sees where it is first
        self.app.pop_screen()
        self.app.push_screen(screen)
        screen.changed()
        if self.session is not None:
            write_paused(self.session, True)
        self.app.notify(f"Rewound to turn {game.turn}, {game.phase} phase (paused: p resumes). "
                        f"Branch kept: {kept}", timeout=10)

    # --- publishing ---------------------------------------------------------------------------------

    def changed(self) -> None:
        """Something the record holds changed without a phase: autosave and publish it now."""
        self.autosave()
        if hasattr(self.app, "published"):
            self.app.published = -1
