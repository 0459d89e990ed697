"""Modal dialogs: help, yes/no, the attack preview, the umpire, air missions, the hand-over, game over."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from wargame.orders import AIR_KINDS


class Dialog(ModalScreen):
    DEFAULT_CSS = """
    Dialog { align: center middle; }
    Dialog > Vertical { width: 72; max-width: 95%; height: auto; max-height: 90%; border: thick $accent; background: $surface; padding: 1 2; }
    Dialog Horizontal { height: auto; margin-top: 1; }
    Dialog Button { margin-right: 2; }
    """
    BINDINGS = [Binding("escape", "dismiss_none", "Cancel")]

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


class HelpScreen(Dialog):
    DEFAULT_CSS = """
    HelpScreen > VerticalScroll { width: 72; max-width: 95%; height: auto; max-height: 90%; border: thick $accent; background: $surface; padding: 1 2; }
    """
    BINDINGS = [Binding("escape,question_mark,q", "dismiss_none", "Close")]

    def __init__(self, title: str, keys: list[tuple[str, str]], extra=None):
        super().__init__()
        self.title_text = title
        self.keys = keys
        self.extra = extra  # more to show under the keys (a Rich renderable), e.g. the counter legend

    def compose(self) -> ComposeResult:
        lines = "\n".join(f"[b]{k:>14}[/b]  {what}" for k, what in self.keys)
        with VerticalScroll():  # scrolls when the terminal is shorter than the help
            yield Static(f"[b]{self.title_text}: keys[/b]\n\n{lines}")
            if self.extra is not None:
                yield Static(self.extra, id="help-extra")
            yield Static("[dim]Esc or ? closes this help.[/dim]")


class Confirm(Dialog):
    """A yes/no question: Enter or y says yes, Esc or n says no."""

    BINDINGS = [Binding("escape,n", "dismiss_none", "No"), Binding("enter,y", "yes", "Yes")]
    YES, NO, VARIANT = "Yes (y)", "No (n)", "primary"

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.text)
            with Horizontal():
                yield Button(self.YES, id="yes", variant=self.VARIANT)
                yield Button(self.NO, id="no")

    def action_yes(self) -> None:
        self.dismiss(True)

    def on_button_pressed(self, e: Button.Pressed) -> None:
        self.dismiss(True if e.button.id == "yes" else None)


class AttackPreview(Confirm):
    """The odds, the column, every shift and the chance of each result, before the attack is made."""

    BINDINGS = [Binding("escape,n", "dismiss_none", "Cancel"), Binding("enter,y", "yes", "Attack")]
    YES, NO, VARIANT = "Attack (Enter)", "Cancel (Esc)", "error"


class UmpireDialog(Dialog):
    """A proposed combat result: accept, re-roll, or replace it with a note."""

    BINDINGS = [Binding("a", "accept", "Accept"), Binding("r", "reroll", "Re-roll")]

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("[b]Umpire[/b]\n\n" + self.text)
            yield Input(placeholder="replacement result, e.g. NE, D1R1, A1", id="result")
            yield Input(placeholder="note for the log", id="note")
            with Horizontal():
                yield Button("Accept (a)", id="accept", variant="primary")
                yield Button("Re-roll (r)", id="reroll")
                yield Button("Replace", id="replace", variant="warning")

    def on_mount(self) -> None:
        self.query_one("#accept", Button).focus()  # so a / r work at once; Tab reaches the inputs

    def action_accept(self) -> None:
        self.dismiss(("accept", "", self.query_one("#note", Input).value))

    def action_reroll(self) -> None:
        self.dismiss(("reroll", "", self.query_one("#note", Input).value))

    def action_dismiss_none(self) -> None:
        self.action_accept()

    def on_button_pressed(self, e: Button.Pressed) -> None:
        if e.button.id == "replace":
            self.dismiss(("replace", self.query_one("#result", Input).value.strip().upper(), self.query_one("#note", Input).value))
        elif e.button.id == "reroll":
            self.action_reroll()
        else:
            self.action_accept()


class AirDialog(Dialog):
    """Assign an air mission at the cursor hex."""

    BINDINGS = [Binding("escape", "dismiss_none", "Cancel"), Binding("enter", "ok", "Fly")]

    def __init__(self, target: str, sorties: int):
        super().__init__()
        self.target = target
        self.sorties = sorties

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"[b]Air mission at {self.target}[/b] — {self.sorties} sorties left this turn")
            yield Select([(k.replace("_", " "), k) for k in AIR_KINDS], value="interdiction", id="kind", allow_blank=False)
            yield Input(value=str(min(8, self.sorties)), id="sorties", type="integer")
            with Horizontal():
                yield Button("Fly (Enter)", id="ok", variant="primary")
                yield Button("Cancel (Esc)", id="no")

    def action_ok(self) -> None:
        try:
            n = int(self.query_one("#sorties", Input).value or 0)
        except ValueError:
            n = 0
        self.dismiss((self.query_one("#kind", Select).value, n))

    def on_button_pressed(self, e: Button.Pressed) -> None:
        if e.button.id == "ok":
            self.action_ok()
        else:
            self.dismiss(None)


class Handover(Dialog):
    """Hotseat: the map is hidden until the next player takes the keyboard."""

    DEFAULT_CSS = "Handover { background: $background 100%; }"
    BINDINGS = [Binding("enter,space", "go", "Ready")]

    def __init__(self, side_name: str, summary: str):
        super().__init__()
        self.side_name = side_name
        self.summary = summary

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"[b]Hand over to {self.side_name}[/b]\n\nThe map is hidden. {self.summary}\n\nPress Enter when {self.side_name} is at the keyboard.")
            yield Button("Ready (Enter)", id="go", variant="primary")

    def action_go(self) -> None:
        self.dismiss(True)

    def action_dismiss_none(self) -> None:
        pass  # the hand-over cannot be skipped

    def on_button_pressed(self, e: Button.Pressed) -> None:
        self.dismiss(True)


class GameOver(Dialog):
    BINDINGS = [Binding("escape,enter,q", "dismiss_none", "Close")]

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.text)
            yield Label("[dim]Enter closes; q quits from the map.[/dim]")
