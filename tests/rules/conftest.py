from pathlib import Path

import pytest

from tests.rules.boards import H, to_phase  # noqa: F401 - re-exported for the tests
from wargame.data.scenario import load_scenario
from wargame.game import Game

TINY = Path(__file__).resolve().parent.parent / "fixtures" / "tiny" / "scenarios" / "tiny.yaml"


@pytest.fixture(scope="session")
def tiny_scenario():
    return load_scenario(TINY)


@pytest.fixture
def game(tiny_scenario):
    return Game(tiny_scenario, seed=1)
