from pathlib import Path

import pytest

from wargame.data.scenario import load_scenario

TINY_CRISIS = Path(__file__).resolve().parent.parent / "fixtures" / "tiny" / "scenarios" / "tiny-crisis.yaml"


@pytest.fixture(scope="session")
def crisis_scenario():
    return load_scenario(TINY_CRISIS)
