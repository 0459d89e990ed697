"""Forecast from any position: play N rollouts from a copy of a game and count how they end.

By default this is the **umpire's forecast**: every rollout starts from the true state of the game
(all units where they really are); the bots in each rollout still see only their own side
(`Game.view`). With `belief=side` it is **that side's forecast**: every rollout starts from the game
as the side believes it (`Oracle.imagine`: the enemy units it sees where they are, the others where
the briefing set them up or, where it can see that they are not, just out of sight, at their briefed
strength; nothing the other side has decided and not shown), so a player learns nothing they could not
know. That is what the TUI's forecast key shows a player.

Rollout i copies the game (`Game.clone()`), reseeds its dice with `rollout_seed(seed, i)` and plays
it out with fresh bots seeded from that seed: the same call gives the same answer, on any number of
workers. `forecast()` is what the CLI and (later) the TUI call; `progress(done, total)` reports.
"""

from __future__ import annotations

import multiprocessing as mp
import random
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from wargame.model.units import Side

_GAME: dict[str, Any] = {}  # the position, in each worker (set before forking)


def rollout_seed(seed: int, i: int) -> int:
    return (seed * 1_000_003 + i * 104_729 + 5) & 0x7FFFFFFF


@dataclass
class Forecast:
    rollouts: int
    start_hour: int
    cap: int                                   # game length in hours: "not reached" counts as this
    measure: list[float]                       # per rollout (cap when not reached), sorted
    by_city: dict[str, list[int | None]]       # measure city -> hour Red reached its outskirts, per rollout
    hours: tuple[int, ...] = ()                # the H+x at which chances are given
    chance: dict[str, list[float]] = field(default_factory=dict)  # city (or "any") -> share by each of `hours`

    def lines(self) -> list[str]:
        """The forecast in plain lines: the measure's quartiles and each capital's chance by H+x."""
        import statistics

        m = self.measure
        if not m:
            return ["no rollouts"]
        q = statistics.quantiles(m, n=4, method="inclusive") if len(m) > 1 else [m[0]] * 3
        f = lambda x: f">{self.cap}" if x >= self.cap else f"{x:g}"  # noqa: E731
        out = [f"RAND measure over {self.rollouts} rollouts: min {f(m[0])} h, quartiles {f(q[0])} / {f(q[1])} / "
               f"{f(q[2])} h, max {f(m[-1])} h", "", "Chance Red's main force holds the outskirts by:"]
        out.append("            " + "".join(f"{'H+' + str(h):>8}" for h in self.hours))
        for city, shares in self.chance.items():
            name = "either" if city == "any" else city
            out.append(f"{name:<12}" + "".join(f"{100 * p:>7.0f}%" for p in shares))
        return out

    def interval(self, p: float) -> tuple[float, float]:
        """A 95% (Wilson) interval for a share p of the rollouts."""
        import math

        n, z = self.rollouts, 1.96
        if n == 0:
            return (0.0, 1.0)
        c = (p + z * z / (2 * n)) / (1 + z * z / n)
        h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
        return max(0.0, c - h), min(1.0, c + h)


def _play_out(game: Any, red: str, blue: str, seed: int, belief: Side | None = None) -> Any:
    from wargame.bots.driver import bot_player, bot_seed
    from wargame.play import play_until
    from wargame.study.runner import make_bot

    if belief is not None:
        from wargame.bots.base import Oracle

        oracle = Oracle(game, belief)
        g = oracle.imagine(seed, guesses=oracle.enemy_setup())
    else:
        g = game.clone()
        g.umpire = False
        g.rng = random.Random(seed)
    bots = {Side.RED: make_bot({"name": red}, Side.RED, bot_seed(seed, Side.RED)),
            Side.BLUE: make_bot({"name": blue}, Side.BLUE, bot_seed(seed, Side.BLUE))}
    problems: list = []
    play_until(g, {s: bot_player(bots[s], None, problems) for s in Side})
    return g


def _one(args: tuple[str, str, int]) -> tuple[float | None, dict[str, int | None]]:
    red, blue, seed = args
    g = _play_out(_GAME["game"], red, blue, seed, _GAME.get("belief"))
    return (g.result.measure_hours if g.result else None), {c: g.measure.get(c) for c in g.scenario.victory.measure}


def forecast(game: Any, rollouts: int = 200, red: str = "operational", blue: str = "operational", seed: int = 1,
             workers: int = 1, hours: tuple[int, ...] | None = None,
             progress: Callable[[int, int], None] | None = None, belief: Side | None = None) -> Forecast:
    """Play `rollouts` games on from `game` (left untouched) and count how they end; from the true
    position, or from what `belief`'s side believes (see the module's docstring)."""
    sc = game.scenario
    cap = sc.clock.length_turns * sc.clock.turn_hours
    start = game.hour
    if hours is None:
        hours = tuple(h for h in (24, 36, 48, 60, 72, 96, 120, 168, cap) if start <= h <= cap)
    if game.over:
        ended = game.result.measure_hours if game.result else None
        results = [(ended, {c: game.measure.get(c) for c in sc.victory.measure})] * rollouts
    else:
        _GAME["game"] = game
        _GAME["belief"] = belief
        jobs = [(red, blue, rollout_seed(seed, i)) for i in range(rollouts)]
        results = []
        if workers <= 1:
            for j in jobs:
                results.append(_one(j))
                if progress:
                    progress(len(results), rollouts)
        else:
            method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
            if method != "fork":
                workers = 1  # the position lives in this process's memory
            with ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context(method)) as pool:
                for r in pool.map(_one, jobs, chunksize=max(1, rollouts // (4 * workers))):
                    results.append(r)
                    if progress:
                        progress(len(results), rollouts)
    measure = sorted(cap if m is None else float(m) for m, _ in results)
    by_city = {c: [r[1][c] for r in results] for c in sc.victory.measure}
    n = max(1, len(results))
    chance = {c: [sum(1 for x in v if x is not None and x <= h) / n for h in hours] for c, v in by_city.items()}
    chance["any"] = [sum(1 for m, _ in results if m is not None and m <= h) / n for h in hours]
    return Forecast(len(results), start, cap, measure, by_city, tuple(hours), chance)
