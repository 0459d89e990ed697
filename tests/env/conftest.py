from pathlib import Path

import numpy as np
import pytest

TINY = Path(__file__).resolve().parent.parent / "fixtures" / "tiny" / "scenarios" / "tiny.yaml"


@pytest.fixture(scope="session")
def tiny_scenario():
    from wargame.data.scenario import load_scenario

    return load_scenario(TINY)


def random_actions(session, rng: np.random.Generator, n: int) -> list[int]:
    """Play up to n random legal actions; returns them."""
    out = []
    while not session.game.over and len(out) < n:
        a = int(rng.choice(np.flatnonzero(session.mask(session.active))))
        assert session.step(a) is None
        out.append(a)
    return out
