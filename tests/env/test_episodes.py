"""Seeded episodes repeat exactly, save and replay like any game, and copy for search."""

import subprocess
import sys

import numpy as np

from wargame.env import Session, aec_env, gym_env
from wargame.game import replay
from wargame.saves import read_save

from .conftest import random_actions


def test_reset_with_a_seed_repeats_the_episode(tiny_scenario):
    a, b = Session(tiny_scenario), Session(tiny_scenario)
    a.reset(11)
    b.reset(11)
    rng = np.random.default_rng(0)
    while not a.game.over:
        assert np.array_equal(a.mask(a.active), b.mask(b.active))
        side = a.active
        assert all(np.array_equal(x, y) for x, y in zip(a.observe(side).values(), b.observe(side).values()))
        act = int(rng.choice(np.flatnonzero(a.mask(a.active))))
        assert a.step(act) is None and b.step(act) is None
    assert b.game.over and a.game.events_digest() == b.game.events_digest()


def test_aec_reset_seed_is_the_game_seed_and_observations_repeat(tiny_scenario):
    env = aec_env(tiny_scenario)
    env.reset(seed=42)
    assert env.game.seed == 42
    first = env.observe(env.agent_selection)
    env.step(int(np.flatnonzero(first["action_mask"])[-1]))
    env.reset(seed=42)
    again = env.observe(env.agent_selection)
    assert all(np.array_equal(first[k], again[k]) for k in first)


def test_gym_episode_against_a_bot_repeats(tiny_scenario):
    def episode():
        env = gym_env(tiny_scenario, side="blue", opponent="random")
        obs, info = env.reset(seed=9)
        rng = np.random.default_rng(1)
        total, done = 0.0, False
        while not done:
            a = int(rng.choice(np.flatnonzero(env.action_masks())))
            obs, r, term, trunc, info = env.step(a)
            total += r
            done = term or trunc
        return env.game.events_digest(), total

    assert episode() == episode()


def test_an_episode_saves_and_replays_identically(tiny_scenario, tmp_path):
    env = aec_env(tiny_scenario)
    env.reset(seed=5)
    random_actions(env.session, np.random.default_rng(5), 10_000)
    path = env.save(tmp_path / "episode.json")
    game, problems = replay(read_save(path), tiny_scenario)
    assert problems == [] and game.events_digest() == env.game.events_digest()
    from tests.env.conftest import TINY  # a scenario outside the data folder is named on the command line

    r = subprocess.run([sys.executable, "-m", "wargame", "replay", str(path), "--scenario", str(TINY)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Replay matches the record" in r.stdout


def test_a_clone_goes_its_own_way_and_repeats_the_original(tiny_scenario):
    ses = Session(tiny_scenario)
    ses.reset(3)
    rng = np.random.default_rng(3)
    while not (ses.game.phase == "movement" and ses.planner.orders):
        random_actions(ses, rng, 1)  # stop in a movement phase with a move staged
    twin = ses.clone()
    digest = ses.game.events_digest()
    staged = ses.game.staged
    random_actions(twin, np.random.default_rng(77), 10_000)
    assert ses.game.events_digest() == digest and ses.game.staged == staged and not ses.game.over
    twin2 = ses.clone()
    acts = random_actions(ses, np.random.default_rng(8), 10_000)
    for a in acts:
        assert twin2.step(a) is None
    assert twin2.game.events_digest() == ses.game.events_digest()


def test_envs_deepcopy_through_clone(tiny_scenario):
    import copy

    env = gym_env(tiny_scenario, side="red", opponent="random")
    env.reset(seed=2)
    twin = copy.deepcopy(env)
    a = int(np.flatnonzero(env.action_masks())[-1])
    env.step(a)
    twin.step(a)
    assert env.game.events_digest() == twin.game.events_digest()
    assert env.game is not twin.game
