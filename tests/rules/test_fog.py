"""Fog of war (wargame/rules/fog.py): a side sees only what it has detected."""

from tests.rules.boards import BLUE, RED, H, open_board, scenario, to_phase, unit
from wargame.game import Game
from wargame.orders import Move


def new(units, **kw) -> Game:
    return Game(scenario(open_board(12, 6, 6), units, **kw), seed=1)


def enemy_ids(g: Game, side) -> set:
    return {u.id for u in g.view(side).enemy}


def test_own_units_are_always_seen_and_undetected_enemies_are_hidden():
    g = new([unit("b", BLUE, "inf", "0203"), unit("r", RED, "tank", "1103"), unit("far", RED, "arty", "1203")])
    v = g.view(BLUE)
    assert [u.id for u in v.own] == ["b"] and enemy_ids(g, BLUE) == set()
    assert enemy_ids(g, RED) == set()


def test_adjacent_enemies_are_always_seen():
    g = new([unit("b", BLUE, "inf", "0603"), unit("r", RED, "arty", "0703")])
    assert g.units["b"].type.detection == 1 and g.units["r"].type.detection == 1
    assert enemy_ids(g, BLUE) == {"r"} and enemy_ids(g, RED) == {"b"}


def test_detection_range_by_day_and_shorter_at_night():
    # recon: detection 4 by day, 2 at night (x 0.5)
    g = new(
        [unit("rc", RED, "recon", "0903"), unit("b3", BLUE, "inf", "0603"), unit("b4", BLUE, "inf", "0503")], turns=4
    )
    assert enemy_ids(g, RED) == {"b3", "b4"}  # 3 and 4 hexes away
    while not g.night:
        g.submit(g.active_side, [])
    assert enemy_ids(g, RED) == set()  # night: 2 hexes
    g.place(g.units["b3"], H("0703"))
    assert enemy_ids(g, RED) == {"b3"}


def test_detection_is_an_event_once_per_sighting():
    g = new([unit("b", BLUE, "inf", "0203"), unit("r", RED, "tank", "0803")])
    to_phase(g, "movement", RED)
    g.submit(RED, [Move("r", ("0703", "0603", "0503", "0403", "0303"))])
    seen = [(e.side, e.unit, e.hex) for e in g.events if e.kind == "detected"]
    assert ("blue", "r", "0303") in seen and ("red", "b", "0203") in seen
    g.submit(RED, [])  # nothing new: no new events
    assert [(e.side, e.unit, e.hex) for e in g.events if e.kind == "detected"] == seen


def test_a_view_is_a_copy_and_carries_the_clock_and_the_measure():
    g = new([unit("b", BLUE, "inf", "0203"), unit("r", RED, "tank", "0303")], air=(0, 0, 6, 2))
    v = g.view(BLUE)
    v.own[0].steps = 99
    v.enemy[0].hex = None
    assert g.units["b"].steps == 2 and g.units["r"].hex == H("0303")
    assert (v.turn, v.hour, v.night, v.phase, v.active_side, v.sorties) == (1, 0, False, "air", RED, 6)
    assert v.clock.turn_hours == 12 and v.measure == {} and not v.over and not v.waiting_for_umpire


def test_staged_orders_show_only_in_their_own_sides_view():
    g = new([unit("b", BLUE, "inf", "0203"), unit("r", RED, "tank", "1003")])
    to_phase(g, "movement", RED)
    assert g.stage(RED, Move("r", ("0903",))) is None
    assert g.view(RED).staged == (Move("r", ("0903",)),) and g.view(BLUE).staged == ()
