"""Movement rules, one test per rule (docs/rules.md, Movement)."""

from dataclasses import replace

import pytest

from tests.rules.conftest import H, to_phase
from wargame.data.tables import load_tables
from wargame.game import Game
from wargame.model.units import Side
from wargame.orders import Move


def test_terrain_road_and_river_costs_come_from_the_table(game):
    t = load_tables()
    edges = game.terrain.edges
    cost = lambda m, a, b: dict(edges[m][H(a)])[H(b)]  # noqa: E731
    assert cost("tracked", "0603", "0703") == t.terrain_cost["tracked"]["mixed"] == 3
    assert cost("wheeled", "0603", "0703") == t.terrain_cost["wheeled"]["mixed"]
    assert cost("foot", "0302", "0402") == 1 == t.road_cost          # along the road
    assert cost("tracked", "0502", "0402") == 1                       # the road bridge over the Narva
    assert cost("tracked", "0501", "0401") == t.terrain_cost["tracked"]["clear"] + t.river_cost["major"]  # no bridge
    assert H("0503") not in dict(edges["tracked"][H("0603")])        # a lake hex is never entered


def test_move_along_road_and_stop_in_enemy_zoc(game):
    to_phase(game, "movement", Side.RED)
    reach = game.reachable("r1")
    assert reach[H("0502")] == 1 and reach[H("0402")] == 2
    assert H("0202") not in reach          # beyond b1's zone of control
    assert game.legal(Side.RED, Move("r1", ("0502", "0402", "0303"))) == "0402 is in an enemy zone of control: the move must end there"
    ev = game.submit(Side.RED, [Move("r1", ("0502", "0402"))])
    assert any(e.kind == "moved" and e.path == ("0602", "0502", "0402") and e.cost == 2 for e in ev)
    assert game.units["r1"].hex == H("0402")


def test_leaving_a_zone_of_control_costs_extra(game):
    to_phase(game, "movement", Side.RED)
    game.submit(Side.RED, [Move("r1", ("0502", "0402"))])
    to_phase(game, "movement", Side.RED)  # next turn
    t = game.tables
    reach = game.reachable("r1")
    # back east along the road: 1 MP plus the cost of leaving b1's zone of control
    assert reach[H("0502")] == t.road_cost + t.zoc_leave_cost


def test_cannot_enter_water_enemy_units_or_closed_countries(game):
    to_phase(game, "movement", Side.RED)
    assert "lake" in game.legal(Side.RED, Move("r2", ("0503",)))
    game.place(game.units["r2"], H("0705"))
    assert "FIN, closed to red" in game.legal(Side.RED, Move("r2", ("0706",)))
    game.place(game.units["r2"], H("0605"))
    assert "BLR, closed to red" in game.legal(Side.RED, Move("r2", ("0505",)))
    game.place(game.units["b1"], H("0604"))
    assert game.legal(Side.RED, Move("r2", ("0604",))) == "0604 holds enemy units"


def test_belarus_opens_to_red_when_the_scenario_says_so(tiny_scenario):
    params = dict(tiny_scenario.parameters, belarus=True)
    g = Game(replace(tiny_scenario, parameters=params), seed=1)
    to_phase(g, "movement", Side.RED)
    g.place(g.units["r2"], H("0605"))
    assert g.legal(Side.RED, Move("r2", ("0505",))) is None
    assert H("0505") not in g.allowed[Side.BLUE]  # Belarus stays closed to Blue


def test_stacking_limit(game):
    to_phase(game, "movement", Side.RED)
    for uid in ("r2", "r3"):
        game.place(game.units[uid], H("0702"))
    game.place(game.units["r4"], H("0702"))  # three units now in 0702
    assert game.legal(Side.RED, Move("r1", ("0702",))) == "0702 already holds 3 units (the stacking limit)"
    assert H("0702") not in game.reachable("r1")


def test_a_unit_moves_once_per_phase_and_not_out_of_turn(game):
    assert game.legal(Side.RED, Move("r1", ("0502",))).startswith("units move only in the movement phase")
    to_phase(game, "movement", Side.RED)
    assert game.legal(Side.BLUE, Move("b1", ("0303",))) == "it is red's movement phase"
    game.submit(Side.RED, [Move("r1", ("0502",)), Move("r1", ("0602",))])
    assert game.units["r1"].hex == H("0502")
    rejected = [e for e in game.events if e.kind == "rejected"]
    assert rejected and "already moved this phase" in rejected[-1].reason


def test_night_cuts_movement(game):
    to_phase(game, "movement", Side.RED)
    day_mp = max(game.reachable("r2").values())
    game.submit(Side.RED, [])
    to_phase(game, "movement", Side.RED)  # turn 2 is night
    assert game.night
    night = game.reachable("r2")
    assert max(night.values()) <= int(game.units["r2"].type.movement * game.tables.night_movement) < day_mp + 1


def test_units_that_did_not_move_dig_in(game):
    to_phase(game, "movement", Side.BLUE)
    game.submit(Side.BLUE, [Move("b1", ("0303",))])
    assert "b2" in game.dug_in and "b1" not in game.dug_in
