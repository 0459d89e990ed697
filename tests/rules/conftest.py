from pathlib import Path

import pytest

from wargame.data.scenario import load_scenario
from wargame.game import Game
from wargame.hexgrid import parse_hex_id
from wargame.model.units import Side

TINY = Path(__file__).resolve().parent.parent / "fixtures" / "tiny" / "scenarios" / "tiny.yaml"


@pytest.fixture(scope="session")
def tiny_scenario():
    return load_scenario(TINY)


@pytest.fixture
def game(tiny_scenario):
    return Game(tiny_scenario, seed=1)


def H(text: str):
    return parse_hex_id(text)


def to_phase(game: Game, phase: str, side: Side) -> None:
    """Pass phases (no orders) until it is `side`'s `phase`."""
    for _ in range(20):
        if game.phase == phase and game.active_side is side:
            return
        game.submit(game.active_side, [])
    raise AssertionError(f"never reached {side.value} {phase}")
