"""The crisis screen: the days before H-hour, played by humans and bots through `Crisis` (its one door),
then the war in the normal game screen.

Each side sees only its own fog: the log shows the events `Crisis.view(side)` gives that side (Red's
undetected actions only to Red; a stand-off choice only to the side that made it until both have);
in hotseat the screen is blanked behind a hand-over between the two players. The umpire (when on)
rules on every crisis roll. The crisis is autosaved after every phase and can be saved and loaded
mid-crisis (wargame.crisis.saves, through wargame.saves' strict envelope).

A side a war bot plays is played in the crisis by a crisis bot seeded from the crisis' seed as in
batch runs (`crisis_bots`): the same seed and players give the same crisis here and in
`wargame crisis`. A crisis loaded from a save warms its new bots up (wargame.crisis.resume) so it
plays on as if never saved."""

from __future__ import annotations

import time
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, RichLog, Select, SelectionList, Static

from wargame.crisis import Crisis, CrisisOrders, StandoffChoice
from wargame.crisis.bots import crisis_bots
from wargame.crisis.resume import warm_up
from wargame.crisis.saves import crisis_save_record
from wargame.model.units import Side
from wargame.rules.umpire import Decision
from wargame.saves import SaveError, write_save
from wargame.tui import crisis_panels as cp
from wargame.tui.crisis_dialogs import CrisisOver, CrisisUmpireDialog
from wargame.tui.dialogs import Confirm, Handover, HelpScreen, RerollDialog
from wargame.tui.saves_ui import LoadPicker, SaveAs, autosave, game_tag, saves_dir

DECISIONS = [
    ("no decision today", "none"),
    ("invade", "invade"),
    ("limited grab", "limited_grab"),
    ("stand down", "stand_down"),
]


class ActionList(SelectionList[str]):
    """The actions of a phase. Its options are replaced each phase; a highlight the keyboard asked for
    before they were replaced may arrive after, for an option no longer there: it is dropped (Textual's
    SelectionList would fail building its message)."""

    def _on_option_list_option_highlighted(self, event: Any) -> None:
        # Textual calls the base classes' handlers after this one unless the default is prevented
        if event.option_index is None or event.option_index >= self.option_count:
            event.prevent_default()
            event.stop()


def style_of(e: Any) -> str:
    if e.what == "day":
        return "bold"
    if e.what in ("ended", "standoff", "standoff_resolved", "casualties"):
        return "bold yellow"
    return "magenta" if e.what == "umpire" else "red" if e.side == "red" else "blue" if e.side == "blue" else ""


def bot_for(c: Crisis, side: str) -> Any:
    """The crisis bot that plays a side a war bot (or a plug-in) plays: the crisis' intent or posture,
    seeded from the crisis' seed as the batch path seeds it (`crisis_bots`), fresh (not warmed up)."""
    s = c.settings
    red, blue = crisis_bots(s.red_intent, s.blue_posture, c.seed)
    return red if side == "red" else blue


class CrisisScreen(Screen):
    CSS = """
    #track { height: 1; background: $boost; }
    #cbody { height: 1fr; }
    #clog { width: 1fr; border-right: solid $accent; }
    #cside { width: 56; }
    #cside Static { margin-bottom: 1; }
    #actions { height: auto; max-height: 10; }
    #decision { width: 100%; }
    #cbuttons { height: 3; }
    #cbuttons Button { margin-right: 1; min-width: 8; }
    """
    BINDINGS = [
        Binding("e", "commit", "Commit"),
        Binding("f", "standoff(True)", "Stand firm"),
        Binding("b", "standoff(False)", "Back down"),
        Binding("ctrl+s", "save", "Save"),
        Binding("ctrl+l", "load", "Load"),
        Binding("question_mark", "help", "Help"),
        Binding("q", "quit_game", "Quit"),
    ]
    KEYS = [
        ("up/down", "move in the list of actions"),
        ("space", "tick or untick an action"),
        ("Tab", "to the decision (Russia's act phase) and the buttons"),
        ("e", "commit this phase's actions"),
        ("f / b", "in a stand-off: stand firm / back down (secret until both have chosen)"),
        ("Ctrl+S / Ctrl+L", "save under a name / load a save (the crisis is autosaved after every phase)"),
        ("?", "this help"),
        ("q", "quit (asks first)"),
    ]

    def __init__(self, crisis: Crisis, players: dict[Side, str]):
        super().__init__()
        self.crisis = crisis
        self.players = players
        self.bots = {s.value: bot_for(crisis, s.value) for s, p in players.items() if p != "human"}
        # a crisis rebuilt from a save: its new bots are asked again at every phase so far (a crisis
        # replays in milliseconds: no worker needed)
        self.warmed = warm_up(self.bots, crisis)
        self.humans = [s.value for s in (Side.RED, Side.BLUE) if players[s] == "human"]
        self.viewer: str | None = self.humans[0] if len(self.humans) == 1 else None
        self.last_human: str | None = None
        self.tag = game_tag(crisis.scenario.id)
        self.shown: str | None = "-"  # the phase the action list was built for

    # --- layout and what is shown ------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="track")
        with Horizontal(id="cbody"):
            yield RichLog(id="clog", wrap=True, markup=False, min_width=20)
            with VerticalScroll(id="cside"):
                yield Static(id="cstatus")
                yield Static(id="prompt")
                yield ActionList(id="actions")
                yield Static(id="ticked")
                yield Select(DECISIONS, value="none", allow_blank=False, id="decision")
                with Horizontal(id="cbuttons"):
                    yield Button("Commit (e)", id="commit", variant="primary")
                    yield Button("Firm (f)", id="firm", variant="error")
                    yield Button("Back (b)", id="back")
        yield Footer()

    def on_mount(self) -> None:
        sc = self.crisis.scenario
        who = ", ".join(f"{s.value}: {p}" for s, p in self.players.items())
        self.query_one("#clog", RichLog).write(Text(f"{sc.title}. Seed {self.crisis.seed}. {who}.", "bold"))
        self.rewrite_log()
        self.call_after_refresh(self.advance)

    def view(self) -> Any:
        return None if self.viewer is None else self.crisis.view(self.viewer)

    def rewrite_log(self) -> None:
        """The log as the viewer may see it (everything when watching, or once the crisis is over)."""
        log = self.query_one("#clog", RichLog)
        log.clear()
        for e in self.crisis.events:
            if self.viewer is not None and not self.crisis.over and not e.visible_to(self.viewer):
                continue
            log.write(Text(("" if e.what == "day" else "  ") + e.describe(), style_of(e)))

    def refresh_panels(self) -> None:
        c = self.crisis
        self.query_one("#track", Static).update(cp.track_text(c))
        v = self.view()
        self.query_one("#cstatus", Static).update(cp.status_text(c, v if not c.over else None))
        mine = v is not None and c.active_side == self.viewer and not c.over
        self.query_one("#prompt", Static).update(cp.prompt_text(c, v) if mine else self._waiting())
        acts = self.query_one("#actions", SelectionList)
        phase = f"{c.day}-{c.phase}-{c.active_side}" if mine else None
        if phase != self.shown:
            self.shown = phase
            acts.clear_options()
            if mine and v.phase != "standoff":
                acts.add_options([(cp.action_label(c, v.side, a), a) for a in v.actions])
                acts.highlighted = 0 if v.actions else None
        acts.display = bool(mine and v.phase != "standoff")
        self.show_ticked()
        self.query_one("#decision", Select).display = bool(mine and v.phase == "act")
        self.query_one("#commit").display = bool(mine and v.phase != "standoff")
        self.query_one("#firm").display = self.query_one("#back").display = bool(mine and v.phase == "standoff")
        if acts.display and not acts.has_focus:
            acts.focus()

    def show_ticked(self) -> None:
        """The ticked actions in words (the list's marks differ only in colour)."""
        acts = self.query_one("#actions", SelectionList)
        c, side = self.crisis, self.viewer or "red"
        names = [cp.action_label(c, side, a).split(" (")[0] for a in acts.selected] if acts.display else []
        self.query_one("#ticked", Static).update(f"Ticked: {', '.join(names) or 'nothing'}" if acts.display else "")
        self.query_one("#ticked", Static).display = acts.display

    def on_selection_list_selected_changed(self, _: Any) -> None:
        self.show_ticked()

    def _waiting(self) -> str:
        c = self.crisis
        if c.over:
            return "[b]The crisis is over.[/b] Everything is revealed in the log."
        if c.pending is not None:
            return "The umpire is ruling."
        return f"Waiting for {cp.SIDE_NAME.get(c.active_side or '', '?')}."

    # --- the flow ------------------------------------------------------------------------------------

    def advance(self) -> None:
        """Run on until a human has to act, the umpire has to rule, or the crisis ends."""
        c = self.crisis
        if c.pending is not None:
            self.refresh_panels()
            self.ask_umpire()
            return
        if c.over:
            self.viewer = None
            self.rewrite_log()
            self.refresh_panels()
            self.app.push_screen(CrisisOver(cp.outcome_text(c), c.war), self._after_crisis)
            return
        side = c.active_side
        assert side is not None
        if side in self.bots:
            self.submit(side, self.bots[side].orders(c.view(side)))
            return
        if len(self.humans) == 2 and self.last_human not in (None, side):
            self.viewer = None
            self.query_one("#clog", RichLog).clear()
            self.query_one("#cstatus", Static).update("")
            self.app.push_screen(
                Handover(f"{cp.SIDE_NAME[side]} ({side})", f"{c.day_label()}: {cp.PHASE_TEXT[(c.phase, side)]}."),
                lambda _: self._take_over(side),
            )
            return
        self._take_over(side)

    def _take_over(self, side: str) -> None:
        first = self.viewer != side
        self.viewer, self.last_human = side, side
        if first:
            self.rewrite_log()
        self.refresh_panels()

    def submit(self, side: str, order: Any) -> None:
        events = self.crisis.submit(side, order)
        self._after(events)

    def _after(self, events: list[Any]) -> None:
        log = self.query_one("#clog", RichLog)
        if any(e.what == "umpire" for e in events) or self.crisis.pending is not None:
            self.rewrite_log()  # a ruling re-runs the phase: its events come again
        else:
            for e in events:
                if self.viewer is None or e.visible_to(self.viewer):
                    log.write(Text(("" if e.what == "day" else "  ") + e.describe(), style_of(e)))
        self.autosave()
        self.refresh_panels()
        self.call_after_refresh(self.advance)

    # --- a human's orders ---------------------------------------------------------------------------

    def action_commit(self) -> None:
        c, v = self.crisis, self.view()
        if v is None or c.active_side != self.viewer or c.phase == "standoff":
            return
        chosen = tuple(self.query_one("#actions", SelectionList).selected)
        dec = self.query_one("#decision", Select).value if c.phase == "act" else "none"
        order = CrisisOrders(chosen, None if dec in ("none", Select.BLANK) else str(dec))
        why = c.legal(v.side, order)
        if why:
            self.notify(why[:1].upper() + why[1:] + ".", severity="error", timeout=8)
            return
        self.query_one("#decision", Select).value = "none"
        self.submit(v.side, order)

    def action_standoff(self, firm: bool) -> None:
        c = self.crisis
        if self.viewer is None or c.active_side != self.viewer or c.phase != "standoff":
            return
        self.submit(self.viewer, StandoffChoice(firm))

    def on_button_pressed(self, e: Button.Pressed) -> None:
        if e.button.id == "commit":
            self.action_commit()
        elif e.button.id in ("firm", "back"):
            self.action_standoff(e.button.id == "firm")

    # --- the umpire -----------------------------------------------------------------------------------

    def ask_umpire(self) -> None:
        p = self.crisis.pending
        self.app.push_screen(CrisisUmpireDialog(p.describe(), p.choices), self._umpire_choice)

    def _umpire_choice(self, ruling: Any) -> None:
        action, result, note = ruling or ("accept", "", "")
        if action != "reroll":
            self._ruled(Decision(action, result, note))
            return
        p = self.crisis.pending
        text = (
            f"Re-roll: die [b]{int(p.reroll_draw * 100) + 1}[/b] → [b]{p.reroll_result}[/b]\n"
            f"(first roll: die {p.roll} → {p.result})"
        )
        self.app.push_screen(
            RerollDialog(text),
            lambda keep: self._ruled(Decision("reroll" if keep != "original" else "accept", "", note)),
        )

    def _ruled(self, d: Decision) -> None:
        try:
            events = self.crisis.decide(d)
        except ValueError as e:
            self.notify(str(e), severity="error")
            self.ask_umpire()
            return
        self._after(events)

    # --- the end, saves -----------------------------------------------------------------------------

    def _after_crisis(self, choice: Any) -> None:
        if choice == "war":
            game = self.crisis.start_war()
            if game is not None:
                self.app.switch_screen(self.app.make_screen(game, self.players))
        elif choice == "new":
            self.app.pop_screen()
        elif choice == "quit":
            self.app.exit()

    def record(self) -> dict[str, Any]:
        return crisis_save_record(self.crisis, {s.value: p for s, p in self.players.items()})

    def autosave(self) -> None:
        try:
            autosave(self.record(), self.tag, 0)
        except (OSError, SaveError) as e:
            self.notify(f"autosave failed: {e}", severity="error")

    def action_save(self) -> None:
        default = time.strftime(f"{self.crisis.scenario.id}-crisis-day{self.crisis.day}-%Y%m%d-%H%M")
        self.app.push_screen(SaveAs(default), self._save_as)

    def _save_as(self, name: str | None) -> None:
        if not name:
            return
        try:
            self.notify(f"Saved: {write_save(saves_dir() / name, self.record())}")
        except (OSError, SaveError) as e:
            self.notify(f"Save failed: {e}", severity="error")

    def action_load(self) -> None:
        self.app.push_screen(LoadPicker(), lambda p: self.app.load_game(p, replace=True) if p else None)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen("Crisis", self.KEYS))

    def action_quit_game(self) -> None:
        self.app.push_screen(
            Confirm("Quit the game? (The crisis is autosaved after every phase.)"),
            lambda ok: self.app.exit() if ok else None,
        )
