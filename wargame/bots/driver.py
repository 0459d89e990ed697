"""Playing a whole game with bots through the same Game API the TUI uses (DESIGN rule 2)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from wargame.bots.base import Oracle, load_bot
from wargame.game import Decision, Game
from wargame.model.scenario import Scenario
from wargame.model.units import Side


@dataclass
class BotProblem:
    turn: int
    phase: str
    side: str
    bot: str
    problem: str


@dataclass
class Played:
    game: Game
    problems: list[BotProblem] = field(default_factory=list)
    orders: int = 0
    seconds: float = 0.0
    bot_seconds: float = 0.0


def bot_seed(seed: int, side: Side) -> int:
    return (seed * 2654435761 + (1 if side is Side.RED else 2)) & 0xFFFFFFFF


def ask(bot: Any, game: Game, side: Side, time_limit: float | None, problems: list[BotProblem]) -> list:
    """A bot's orders for the current phase; a bot that raises or overruns is reported, and passes."""
    t0 = time.perf_counter()
    try:
        orders = list(bot.orders(game.view(side), Oracle(game, side)))
    except Exception as e:  # noqa: BLE001 - a user's bot must not stop the game
        problems.append(BotProblem(game.turn, game.phase, side.value, getattr(bot, "name", "?"), f"raised {type(e).__name__}: {e}"))
        return []
    took = time.perf_counter() - t0
    if time_limit is not None and took > time_limit:
        problems.append(BotProblem(game.turn, game.phase, side.value, getattr(bot, "name", "?"),
                                   f"took {took:.2f} s, over its {time_limit:.2f} s limit: its orders are dropped"))
        return []
    return orders


def play_game(scenario: Scenario, seed: int, red: str | Any = "operational", blue: str | Any = "operational",
              time_limit: float | None = None, umpire: bool = False) -> Played:
    bots = {Side.RED: load_bot(red, Side.RED, bot_seed(seed, Side.RED)) if isinstance(red, str) else red,
            Side.BLUE: load_bot(blue, Side.BLUE, bot_seed(seed, Side.BLUE)) if isinstance(blue, str) else blue}
    t0 = time.perf_counter()
    game = Game(scenario, seed=seed, umpire=umpire)
    played = Played(game)
    while not game.over:
        side = game.active_side
        tb = time.perf_counter()
        orders = ask(bots[side], game, side, time_limit, played.problems)
        played.bot_seconds += time.perf_counter() - tb
        played.orders += len(orders)
        game.submit(side, orders)
        while game.pending is not None:
            game.decide(Decision("accept"))
    played.seconds = time.perf_counter() - t0
    return played
