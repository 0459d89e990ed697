import numpy as np
import pytest

from wargame.env import Session, make_reward
from wargame.env.rewards import Sum
from wargame.model.units import Side

from .conftest import random_actions


@pytest.mark.parametrize("name", ["rand", "winner", "losses", "cities", "rand+0.1*losses"])
def test_rewards_are_zero_sum_and_bounded(tiny_scenario, name):
    ses = Session(tiny_scenario, reward=name)
    ses.reset(4)
    rng = np.random.default_rng(4)
    total = {s: 0.0 for s in Side}
    while not ses.game.over:
        random_actions(ses, rng, 1)
        r = ses.rewards()
        assert r[Side.RED] == pytest.approx(-r[Side.BLUE])
        for s in Side:
            total[s] += r[s]
    assert -1.1 - 1e-9 <= total[Side.RED] <= 1.1 + 1e-9


def test_rand_measure_pays_at_the_end_only(tiny_scenario):
    ses = Session(tiny_scenario, reward="rand")
    ses.reset(6)
    rng = np.random.default_rng(6)
    paid = []
    while not ses.game.over:
        random_actions(ses, rng, 1)
        paid.append((ses.game.over, ses.rewards()[Side.RED]))
    assert all(r == 0.0 for over, r in paid if not over)
    h = ses.game.result.measure_hours
    total = tiny_scenario.clock.length_turns * tiny_scenario.clock.turn_hours
    assert paid[-1][1] == pytest.approx(-1.0 if h is None else 1 - 2 * h / total)


def test_reward_names():
    assert isinstance(make_reward("rand+0.5*cities"), Sum)
    with pytest.raises(ValueError, match="unknown reward 'score'"):
        make_reward("score")
    with pytest.raises(ValueError, match="not a number"):
        make_reward("x*losses")
