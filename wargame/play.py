"""The one game loop: every whole or partial game is played by `play_until`.

The bots' driver, the search bot's look-aheads, forecasts, the replay of a record and the TUI's
run to the end all differ only in who gives the orders (`players`), who rules on the umpire's
proposals (`umpire`), and when to stop (`stop`, `time_limit`); the loop itself, and so the order in
which the game is asked things, is the same for all of them (docs/architecture.md, rules 2 and 4).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from wargame.model.units import Side
from wargame.rules.umpire import Accept, Decision

if TYPE_CHECKING:
    from wargame import events as ev
    from wargame.game import Game

Player = Callable[["Game", Side], Iterable[Any]]
"""Gives a side's orders for the current phase (any list `Game.submit` takes)."""
Umpire = Callable[["Game"], Decision | None]
"""Rules on `game.pending`; None leaves the proposal waiting and ends the loop."""


def accept(game: Game) -> Decision:
    """The umpire who lets every result stand (a game without an umpire plays the same)."""
    return Accept()


def play_until(game: Game, players: Mapping[Side, Player], stop: Callable[[Game], bool] | None = None,
               time_limit: float | None = None, umpire: Umpire = accept,
               on_events: Callable[[Side | None, list[ev.Event]], None] | None = None) -> str:
    """Play `game` on, phase by phase, until it is over ("over"), `stop(game)` says so ("stop"),
    `time_limit` seconds have passed ("time", checked between phases), or the umpire leaves a
    proposal waiting ("pending"). A proposal waiting when the loop starts is ruled on first.
    `on_events(side, events)` sees the events of every submit (with the side) and ruling (None)."""
    start = time.monotonic()
    while True:
        while game.pending is not None:
            d = umpire(game)
            if d is None:
                return "pending"
            got = game.decide(d)
            if on_events is not None:
                on_events(None, got)
        if game.over:
            return "over"
        if stop is not None and stop(game):
            return "stop"
        if time_limit is not None and time.monotonic() - start >= time_limit:
            return "time"
        side = game.active_side
        assert side is not None  # a game that is not over has a side to play
        got = game.submit(side, players[side](game, side))
        if on_events is not None:
            on_events(side, got)
