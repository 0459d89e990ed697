"""The game's log: every line stamped with the turn it happened in, read from the event stream
(a `TurnStarted` event comes before the events of its turn), shown under the reader's fog of war.
Also the full-log screen (keyboard scrolling, filters) and the turn summary."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import RichLog, Static

from wargame import events as ev
from wargame.model.units import Side

STYLE = {"combat": "bold", "measure": "bold yellow", "game_over": "bold", "rejected": "red", "halted": "yellow",
         "umpire": "magenta", "city": "bold", "destroyed": "bold"}


@dataclass(frozen=True)
class Entry:
    turn: int
    event: Any          # the event, or None for a line of the UI's own (a bot failed, an autosave failed)
    text: str
    style: str = ""

    def shown_to(self, side: str | None) -> bool:
        return self.event is None or side is None or ev.visible_to(self.event, side)


class Timeline:
    """Turns the event stream into log entries with the right turn stamps."""

    def __init__(self) -> None:
        self.turn = 0
        self.entries: list[Entry] = []

    def add_event(self, e: ev.Event) -> Entry | None:
        if isinstance(e, ev.TurnStarted):
            self.turn = e.turn
        if e.kind == "phase":
            return None
        entry = Entry(self.turn, e, f"T{self.turn} {e.describe()}", STYLE.get(e.kind, ""))
        self.entries.append(entry)
        return entry

    def add_line(self, text: str, style: str = "") -> Entry:
        entry = Entry(self.turn, None, text, style)
        self.entries.append(entry)
        return entry

    def of_turn(self, turn: int) -> list[Entry]:
        return [e for e in self.entries if e.turn == turn and e.event is not None]


def turn_summary(entries: Iterable[Entry], turn: int, side: str | None) -> Text:
    """What a side saw of one turn, by heading: moves, attacks and results, losses, ground gained,
    arrivals. Read from the events under the side's fog."""
    mine = [e.event for e in entries if e.turn == turn and e.event is not None and e.shown_to(side)]
    t = Text()
    t.append(f"Turn {turn}" + (f", as {side} saw it" if side else "") + "\n\n", "bold")

    def section(title: str, lines: list[str]) -> None:
        if lines:
            t.append(f"{title}\n", "bold")
            for line in lines:
                t.append(f"  {line}\n")
            t.append("\n")

    moved = [e for e in mine if isinstance(e, ev.Moved)]
    by_side: dict[str, int] = {}
    for e in moved:
        by_side[e.side] = by_side.get(e.side, 0) + 1
    section("Moves", [f"{s}: {n} unit(s) moved" for s, n in sorted(by_side.items())]
            + [e.describe() for e in mine if isinstance(e, ev.MoveHalted)])
    section("Attacks", [f"{e.side} on {e.target}: odds {e.odds}, column {e.column}, die {e.roll} → {e.result}"
                        for e in mine if isinstance(e, ev.CombatResolved)])
    losses: dict[str, int] = {}
    for e in mine:
        if isinstance(e, ev.StepLost):
            losses[e.side] = losses.get(e.side, 0) + 1
    section("Losses", [f"{s}: {n} step(s)" for s, n in sorted(losses.items())]
            + [e.describe() for e in mine if isinstance(e, ev.Destroyed)])
    section(
        "Ground",
        [e.describe() for e in mine if isinstance(e, (ev.CityTaken, ev.MeasureReached, ev.Advanced, ev.Retreated))],
    )
    section("Arrivals", [e.describe() for e in mine if isinstance(e, (ev.Arrived, ev.ArrivalDelayed))])
    section(
        "Air", [e.describe() for e in mine if isinstance(e, (ev.AirMissionFlown, ev.SortiesLost, ev.SortiesDenied))]
    )
    if len(t.plain.splitlines()) <= 2:
        t.append("Nothing seen happened this turn.\n", "dim")
    return t


FILTERS = [("all", "every line"), ("combat", "attacks, losses, cities"), ("turn", "this turn only")]
COMBAT_KINDS = {
    "attack",
    "combat",
    "step_lost",
    "destroyed",
    "retreated",
    "advanced",
    "city",
    "measure",
    "umpire",
    "game_over",
    "suppressed",
}


class LogView:
    """Mixed into GameScreen: the log pane under the reader's fog, the full log and the summaries."""

    def fog_side(self) -> Side | None:
        """Whose fog of war the log respects: the one human, the hotseat player at the keyboard, or
        nobody when bots play both sides."""
        humans = [s for s, p in self.players.items() if p == "human"]
        if len(humans) == 1:
            return humans[0]
        if not humans:
            return None
        return self.viewer or self.human_side() or humans[0]

    def log_line(self, text: str, style: str = "") -> None:
        self._write(self.timeline.add_line(text, style))

    def log_event(self, e: ev.Event) -> None:
        entry = self.timeline.add_event(e)
        if entry is not None:
            self._write(entry)

    def _write(self, entry) -> None:
        side = self.fog_side()
        if entry.shown_to(side.value if side else None):
            self.query_one("#log", RichLog).write(Text(entry.text, entry.style))

    def rewrite_log(self) -> None:
        """After a hotseat hand-over: show the log as the new player may see it."""
        log = self.query_one("#log", RichLog)
        log.clear()
        side = self.fog_side()
        for entry in self.timeline.entries:
            if entry.shown_to(side.value if side else None):
                log.write(Text(entry.text, entry.style))

    def action_full_log(self) -> None:
        side = self.fog_side()
        self.app.push_screen(LogScreen(self.timeline.entries, side.value if side else None, self.game.turn))

    def action_summary(self, turn: int | None = None) -> None:
        side = self.fog_side()
        turn = turn or max(1, self.game.turn - (0 if self.game.over else 1))
        text = turn_summary(self.timeline.entries, turn, side.value if side else None)
        self.app.push_screen(SummaryScreen(text), lambda r: self.action_full_log() if r == "log" else None)

    def _summary_due(self, side: Side) -> bool:
        """A human's first phase of a new turn: show what happened last turn, once."""
        last = self.game.turn - 1
        if last < 1 or self.summarised.get(side, 0) >= last:
            return False
        self.summarised[side] = last
        return True


class LogScreen(ModalScreen):
    """The whole log under the reader's fog, scrolled by keyboard; f changes the filter."""

    DEFAULT_CSS = """
    LogScreen { align: center middle; }
    LogScreen > Vertical { width: 96%; height: 94%; border: thick $accent; background: $surface; }
    LogScreen RichLog { height: 1fr; }
    """
    BINDINGS = [
        Binding("escape,q,L", "dismiss_none", "Back"),
        Binding("f", "next_filter", "Filter"),
        Binding("home,g", "top", "Top"),
        Binding("end,G", "bottom", "End"),
    ]

    def __init__(self, entries: list[Entry], side: str | None, turn: int):
        super().__init__()
        self.entries, self.side, self.turn = entries, side, turn
        self.filter = 0

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(id="log-title")
            yield RichLog(id="full-log", wrap=True, markup=False)

    def on_mount(self) -> None:
        self.fill()
        self.query_one(RichLog).focus()

    def fill(self) -> None:
        kind = FILTERS[self.filter][0]
        log = self.query_one(RichLog)
        log.clear()
        n = 0
        for e in self.entries:
            if not e.shown_to(self.side):
                continue
            if kind == "combat" and (e.event is None or e.event.kind not in COMBAT_KINDS):
                continue
            if kind == "turn" and e.turn != self.turn:
                continue
            log.write(Text(e.text, e.style))
            n += 1
        self.query_one("#log-title", Static).update(
            f"[b]Log[/b] ({FILTERS[self.filter][1]}, {n} lines) — ↑↓ PgUp PgDn Home End scroll, f filter, Esc back"
        )

    def action_next_filter(self) -> None:
        self.filter = (self.filter + 1) % len(FILTERS)
        self.fill()

    def action_top(self) -> None:
        self.query_one(RichLog).scroll_home(animate=False)

    def action_bottom(self) -> None:
        self.query_one(RichLog).scroll_end(animate=False)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


class SummaryScreen(ModalScreen):
    """The turn just played, under the player's fog: nothing scrolls away unseen."""

    DEFAULT_CSS = """
    SummaryScreen { align: center middle; }
    SummaryScreen > Vertical { width: 90; max-width: 96%; height: auto; max-height: 92%;
        border: thick $accent; background: $surface; padding: 0 1; }
    SummaryScreen RichLog { height: auto; max-height: 30; }
    """
    BINDINGS = [Binding("escape,enter,space,q,t", "dismiss_none", "Close"), Binding("L", "log", "Full log")]

    def __init__(self, text: Text):
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical():
            log = RichLog(wrap=True, markup=False, auto_scroll=False)
            yield log
            yield Static("[dim]Enter closes; L opens the full log; t shows this again.[/dim]")

    def on_mount(self) -> None:
        log = self.query_one(RichLog)
        log.write(self.text)
        log.scroll_home(animate=False)
        log.focus()

    def action_log(self) -> None:
        self.dismiss("log")

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
