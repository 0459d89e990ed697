"""The two API checkers the RL libraries rely on, on the tiny fixture scenario."""

import gymnasium
import pytest
from gymnasium.utils.env_checker import check_env
from pettingzoo.test import api_test

from wargame.env import ENV_VERSION, WargameGym, aec_env, gym_env


# advice the checker gives every env with dict observations and named agents (chess gets it too)
@pytest.mark.filterwarnings("ignore:Observation space for each agent probably")
@pytest.mark.filterwarnings("ignore:We recommend agents to be named")
@pytest.mark.filterwarnings("ignore:Observation is not a NumPy array")
def test_pettingzoo_api(tiny_scenario):
    api_test(aec_env(tiny_scenario), num_cycles=300)


def test_gymnasium_checker_both_sides(tiny_scenario):
    for side in ("red", "blue"):
        check_env(gym_env(tiny_scenario, side=side, opponent="random"), skip_render_check=True)


def test_registered_with_gymnasium(tiny_scenario):
    env = gymnasium.make(f"wargame/BalticWargame-v{ENV_VERSION}", scenario=tiny_scenario, opponent="passive")
    assert isinstance(env.unwrapped, WargameGym)
    obs, info = env.reset(seed=3)
    assert env.observation_space.contains(obs) and info["action_mask"].any()


def test_both_sides_share_one_action_space(tiny_scenario):
    env = aec_env(tiny_scenario)
    assert env.action_space("red") == env.action_space("blue")
    assert env.observation_space("red") == env.observation_space("blue")
