"""Learning environments over the real game: PettingZoo (AEC, both sides) and Gymnasium (one side
against a bot), with fog-filtered observations and masks of legal actions (docs/env.md).

Needs the `rl` extra (numpy, gymnasium, pettingzoo); `import wargame` never imports this package.

    from wargame.env import aec_env, gym_env
    env = gym_env("incursion-2016", side="red", opponent="operational")

Also registered with Gymnasium as `wargame/BalticWargame-v1` (`gymnasium.make(..., scenario=...)`).
"""

from __future__ import annotations

from .aec import WargameAEC, aec_env
from .layout import COUNTER_AIR, END, HEX_ROWS, ActionLayout, Spec
from .observe import GLOBALS, PLANES, UNIT_FEATURES, Encoder
from .planner import Planner
from .rewards import make_reward
from .session import ENV_VERSION, Session
from .single import WargameGym, gym_env

__all__ = ["WargameAEC", "WargameGym", "aec_env", "gym_env", "Session", "Planner", "Encoder", "ActionLayout",
           "Spec", "make_reward", "ENV_VERSION", "END", "COUNTER_AIR", "HEX_ROWS", "PLANES", "GLOBALS",
           "UNIT_FEATURES"]


def _register() -> None:
    from gymnasium.envs.registration import register, registry

    env_id = f"wargame/BalticWargame-v{ENV_VERSION}"
    if env_id not in registry:
        register(id=env_id, entry_point="wargame.env.single:WargameGym", disable_env_checker=True)


_register()
