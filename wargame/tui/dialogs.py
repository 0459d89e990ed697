"""Modal dialogs: help, yes/no, the attack preview, the umpire, air missions, the hand-over, game over."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option


class Dialog(ModalScreen):
    DEFAULT_CSS = """
    Dialog { align: center middle; }
    Dialog > Vertical { width: 72; max-width: 95%; height: auto; max-height: 90%;
        border: thick $accent; background: $surface; padding: 1 2; }
    Dialog Horizontal { height: auto; margin-top: 1; }
    Dialog Button { margin-right: 2; }
    """
    BINDINGS = [Binding("escape", "dismiss_none", "Cancel"), Binding("question_mark", "help", "Help", show=False)]
    HELP_KEYS: list[tuple[str, str]] = [("Enter", "the default button"), ("Esc", "cancel"), ("Tab", "next field")]

    def action_dismiss_none(self) -> None:
        self.dismiss(None)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(type(self).__name__, self.HELP_KEYS))


class HelpScreen(Dialog):
    DEFAULT_CSS = """
    HelpScreen > VerticalScroll { width: 72; max-width: 95%; height: auto; max-height: 90%;
        border: thick $accent; background: $surface; padding: 1 2; }
    """
    BINDINGS = [Binding("escape,question_mark,q", "dismiss_none", "Close")]

    def action_help(self) -> None:
        self.dismiss(None)

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
    HELP_KEYS = [("Enter or y", "yes"), ("Esc or n", "no")]
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
    """A proposed random result (a combat, an interdiction, a demolition...): accept, re-roll, or
    replace it with a note."""

    BINDINGS = [Binding("a", "accept", "Accept"), Binding("r", "reroll", "Re-roll")]
    HELP_KEYS = [
        ("a", "accept the proposed result"),
        ("r", "re-roll: the new roll is shown before it stands"),
        ("Tab", "to the replacement and note fields"),
        ("Replace", "put the typed result in its place"),
        ("Esc", "accept"),
    ]

    def __init__(self, text: str, choices: tuple[str, ...] = ()):
        super().__init__()
        self.text = text
        example = "replacement result, e.g. NE, D1R1, A1"
        self.hint = f"replacement result: {' or '.join(choices)}" if choices else example

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("[b]Umpire[/b]\n\n" + self.text)
            yield Input(placeholder=self.hint, id="result")
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
            self.dismiss(
                (
                    "replace",
                    self.query_one("#result", Input).value.strip().upper(),
                    self.query_one("#note", Input).value,
                )
            )
        elif e.button.id == "reroll":
            self.action_reroll()
        else:
            self.action_accept()


AIR_HELP = {
    "interdiction": "slows the enemy: the hex and its ring cost +1 MP to enter, half MP to start in, this turn; "
    "a die (better with 8+ sorties) says whether it also stops the convoys, cutting supply while the aircraft are up",
    "sead": "attacks enemy air defence (SAM units) in the hex: suppressed for the turn, sometimes a step lost",
    "counter_air": "fighter sweeps: denies the enemy about one sortie for every two flown",
    "recon": "reconnaissance: shows enemy units within 2 hexes for the turn",
    "cover": "stands by over the hex: the first enemy attack within 1 hex this turn is shifted left",
}


class AirDialog(Dialog):
    """Assign an air mission at the cursor hex: up/down choose the mission, Enter flies it."""

    BINDINGS = [Binding("escape", "dismiss_none", "Cancel"), Binding("enter", "ok", "Fly", priority=True)]
    HELP_KEYS = [
        ("up/down", "choose the mission"),
        ("Tab", "to the number of sorties"),
        ("Enter", "fly it"),
        ("Esc", "cancel"),
    ] + [(k.replace("_", " "), v) for k, v in AIR_HELP.items()]

    def __init__(self, target: str, sorties: int):
        super().__init__()
        self.target = target
        self.sorties = sorties

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"[b]Air mission at {self.target}[/b] — {self.sorties} sorties left this turn")
            yield OptionList(
                *[Option(f"{k.replace('_', ' ')}: [dim]{v}[/dim]", id=k) for k, v in AIR_HELP.items()], id="kind"
            )
            yield Label("Sorties:")
            yield Input(value=str(min(8, self.sorties)), id="sorties", type="integer")
            yield Static("", id="air-error")
            with Horizontal():
                yield Button("Fly (Enter)", id="ok", variant="primary")
                yield Button("Cancel (Esc)", id="no")

    def on_mount(self) -> None:
        ol = self.query_one(OptionList)
        ol.highlighted = 0
        ol.focus()

    def action_ok(self) -> None:
        ol = self.query_one(OptionList)
        kind = list(AIR_HELP)[ol.highlighted or 0]
        text = self.query_one("#sorties", Input).value.strip()
        try:
            n = int(text)
        except ValueError:
            n = 0
        if n <= 0 or n > self.sorties:
            self.query_one("#air-error", Static).update(
                f"[red]Give 1 to {self.sorties} sorties (you typed {text or 'nothing'}).[/red]"
            )
            return
        self.dismiss((kind, n))

    def on_option_list_option_selected(self, e: OptionList.OptionSelected) -> None:
        self.action_ok()

    def on_button_pressed(self, e: Button.Pressed) -> None:
        if e.button.id == "ok":
            self.action_ok()
        else:
            self.dismiss(None)


class RerollDialog(Dialog):
    """The umpire's re-roll, shown before it stands: keep the re-roll or the first roll."""

    BINDINGS = [Binding("enter,a", "keep_reroll", "Re-roll stands"), Binding("escape,k", "keep_original", "First roll")]
    HELP_KEYS = [("Enter or a", "the re-roll stands"), ("Esc or k", "the first roll stands")]

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("[b]Umpire: re-roll[/b]\n\n" + self.text)
            with Horizontal():
                yield Button("Re-roll stands (Enter)", id="reroll", variant="primary")
                yield Button("Keep the first roll (k)", id="original")

    def action_keep_reroll(self) -> None:
        self.dismiss("reroll")

    def action_keep_original(self) -> None:
        self.dismiss("original")

    def on_button_pressed(self, e: Button.Pressed) -> None:
        self.dismiss(e.button.id)


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
            yield Static(
                f"[b]Hand over to {self.side_name}[/b]\n\nThe map is hidden. {self.summary}\n\nPress Enter when "
                f"{self.side_name} is at the keyboard."
            )
            yield Button("Ready (Enter)", id="go", variant="primary")

    def action_go(self) -> None:
        self.dismiss(True)

    def action_dismiss_none(self) -> None:
        pass  # the hand-over cannot be skipped

    def on_button_pressed(self, e: Button.Pressed) -> None:
        self.dismiss(True)


class GameOver(Dialog):
    """The result, and what next: the report (the log and turn summaries), a new game, or quit."""

    BINDINGS = [
        Binding("escape,enter", "dismiss_none", "Close"),
        Binding("r", "choose('report')", "Report"),
        Binding("n", "choose('new')", "New game"),
        Binding("q", "choose('quit')", "Quit"),
    ]
    HELP_KEYS = [("Enter / Esc", "back to the map"), ("r", "the full log"), ("n", "a new game"), ("q", "quit")]

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.text)
            with Horizontal():
                yield Button("Report (r)", id="report", variant="primary")
                yield Button("New game (n)", id="new")
                yield Button("Quit (q)", id="quit")
            yield Label("[dim]Enter goes back to the map; the game is saved.[/dim]")

    def action_choose(self, what: str) -> None:
        self.dismiss(what)

    def on_button_pressed(self, e: Button.Pressed) -> None:
        self.dismiss(e.button.id)
