"""The facilitator console's dialogs: the inject deck, a note or bookmark on a turn."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from wargame.seminar.deck import Deck
from wargame.tui.dialogs import Dialog


class InjectPicker(Dialog):
    """The deck, one line per inject with its status; Enter plays the highlighted one with the note."""

    DEFAULT_CSS = """
    InjectPicker { align: center middle; }
    InjectPicker > Vertical { width: 110; max-width: 96%; height: auto; max-height: 92%;
        border: thick $accent; background: $surface; padding: 0 1; }
    InjectPicker OptionList { height: auto; max-height: 12; }
    InjectPicker #inject-text { height: auto; max-height: 8; margin: 1 0; }
    """
    BINDINGS = [Binding("escape", "dismiss_none", "Cancel")]

    def __init__(self, deck: Deck, played: set[str], turn: int):
        super().__init__()
        self.deck, self.played, self.turn = deck, played, turn

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"[b]Inject deck[/b] ({self.deck.path}): Enter plays the highlighted inject now, "
                         "with the note below. Esc cancels.")
            options = []
            for i in self.deck.injects:
                when = f"turn {i.turn}" if i.turn else "by hand"
                status = "played" if i.id in self.played else when
                line = Text(f"{status:>8}  ", "dim" if i.id in self.played else "bold")
                line.append(f"{i.title}  ({i.effect}, to {i.audience})")  # Text: a title is never markup
                options.append(Option(line, id=i.id, disabled=i.id in self.played))
            yield OptionList(*options, id="inject-list")
            yield Static(id="inject-text")
            yield Input(placeholder="note for the record (optional)", id="inject-note")

    def on_mount(self) -> None:
        ol = self.query_one(OptionList)
        free = [k for k, i in enumerate(self.deck.injects) if i.id not in self.played]
        if free:
            ol.highlighted = free[0]
        ol.focus()

    def on_option_list_option_highlighted(self, e: OptionList.OptionHighlighted) -> None:
        i = next(x for x in self.deck.injects if x.id == e.option.id)
        self.query_one("#inject-text", Static).update(Text.assemble(i.text, "\n", (f"Basis: {i.basis}", "dim")))

    def on_option_list_option_selected(self, e: OptionList.OptionSelected) -> None:
        self.dismiss((e.option.id, self.query_one("#inject-note", Input).value))

    def on_input_submitted(self, e: Input.Submitted) -> None:
        ol = self.query_one(OptionList)
        if ol.highlighted is not None:
            opt = ol.get_option_at_index(ol.highlighted)
            if not opt.disabled:
                self.dismiss((opt.id, e.value))


class NoteDialog(Dialog):
    """A note (or a bookmark) on a turn: the turn, then the text; Enter saves it."""

    DEFAULT_CSS = """
    NoteDialog { align: center middle; }
    NoteDialog > Vertical { width: 90; max-width: 96%; height: auto; border: thick $accent;
        background: $surface; padding: 0 1; }
    NoteDialog Horizontal { height: 3; }
    NoteDialog Label { padding: 1 1 0 0; }
    NoteDialog #note-turn { width: 12; }
    """
    BINDINGS = [Binding("escape", "dismiss_none", "Cancel")]

    def __init__(self, turn: int, bookmark: bool):
        super().__init__()
        self.turn, self.bookmark = turn, bookmark

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"[b]{'Bookmark' if self.bookmark else 'Note'}[/b] on a turn (1 to {self.turn}): kept in "
                         "the save and shown in the report. Enter saves, Esc cancels.")
            with Horizontal():
                yield Label("Turn")
                yield Input(str(self.turn), id="note-turn", type="integer")
            yield Input(placeholder="what happened, what to discuss", id="note-text")
            yield Button("Save", id="note-save", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#note-text", Input).focus()

    def _done(self) -> None:
        try:
            turn = int(self.query_one("#note-turn", Input).value)
        except ValueError:
            self.notify("the turn must be a whole number", severity="error")
            return
        self.dismiss((turn, self.query_one("#note-text", Input).value, self.bookmark))

    def on_input_submitted(self, e: Input.Submitted) -> None:
        self._done()

    def on_button_pressed(self, e: Button.Pressed) -> None:
        self._done()
