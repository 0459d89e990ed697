from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
TINY_STUDY = DATA / "tiny-study.yaml"


@pytest.fixture(scope="session")
def tiny_study():
    from wargame.study.spec import load_study

    return load_study(TINY_STUDY)


def write_study(tmp_path: Path, body: str, name: str = "s.yaml") -> Path:
    """A study file in tmp_path whose scenario is the tiny fixture."""
    scen = (Path(__file__).parents[1] / "fixtures" / "tiny" / "scenarios" / "tiny.yaml").resolve()
    p = tmp_path / name
    p.write_text(body.replace("SCENARIO", str(scen)), encoding="utf-8")
    return p
