"""Victory and the RAND measure (wargame/rules/victory.py)."""

import dataclasses
import json

from tests.rules.boards import BLUE, RED, H, board, scenario, tables, to_phase, unit
from wargame.game import Game
from wargame.model.result import Hold, Result
from wargame.orders import Move

B = board(["..........", "..........", ".........."], ["EEEELLRRRR"] * 3,
          cities=[("Tallinn", "0102", "EST"), ("Riga", "0502", "LVA"), ("Pskov", "0902", "RUS")],
          outskirts={"Tallinn": "0102 0202 0101 0103", "Riga": "0502 0402 0602"})


def new(units, turns=6, red=("RUS",), **kw) -> Game:
    return Game(scenario(B, units, turns=turns, measure=("Tallinn", "Riga"), objectives=("Tallinn", "Riga", "Pskov"),
                         red=red, **kw), seed=1)


def test_cities_start_with_the_side_whose_country_they_are_in():
    g = new([unit("r", RED, "tank", "0902")])
    assert g.control == {"Tallinn": BLUE, "Riga": BLUE, "Pskov": RED}


def test_the_measure_is_the_hour_a_main_force_holds_the_outskirts_from_the_mp_spent():
    g = new([unit("r1", RED, "tank", "0902"), unit("r2", RED, "tank", "0902")])
    while g.turn < 3:
        g.submit(g.active_side, [])
    to_phase(g, "movement", RED)
    # tanks have 12 MP by day, clear costs 2: three hexes = half the turn, five = 10/12 of it (turn 3 starts at H+24)
    ev = g.submit(RED, [Move("r1", ("0802", "0702", "0602")), Move("r2", ("0802", "0702", "0602", "0502", "0402"))])
    first = [e for e in ev if e.kind == "outskirts"]
    m = [e for e in ev if e.kind == "measure"]
    assert [(e.city, e.hour, e.unit) for e in first] == [("Riga", 30.0, "r1")]   # the first unit, any kind
    assert [(e.city, e.hour, e.unit, e.units, e.steps) for e in m] == [("Riga", 34.0, "r2", ("r1", "r2"), 6)]
    assert g.measure == {"Riga": 34.0} and g.view(BLUE).measure == {"Riga": 34.0}
    from wargame.rules.victory import aim_hour
    assert aim_hour(g) == 34.0                                           # no objective: the RAND measure
    g.submit(RED, [])
    to_phase(g, "movement", RED)
    g.submit(RED, [Move("r1", ("0502",))])
    assert g.measure == {"Riga": 34.0}                # taken once
    assert [e for e in g.events if e.kind == "city"][-1].to_dict() == {"kind": "city", "city": "Riga", "side": "red"}


def test_one_battalion_or_a_scout_in_the_outskirts_is_not_the_measure():
    g = new([unit("r1", RED, "tank", "0902"), unit("s", RED, "recon", "0902"), unit("s2", RED, "recon", "0902")],
            turns=2)
    to_phase(g, "movement", RED)
    g.submit(RED, [Move("r1", ("0802", "0702", "0602")), Move("s", ("0802", "0702", "0602")),
                   Move("s2", ("0802", "0702", "0602", "0502"))])
    while not g.over:
        g.submit(g.active_side, [])
    r = g.result
    assert r.measure_hours is None and r.winner == "blue"          # 3 steps of line troops, 2 of scouts
    assert r.first_unit_hours == 5.1 and r.first_unit == {"Riga": 5.1}   # s: 6 MP of its 14


def test_control_goes_to_the_last_side_in_the_city():
    g = new([unit("r", RED, "tank", "0602"), unit("b", BLUE, "tank", "0402")])
    to_phase(g, "movement", RED)
    g.submit(RED, [Move("r", ("0502",))])
    assert g.control["Riga"] is RED
    g.place(g.units["r"], H("0702"))
    assert g.control["Riga"] is RED                    # leaving does not give it back
    to_phase(g, "movement", BLUE)
    g.submit(BLUE, [Move("b", ("0502",))])
    assert g.control["Riga"] is BLUE


def test_blue_wins_if_red_never_reaches_the_outskirts():
    g = new([unit("r", RED, "tank", "0902"), unit("b", BLUE, "inf", "0302")], turns=2)
    while not g.over:
        g.submit(g.active_side, [])
    r = g.result
    assert (r.winner, r.measure_hours, r.turns) == ("blue", None, 2)
    assert r.reason == "Red did not reach Tallinn or Riga in 24 hours"
    assert r.cities == {"Tallinn": "blue", "Riga": "blue", "Pskov": "red"}
    assert g.events[-1].kind == "game_over" and g.phase == "over" and g.active_side is None
    assert "the game is over" in g.legal(RED, Move("r", ("0802",)))


def test_red_wins_with_the_measure_and_the_losses_are_reported():
    g = new([unit("r", RED, "tank", "0702"), unit("r2", RED, "tank", "0702"), unit("r3", RED, "tank", "0702")], turns=2)
    to_phase(g, "movement", RED)
    g.units["r"].steps = 2
    g.state.losses[RED] = 1
    g.submit(RED, [Move("r", ("0602",)), Move("r2", ("0602",)), Move("r3", ("0602", "0502", "0402"))])
    while not g.over:
        g.submit(g.active_side, [])
    r = g.result
    # r (2 steps) and r2 (3) at H+2 are 5 steps; r3 completes the force at H+6 (6 MP of 12)
    assert (r.winner, r.measure_hours, r.hours) == ("red", 6.0, {"Riga": 6.0})
    assert r.losses == {"red": 1, "blue": 0} and r.destroyed == {"red": 0, "blue": 0}


def test_the_game_ends_early_when_red_holds_every_measure_city():
    units = [unit("r1", RED, "tank", "0202"), unit("r2", RED, "tank", "0402"), unit("r3", RED, "tank", "0202")]
    g = new(units, red=("RUS", "EST", "LVA"))
    to_phase(g, "movement", RED)
    g.submit(RED, [Move("r1", ("0102",)), Move("r2", ("0502",)), Move("r3", ("0101",))])
    while not g.over:
        g.submit(g.active_side, [])
    assert g.turn == 1 and g.result.reason == "Red holds Tallinn and Riga"
    long = Game(
        dataclasses.replace(g.scenario, tables=tables(victory={"end_when_red_holds_measure_cities": False})), seed=1
    )
    to_phase(long, "movement", RED)
    long.submit(RED, [Move("r1", ("0102",)), Move("r2", ("0502",)), Move("r3", ("0101",))])
    while not long.over:
        long.submit(long.active_side, [])
    assert long.turn == 6 and long.result.winner == "red"


def test_holding_the_cities_without_a_main_force_does_not_end_the_game():
    """Two one-step tanks take both capitals: no main force (six steps in supply) holds an outskirts,
    so the game runs its length, Red wins by holding the cities and the measure stays not reached."""
    units = [unit("r1", RED, "tank", "0202", steps=1), unit("r2", RED, "tank", "0402", steps=1)]
    g = new(units, red=("RUS", "EST", "LVA"))
    to_phase(g, "movement", RED)
    g.submit(RED, [Move("r1", ("0102",)), Move("r2", ("0502",))])
    while not g.over:
        g.submit(g.active_side, [])
    r = g.result
    assert g.turn == 6 and r.measure_hours is None and r.winner == "red"
    assert r.reason == "Red holds Tallinn and Riga, but no main force of it there is in supply"


def hold_game(units, turns=3) -> Game:
    units = units + [unit("r9", RED, "tank", "0602")] if any(u.id == "r" for u in units) else units
    sc = scenario(B, units, turns=turns, measure=("Tallinn", "Riga"), objectives=("Tallinn", "Riga", "Pskov"))
    sc.victory = dataclasses.replace(sc.victory, hold=("Riga",))
    return Game(sc, seed=1)


def test_a_scenario_objective_decides_the_game_and_its_first_hour_is_recorded():
    g = hold_game([unit("r", RED, "tank", "0602"), unit("b", BLUE, "inf", "0202")])
    to_phase(g, "movement", RED)
    g.submit(RED, [Move("r", ("0502",))])
    while g.turn == 1:
        g.submit(g.active_side, [])
    held = [e for e in g.events if e.kind == "objective_held"]
    assert [(e.cities, e.hour) for e in held] == [(("Riga",), 2.0)]  # held at the end of turn 1; entered at H+2
    while not g.over:
        g.submit(g.active_side, [])
    r = g.result
    assert (r.winner, r.reason) == ("red", "Red holds Riga")
    assert r.hold == Hold(("Riga",), True, 2.0)
    assert r.measure_hours == 2.0  # RAND's measure is still taken: r joins r9 at H+2
    from wargame.rules.victory import aim_hour

    assert aim_hour(g) == 2.0  # what the scenario judges Red by: the hour inside the turn, not its end
    assert "objective" in held[0].describe() and len(held) == 1  # recorded once


def test_blue_wins_a_scenario_objective_by_taking_one_city_back():
    g = hold_game([unit("r", RED, "tank", "0602"), unit("b", BLUE, "tank", "0402")])
    to_phase(g, "movement", RED)
    g.submit(RED, [Move("r", ("0502",))])
    g.place(g.units["r"], H("0902"))  # Red leaves; Riga still Red's
    while g.turn == 1:
        g.submit(g.active_side, [])
    to_phase(g, "movement", BLUE)
    g.submit(BLUE, [Move("b", ("0502",))])  # Blue walks back in
    while not g.over:
        g.submit(g.active_side, [])
    r = g.result
    assert r.winner == "blue" and r.reason == "Blue holds Riga"
    assert r.hold == Hold(("Riga",), False, 2.0)  # closed once, from H+2 (Red took Riga then; it left
    # the city later in the turn, and Riga stayed Red's)


def test_the_objective_hour_survives_a_save_and_a_clone():
    from wargame.game import Game as G

    g = hold_game([unit("r", RED, "tank", "0602")])
    to_phase(g, "movement", RED)
    g.submit(RED, [Move("r", ("0502",))])
    while g.turn == 1:
        g.submit(g.active_side, [])
    assert g.state.hold_hour == 2.0
    assert g.clone().state.hold_hour == 2.0
    back = G.from_record(g.to_record(), g.scenario)
    assert back.state.hold_hour == 2.0


def test_the_result_round_trips_through_json_as_the_mapping_saves_hold():
    g = hold_game([unit("r", RED, "tank", "0602")])
    while not g.over:
        g.submit(g.active_side, [])
    d = g.result.to_dict()
    assert list(d) == ["winner", "reason", "measure_hours", "hours", "first_unit_hours", "first_unit", "turns",
                       "losses", "destroyed", "cities", "hold"]
    assert Result.from_dict(json.loads(json.dumps(d))) == g.result
    assert g.snapshot()["result"] == d
