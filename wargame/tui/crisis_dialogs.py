"""The crisis screen's dialogs: the umpire on a crisis roll, and the end of the crisis."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Static

from wargame.tui.dialogs import Dialog, UmpireDialog


class CrisisUmpireDialog(UmpireDialog):
    """A crisis roll for the umpire: accept, re-roll, or replace it with one of the roll's results."""

    def __init__(self, text: str, choices: tuple[str, ...]):
        super().__init__(text)
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("[b]Umpire: a crisis roll[/b]\n\n" + self.text)
            yield Input(placeholder="replacement: " + " | ".join(self.choices), id="result")
            yield Input(placeholder="note for the log", id="note")
            with Horizontal():
                yield Button("Accept (a)", id="accept", variant="primary")
                yield Button("Re-roll (r)", id="reroll")
                yield Button("Replace", id="replace", variant="warning")

    def on_button_pressed(self, e: Button.Pressed) -> None:
        if e.button.id == "replace":
            result = self.query_one("#result", Input).value.strip().lower()
            self.dismiss(("replace", result, self.query_one("#note", Input).value))
        elif e.button.id == "reroll":
            self.action_reroll()
        else:
            self.action_accept()


class CrisisOver(Dialog):
    """The crisis' outcome, everything revealed; then the war (Enter), or a new game, or quit."""

    DEFAULT_CSS = "CrisisOver > Vertical { width: 96; }"
    BINDINGS = [
        Binding("enter", "choose('war')", "To war"),
        Binding("escape", "dismiss_none", "Back to the crisis"),
        Binding("n", "choose('new')", "New game"),
        Binding("q", "choose('quit')", "Quit"),
    ]
    HELP_KEYS = [
        ("Enter", "on to the war (or, without war, back)"),
        ("n", "a new game"),
        ("q", "quit"),
        ("Esc", "back to the crisis log"),
    ]

    def __init__(self, text: str, war: bool):
        super().__init__()
        self.text = text
        self.war = war

    def compose(self) -> ComposeResult:
        with Vertical():
            yield VerticalScroll(Static(self.text, id="outcome"))
            with Horizontal():
                if self.war:
                    yield Button("To war (Enter)", id="war", variant="error")
                yield Button("New game (n)", id="new")
                yield Button("Quit (q)", id="quit")
            yield Label("[dim]Esc goes back to the crisis log; the crisis is saved.[/dim]")

    def action_choose(self, what: str) -> None:
        if what == "war" and not self.war:
            self.dismiss(None)
            return
        self.dismiss(what)

    def on_button_pressed(self, e: Button.Pressed) -> None:
        self.dismiss(e.button.id)
