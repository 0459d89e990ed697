"""Hex maths: properties over random hexes, and the fixed facts of the layout."""

from hypothesis import given
from hypothesis import strategies as st

from wargame.hexgrid import (
    DIRECTIONS,
    Hex,
    centre_km,
    direction_between,
    distance,
    from_offset,
    hex_at_km,
    hex_id,
    hexside,
    hexside_id,
    line,
    neighbours,
    parse_hex_id,
    parse_hexside_id,
    ring,
    to_offset,
    within,
)

coord = st.integers(min_value=-200, max_value=200)
hexes = st.builds(Hex, coord, coord)
offsets = st.tuples(st.integers(0, 150), st.integers(0, 150))


@given(hexes, hexes)
def test_distance_is_symmetric_and_zero_only_on_itself(a, b):
    assert distance(a, b) == distance(b, a)
    assert (distance(a, b) == 0) == (a == b)


@given(hexes, hexes, hexes)
def test_triangle_inequality(a, b, c):
    assert distance(a, c) <= distance(a, b) + distance(b, c)


@given(hexes)
def test_six_distinct_neighbours_each_at_distance_one(h):
    ns = neighbours(h)
    assert len(set(ns)) == 6
    assert all(distance(h, n) == 1 for n in ns)
    assert all(h in neighbours(n) for n in ns)


@given(offsets)
def test_offset_axial_round_trip(cr):
    col, row = cr
    assert to_offset(from_offset(col, row)) == (col, row)


@given(offsets)
def test_hex_id_round_trip(cr):
    h = from_offset(*cr)
    width = 3 if max(cr) >= 99 else 2
    assert parse_hex_id(hex_id(h, width)) == h


@given(hexes, hexes)
def test_line_endpoints_length_and_steps(a, b):
    pts = line(a, b)
    assert pts[0] == a and pts[-1] == b
    assert len(pts) == distance(a, b) + 1
    assert all(distance(p, q) == 1 for p, q in zip(pts, pts[1:]))


@given(hexes, st.integers(0, 6))
def test_ring_and_within_sizes(h, radius):
    r = ring(h, radius)
    assert len(r) == (6 * radius if radius else 1)
    assert all(distance(h, x) == radius for x in r)
    area = list(within(h, radius))
    assert len(area) == 1 + 3 * radius * (radius + 1)
    assert len(set(area)) == len(area)


@given(hexes, st.integers(0, 5))
def test_hexside_is_direction_free(h, d):
    n = neighbours(h)[d]
    assert hexside(h, n) == hexside(n, h)
    assert hexside(h, n).other(h) == n


@given(st.tuples(st.integers(1, 90), st.integers(1, 90)), st.integers(0, 5))
def test_hexside_id_round_trip(cr, d):
    h = from_offset(*cr)
    side = hexside(h, neighbours(h)[d])
    assert parse_hexside_id(hexside_id(side)) == side


@given(hexes)
def test_centre_and_back(h):
    x, y = centre_km(h, 10.0)
    assert hex_at_km(x, y, 10.0) == h


def test_layout_facts():
    # 0101 is the north-west corner; odd-r: the second row (0102) is pushed half a hex east,
    # so 0102's north-west neighbour is 0101 and its north-east neighbour 0201.
    h0101, h0102 = parse_hex_id("0101"), parse_hex_id("0102")
    assert to_offset(h0101) == (0, 0)
    nw, ne = Hex(h0102.q, h0102.r - 1), Hex(h0102.q + 1, h0102.r - 1)
    assert hex_id(nw) == "0101" and hex_id(ne) == "0201"
    # Neighbours are exactly 10 km apart on the plane for 10 km hexes.
    for d in DIRECTIONS:
        x, y = centre_km(d, 10.0)
        assert abs((x * x + y * y) ** 0.5 - 10.0) < 1e-9
    assert direction_between(Hex(0, 0), Hex(1, 0)) == 0


def test_bad_ids_are_refused_plainly():
    import pytest

    for bad in ("37", "abcd", "0037", "12345"):
        with pytest.raises(ValueError, match="hex id"):
            parse_hex_id(bad)
    with pytest.raises(ValueError, match="not neighbours"):
        hexside(Hex(0, 0), Hex(2, 0))
