"""The command palette (Ctrl+P): every game command by name, and "go to" any city on the board;
and the go-to dialog (g) that finds a city or hex however it is typed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.command import Hit, Hits, Provider
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from wargame.model.board import Board
from wargame.render import find_place, fold

COMMANDS = [
    ("End the phase", "end_phase", "adjudicate this phase's orders"),
    ("Undo an order", "undo", "take back the order at the cursor, else the last one (and what depended on it)"),
    ("Attack the hex under the cursor", "attack", "preview the odds first"),
    ("Air mission at the cursor", "air", "interdiction, SEAD, counter-air, recon or cover (air phase)"),
    ("Go to a city or hex", "goto", "type a name (any case, accents optional) or a hex id"),
    ("Save the game", "save", "write a named save"),
    ("Load a game", "load", "choose a save"),
    ("Log: the whole game", "full_log", "scroll with the keys, filter with f"),
    ("Turn summary", "summary", "the last turn as you saw it"),
    ("Overlay: enemy zones of control", "overlay('zoc')", "toggle"),
    ("Overlay: enemy air-defence umbrellas", "overlay('ad')", "toggle"),
    ("Overlay: who holds the cities", "overlay('control')", "toggle"),
    ("Overview of the whole board", "overview", "the theatre, scaled to the terminal"),
    ("Who are the bots?", "bots", "what each bot does"),
    ("Help: keys", "help", "the keys of this screen"),
    ("Quit", "quit_game", "asks first; the game is autosaved"),
]


class GameCommands(Provider):
    """The game's commands and "Go to <city>" for every city, in the command palette."""

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        screen = self.screen
        for name, action, help_text in COMMANDS:
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), lambda a=action: screen.run_action(a), help=help_text)
        board = getattr(screen, "game", None) and screen.game.board
        if board is None or not query.strip():
            return
        q = fold(query)
        for c in sorted(board.cities.values(), key=lambda c: -c.population):
            label = f"Go to {c.name}"
            score = matcher.match(label)
            if q in fold(c.name):
                score = max(score, 0.9 if fold(c.name).startswith(q) else 0.5)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(label),
                    lambda h=c.hex: screen.go_to(h),
                    help=f"{c.country}, {c.population:,}",
                )


class GoTo(ModalScreen):
    """Type a city (any case, accents optional) or a hex id; Enter goes there."""

    DEFAULT_CSS = """
    GoTo { align: center top; }
    GoTo > Vertical { width: 60; max-width: 95%; height: auto;
        border: thick $accent; background: $surface; padding: 0 1; margin-top: 2; }
    """
    BINDINGS = [Binding("escape", "dismiss_none", "Cancel")]

    def __init__(self, board: Board):
        super().__init__()
        self.board = board

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("[b]Go to[/b] a city (riga, tallinn, tartu…) or a hex id (e.g. 3110)")
            yield Input(placeholder="city or hex", id="where")
            yield Static("", id="goto-why")

    def on_input_submitted(self, e: Input.Submitted) -> None:
        text = e.value.strip()
        try:
            self.dismiss(self.board.parse_hex(text))
            return
        except ValueError:
            pass
        city, near = find_place(self.board, text)
        if city is not None:
            self.dismiss(city.hex)
            return
        self.query_one("#goto-why", Static).update(
            f"[red]No place {text!r} on the map.[/red]" + (f" Did you mean: {', '.join(near)}?" if near else "")
        )

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
