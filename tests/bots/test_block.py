"""Blue's blocks, reconnaissance and air cover (wargame/bots/block.py, wargame/bots/operational.py;
docs/bots.md)."""

from tests.rules.boards import BLUE, RED, board, scenario, to_phase, unit
from wargame.bots import block, reserve
from wargame.bots.base import Oracle
from wargame.bots.operational import Doctrine, OperationalBot, distance_field
from wargame.game import Game
from wargame.hexgrid import distance
from wargame.hexgrid import parse_hex_id as H

ROAD = [f"{c:02d}03" for c in range(1, 13)]
OUTSKIRTS = "0103 0102 0104"


def _game(units, air=(0, 0, 0, 0)):
    b = board(["." * 12] * 5, ["EEEEEEEEEERR"] * 5, roads=[" ".join(ROAD)],
              cities=[("Tallinn", "0103", "EST")], outskirts={"Tallinn": OUTSKIRTS})
    return Game(scenario(b, units, measure=("Tallinn",), air=air), seed=1)


def _blocks(g, known_at="1003"):
    o = Oracle(g, BLUE)
    known = [reserve.Known("r1", H(known_at), "tracked", g.turn)]
    goal = frozenset(H(x) for x in OUTSKIRTS.split())
    return block.blocks(g.view(BLUE), known, o, {"Tallinn": goal}, set(),
                        lambda mob, hexes: distance_field(o, mob, hexes))


def test_the_road_runs_down_the_field_into_the_goal():
    g = _game([unit("r1", RED, "tank", "1003")])
    o = Oracle(g, BLUE)
    goal = frozenset(H(x) for x in OUTSKIRTS.split())
    route = block.road(H("1003"), distance_field(o, "tracked", goal), goal)
    assert [h for h, _ in route] == [H(x) for x in reversed(ROAD[:9])]  # 0903 ... 0103, along the road
    assert [c for _, c in route] == sorted(c for _, c in route) and route[-1][0] in goal


def test_a_unit_that_can_get_across_the_road_ahead_of_the_column_goes_there():
    g = _game([unit("r1", RED, "tank", "1003"), unit("b1", BLUE, "inf", "0605")])
    to_phase(g, "movement", BLUE)
    got = _blocks(g)
    assert list(got) == ["b1"]
    h = got["b1"]
    assert g.hid(h) in ROAD and g.hid(h) not in OUTSKIRTS.split()
    o = Oracle(g, BLUE)
    goal = frozenset(H(x) for x in OUTSKIRTS.split())
    ahead = dict(block.road(H("1003"), distance_field(o, "tracked", goal), goal))[h]
    assert ahead >= block.MIN_AHEAD
    # the most forward hex it reaches: none nearer the column that is far enough ahead
    reach = o.reachable("b1")
    assert not [x for x, c in block.road(H("1003"), distance_field(o, "tracked", goal), goal)
                if block.MIN_AHEAD <= c < ahead and x in reach]



def test_the_operational_blue_moves_its_block_when_it_sees_the_column():
    # b0, a tank company two hexes off the column, sees it; b1 and b0 may both block: the bot sends
    # the one blocks() picks, down the path the game checks
    g = _game([unit("r1", RED, "tank", "1003"), unit("b0", BLUE, "tank", "1005"), unit("b1", BLUE, "inf", "0605")])
    to_phase(g, "movement", BLUE)
    assert [e.id for e in g.view(BLUE).enemy] == ["r1"]
    picked = _blocks(g)
    assert len(picked) == 1
    (uid, h), = picked.items()
    orders = OperationalBot(BLUE, 1).orders(g.view(BLUE), Oracle(g, BLUE))
    moves = {m.unit: m.path[-1] for m in orders}
    assert moves[uid] == g.hid(h)
    assert OperationalBot(BLUE, 1, Doctrine(block=False)).orders(g.view(BLUE), Oracle(g, BLUE)) != orders


def test_no_block_where_an_own_unit_already_stands_on_or_beside_the_road():
    for beside in ("0503", "0502"):  # on the road; next to it (its zone of control stops the column)
        g = _game([unit("r1", RED, "tank", "1003"), unit("b1", BLUE, "inf", "0605"), unit("b2", BLUE, "inf", beside)])
        to_phase(g, "movement", BLUE)
        assert _blocks(g) == {}
    g = _game([unit("r1", RED, "tank", "1003"), unit("b1", BLUE, "inf", "0605"), unit("b2", BLUE, "inf", "0205")])
    to_phase(g, "movement", BLUE)
    assert list(_blocks(g)) in (["b1"], ["b2"])  # b2 two rows off the road: it blocks nothing


def test_a_fire_unit_or_a_unit_in_contact_does_not_block():
    g = _game([unit("r1", RED, "tank", "1003"), unit("b1", BLUE, "inf", "0904")])  # next to r1: in contact
    to_phase(g, "movement", BLUE)
    assert "b1" not in _blocks(g)


def test_reconnaissance_flies_over_the_avenue_of_approach_where_nothing_is_seen():
    g = _game([unit("b1", BLUE, "inf", "0103"), unit("r9", RED, "tank", "1201")], air=(0, 0, 40, 40))
    to_phase(g, "air", BLUE)
    o = Oracle(g, BLUE)
    orders = OperationalBot(BLUE, 1, Doctrine(recon=3)).orders(g.view(BLUE), o)
    recon = [a for a in orders if a.mission == "recon"]
    route = o.enemy_supply_route(min(H(x) for x in OUTSKIRTS.split()))
    assert recon and all(H(a.target) in route for a in recon)
    at = [route.index(H(a.target)) for a in recon]
    assert min(at) >= 3 and all(b - a >= 5 for a, b in zip(at, at[1:]))
    assert not {H(a.target) for a in recon} & set(g.view(BLUE).seen)
    none = OperationalBot(BLUE, 1, Doctrine(recon=0)).orders(g.view(BLUE), o)
    assert not [a for a in none if a.mission == "recon"]


def test_no_reconnaissance_of_an_avenue_where_the_enemy_is_in_contact():
    g = _game([unit("b1", BLUE, "inf", "0503"), unit("r1", RED, "tank", "0603")], air=(0, 0, 40, 40))
    to_phase(g, "air", BLUE)
    orders = OperationalBot(BLUE, 1, Doctrine(recon=3)).orders(g.view(BLUE), Oracle(g, BLUE))
    assert not [a for a in orders if a.mission == "recon"]


def test_air_cover_goes_over_the_units_in_contact_nearest_the_goal_one_a_ring():
    units = [unit("b1", BLUE, "inf", "0303"), unit("b2", BLUE, "inf", "0403"), unit("b3", BLUE, "inf", "0803"),
             unit("r1", RED, "tank", "0503"), unit("r2", RED, "tank", "0903")]
    g = _game(units, air=(0, 0, 40, 40))
    to_phase(g, "air", BLUE)
    orders = OperationalBot(BLUE, 1, Doctrine(cover=2)).orders(g.view(BLUE), Oracle(g, BLUE))
    cover = [a.target for a in orders if a.mission == "cover"]
    # b2 (0403) is nearer the goal than b3 and in contact with r1; b1 is not in contact; b3 is the
    # second, far enough from the first
    assert cover == ["0403", "0803"]
    assert all(distance(H(a), H(b)) >= 3 for a in cover for b in cover if a != b)
    assert not [a for a in OperationalBot(BLUE, 1, Doctrine(cover=0)).orders(g.view(BLUE), Oracle(g, BLUE))
                if a.mission == "cover"]


def test_no_reconnaissance_of_an_avenue_own_troops_stand_on():
    # b2 on the road five hexes out watches the avenue itself: the aircraft go elsewhere
    g = _game([unit("b1", BLUE, "inf", "0103"), unit("b2", BLUE, "inf", "0603"), unit("r9", RED, "tank", "1201")],
              air=(0, 0, 40, 40))
    to_phase(g, "air", BLUE)
    orders = OperationalBot(BLUE, 1, Doctrine(recon=3)).orders(g.view(BLUE), Oracle(g, BLUE))
    assert not [a for a in orders if a.mission == "recon"]


def _air_plan(extra=(), **doctrine):
    # a Red main force (two tank battalions, 6 steps) in Tallinn's outskirts; b1 in contact beside it
    units = [unit("r1", RED, "tank", "0103"), unit("r2", RED, "tank", "0102"), unit("b1", BLUE, "inf", "0203"),
             *extra]
    g = _game(units, air=(0, 0, 40, 40))
    to_phase(g, "air", BLUE)
    orders = OperationalBot(BLUE, 1, Doctrine(**doctrine)).orders(g.view(BLUE), Oracle(g, BLUE))
    return [(a.mission, a.target) for a in orders if a.mission in ("interdiction", "cover")]  # recon aside


def test_the_lines_of_a_main_force_in_the_outskirts_are_cut_before_the_cover_is_flown():
    """The measure needs that force in supply: with no own troops on its road home, the flights over
    the road (three, six and nine hexes back) take the sorties first, and the cover gets what is left;
    with `lines_first` off, the cover over b1 goes first, as over any unit in contact."""
    first = _air_plan()
    assert first[0] == ("interdiction", "0403"), first
    assert [t for m, t in first if m == "interdiction"][:2] == ["0403", "0703"]
    kinds = [m for m, _ in first]
    assert "cover" not in kinds or kinds.index("cover") > kinds.index("interdiction")
    old = _air_plan(lines_first=False)
    assert old[0] == ("cover", "0203"), old
    assert len([m for m, _ in old if m == "interdiction"]) < len([m for m, _ in first if m == "interdiction"])


def test_no_lines_first_where_own_troops_stand_on_the_road_home():
    # b2 on the road seven hexes out cuts it with its zone of control: the cover goes first as before
    plan = _air_plan(extra=[unit("b2", BLUE, "inf", "0803")])
    assert plan[0] == ("cover", "0203"), plan
    assert plan == _air_plan(extra=[unit("b2", BLUE, "inf", "0803")], lines_first=False)
