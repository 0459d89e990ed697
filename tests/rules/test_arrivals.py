"""Arrivals and warning time (wargame/rules/arrivals.py)."""

import pytest

from tests.rules.boards import BLUE, RED, H, scenario, tables, unit
from wargame.game import Game
from wargame.rules import arrivals

AREAS = {"east": "0801 0802 0803", "airhead": "0203 0303", "tiny": "0103"}


def new(units, **kw) -> Game:
    from tests.rules.boards import board
    b = board(["........"] * 6, ["EEEERRRR"] * 6, areas=AREAS)
    return Game(scenario(b, units, **kw), seed=1)


def run_to_turn(g: Game, turn: int) -> None:
    while g.turn < turn and not g.over:
        g.submit(g.active_side, [])


def test_units_arrive_at_the_start_of_their_turn_in_their_entry_area():
    g = new([unit("r", RED, "tank", None, arrive=(2, "east")), unit("b", BLUE, "inf", "0203")])
    assert g.units["r"].hex is None and g.arrival == {"r": 2} and ("r", 2) not in g.view(BLUE).arriving
    assert g.view(RED).arriving == (("r", 2),)
    run_to_turn(g, 2)
    assert g.units["r"].hex in {H(x) for x in AREAS["east"].split()}
    arrived = [e for e in g.events if e.kind == "arrived"]
    assert [(e.unit, e.hex) for e in arrived] == [("r", g.hid(g.units["r"].hex))]
    turn2 = next(i for i, e in enumerate(g.events) if e.kind == "turn" and e.turn == 2)
    first_phase = next(i for i, e in enumerate(g.events) if e.kind == "phase" and e.turn == 2)
    assert turn2 < g.events.index(arrived[0]) < first_phase       # before any phase of the turn


def test_arrivals_fill_the_emptiest_hexes_outside_enemy_zones_first():
    units = [unit(f"r{i}", RED, "tank", None, arrive=(1, "east")) for i in range(4)] + [unit("b", BLUE, "inf", "0701")]
    g = new(units)
    where = [g.hid(g.units[f"r{i}"].hex) for i in range(4)]
    # 0801 is in b's zone of control: 0802 and 0803 first, fewest units first, then by hex id
    assert H("0801") in g.zoc(BLUE) and H("0802") not in g.zoc(BLUE) and H("0803") not in g.zoc(BLUE)
    assert where == ["0802", "0803", "0802", "0803"]


def test_an_arrival_with_no_room_waits_a_turn():
    units = [unit(f"b{i}", BLUE, "inf", "0103") for i in range(3)] + [
        unit("late", BLUE, "inf", None, arrive=(1, "tiny"))
    ]
    g = new(units)
    assert g.units["late"].hex is None and g.arrival == {"late": 2}
    assert [e.unit for e in g.events if e.kind == "arrival_delayed"] == ["late"]


def test_an_entry_hex_held_by_the_enemy_cannot_be_used():
    g = new([unit("r", RED, "tank", "0203"), unit("b", BLUE, "inf", None, arrive=(1, "airhead"))])
    assert g.units["b"].hex == H("0303")


@pytest.mark.parametrize("warning,due", [(0, 5), (11, 5), (12, 4), (24, 3), (47, 2), (96, 1), (500, 1)])
def test_warning_time_brings_blue_arrivals_earlier(warning, due):
    g = new(
        [unit("b", BLUE, "inf", None, arrive=(5, "airhead")), unit("r", RED, "tank", None, arrive=(5, "east"))],
        params={"warning_hours": warning},
    )
    if due == 1:
        assert g.units["b"].hex is not None
    else:
        assert g.arrival["b"] == due
    assert g.arrival["r"] == 5  # Red's schedule does not move


def test_warning_is_counted_from_the_tables_baseline():
    t = tables(arrivals={"baseline_warning_hours": 48})
    g = new([unit("b", BLUE, "inf", None, arrive=(5, "airhead"))], params={"warning_hours": 24}, t=t)
    assert arrivals.warning_shift(g.position) == -2 and g.arrival["b"] == 7  # less warning than assumed: later
    g = new([unit("b", BLUE, "inf", None, arrive=(5, "airhead"))], params={"warning_hours": 60}, t=t)
    assert g.arrival["b"] == 4


def test_enough_warning_lets_blue_start_dug_in():
    units = [unit("b", BLUE, "inf", "0203"), unit("r", RED, "tank", "0703")]
    assert not new(units).dug_in
    dug = new(units, params={"warning_hours": tables().dig_in_warning_hours})
    assert dug.dug_in == {"b"}
