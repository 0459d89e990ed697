"""A game played one action at a time: the part the PettingZoo and Gymnasium envs share.

The session owns a `Game` and, for the side whose phase it is, a `Planner` built from that side's
`View` and an `Oracle` (so the mask never uses what the side cannot see). Move and air orders are
staged in the game as they are chosen (`Game.stage`); END stages the planned attacks and commits
the phase (`Game.commit`), so the game's own log, save and replay hold the episode like any game.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from wargame.bots.base import Oracle, load_bot
from wargame.bots.driver import BotProblem, ask, bot_seed
from wargame.data.scenario import load_scenario
from wargame.game import Game
from wargame.model.scenario import Scenario
from wargame.model.units import Side

from .layout import END, ActionLayout, Spec
from .observe import Encoder, encode
from .planner import Planner
from .rewards import make_reward

#: environment version: bump when dynamics, spaces or rewards change (docs/env.md, "Versions")
ENV_VERSION = 1


def scenario_of(scenario: str | Path | Scenario) -> Scenario:
    return scenario if isinstance(scenario, Scenario) else load_scenario(scenario)


class Session:
    def __init__(self, scenario: str | Path | Scenario = "incursion-2016", reward: Any = "rand", packet: int = 4):
        self.scenario = scenario_of(scenario)
        self.reward_spec = reward
        probe = Game(self.scenario, seed=0)
        self.spec = Spec.of(probe, packet=packet)
        self.layout = ActionLayout(self.spec, probe.index)
        self.encoders = {s: Encoder(self.layout, s, probe.allowed[s], self.scenario.victory.measure) for s in Side}
        self.game: Game = probe
        self.planner: Planner | None = None
        self.reward = make_reward(reward)
        self.steps = 0
        self.problems: list[BotProblem] = []
        self._view_cache: dict[Side, tuple[tuple, Any]] = {}

    # --- episodes -----------------------------------------------------------------------------------

    def reset(self, seed: int) -> None:
        self.game = Game(self.scenario, seed=int(seed))
        self.reward.reset(self.game)
        self.steps = 0
        self.problems = []
        self._view_cache = {}
        self._new_phase()

    def _new_phase(self) -> None:
        g = self.game
        self._view_cache = {}
        if g.over:
            self.planner = None
            return
        side = g.active_side
        assert side is not None  # the game is not over
        self.planner = Planner(self.layout, side, g.view(side), Oracle(g, side), self._stager(side))

    def _stager(self, side: Side):
        def stage(order) -> None:
            why = self.game.stage(side, order)
            if why is not None:  # the mask offered an order the game refuses: a bug, say so loudly
                raise RuntimeError(f"the env's mask allowed an order the game refuses: {order}: {why}")
        return stage

    @property
    def active(self) -> Side | None:
        return self.game.active_side

    def mask(self, side: Side) -> np.ndarray:
        if self.planner is None or self.planner.side is not side:
            return np.zeros(self.layout.n, dtype=np.int8)
        return self.planner.mask

    def step(self, action: int) -> str | None:
        """Carry out one action of the active side. Returns None, or why it was refused (the state
        is then unchanged)."""
        p = self.planner
        if p is None:
            return "the game is over"
        a = int(action)
        if not p.legal(a):
            what = self.layout.describe(a, p.side) if 0 <= a < self.layout.n else "out of range"
            return f"action {a} is not legal now ({what})"
        self.steps += 1
        if a == END:
            for order in p.finish():
                p.stage(order)
            self.game.commit(p.side)
            self._new_phase()
        else:
            p.apply(a)  # the view stays: staging changes nothing a View shows but `staged`, unused here
        return None

    def play_bot(self, bot: Any, side: Side, time_limit: float | None = None) -> None:
        """Let a bot play `side`'s phases until it is another side's turn or the game ends."""
        g = self.game
        while not g.over and g.active_side is side:
            g.submit(side, ask(bot, g, side, time_limit, self.problems))
        self._new_phase()

    def rewards(self) -> dict[Side, float]:
        return {s: float(self.reward(self.game, s)) for s in Side}

    # --- observations ---------------------------------------------------------------------------------

    def view(self, side: Side):
        g = self.game
        key = (g.turn, g.phase_index, len(g.events), g.over)
        got = self._view_cache.get(side)
        if got is None or got[0] != key:
            got = self._view_cache[side] = (key, g.view(side))
        return got[1]

    def observe(self, side: Side) -> dict[str, np.ndarray]:
        p = self.planner if self.planner is not None and self.planner.side is side else None
        return encode(self.encoders[side], self.view(side), p)

    # --- copies and saves -----------------------------------------------------------------------------

    def clone(self) -> Session:
        """An independent copy for search: the game (Game.clone), the plan, the reward's memory."""
        import copy

        s = Session.__new__(Session)
        s.__dict__.update(self.__dict__)
        s.game = self.game.clone()
        s.reward = copy.deepcopy(self.reward)
        s.problems = list(self.problems)
        s._view_cache = {}
        if self.planner is not None:
            side = self.planner.side
            s.planner = self.planner.copy(Oracle(s.game, side), s._stager(side))
        return s

    def save(self, path: str | Path) -> Path:
        """A save file of the episode so far (its committed phases), for `wargame replay`."""
        return self.game.to_save(path)


def opponent_bot(name_or_bot: Any, side: Side, seed: int) -> Any:
    return load_bot(name_or_bot, side, bot_seed(seed, side)) if isinstance(name_or_bot, str) else name_or_bot
