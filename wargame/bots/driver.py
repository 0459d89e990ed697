"""Playing a whole game with bots through the same Game API the TUI uses (docs/architecture.md, rule 2)."""

from __future__ import annotations

import signal
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from wargame.bots.base import Oracle, load_bot
from wargame.events import Event, OrderRejected
from wargame.game import Game
from wargame.model.scenario import Scenario
from wargame.model.units import Side
from wargame.play import Player, play_until


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


class BotTimeout(BaseException):
    """Raised inside a bot that overruns its time limit (a BaseException, so `except Exception` in a
    bot does not swallow it)."""


MAX_ORDERS = 10_000  # far more than a side has units: a longer answer is a broken bot


def _alarm(limit: float | None):
    """Interrupt a bot stuck in Python code after `limit` seconds (main thread, Unix only); returns
    the function that cancels the alarm."""
    if limit is None or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        return lambda: None

    def fire(signum, frame):
        raise BotTimeout()

    old = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, max(limit, 0.001) * 1.5 + 0.05)

    def cancel() -> None:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)

    return cancel


def ask(bot: Any, game: Game, side: Side, time_limit: float | None, problems: list[BotProblem]) -> list:
    """A bot's orders for the current phase. A bot that raises, calls sys.exit, returns something
    that is not a list of orders, or overruns its time limit is reported, and passes."""
    name = str(getattr(bot, "name", "?"))[:40]

    def report(text: str) -> list:
        problems.append(BotProblem(game.turn, game.phase, side.value, name, text))
        return []

    t0 = time.perf_counter()
    cancel = _alarm(time_limit)
    try:
        answer = bot.orders(game.view(side), Oracle(game, side))
        if not isinstance(answer, (list, tuple)):
            return report(f"returned {type(answer).__name__}, not a list of orders: nothing given")
        orders = list(answer[: MAX_ORDERS + 1])
    except BotTimeout:
        return report(f"still thinking after its {time_limit:.2f} s limit: stopped, no orders this phase")
    except (Exception, SystemExit) as e:  # noqa: BLE001 - a user's bot must not stop the game
        return report(f"raised {type(e).__name__}: {str(e)[:200]}")
    finally:
        cancel()
    if len(orders) > MAX_ORDERS:
        return report(f"gave more than {MAX_ORDERS} orders: none taken")
    took = time.perf_counter() - t0
    if time_limit is not None and took > time_limit:
        return report(f"took {took:.2f} s, over its {time_limit:.2f} s limit: its orders are dropped")
    return orders


def make_bot(spec: str | Any, side: Side, seed: int) -> Any:
    """A bot from a name (built-in, or a plug-in the caller's code trusts) or a ready object."""
    return load_bot(spec, side, bot_seed(seed, side), trusted=True) if isinstance(spec, str) else spec


def bot_player(bot: Any, time_limit: float | None, problems: list[BotProblem]) -> Player:
    """A bot as a `wargame.play` player: asked through `ask` (time limit, errors reported, it passes)."""
    return lambda game, side: ask(bot, game, side, time_limit, problems)


def play_game(scenario: Scenario, seed: int, red: str | Any = "operational", blue: str | Any = "operational",
              time_limit: float | None = None, umpire: bool = False) -> Played:
    """A whole bot-vs-bot game. Every order a bot gives that the game refuses is a bot problem."""
    bots = {Side.RED: make_bot(red, Side.RED, seed), Side.BLUE: make_bot(blue, Side.BLUE, seed)}
    t0 = time.perf_counter()
    return _play_on(Game(scenario, seed=seed, umpire=umpire), bots, time_limit, t0)


def resume_game(scenario: Scenario, record: dict[str, Any], red: str | Any = "operational",
                blue: str | Any = "operational", time_limit: float | None = None) -> Played:
    """A saved game (its record, as `wargame.saves.read_save` returns it) played on to the end by
    bots, warmed up first (`wargame.bots.resume`): bots that played the game before the save play on
    as if it had never stopped. ValueError if the record is not a valid one or does not reproduce
    itself. The problems reported are those of the phases played on; the rulings of an umpire game
    past the record are accepted."""
    from wargame.bots.resume import resume
    from wargame.rules.record import check_record

    check_record(record)
    seed = record["seed"]
    bots = {Side.RED: make_bot(red, Side.RED, seed), Side.BLUE: make_bot(blue, Side.BLUE, seed)}
    t0 = time.perf_counter()
    game, problems, _ = resume(record, scenario, bots)
    if problems:
        raise ValueError("the game record does not reproduce itself: " + "; ".join(problems))
    return _play_on(game, bots, time_limit, t0)


def _play_on(game: Game, bots: dict[Side, Any], time_limit: float | None, t0: float) -> Played:
    played = Played(game)

    def player(side: Side) -> Player:
        def give(g: Game, s: Side) -> list:
            tb = time.perf_counter()
            orders = ask(bots[s], g, s, time_limit, played.problems)
            played.bot_seconds += time.perf_counter() - tb
            played.orders += len(orders)
            return orders

        return give

    def refused(side: Side | None, events: list[Event]) -> None:
        if side is None:
            return
        # the game has moved on to the next phase by now: the orders were given in the phase the
        # submission's log entry names (every submit writes one)
        given = game.log[-1]
        for e in events:
            if isinstance(e, OrderRejected) and e.side == side.value:
                name = str(getattr(bots[side], "name", "?"))[:40]
                why = f"illegal order: {e.reason}"
                played.problems.append(BotProblem(given["turn"], given["phase"], side.value, name, why))

    play_until(game, {s: player(s) for s in Side}, on_events=refused)
    played.seconds = time.perf_counter() - t0
    return played
