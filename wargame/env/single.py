"""The Gymnasium environment: one side, played action by action, against a built-in bot (or any bot
object) that plays the other side's phases between the agent's.

    from wargame.env import gym_env
    env = gym_env("incursion-2016", side="red", opponent="operational")
    obs, info = env.reset(seed=7)
    obs, reward, terminated, truncated, info = env.step(env.action_space.sample(mask=env.action_masks()))

The mask is `env.action_masks()` (the method sb3-contrib's MaskablePPO reads) and `info["action_mask"]`;
it is left out of the observation so that a policy network does not take ~10^4 mask inputs.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import gymnasium
import numpy as np
from gymnasium import spaces

from wargame.model.units import Side

from .session import ENV_VERSION, Session, opponent_bot


class WargameGym(gymnasium.Env):
    metadata = {"render_modes": [], "name": f"BalticWargame-v{ENV_VERSION}"}

    def __init__(self, scenario: Any = "incursion-2016", side: str | Side = "red", opponent: Any = "operational",
                 reward: Any = "rand", packet: int = 4, max_steps: int | None = None,
                 illegal: str = "ignore", illegal_penalty: float = 0.0, bot_time_limit: float | None = None):
        if illegal not in ("ignore", "raise"):
            raise ValueError(f"illegal must be 'ignore' or 'raise', not {illegal!r}")
        self.side = Side(side)
        self.opponent_spec = opponent
        self.session = Session(scenario, reward, packet)
        self.max_steps = max_steps
        self.illegal = illegal
        self.illegal_penalty = float(illegal_penalty)
        self.bot_time_limit = bot_time_limit
        self.action_space = spaces.Discrete(self.session.layout.n)
        self.observation_space = spaces.Dict(self.session.encoders[self.side].spaces())
        self.opponent: Any = None
        self.seed_used: int | None = None

    @property
    def game(self):
        return self.session.game

    def _run_opponent(self) -> None:
        ses = self.session
        other = self.side.other
        while not ses.game.over and ses.active is other:
            ses.play_bot(self.opponent, other, self.bot_time_limit)

    def _info(self, **extra: Any) -> dict[str, Any]:
        g = self.session.game
        return {"action_mask": self.action_masks(), "turn": g.turn, "phase": g.phase, **extra}

    def reset(self, *, seed: int | None = None, options: dict | None = None):
        super().reset(seed=seed)
        game_seed = int(seed) if seed is not None else int(self.np_random.integers(0, 2**31 - 1))
        self.seed_used = game_seed
        self.session.reset(game_seed)
        self.opponent = opponent_bot(self.opponent_spec, self.side.other, game_seed)
        self._run_opponent()
        return self.session.observe(self.side), self._info()

    def step(self, action: Any):
        ses = self.session
        if ses.game.over:
            raise RuntimeError("the episode is over: call reset()")
        why = ses.step(action)
        extra: dict[str, Any] = {}
        reward = 0.0
        if why is not None:
            if self.illegal == "raise":
                raise ValueError(why)
            extra["illegal"] = why
            reward += self.illegal_penalty
        self._run_opponent()
        rewards = ses.rewards()
        reward += rewards[self.side]
        terminated = ses.game.over
        truncated = not terminated and self.max_steps is not None and ses.steps >= self.max_steps
        return ses.observe(self.side), float(reward), bool(terminated), bool(truncated), self._info(**extra)

    def action_masks(self) -> np.ndarray:
        """The legal actions now, as booleans (sb3-contrib's MaskablePPO asks for this)."""
        return self.session.mask(self.side).astype(bool)

    def describe(self, action: int) -> str:
        return self.session.layout.describe(action, self.side)

    def clone(self) -> WargameGym:
        """An independent copy for search (the game, the plan, and the opponent bot's memory)."""
        e = WargameGym.__new__(WargameGym)
        e.__dict__.update(self.__dict__)
        e.session = self.session.clone()
        e.opponent = copy.deepcopy(self.opponent)
        if self._np_random is not None:
            e._np_random = copy.deepcopy(self._np_random)
        return e

    def __deepcopy__(self, memo: dict) -> WargameGym:
        return self.clone()

    def save(self, path: str | Path) -> Path:
        return self.session.save(path)


def gym_env(scenario: Any = "incursion-2016", **kwargs: Any) -> WargameGym:
    """The Gymnasium environment (keyword arguments as WargameGym)."""
    return WargameGym(scenario, **kwargs)
