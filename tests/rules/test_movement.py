"""Movement (wargame/rules/movement.py), one test per rule of docs/rules.md "Movement"."""

import heapq
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.rules.boards import BLUE, RED, H, board, open_board, scenario, tables, to_phase, unit
from wargame.events import visible_to
from wargame.game import Game
from wargame.orders import Move
from wargame.rules import fog, movement

T = tables()


def red_to_move(units, b=None, **kw) -> Game:
    g = Game(scenario(b or open_board(), units, **kw), seed=1)
    to_phase(g, "movement", RED)
    return g


def test_movement_points_buy_hexes_by_terrain():
    g = red_to_move([unit("t", RED, "tank", "0803")])
    reach = g.reachable("t")
    assert reach[H("0703")] == 2 and reach[H("0203")] == 12          # 6 clear hexes with 12 MP
    assert H("0103") not in reach
    assert max(reach.values()) <= 12


def test_a_road_is_followed_at_road_cost():
    b = board(["ffffffff"] * 3, ["EEEERRRR"] * 3, roads=["0802 0702 0602 0502 0402 0302 0202 0102"])
    g = red_to_move([unit("t", RED, "tank", "0802")], b)
    reach = g.reachable("t")
    assert reach[H("0102")] == 7 * T.road_cost["tracked"]
    assert reach[H("0801")] == T.terrain_cost["tracked"]["forest"]


def test_path_is_the_cheapest_and_checks_out():
    b = board(["ffffffff"] * 3, ["EEEERRRR"] * 3, roads=["0802 0702 0602 0502 0402"])
    g = red_to_move([unit("t", RED, "tank", "0802")], b)
    p = g.path("t", H("0401"))
    assert p[:3] == [H("0702"), H("0602"), H("0502")] and p[-1] == H("0401")
    cost, why = movement.check_path(g.position, g.units["t"], [g.index.idx[h] for h in p], None)
    assert why is None and cost == g.reachable("t")[H("0401")]


def test_a_move_to_a_destination_takes_the_cheapest_path():
    b = board(["ffffffff"] * 3, ["EEEERRRR"] * 3, roads=["0802 0702 0602 0502 0402"])
    g = red_to_move([unit("t", RED, "tank", "0802")], b)
    ev = g.submit(RED, [Move("t", to="0402")])
    moved = [e for e in ev if e.kind == "moved"][0]
    assert moved.path == ("0802", "0702", "0602", "0502", "0402") and moved.cost == 4


def see_everything(g) -> None:
    """Red's aircraft saw every hex this turn: it plans with every Blue unit in view."""
    g.state.seen_by_air[RED].update(range(g.index.n))


def test_entering_an_enemy_zone_of_control_ends_the_move():
    g = red_to_move([unit("t", RED, "tank", "0803"), unit("b", BLUE, "inf", "0303")])
    see_everything(g)
    reach = g.reachable("t")
    assert H("0403") in reach                 # next to the enemy: may enter, and stops
    assert H("0203") not in reach and H("0103") not in reach
    assert g.legal(RED, Move("t", ("0703", "0603", "0503", "0403", "0402"))) == \
        "0403 is in an enemy zone of control: the move must end there"
    assert g.legal(RED, Move("t", ("0703", "0603", "0503", "0403"))) is None


def test_leaving_a_zone_of_control_costs_extra():
    g = red_to_move([unit("t", RED, "tank", "0403"), unit("b", BLUE, "inf", "0303")])
    reach = g.reachable("t")
    assert reach[H("0503")] == T.terrain_cost["tracked"]["clear"] + T.zoc_leave_cost
    # from one enemy ZOC hex straight into another is allowed, and stops there
    assert reach[H("0402")] == T.terrain_cost["tracked"]["clear"] + T.zoc_leave_cost
    assert H("0401") not in reach or reach[H("0401")] > reach[H("0402")]


def test_no_entering_enemy_units_water_or_closed_countries():
    b = board(["...l....", "........", "........"], ["EEEERRFF", "EEEBBRRR", "EEEERRRR"])
    g = red_to_move([unit("t", RED, "tank", "0602"), unit("b", BLUE, "inf", "0303")], b, neutral=("FIN", "BLR"))
    assert g.legal(RED, Move("t", ("0702",))) is None
    assert g.legal(RED, Move("t", ("0601", "0701"))) == "0701 is in FIN, closed to red"
    assert g.legal(RED, Move("t", ("0502",))) == "0502 is in BLR, closed to red"
    assert "lake: ground units cannot enter it" in g.legal(RED, Move("t", ("0601", "0501", "0401")))
    g.place(g.units["b"], H("0702"))
    assert g.legal(RED, Move("t", ("0702",))) == "0702 holds enemy units"
    assert g.legal(RED, Move("t", ("0802",))) == "0802 is not next to 0602"
    assert "not a hex id" in g.legal(RED, Move("t", ("xx",)))
    assert "off the board" in g.legal(RED, Move("t", ("0909",)))


def test_belarus_opens_to_red_only_when_the_scenario_says_so():
    b = board(["........"] * 3, ["EEEBBRRR"] * 3)
    closed = red_to_move([unit("t", RED, "tank", "0602")], b)
    assert "BLR, closed to red" in closed.legal(RED, Move("t", ("0502",)))
    opened = red_to_move([unit("t", RED, "tank", "0602")], b, params={"belarus": True})
    assert opened.legal(RED, Move("t", ("0502",))) is None
    assert H("0502") in opened.allowed[RED] and H("0502") not in opened.allowed[BLUE]


def test_stacking_limit_counts_units_there_and_moves_staged():
    corridor = board(["llllllll", "........", "llllllll"], ["EEEERRRR"] * 3)   # one row of land: 0102 ... 0802
    units = [unit("r0", RED, "tank", "0502"), unit("r1", RED, "tank", "0502"), unit("r2", RED, "tank", "0602"),
             unit("r3", RED, "tank", "0702")]
    g = red_to_move(units, corridor)
    assert T.stacking == 3
    assert g.stage(RED, Move("r2", ("0502",))) is None          # the third unit: the limit
    assert g.stage(RED, Move("r3", ("0602", "0502"))) == "0502 already holds 3 units (the stacking limit)"
    assert H("0502") not in g.reachable("r3")
    assert H("0402") in g.reachable("r3")                          # ... but it may pass through
    assert g.stage(RED, Move("r0", ("0402", "0302"))) is None      # one leaves: room again
    assert g.stage(RED, Move("r3", ("0602", "0502"))) is None
    g.commit(RED)
    assert len(g.units_at(H("0502"))) == 3 and g.units["r0"].hex == H("0302")


def test_a_unit_moves_once_per_phase_and_only_in_its_movement_phase():
    g = Game(scenario(open_board(), [unit("t", RED, "tank", "0803"), unit("b", BLUE, "inf", "0203")]), seed=1)
    assert g.legal(RED, Move("t", ("0703",))).startswith("units move (and set fallbacks) only in the movement phase")
    to_phase(g, "movement", RED)
    assert g.legal(BLUE, Move("b", ("0303",))) == "it is red's movement phase"
    g.submit(RED, [Move("t", ("0703",)), Move("t", ("0603",))])
    assert g.units["t"].hex == H("0703")
    rejected = [e for e in g.events if e.kind == "rejected"]
    assert rejected[-1].reason == "t (Tank battalion) already has a move staged this phase"


def test_night_cuts_movement_points():
    g = red_to_move([unit("t", RED, "tank", "0803")], turns=4)
    assert movement.movement_points(g.position, g.units["t"]) == 12
    to_phase(g, "combat", RED)
    g.submit(RED, [])
    to_phase(g, "movement", RED)
    assert g.night and g.turn == 2
    assert movement.movement_points(g.position, g.units["t"]) == int(12 * T.night_movement) == 9
    day = red_to_move([unit("t", RED, "tank", "0803")], params={"night": False})
    to_phase(day, "combat", RED)
    day.submit(RED, [])
    to_phase(day, "movement", RED)
    assert day.turn == 2 and not day.night and movement.movement_points(day, day.units["t"]) == 12


def test_interdiction_cuts_movement_and_costs_extra_to_enter():
    g = red_to_move([unit("t", RED, "tank", "0803")])
    g.state.interdicted[BLUE].update({g.index.idx[H("0803")], g.index.idx[H("0603")]})
    g.invalidate()
    assert movement.movement_points(g.position, g.units["t"]) == int(12 * T.interdiction["start_factor"])
    reach = g.reachable("t")
    assert reach[H("0703")] == 2 and reach[H("0603")] == 4 + T.interdiction["enter_cost"]


def test_units_that_stay_dig_in_and_moving_starts_again():
    g = Game(scenario(open_board(), [unit("r", RED, "tank", "0803"), unit("b1", BLUE, "inf", "0203"),
                                     unit("b2", BLUE, "inf", "0103")]), seed=1)
    assert not g.dug_in
    to_phase(g, "movement", BLUE)
    g.submit(BLUE, [Move("b1", ("0303",))])
    assert "b2" in g.dug_in and "b1" not in g.dug_in
    assert g.state.entrench["b2"] == 1


# --- reachable() against a plain shortest-path search, on random boards ------------------------


def brute_reachable(g: Game, uid: str) -> dict:
    """Dijkstra over all land hexes with the rules written out longhand (no shared code paths)."""
    u = g.units[uid]
    side = u.side
    enemy_units = [x for x in g.units.values() if x.side is not side and x.hex is not None]
    enemy_at = {x.hex for x in enemy_units}
    zoc = set()
    for x in enemy_units:
        if x.type.category in g.tables.zoc_exempt:
            continue
        zoc.add(x.hex)
        for n in g.board.neighbours(x.hex):
            if g.board.is_land(n) and (x.hex, n) not in g.terrain.zoc_blocked_pairs:
                zoc.add(n)
    mp = movement.movement_points(g.position, u)
    start = u.hex
    extra = g.tables.zoc_leave_cost if start in zoc else 0
    best = {start: 0}
    heap = [(0, start)]
    while heap:
        c, h = heapq.heappop(heap)
        if c > best[h] or (h != start and h in zoc):
            continue
        for n, ec in g.terrain.edges[u.type.mobility].get(h, ()):
            nc = c + ec + (extra if h == start else 0)
            if nc <= mp and n not in enemy_at and n in g.allowed[side] and nc < best.get(n, 99):
                best[n] = nc
                heapq.heappush(heap, (nc, n))
    stack = {}
    for x in g.units.values():
        if x.side is side and x.hex is not None:
            stack[x.hex] = stack.get(x.hex, 0) + 1
    return {h: c for h, c in best.items() if h != start and stack.get(h, 0) < g.tables.stacking}


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 100_000))
def test_reachable_matches_a_longhand_search_on_random_boards(seed):
    rng = random.Random(seed)
    rows = ["".join(rng.choice("..ffmbul") for _ in range(9)) for _ in range(7)]
    countries = ["".join(rng.choice("EER") for _ in range(9)) for _ in range(7)]
    all_hexes = [f"{c:02d}{r:02d}" for c in range(1, 10) for r in range(1, 8)]
    land = [h for h in all_hexes if rows[int(h[2:]) - 1][int(h[:2]) - 1] != "l"]
    rivers = [(f"{h}/{n}", rng.choice(["minor", "major"])) for h, n in zip(land, land[1:]) if rng.random() < 0.2
              and abs(int(h[:2]) - int(n[:2])) + abs(int(h[2:]) - int(n[2:])) == 1 and h[2:] == n[2:]]
    road = " ".join(f"{c:02d}04" for c in range(1, 10))
    b = board(rows, countries, rivers=rivers, roads=[road] if rows[3].count("l") == 0 else [])
    picks = rng.sample(land, 6)
    units = [unit("r", RED, rng.choice(["tank", "truck", "inf", "heli"]), picks[0]),
             unit("r2", RED, "tank", picks[1]), unit("b1", BLUE, "inf", picks[2]), unit("b2", BLUE, "arty", picks[3]),
             unit("b3", BLUE, "tank", picks[4])]
    # every unit stands in a country it may be in (its own or the enemy's): both sides may enter E and R
    g = Game(scenario(b, units, blue=("EST",)), seed=seed)
    to_phase(g, "movement", RED)
    see_everything(g)
    assert g.reachable("r") == brute_reachable(g, "r")
    for h, _c in g.reachable("r").items():
        path = g.path("r", h)
        assert path[-1] == h and g.legal(RED, Move("r", tuple(g.hid(x) for x in path))) is None


def test_an_unseen_enemy_halts_a_move_that_was_planned_past_it():
    g = red_to_move([unit("t", RED, "tank", "0803"), unit("b", BLUE, "inf", "0303")])
    b_hex = g.units["b"].hex
    assert g.index.idx[b_hex] not in fog.coverage(g.position, RED)             # Red does not see b
    reach = g.reachable("t")
    assert H("0203") in reach and H("0303") in reach                   # it plans as if the road were empty
    path = ("0703", "0603", "0503", "0403", "0402")
    assert g.legal(RED, Move("t", path)) is None                       # no refusal that would give b away
    ev = g.submit(RED, [Move("t", path)])
    moved = [e for e in ev if e.kind == "moved"][0]
    halted = [e for e in ev if e.kind == "halted"][0]
    assert moved.path == ("0803", "0703", "0603", "0503", "0403")      # into b's zone of control, and no further
    assert (halted.at, halted.planned) == ("0403", "0402") and "zone of control in 0403" in halted.reason
    assert g.units["t"].hex == H("0403") and "t" in g.state.moved
    assert [e for e in ev if e.kind == "detected" and e.unit == "b"]   # and now Red sees it
    assert visible_to(halted, "red") and not visible_to(halted, "blue")


def test_an_unseen_enemy_in_the_destination_stops_the_move_short_and_a_full_hex_steps_back():
    # artillery exerts no zone of control: the column drives up to it, and not into it
    g = red_to_move([unit("t", RED, "tank", "0603"), unit("b", BLUE, "arty", "0303")])
    ev = g.submit(RED, [Move("t", ("0503", "0403", "0303"))])
    assert g.units["t"].hex == H("0403")                               # the enemy's own hex is not entered
    assert "found enemy units in 0303" in [e for e in ev if e.kind == "halted"][0].reason
    # three columns planned through 0403 toward 0402; b's zone of control stops them all in 0403, which
    # holds two (the stacking limit here): the third steps back to 0503
    g = red_to_move([unit("t1", RED, "tank", "0603"), unit("t2", RED, "tank", "0703"), unit("t3", RED, "tank", "0803"),
                     unit("b", BLUE, "inf", "0303")], t=tables(movement={"stacking": 2}))
    assert g.index.idx[g.units["b"].hex] not in fog.coverage(g.position, RED)
    ev = g.submit(RED, [Move("t1", ("0503", "0403")), Move("t2", ("0603", "0503", "0403", "0402")),
                        Move("t3", ("0703", "0603", "0503", "0403", "0402"))])
    assert [g.hid(g.units[i].hex) for i in ("t1", "t2", "t3")] == ["0403", "0403", "0503"]
    assert [e.unit for e in ev if e.kind == "halted"] == ["t2", "t3"]
