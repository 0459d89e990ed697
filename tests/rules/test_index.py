"""The per-board index (wargame/rules/index.py): movement costs by terrain, mobility, road, rail, river."""

import pytest

from tests.rules.boards import H, board, tables
from wargame.data.tables import LAND
from wargame.model.units import MOBILITIES
from wargame.rules.index import BoardIndex, index_for

T = tables()
# row 1: clear, then one hex of each land terrain and a lake; row 2 has a river between 0102 and 0202
STRIP = board(["." + "fmbu" + "l.", "......."])


@pytest.mark.parametrize("mobility", MOBILITIES)
@pytest.mark.parametrize("col,terrain", [(2, "forest"), (3, "mixed"), (4, "marsh"), (5, "urban"), (1, "clear")])
def test_cost_to_enter_each_terrain_by_mobility(mobility, col, terrain):
    ix = BoardIndex(STRIP, T)
    frm = H("0201") if col == 1 else H(f"0{col - 1}01")
    to = H(f"0{col}01")
    assert STRIP.terrain[to] == terrain
    assert ix.cost(mobility, ix.idx[frm], ix.idx[to]) == T.terrain_cost[mobility][terrain]


def test_water_is_never_entered():
    ix = BoardIndex(STRIP, T)
    for m in MOBILITIES:
        assert ix.cost(m, ix.idx[H("0501")], ix.idx[H("0601")]) is None
        assert all(ix.is_land[j] for row in ix.adj[m] for j, _ in row)


def test_road_replaces_the_terrain_cost_and_rail_caps_it():
    b = board(["bbbb", "ffff"], roads=["0101 0201"], rails=["0102 0202"])
    ix = BoardIndex(b, T)
    for m in MOBILITIES:
        assert ix.cost(m, ix.idx[H("0101")], ix.idx[H("0201")]) == T.road_cost[m]
        assert ix.cost(m, ix.idx[H("0201")], ix.idx[H("0301")]) == T.terrain_cost[m]["marsh"]  # off the road
        assert ix.cost(m, ix.idx[H("0102")], ix.idx[H("0202")]) == min(T.terrain_cost[m]["forest"], T.rail_cost[m])


@pytest.mark.parametrize("cls", ["minor", "major"])
def test_river_without_a_bridge_costs_extra_by_class_and_mobility(cls):
    b = board(["...", "..."], rivers=[("0101/0201", cls)], roads=["0102 0202"])
    ix = BoardIndex(b, T)
    b2 = board(["...", "..."], rivers=[("0101/0201", cls), ("0102/0202", cls)], roads=["0102 0202"])
    ix2 = BoardIndex(b2, T)
    for m in MOBILITIES:
        extra = T.river_cost[cls][m]
        assert ix.cost(m, ix.idx[H("0101")], ix.idx[H("0201")]) == T.terrain_cost[m]["clear"] + extra
        # a road over the river is a bridge: road cost plus the bridge cost
        assert ix2.cost(m, ix2.idx[H("0102")], ix2.idx[H("0202")]) == T.road_cost[m] + T.bridge_cost


def test_a_class_that_cannot_cross_a_river_has_no_edge_there():
    t = tables(
        movement={
            "river_cost": {"minor": dict(T.river_cost["minor"]), "major": {**T.river_cost["major"], "wheeled": None}}
        }
    )
    b = board(["...", "..."], rivers=[("0101/0201", "major"), ("0102/0202", "major")], rails=["0102 0202"])
    ix = BoardIndex(b, t)
    assert ix.cost("wheeled", ix.idx[H("0101")], ix.idx[H("0201")]) is None
    assert (
        ix.cost("tracked", ix.idx[H("0101")], ix.idx[H("0201")])
        == T.terrain_cost["tracked"]["clear"] + T.river_cost["major"]["tracked"]
    )
    assert ix.cost("wheeled", ix.idx[H("0102")], ix.idx[H("0202")]) is not None  # a railway bridge


def test_hex_keyed_views_agree_with_the_int_arrays():
    ix = BoardIndex(STRIP, T)
    for m in MOBILITIES:
        for h, row in ix.edges[m].items():
            assert row == [(ix.hexes[j], c) for j, c in ix.adj[m][ix.idx[h]]]
    assert ix.land == {h for h in STRIP.terrain if STRIP.is_land(h)}
    assert set(ix.ball(ix.idx[H("0301")], 1)) == {
        ix.idx[h] for h in (H("0201"), H("0301"), H("0401"), H("0202"), H("0302"))
    }
    assert index_for(STRIP, T) is index_for(STRIP, T)  # built once, shared


def test_every_land_terrain_has_a_cost_for_every_mobility():
    for m in MOBILITIES:
        assert set(T.terrain_cost[m]) == set(LAND)
