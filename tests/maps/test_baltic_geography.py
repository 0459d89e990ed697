"""The shipped Baltic board against facts a reader can check in an atlas."""

import math
from collections import Counter, deque

import pytest

from wargame.data.maps import load_map
from wargame.hexgrid import centre_km, distance

BALTIC = ("EST", "LVA", "LTU")


@pytest.fixture(scope="module")
def board():
    return load_map("baltic")


def city(board, name):
    c = board.city_named(name)
    assert c is not None, f"{name} is not on the map"
    return c


def km(a, b):
    (ax, ay), (bx, by) = centre_km(a, 10.0), centre_km(b, 10.0)
    return math.hypot(ax - bx, ay - by)


def test_size_and_extent(board):
    assert 6500 <= len(board.terrain) <= 7000
    assert board.hex_size_km == 10
    land = Counter(c for h, c in board.country.items() if board.is_land(h))
    # Latvia ~64,600 km2, Lithuania ~65,300 km2: 86.6 km2 per hex
    assert 700 <= land["LVA"] <= 780 and 700 <= land["LTU"] <= 790 and 470 <= land["EST"] <= 540


@pytest.mark.parametrize("name,country", [("Tallinn", "EST"), ("Riga", "LVA"), ("Vilnius", "LTU"),
                                          ("Kaliningrad", "KGD"), ("Pskov", "RUS"), ("Minsk", "BLR")])
def test_capitals_and_cities_lie_in_their_country(board, name, country):
    c = city(board, name)
    assert board.country[c.hex] == country and c.country == country
    assert board.is_land(c.hex)


def test_capitals_are_flagged(board):
    assert {c.name for c in board.cities.values() if c.capital} >= {"Tallinn", "Riga", "Vilnius"}


def test_kaliningrad_touches_lithuania_and_poland_and_not_russia(board):
    pairs = set(board.borders.values())
    assert ("KGD", "LTU") in pairs and ("KGD", "POL") in pairs
    assert ("KGD", "RUS") not in pairs
    for h, c in board.country.items():
        if c == "KGD":
            assert all(board.country.get(n) != "RUS" for n in board.neighbours(h))


def test_suwalki_gap_is_65_to_100_km(board):
    kgd = [h for h, c in board.country.items() if c == "KGD" and board.is_land(h)]
    blr = [h for h, c in board.country.items() if c == "BLR" and board.is_land(h)]
    gap = min(km(a, b) for a in kgd for b in blr)
    assert 65 <= gap <= 100
    assert 10 <= sum(1 for v in board.borders.values() if v == ("LTU", "POL")) <= 25
    assert len(board.areas["suwalki_gap"].hexes) > 20


def test_lake_peipus_is_lake_with_the_border_through_it(board):
    tartu = city(board, "Tartu").hex
    start = min((h for h, t in board.terrain.items() if t == "lake"), key=lambda h: (distance(h, tartu), h))
    lake, stack = {start}, [start]
    while stack:  # the whole lake: lake hexes connected to the one nearest Tartu
        for n in board.neighbours(stack.pop()):
            if board.terrain[n] == "lake" and n not in lake:
                lake.add(n)
                stack.append(n)
    assert distance(start, tartu) <= 5
    owners = Counter(board.country[h] for h in lake)
    assert len(lake) >= 30  # Peipus + Pskov lake, ~3,555 km2
    assert owners["EST"] >= 10 and owners["RUS"] >= 10


def test_narva_river_runs_along_the_estonia_russia_border(board):
    narva = [s for s, r in board.rivers.items() if r.name == "Narva"]
    on_border = [s for s in narva if board.borders.get(s) == ("EST", "RUS")]
    assert len(on_border) >= 5 and board.rivers[narva[0]].cls == "major"


def test_daugava_runs_through_riga_to_the_sea(board):
    riga = city(board, "Riga").hex
    near = [
        s for s, r in board.rivers.items() if r.name == "Daugava" and min(distance(s.a, riga), distance(s.b, riga)) <= 1
    ]
    assert near, "no Daugava hexside at Riga"
    assert any(board.terrain.get(n) == "sea" for s in near for h in s for n in board.neighbours(h))
    assert sum(1 for r in board.rivers.values() if r.name == "Daugava") >= 40


def test_distances_between_cities(board):
    # Great-circle Riga–Tallinn 280 km, Pskov–Riga 271 km. On pointy-top rows a north–south step is
    # 8.66 km, so the hex count runs higher than km/10 for these north–south pairs (docs/hexgrid.md).
    riga, tallinn, pskov = city(board, "Riga").hex, city(board, "Tallinn").hex, city(board, "Pskov").hex
    assert 265 <= km(riga, tallinn) <= 295 and 28 <= distance(riga, tallinn) <= 33
    assert 255 <= km(pskov, riga) <= 290 and 26 <= distance(pskov, riga) <= 32


def _road_reach(board, start):
    adj = {}
    for s in board.roads:
        adj.setdefault(s.a, []).append(s.b)
        adj.setdefault(s.b, []).append(s.a)
    seen, q = {start}, deque([start])
    while q:
        h = q.popleft()
        for n in adj.get(h, ()):
            if n not in seen:
                seen.add(n)
                q.append(n)
    return seen


def test_roads_connect_the_capitals(board):
    reach = _road_reach(board, city(board, "Tallinn").hex)
    for name in ("Riga", "Vilnius", "Kaunas", "Pskov", "Narva", "Daugavpils", "Kaliningrad"):
        assert city(board, name).hex in reach, name
    kinds = Counter(k for ks in board.roads.values() for k in ks)
    assert kinds["road"] > 300 and kinds["rail"] > 150
    assert board.bridges, "roads must cross rivers somewhere"


def test_baltic_land_is_one_piece_but_for_the_islands(board):
    land = {h for h, c in board.country.items() if c in BALTIC and board.is_land(h)}
    comps, seen = [], set()
    for h in sorted(land):
        if h in seen:
            continue
        comp, stack = {h}, [h]
        seen.add(h)
        while stack:
            x = stack.pop()
            for n in board.neighbours(x):
                if n in land and n not in seen:
                    seen.add(n)
                    comp.add(n)
                    stack.append(n)
        comps.append(comp)
    comps.sort(key=len, reverse=True)
    main = comps[0]
    for name in ("Tallinn", "Riga", "Vilnius", "Klaipėda", "Narva", "Daugavpils"):
        assert city(board, name).hex in main
    # the rest are the West Estonian islands (Saaremaa with Muhu, Hiiumaa), west of Pärnu
    parnu_col = board.offset(city(board, "Pärnu").hex)[0]
    for comp in comps[1:]:
        assert all(board.country[h] == "EST" and board.offset(h)[0] < parnu_col for h in comp)
    assert len(main) >= 0.97 * len(land)


def test_outskirts_and_areas(board):
    for name in ("Tallinn", "Riga"):
        ring = board.outskirts[name]
        c = city(board, name).hex
        assert c in ring and all(distance(c, h) <= 1 and board.is_land(h) for h in ring)
    needed = {
        "suwalki_gap",
        "narva_approach",
        "pskov_approach",
        "latgale",
        "kaliningrad",
        "belarus_staging_north",
        "belarus_staging_west",
        "russia_leningrad_staging",
        "russia_pskov_staging",
        "russia_east_edge",
        "poland_entry",
        "tallinn_airhead",
        "riga_airhead",
        "vilnius_airhead",
        "finland_south_coast",
    }
    assert needed <= set(board.areas)
    for a in board.areas.values():
        assert a.hexes and all(board.is_land(h) for h in a.hexes), a.id
    assert {board.country[h] for h in board.areas["latgale"].hexes} == {"LVA"}
    assert {board.country[h] for h in board.areas["kaliningrad"].hexes} == {"KGD"}


def test_terrain_mix_is_plausible(board):
    t = Counter(board.terrain.values())
    land = sum(v for k, v in t.items() if k not in ("sea", "lake"))
    assert 0.4 <= (t["forest"] + t["mixed"]) / land <= 0.7  # EE 57%, LV 55% forest; LT, PL, BY less
    assert t["marsh"] >= 40 and t["urban"] >= 20
