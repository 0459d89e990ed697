"""Zones of control (wargame/rules/zoc.py)."""

from tests.rules.boards import BLUE, RED, H, board, open_board, scenario, tables, to_phase, unit
from wargame.game import Game
from wargame.hexgrid import neighbours


def zoc_hexes(g: Game, side) -> set:
    return set(g.zoc(side))


def test_a_combat_unit_controls_its_hex_and_the_six_around():
    g = Game(scenario(open_board(), [unit("b", BLUE, "inf", "0403")]), seed=1)
    assert zoc_hexes(g, BLUE) == {H("0403"), *neighbours(H("0403"))}
    assert zoc_hexes(g, RED) == set()


def test_support_units_exert_no_zone_of_control():
    units = [unit(f"b{i}", BLUE, t, h) for i, (t, h) in enumerate([("arty", "0203"), ("sam", "0205"), ("hq", "0401")])]
    g = Game(scenario(open_board(), units), seed=1)
    assert zoc_hexes(g, BLUE) == set()
    assert {"artillery", "air_defence", "headquarters"} <= tables().zoc_exempt


def test_no_zone_of_control_across_a_major_river_without_a_bridge():
    b = board(["......", "......", "......"], ["EEERRR"] * 3,
              rivers=[("0302/0402", "major"), ("0303/0403", "minor"), ("0301/0401", "major")], roads=["0301 0401"])
    g = Game(scenario(b, [unit("b", BLUE, "inf", "0302")]), seed=1)
    z = zoc_hexes(g, BLUE)
    assert H("0402") not in z                    # across the major river, no bridge
    assert H("0303") in z and H("0403") in z       # no river on those hexsides
    # a bridge carries the zone of control across
    g2 = Game(scenario(b, [unit("b", BLUE, "inf", "0301")]), seed=1)
    assert H("0401") in zoc_hexes(g2, BLUE)


def test_minor_rivers_do_not_block_zones_of_control():
    b = board(["......", "......"], ["EEERRR"] * 2, rivers=[("0301/0401", "minor")])
    g = Game(scenario(b, [unit("b", BLUE, "inf", "0301")]), seed=1)
    assert H("0401") in zoc_hexes(g, BLUE)


def test_zone_of_control_moves_with_the_unit():
    g = Game(scenario(open_board(), [unit("b", BLUE, "inf", "0203"), unit("r", RED, "tank", "0803")]), seed=1)
    to_phase(g, "movement", BLUE)
    before = zoc_hexes(g, BLUE)
    from wargame.orders import Move
    g.submit(BLUE, [Move("b", ("0303",))])
    after = zoc_hexes(g, BLUE)
    assert (
        before != after and H("0303") in after and after == {H("0303"), *neighbours(H("0303"))} & set(g.board.terrain)
    )
