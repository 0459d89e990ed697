"""The umpire's forecast: rollouts from a copy of a position, reproducible, the game untouched."""

from __future__ import annotations

from wargame.bots.base import load_bot
from wargame.bots.driver import ask
from wargame.cli import main
from wargame.game import Game
from wargame.model.units import Side
from wargame.study.forecast import forecast

from .conftest import DATA


def mid_game():
    from wargame.data.scenario import load_scenario

    sc = load_scenario(DATA.parent.parent / "fixtures" / "tiny" / "scenarios" / "tiny.yaml")
    g = Game(sc, seed=5)
    bots = {s: load_bot("random", s, 1) for s in Side}
    for _ in range(3):  # a few phases in
        g.submit(g.active_side, ask(bots[g.active_side], g, g.active_side, None, []))
    assert not g.over
    return g


def test_forecast_is_reproducible_and_leaves_the_game_alone():
    g = mid_game()
    digest, n = g.events_digest(), len(g.events)
    a = forecast(g, rollouts=6, red="operational", blue="random", seed=2)
    b = forecast(g, rollouts=6, red="operational", blue="random", seed=2, workers=2)
    assert g.events_digest() == digest and len(g.events) == n and not g.over
    assert a.measure == b.measure and a.chance == b.chance and a.rollouts == 6
    assert set(a.chance) == {"Tallinn", "any"} and all(0 <= p <= 1 for v in a.chance.values() for p in v)
    assert all(x == sorted(x) for x in [a.measure]) and all(a.start_hour <= h for h in a.hours)
    assert list(a.chance["any"]) == sorted(a.chance["any"])  # a share by H+x never falls as x grows
    lo, hi = a.interval(0.5)
    assert 0 < lo < 0.5 < hi < 1


def test_cli_forecast(tmp_path, capsys):
    g = mid_game()
    save = g.to_save(tmp_path / "g.json")
    tiny = str(DATA.parent.parent / "fixtures" / "tiny" / "scenarios" / "tiny.yaml")
    assert main(["forecast", str(save), "--rollouts", "4", "--workers", "1"]) == 2   # tiny is not in the data folder
    assert main(["forecast", str(save), "--rollouts", "4", "--workers", "1", "--scenario", tiny]) == 0
    assert "Umpire's forecast" in capsys.readouterr().out
    assert main(["forecast", str(save), "--rollouts", "4", "--workers", "1", "--scenario", tiny, "--belief", "blue",
                 "--red", "operational"]) == 0
    assert "Blue's forecast from turn" in capsys.readouterr().out
    assert main(["forecast", str(save), "--rollouts", "4", "--workers", "1", "--scenario", tiny]) == 0
    text = capsys.readouterr().out
    assert "Umpire's forecast" in text and "4 rollouts" in text and "Tallinn" in text
    assert main(["forecast", str(save), "--red", "pkg.mod:Evil"]) == 2
    assert main(["forecast", str(tmp_path / "missing.json")]) == 2


def test_a_sides_forecast_does_not_depend_on_what_it_cannot_see():
    """From Blue's belief, moving a Red unit Blue does not see (and its strength) changes nothing."""
    from wargame.rules.fog import detected

    g = mid_game()
    a = forecast(g, rollouts=4, red="operational", blue="operational", seed=3, belief=Side.BLUE)
    seen = detected(g, Side.BLUE)
    hidden = [u for u in g.units_of(Side.RED) if u.hex not in seen]
    assert hidden, "the fixture should have a Red unit out of Blue's sight"
    u = hidden[0]
    free = sorted(h for h in g.allowed[Side.RED] if h not in seen and not g.units_at(h) and h != u.hex)
    g.place(u, free[-1])
    u.steps = 1
    b = forecast(g, rollouts=4, red="operational", blue="operational", seed=3, belief=Side.BLUE)
    assert (a.measure, a.chance) == (b.measure, b.chance)
    true = forecast(g, rollouts=4, red="operational", blue="operational", seed=3)
    assert true.rollouts == 4 and "RAND measure over 4 rollouts" in true.lines()[0]
