"""Air-mobile moves (wargame/rules/airmobile.py, docs/rules.md "Air-mobile moves")."""

import dataclasses

from tests.rules.boards import BLUE, RED, H, board, scenario, to_phase, unit
from wargame.game import Accept, Game, Replace
from wargame.model.scenario import AirPool
from wargame.orders import Airlift, Move, from_dict
from wargame.records import replay

B = board(["." * 14] * 5, ["EEEEEEEEEERRRR"] * 5)


def game(units, lift=1, umpire=False) -> Game:
    sc = scenario(B, units, turns=4)
    sc = dataclasses.replace(sc, air={RED: AirPool(0, 0, lift=lift), BLUE: AirPool(0, 0)})
    return Game(sc, seed=3, umpire=umpire)


def test_an_air_assault_battalion_flies_within_range_and_lands_hours_into_the_turn():
    g = game([unit("v", RED, "heli", "1203"), unit("t", RED, "tank", "1202")])
    to_phase(g, "movement", RED)
    why = g.legal(RED, Airlift("t", "0803"))
    assert why == "t (Tank battalion) cannot be lifted by helicopter (only air assault, airborne units)"
    assert "helicopters reach 8" in g.legal(RED, Airlift("v", "0303"))   # 9 hexes away
    ev = g.submit(RED, [Airlift("v", "0403")])
    lifted = [e for e in ev if e.kind == "airlift"]
    assert [(e.hex, e.to, e.lost) for e in lifted] == [("1203", "0403", 0)]
    assert g.units["v"].hex == H("0403") and g.state.entered["v"] == 4.0
    assert "v" in g.state.moved


def test_the_lift_is_a_side_s_helicopters_and_a_lifted_unit_moves_no_more():
    g = game([unit("v1", RED, "heli", "1203"), unit("v2", RED, "heli", "1204")])
    to_phase(g, "movement", RED)
    assert g.stage(RED, Airlift("v1", "0803")) is None
    assert g.stage(RED, Airlift("v2", "0804")) == "Red's helicopters lift 1 battalion a phase, all taken"
    assert g.stage(RED, Move("v1", to="0703")) == "v1 (Air assault battalion) already has a move staged this phase"
    none = game([unit("v", RED, "heli", "1203")], lift=0)
    to_phase(none, "movement", RED)
    assert none.legal(RED, Airlift("v", "0803")) == "Red has no helicopter lift"


def test_no_landing_in_a_zone_of_control_and_no_take_off_from_one():
    g = game([unit("v", RED, "heli", "1203"), unit("b", BLUE, "inf", "0803"), unit("t", RED, "tank", "0903")])
    to_phase(g, "movement", RED)                       # the tank next to it sees the Blue battalion
    assert g.legal(RED, Airlift("v", "0803")) == "an enemy unit holds 0803"
    assert g.legal(RED, Airlift("v", "0703")) == "0703 is in an enemy zone of control: no landing zone under fire"
    assert g.legal(RED, Airlift("v", "0603")) is None
    g2 = game([unit("v", RED, "heli", "0903"), unit("b", BLUE, "inf", "0803")])
    to_phase(g2, "movement", RED)
    assert "cannot lift it out under fire" in g2.legal(RED, Airlift("v", "1203"))


def test_air_defence_over_the_landing_zone_costs_steps_and_the_umpire_rules_on_it():
    units = [unit("v", RED, "heli", "1203"), unit("sam", BLUE, "sam", "0201")]
    g = game(units, umpire=True)
    while g.phase != "movement" or g.active_side is not RED:
        g.submit(g.active_side, [])
        while g.pending is not None:
            g.decide(Accept())
    g.submit(RED, [Airlift("v", "0403")])
    p = g.pending
    assert p is not None and p.kind == "airlift" and "How many of its 2 steps are lost?" in p.chance.question
    g.decide(Replace("1", "the umpire: the landing zone was ringed by MANPADS"))
    assert g.units["v"].steps == 1 and g.units["v"].hex == H("0403")
    rec = g.to_record()
    again, problems = replay(rec, g.scenario)
    assert problems == [] and again.units["v"].steps == 1


def test_the_order_round_trips_and_is_refused_when_malformed():
    o = Airlift("v", "0403")
    assert from_dict(o.to_dict()) == o
    for bad in ({"kind": "airlift", "unit": "v"}, {"kind": "airlift", "unit": "v", "to": "x"},
                {"kind": "airlift", "unit": "v", "to": "0403", "path": []}):
        try:
            from_dict(bad)
        except ValueError as e:
            assert "airlift" in str(e)
        else:
            raise AssertionError(f"{bad} was accepted")


def test_an_unseen_enemy_in_the_landing_zone_turns_the_lift_back():
    g = game([unit("v", RED, "heli", "1203"), unit("b", BLUE, "inf", "0603")])
    to_phase(g, "movement", RED)
    assert g.legal(RED, Airlift("v", "0603")) is None                # Red does not see it
    ev = g.submit(RED, [Airlift("v", "0603")])
    assert [e.what for e in ev if e.kind == "airlift"] == ["an enemy unit holds the landing zone: the lift turns back"]
    assert g.units["v"].hex == H("1203")
