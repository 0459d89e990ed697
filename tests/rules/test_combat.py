"""Combat: odds columns, each shift, the CRT, losses, retreat (blocked), advance, the preview."""

from collections import Counter

import pytest

from tests.rules.conftest import H, to_phase
from wargame.game import Game
from wargame.model.units import Side
from wargame.orders import Attack, Move
from wargame.rules.combat import parse_result


def red_combat_with_r1_at(game, hex_id):
    to_phase(game, "movement", Side.RED)
    game.place(game.units["r1"], H(hex_id))
    game.submit(Side.RED, [])
    assert game.phase == "combat" and game.active_side is Side.RED


def test_odds_column_and_probabilities(game):
    red_combat_with_r1_at(game, "0402")
    a = game.preview(Attack("0302", ("r1",)))
    assert (a.attack, a.defence) == (6, 4)          # the tiny board's tank 6 against infantry 4
    assert a.odds == "1.5:1" and a.column_name == "3:2" and a.shifts == []
    assert sum(a.probabilities.values()) == pytest.approx(1.0)
    col = game.tables.columns.index("3:2")
    expected = Counter(game.tables.crt[r][col] for r in range(1, 7))
    assert a.probabilities == pytest.approx({k: v / 6 for k, v in expected.items()})


@pytest.mark.parametrize("red_steps,blue_steps,column", [
    ({"r1": 1}, {"b1": 2, "b2": 2}, "1:3"),        # 2 : 8, below the lowest column falls to it
    ({"r1": 2}, {"b1": 2, "b2": 2}, "1:2"),        # 4 : 8
    ({"r1": 3}, {"b1": 2, "b2": 1}, "1:1"),        # 6 : 6
    ({"r1": 3}, {"b1": 2}, "3:2"),                 # 6 : 4
    ({"r1": 3, "r2": 1}, {"b1": 2}, "2:1"),        # 8 : 4
    ({"r1": 3, "r2": 3}, {"b1": 2}, "3:1"),        # 12 : 4
    ({"r1": 3, "r2": 1}, {"b1": 1}, "4:1"),        # 8 : 2
    ({"r1": 3, "r2": 2}, {"b1": 1}, "5:1"),        # 10 : 2
    ({"r1": 3, "r2": 3, "r4": 3}, {"b1": 1}, "6:1"),  # 18 : 2, above the highest column is capped
])
def test_each_odds_column(game, red_steps, blue_steps, column):
    red_combat_with_r1_at(game, "0402")
    places = {"r1": "0402", "r2": "0402", "r4": "0403"}
    for uid, steps in red_steps.items():
        game.units[uid].steps = steps
        game.place(game.units[uid], H(places[uid]))
    for uid, steps in blue_steps.items():
        game.units[uid].steps = steps
        game.place(game.units[uid], H("0302"))
    a = game.preview(Attack("0302", tuple(red_steps)))
    assert a.shifts == [] and a.column_name == column


def test_terrain_river_dug_in_and_night_shifts(game):
    red_combat_with_r1_at(game, "0303")
    game.place(game.units["b2"], H("0202"))
    a = game.preview(Attack("0202", ("r1",)))
    assert ("urban terrain", -2) in a.shifts
    # across the Narva without a bridge: r2 at 0501 attacks 0401
    game.place(game.units["b1"], H("0401"))
    game.place(game.units["r2"], H("0501"))
    a = game.preview(Attack("0401", ("r2",)))
    assert ("attacking across a major river", -2) in a.shifts
    game.dug_in.add("b1")
    a = game.preview(Attack("0401", ("r2",)))
    assert ("defender dug in", -1) in a.shifts
    # night (turn 2)
    g2 = Game(game.scenario, seed=1)
    to_phase(g2, "combat", Side.RED)
    g2.submit(Side.RED, [])
    to_phase(g2, "combat", Side.RED)
    assert g2.night
    g2.place(g2.units["r1"], H("0402"))
    assert ("night", -1) in g2.preview(Attack("0302", ("r1",))).shifts


def test_bridge_halves_the_river_shift_and_several_sides_helps(game):
    red_combat_with_r1_at(game, "0502")
    game.place(game.units["b1"], H("0402"))
    a = game.preview(Attack("0402", ("r1",)))
    assert ("attacking across a major river by bridges", -1) in a.shifts
    for uid, hx in (("r2", "0403"), ("r4", "0401")):
        game.place(game.units[uid], H(hx))
    a = game.preview(Attack("0402", ("r1", "r2", "r4")))
    assert ("attack from several sides", 1) in a.shifts
    assert not any("river" in r for r, _ in a.shifts)  # r2 and r4 do not cross the river


def test_artillery_and_air_support(game):
    red_combat_with_r1_at(game, "0402")
    base = game.preview(Attack("0302", ("r1",)))
    game.place(game.units["r3"], H("0502"))
    a = game.preview(Attack("0302", ("r1",), support=("r3",)))
    assert a.attack == base.attack + game.units["r3"].type.support
    assert game.legal(Side.RED, Attack("0302", ("r1",), cas=99)).startswith("99 close-air-support sorties asked")
    a = game.preview(Attack("0302", ("r1",), cas=8))
    assert any(r.startswith("close air support") and n == 2 for r, n in a.shifts)  # no Blue SAMs: all get through


def test_results_codes():
    assert parse_result("NE") == (0, 0, 0)
    assert parse_result("EX") == (1, 1, 0)
    assert parse_result("A2") == (2, 0, 0)
    assert parse_result("D2R2") == (0, 2, 2)
    with pytest.raises(ValueError):
        parse_result("X9")


def test_losses_retreat_and_advance(game):
    red_combat_with_r1_at(game, "0402")
    from wargame.rules import combat
    a = combat.assess(game, Side.RED, Attack("0302", ("r1",)))
    events = combat.apply(game, a, Attack("0302", ("r1",)), 6, "D1R1", 0)
    kinds = [e.kind for e in events]
    assert kinds[:2] == ["combat", "step_lost"]
    assert game.units["b1"].steps == 1
    assert "retreated" in kinds and game.units["b1"].hex != H("0302")
    assert "advanced" in kinds and game.units["r1"].hex == H("0302")


def test_blocked_retreat_costs_a_step(game):
    red_combat_with_r1_at(game, "0402")
    from wargame.rules import combat
    # surround b2 in Tallinn (0202): sea to the west; red units or zones of control everywhere else
    b2 = game.units["b2"]
    game.place(game.units["b1"], None)
    for uid, hx in (("r1", "0302"), ("r2", "0203"), ("r3", "0201")):
        game.place(game.units[uid], H(hx))
    game.units["b2"].steps = 2
    a = combat.assess(game, Side.RED, Attack("0202", ("r1", "r2")))
    events = combat.apply(game, a, Attack("0202", ("r1", "r2"), advance=False), 6, "D1R1", 0)
    assert [e.cause for e in events if e.kind == "step_lost"] == ["defending 0202", "retreat blocked"]
    assert not b2.alive and b2.hex is None


def test_umpire_accept_reroll_replace(tiny_scenario):
    g = Game(tiny_scenario, seed=3, umpire=True)
    to_phase(g, "movement", Side.RED)
    g.submit(Side.RED, [Move("r1", ("0502", "0402"))])
    g.submit(Side.RED, [Attack("0302", ("r1",))])
    assert g.pending is not None and g.phase == "combat"
    with pytest.raises(ValueError, match="waiting for the umpire"):
        g.submit(Side.RED, [])
    proposed = g.pending.result
    ev = g.decide(__import__("wargame.game", fromlist=["Decision"]).Decision("replace", "NE", "the bridge was blown"))
    ruled = [e for e in ev if e.kind == "umpire"][0]
    assert (ruled.original, ruled.result, ruled.note) == (proposed, "NE", "the bridge was blown")
    assert [e for e in ev if e.kind == "combat"][0].result == "NE"
    assert g.units["b1"].steps == 2 and g.phase == "movement"
    assert g.decisions == [{"action": "replace", "result": "NE", "note": "the bridge was blown"}]


def test_crt_frequencies_match_the_table(tiny_scenario):
    """Over a fixed-seed sample the observed results match the table's probabilities."""
    counts: Counter = Counter()
    n = 600
    for seed in range(n):
        g = Game(tiny_scenario, seed=seed)
        to_phase(g, "movement", Side.RED)
        g.submit(Side.RED, [Move("r1", ("0502", "0402"))])
        ev = g.submit(Side.RED, [Attack("0302", ("r1",), advance=False)])
        counts[[e for e in ev if e.kind == "combat"][0].result] += 1
    probs = Game(tiny_scenario, seed=0)
    to_phase(probs, "movement", Side.RED)
    probs.submit(Side.RED, [Move("r1", ("0502", "0402"))])
    expected = probs.preview(Attack("0302", ("r1",))).probabilities
    for code, p in expected.items():
        sd = (p * (1 - p) / n) ** 0.5
        assert abs(counts[code] / n - p) < 4 * sd, (code, counts[code] / n, p)
    assert set(counts) <= set(expected)
