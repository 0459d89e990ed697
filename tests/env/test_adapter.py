"""A policy plays as a bot through the same planner and masks, from View and Oracle only."""

import json

import pytest

from wargame.bots.driver import play_game
from wargame.env import Session, Spec
from wargame.env.adapter import PolicyBot
from wargame.model.units import Side


def test_a_policy_bot_plays_whole_games_without_a_refused_order(tiny_scenario):
    spec = Session(tiny_scenario).spec
    for seed in range(3):
        played = play_game(
            tiny_scenario, seed, red=PolicyBot(Side.RED, seed, spec), blue=PolicyBot(Side.BLUE, seed, spec)
        )
        assert played.problems == [] and played.game.over and played.orders > 0
        assert not [e for e in played.game.events if type(e).__name__ == "OrderRejected"]


def test_the_layout_travels_as_json(tiny_scenario):
    spec = Session(tiny_scenario).spec
    back = Spec.from_dict(json.loads(json.dumps(spec.to_dict())))
    assert back == spec
    with pytest.raises(ValueError, match="layout version"):
        Spec.from_dict({**spec.to_dict(), "version": 99})


def test_a_layout_from_another_scenario_is_refused_plainly(tiny_scenario):
    spec = Session(tiny_scenario).spec
    other = Spec(**{**spec.__dict__, "slots": {"red": ("x",), "blue": ("y",)}})
    played = play_game(tiny_scenario, 0, red=PolicyBot(Side.RED, 0, other), blue="passive")
    assert played.problems and "not in its layout" in played.problems[0].problem
