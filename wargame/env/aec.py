"""The PettingZoo AEC environment: two agents, "red" and "blue", taking turns by the game's phases.

    from wargame.env import aec_env
    env = aec_env("incursion-2016")
    env.reset(seed=7)
    for agent in env.agent_iter():
        obs, reward, terminated, truncated, info = env.last()
        action = None if terminated or truncated else env.action_space(agent).sample(obs["action_mask"])
        env.step(action)

An agent acts for as many actions as its phase takes; END (action 0) hands the turn on. An action
the mask forbids changes nothing (info["illegal"] says why; `illegal_penalty` is added to the
reward), or raises with `illegal="raise"`.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import numpy as np
from gymnasium import spaces
from pettingzoo import AECEnv

from wargame.model.units import Side

from .session import ENV_VERSION, Session


class WargameAEC(AECEnv):
    metadata = {"name": f"baltic_wargame_v{ENV_VERSION}", "render_modes": [], "is_parallelizable": False}

    def __init__(self, scenario: Any = "incursion-2016", reward: Any = "rand", packet: int = 4,
                 max_steps: int | None = None, illegal: str = "ignore", illegal_penalty: float = 0.0):
        super().__init__()
        if illegal not in ("ignore", "raise"):
            raise ValueError(f"illegal must be 'ignore' or 'raise', not {illegal!r}")
        self.session = Session(scenario, reward, packet)
        self.max_steps = max_steps
        self.illegal = illegal
        self.illegal_penalty = float(illegal_penalty)
        self.possible_agents = [s.value for s in Side]
        self.agents = list(self.possible_agents)
        n = self.session.layout.n
        self.action_spaces = {a: spaces.Discrete(n) for a in self.possible_agents}
        self.observation_spaces = {}
        for s in Side:
            d = self.session.encoders[s].spaces()
            d["action_mask"] = spaces.Box(0, 1, (n,), dtype=np.int8)
            self.observation_spaces[s.value] = spaces.Dict(d)
        self._seeds = np.random.default_rng()
        self.seed_used: int | None = None
        self.rewards = {a: 0.0 for a in self.agents}
        self._cumulative_rewards = {a: 0.0 for a in self.agents}
        self.terminations = {a: False for a in self.agents}
        self.truncations = {a: False for a in self.agents}
        self.infos: dict[str, dict[str, Any]] = {a: {} for a in self.agents}
        self.agent_selection = self.agents[0]

    def observation_space(self, agent: str) -> spaces.Space:
        return self.observation_spaces[agent]

    def action_space(self, agent: str) -> spaces.Space:
        return self.action_spaces[agent]

    @property
    def game(self):
        return self.session.game

    # --- the AEC API --------------------------------------------------------------------------------

    def reset(self, seed: int | None = None, options: dict | None = None) -> None:
        if seed is not None:
            self._seeds = np.random.default_rng(seed)
            game_seed = int(seed)
        else:
            game_seed = int(self._seeds.integers(0, 2**31 - 1))
        self.seed_used = game_seed
        self.session.reset(game_seed)
        self.agents = list(self.possible_agents)
        self.rewards = {a: 0.0 for a in self.agents}
        self._cumulative_rewards = {a: 0.0 for a in self.agents}
        self.terminations = {a: False for a in self.agents}
        self.truncations = {a: False for a in self.agents}
        self.infos = {a: {} for a in self.agents}
        active = self.session.active
        self.agent_selection = active.value if active is not None else self.agents[0]

    def observe(self, agent: str) -> dict[str, np.ndarray]:
        side = Side(agent)
        obs = self.session.observe(side)
        obs["action_mask"] = self.session.mask(side).copy()
        return obs

    def step(self, action: Any) -> None:
        agent = self.agent_selection
        if self.terminations[agent] or self.truncations[agent]:
            self._was_dead_step(action)
            return
        self._cumulative_rewards[agent] = 0.0
        self.rewards = {a: 0.0 for a in self.agents}
        self.infos = {a: {} for a in self.agents}
        ses = self.session
        why = ses.step(action) if action is not None else "no action given"
        if why is not None:
            if self.illegal == "raise":
                raise ValueError(why)
            self.infos[agent] = {"illegal": why}
            self.rewards[agent] = self.illegal_penalty
        for s, r in ses.rewards().items():
            self.rewards[s.value] += r
        if ses.game.over:
            self.terminations = {a: True for a in self.agents}
        elif self.max_steps is not None and ses.steps >= self.max_steps:
            self.truncations = {a: True for a in self.agents}
        if ses.active is not None:
            self.agent_selection = ses.active.value
        self._accumulate_rewards()

    def render(self) -> None:
        return None

    def close(self) -> None:
        return None

    # --- beyond the API -------------------------------------------------------------------------------

    def action_mask(self, agent: str | None = None) -> np.ndarray:
        return self.session.mask(Side(agent or self.agent_selection)).copy()

    def describe(self, action: int, agent: str | None = None) -> str:
        return self.session.layout.describe(action, Side(agent or self.agent_selection))

    def clone(self) -> WargameAEC:
        """An independent copy (for search): what happens to it never touches this env."""
        e = WargameAEC.__new__(WargameAEC)
        e.__dict__.update(self.__dict__)
        e.session = self.session.clone()
        e._seeds = copy.deepcopy(self._seeds)
        for k in ("agents",):
            setattr(e, k, list(getattr(self, k)))
        for k in ("rewards", "_cumulative_rewards", "terminations", "truncations"):
            setattr(e, k, dict(getattr(self, k)))
        e.infos = {a: dict(v) for a, v in self.infos.items()}
        return e

    def __deepcopy__(self, memo: dict) -> WargameAEC:
        return self.clone()

    def save(self, path: str | Path) -> Path:
        """Save the episode's committed phases as a game save (`wargame replay` checks it)."""
        return self.session.save(path)


def aec_env(scenario: Any = "incursion-2016", **kwargs: Any) -> WargameAEC:
    """The PettingZoo AEC environment (keyword arguments as WargameAEC)."""
    return WargameAEC(scenario, **kwargs)
