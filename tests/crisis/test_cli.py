"""`wargame crisis`: a crisis played by bots and printed day by day (wargame/crisis/cli.py)."""

from pathlib import Path

from wargame.cli import main

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "tiny" / "scenarios"


def test_the_crisis_command_prints_every_day_and_the_outcome(capsys):
    assert main(["crisis", str(FIX / "tiny-crisis.yaml"), "--seed", "3", "--war"]) == 0
    out = capsys.readouterr().out
    assert "Day D-" in out and "Outcome: " in out and "warning gained" in out
    assert ("The war that followed" in out) or ("No war followed." in out)
    again = main(["crisis", str(FIX / "tiny-crisis.yaml"), "--seed", "3", "--war"])
    assert again == 0 and capsys.readouterr().out == out  # the same seed, the same crisis


def test_a_scenario_without_a_crisis_is_refused(capsys):
    assert main(["crisis", str(FIX / "tiny.yaml")]) == 2
    assert "has no crisis phase" in capsys.readouterr().err
