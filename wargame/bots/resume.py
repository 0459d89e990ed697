"""Bots brought back to where they were when a game was saved: the warm-up.

A bot may remember between phases (the operational bot: the contacts that held, the enemy units
seen lately, the reserves on their way; the search bot: its doctrine, when it looks again, where it
last saw each enemy unit; every built-in bot: its random stream). A save holds the game, not the
bots: a game rebuilt from its record (a loaded save, a rewound phase) stands exactly where it did,
but new bots would start blank, and the game would go on differently from the same game never
interrupted.

`warm_up` re-runs the record from its seed (`records.replay`) and, at every committed phase of a
side a bot plays, asks that bot for its orders as the driver and the TUI do (`driver.ask`:
`bot.orders(game.view(side), Oracle(game, side))`, no time limit), throws the answer away and plays
the recorded orders. The bot's memory and random stream end where the uninterrupted game's were.
Nothing of a bot is written to a save, so a save can never carry bot state (saves are hostile
input: data, never code).

A side a human (or another player) played before the save is watched all the same: the bot taking
it over is asked at its phases and remembers what it would have, had it played the side and given
the orders the human gave.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from wargame import records
from wargame.bots.driver import BotProblem, ask
from wargame.model.units import Side

if TYPE_CHECKING:
    from wargame.game import Game
    from wargame.model.scenario import Scenario


@dataclass
class Warmer:
    """A replay's `watch`: asks each side's bot at that side's phases and discards the answer."""

    bots: Mapping[Side, Any]
    asked: int = 0
    seconds: float = 0.0
    problems: list[BotProblem] = field(default_factory=list)  # what the bots did wrong meanwhile (as
    # they did when the game was played: a bot that raised then raises again here)

    def __call__(self, game: Game, side: Side) -> None:
        bot = self.bots.get(side)
        if bot is None:
            return
        t0 = time.perf_counter()
        ask(bot, game, side, None, self.problems)
        self.seconds += time.perf_counter() - t0
        self.asked += 1


def resume(record: dict[str, Any], scenario: Scenario, bots: Mapping[Side, Any]) -> tuple[Game, list[str], Warmer]:
    """`records.replay` with the bots warmed up on the way: the game, its differences from the
    record (empty: it reproduces itself), and the warm-up's account. The record must be one
    `wargame.saves.read_save` (or `rules.record.check_record`) accepted."""
    warmer = Warmer(bots)
    game, problems = records.replay(record, scenario, watch=warmer)
    return game, problems, warmer


def warm_up(bots: Mapping[Side, Any], game: Game) -> Warmer:
    """Bring new `bots` up to where the bots of `game` (a game rebuilt from a save or record, or
    played by other players) would be now, by re-running its record from the start."""
    from wargame.seminar.injects import base_scenario

    if not game.log or not bots:
        return Warmer(bots)
    return resume(game.to_record(), base_scenario(game), bots)[2]
