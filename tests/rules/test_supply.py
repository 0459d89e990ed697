"""Supply and lines of communication (wargame/rules/supply.py)."""

from tests.rules.boards import BLUE, RED, H, board, scenario, tables, to_phase, unit
from wargame.game import Game
from wargame.orders import AirMission, Move
from wargame.rules import supply
from wargame.rules.movement import movement_points

_AIR = tables().raw["air"]
# a supply range of 20, and every interdiction with a full flight stops the convoys (d6 + 2 >= 1):
# these tests are about the hours the lines are cut, not the roll (tests/rules/test_air.py)
ALWAYS_CUT = tables(supply={"range": 20, "base_stocks": False},
                    air={"interdiction": {**_AIR["interdiction"], "cut_on": 1}})
# these tests are about the line a unit traces: a unit set up in its own country would be in supply
# on its base's stocks wherever the line ran (test_a_unit_on_its_base_is_in_supply_until_it_leaves)
TRACE = tables(supply={"base_stocks": False})

# Estonia (columns 1-7), Russia (8-10); a road along row 2
B = board(["." * 10] * 3, ["EEEEEEERRR"] * 3, roads=["0102 0202 0302 0402 0502 0602 0702 0802 0902 1002"],
          cities=[("Tartu", "0202", "EST")])


def new(units, t=None, **kw) -> Game:
    return Game(scenario(B, units, t=t or TRACE, **kw), seed=1)


def ids(g, side):
    return {g.index.ids[i] for i in supply.supplied(g.position, side)}


def test_red_traces_from_russia_along_the_road_within_range():
    g = new([unit("r", RED, "tank", "0502")])
    ok = ids(g, RED)
    # road 4 points a hex: 48 points = 12 road hexes, so the whole road; cross-country 12 a hex
    assert {"0502", "0102"} <= ok
    assert supply.in_supply(g.position, g.units["r"])
    short = new([unit("r", RED, "tank", "0502")], t=tables(supply={"range": 12, "base_stocks": False}))
    assert "0502" in ids(short, RED) and "0402" not in ids(short, RED)   # three road hexes from Russia (0802)
    assert "0701" in ids(short, RED) and "0601" not in ids(short, RED)    # one cross-country hex from the border


def test_enemy_units_and_their_zones_of_control_cut_the_line_unless_a_friend_stands_there():
    g = new([unit("r", RED, "tank", "0302"), unit("b1", BLUE, "inf", "0601"), unit("b2", BLUE, "inf", "0603")])
    # b1 and b2 put every hex of column 6 (and 5, 7) of the three rows in their zones of control
    assert not supply.in_supply(g.position, g.units["r"])
    g.place(g.units["r"], H("0602"))  # a Red unit in the gap: the trace runs through its own hex
    assert supply.in_supply(g.position, g.units["r"])
    g2 = new([unit("r", RED, "tank", "0302"), unit("r2", RED, "tank", "0502"), unit("r3", RED, "tank", "0602"),
              unit("r4", RED, "tank", "0702"), unit("b1", BLUE, "inf", "0601"), unit("b2", BLUE, "inf", "0603")])
    assert supply.in_supply(g2.position, g2.units["r"])        # friends hold the road through the enemy zones


def test_turns_out_of_supply_are_counted_and_cut_movement_and_strength():
    g = new([unit("r", RED, "tank", "0302"), unit("b1", BLUE, "inf", "0601"), unit("b2", BLUE, "inf", "0603")])
    assert g.state.out_of_supply["r"] == 1   # the first turn's check (b1 and b2 are cut off from Tartu too)
    mp1 = movement_points(g, g.units["r"])
    assert supply.factors(g.position, g.units["r"]) == (1.0, 1.0, 1.0)
    while g.turn < 3:  # turn 2 is a night
        g.submit(g.active_side, [])
    assert g.state.out_of_supply["r"] == 3
    assert supply.factors(g.position, g.units["r"]) == (0.5, 0.5, 0.75)
    assert movement_points(g, g.units["r"]) == mp1 // 2
    assert supply.attack(g.position, g.units["r"]) == g.units["r"].attack * 0.5
    lost = [e for e in g.events if e.kind == "supply" and e.unit == "r"]
    assert [(e.unit, e.turns_out) for e in lost] == [("r", 1), ("r", 2)]   # lost, then the effects begin
    # Blue goes away: back in supply at the next turn
    g.place(g.units["b1"], None)
    g.place(g.units["b2"], None)
    while g.turn < 4:
        g.submit(g.active_side, [])
    assert "r" not in g.state.out_of_supply and supply.factors(g.position, g.units["r"]) == (1.0, 1.0, 1.0)
    assert [e.to_dict() for e in g.events if e.kind == "supply" and e.unit == "r"][-1] == {
        "kind": "supply", "unit": "r", "name": "r (Tank battalion)", "side": "red", "hex": "0302", "turns_out": 0}


def test_blue_is_supplied_from_the_depots_it_holds():
    g = new([unit("b", BLUE, "inf", "0102")])
    assert supply.depots(g.position, BLUE) == [g.index.idx[H("0202")]]        # Tartu: a city of 100,000 in Estonia
    assert supply.in_supply(g.position, g.units["b"])
    g.state.control["Tartu"] = RED
    g.invalidate()
    assert supply.depots(g.position, BLUE) == [] and not supply.in_supply(g.position, g.units["b"])  # no home country


def test_a_unit_on_its_base_is_in_supply_until_it_leaves():
    # b begins the game at 0102 in Estonia, a country of its side; Tartu, Blue's only depot, is Red's
    def game(t):
        g = new([unit("b", BLUE, "inf", "0102"), unit("r", RED, "tank", "0902")], t=t)
        g.state.control["Tartu"] = RED
        g.invalidate()
        return g

    g = game(tables())
    assert supply.depots(g.position, BLUE) == [] and not supply.supplied_at(g.position, BLUE, g.index.idx[H("0102")])
    assert supply.in_supply(g.position, g.units["b"])              # the line is gone: the base's stocks
    g.place(g.units["b"], H("0101"))
    assert not supply.in_supply(g.position, g.units["b"])          # off its base it traces like any other
    g.place(g.units["b"], H("0102"))
    assert supply.in_supply(g.position, g.units["b"])
    assert not supply.in_supply(game(TRACE).position, game(TRACE).units["b"])  # supply.base_stocks off
    # a unit whose first hex is in a country not of its side has no base there
    far = new([unit("r", RED, "tank", "0102")], t=tables(supply={"range": 0}))
    assert not supply.in_supply(far.position, far.units["r"])


def test_a_major_river_without_a_bridge_stops_the_trace_and_interdiction_costs():
    b = board(["." * 6] * 1, ["EEERRR"], rivers=[("0301/0401", "major")])
    g = Game(scenario(b, [unit("r", RED, "tank", "0201")]), seed=1)
    assert not supply.in_supply(g.position, g.units["r"])
    b2 = board(["." * 6] * 1, ["EEERRR"], rivers=[("0301/0401", "minor")])
    g2 = Game(scenario(b2, [unit("r", RED, "tank", "0201")]), seed=1)
    assert supply.supplied(g2.position, RED)[g2.index.idx[H("0201")]] == 12 + 12 + 4  # two hexes cross-country, a ford
    g2.state.interdicted[BLUE] = {g2.index.idx[H("0301")]}
    assert supply.supplied(g2.position, RED)[g2.index.idx[H("0201")]] == 12 + 12 + 4   # no aircraft over it now
    g2.state.interdiction_ends[BLUE] = {g2.index.idx[H("0301")]: 6.0}      # on station until H+6
    assert supply.supplied(g2.position, RED)[g2.index.idx[H("0201")]] == 12 + 12 + 4 + 12
    g2.state.now = 6.0                                                      # they have gone home
    assert supply.supplied(g2.position, RED)[g2.index.idx[H("0201")]] == 12 + 12 + 4


def test_a_force_out_of_supply_does_not_count_for_the_measure():
    b = board(["." * 10] * 3, ["EEEELLRRRR"] * 3,
              cities=[("Riga", "0502", "LVA")], outskirts={"Riga": "0502 0402 0602"})
    units = [unit("r1", RED, "tank", "0702"), unit("r2", RED, "tank", "0702"),
             unit("b1", BLUE, "inf", "0801"), unit("b2", BLUE, "inf", "0803")]
    g = Game(scenario(b, units, measure=("Riga",), objectives=("Riga",), turns=1), seed=1)
    to_phase(g, "movement", RED)
    ev = g.submit(RED, [Move("r1", ("0602", "0502")), Move("r2", ("0602",))])
    assert [e.kind for e in ev if e.kind in ("outskirts", "measure")] == ["outskirts"]
    assert g.measure == {} and g.state.first_unit == {"Riga": 4.0}    # r2: 2 MP + 2 to leave b1's zone


def _cut_off_by_air():
    """Two Red tank battalions one hex from Russia in Riga's outskirts, a supply range of 20 (one
    cross-country hex costs 12, interdicted 24), Blue aircraft and no Red air defence."""
    b = board(["." * 10] * 3, ["EEEELLRRRR"] * 3,
              cities=[("Riga", "0502", "LVA")], outskirts={"Riga": "0502 0402 0602"})
    units = [unit("r1", RED, "tank", "0702"), unit("r2", RED, "tank", "0702")]
    return Game(scenario(b, units, measure=("Riga",), objectives=("Riga",), turns=4, air=(0, 0, 40, 40),
                         t=ALWAYS_CUT), seed=1)


def _fly(g, sorties):
    to_phase(g, "air", BLUE)
    return g.submit(BLUE, [AirMission("interdiction", "0602", sorties)] if sorties else [])


def test_a_force_cut_off_by_aircraft_counts_from_the_hour_they_leave():
    g = _cut_off_by_air()
    ev = _fly(g, 10)                     # ten effective sorties: the roads are watched until H+10
    assert any("until H+10 " in getattr(e, "effect", "") for e in ev)
    ev = g.submit(RED, [Move("r1", ("0602",)), Move("r2", ("0602",))])
    # 3 of the 6 MP left to tanks starting under the aircraft: in at H+6, cut off
    assert [(e.kind, e.hour) for e in ev if e.kind in ("outskirts", "measure")] == [("outskirts", 6.0)]
    to_phase(g, "air", RED)              # through the end of turn 1
    assert g.measure == {"Riga": 10.0}


def test_a_force_kept_cut_off_from_turn_to_turn_does_not_count_between_the_turns():
    g = _cut_off_by_air()
    _fly(g, 12)                          # the whole turn
    g.submit(RED, [Move("r1", ("0602",)), Move("r2", ("0602",))])
    _fly(g, 8)                           # turn 2 (night, H+12): the aircraft are back at once, until H+20
    assert g.turn == 2 and g.measure == {}
    to_phase(g, "air", RED)              # through the end of turn 2
    assert g.measure == {"Riga": 20.0}


def test_a_force_whose_lines_are_no_longer_watched_counts_from_the_start_of_the_turn():
    g = _cut_off_by_air()
    _fly(g, 12)
    g.submit(RED, [Move("r1", ("0602",)), Move("r2", ("0602",))])
    to_phase(g, "air", BLUE)
    assert g.turn == 2 and g.measure == {}       # not yet: Blue's air tasking comes first
    g.submit(BLUE, [])
    assert g.measure == {"Riga": 12.0}


def test_supply_for_the_measure_is_traced_at_the_hour_the_force_stood_there():
    # r3 moves last and arrives at H+10, after the aircraft left at H+8: the force in the outskirts
    # since H+6 was cut off until H+8, which is its hour (not H+6, as the hour of the last move
    # would have had it)
    b = board(["." * 10] * 5, ["EEEELLRRRR"] * 5,
              cities=[("Riga", "0502", "LVA")], outskirts={"Riga": "0502 0402 0602"})
    units = [unit("r1", RED, "tank", "0702"), unit("r2", RED, "tank", "0702"), unit("r3", RED, "tank", "1005")]
    g = Game(scenario(b, units, measure=("Riga",), objectives=("Riga",), turns=4, air=(0, 0, 40, 40),
                      t=ALWAYS_CUT), seed=1)
    _fly(g, 8)
    ev = g.submit(RED, [Move("r1", ("0602",)), Move("r2", ("0602",)),
                        Move("r3", ("0905", "0805", "0705", "0605", "0505"))])
    assert [e.hour for e in ev if e.kind == "outskirts"] == [6.0] and g.state.entered["r3"] == 10.0
    assert g.measure == {}
    to_phase(g, "air", RED)
    assert g.measure == {"Riga": 8.0}
