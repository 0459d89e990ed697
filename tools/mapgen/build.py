"""Turn the real data into hexes: country and water by area fraction, terrain from land cover, rivers on
hexsides by the parity of crossings, towns, road corridors, named areas.

Deterministic: every iteration is over sorted keys or row-major hexes; floats are rounded on output.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely
import yaml
from shapely.geometry import LineString, Polygon
from shapely.strtree import STRtree

from tools.mapgen import sources
from wargame.hexgrid import (
    SQRT3,
    Hex,
    centre_km,
    distance,
    from_offset,
    hex_at_km,
    hex_id,
    hexside,
    neighbours,
    ring,
    to_offset,
)

SIZE = 10.0  # km, flat to flat
TERRAIN_CHAR = {"clear": ".", "forest": "f", "mixed": "m", "marsh": "b", "urban": "u", "lake": "l", "sea": "~"}
COUNTRY_CHAR = {"EST": "E", "LVA": "V", "LTU": "T", "KGD": "K", "POL": "P", "BLR": "B", "RUS": "R", "FIN": "F",
                "SWE": "S", "UKR": "U", "DEU": "D", "DNK": "N", None: "."}
CAPITALS = {"Tallinn", "Riga", "Vilnius", "Minsk"}
OBJECTIVES = CAPITALS | {"Kaliningrad", "Saint Petersburg", "Kaunas", "Daugavpils", "Narva", "Tartu", "Klaipėda",
                         "Pskov", "Pärnu", "Šiauliai", "Rēzekne", "Hrodna"}
# IGBP classes -> groups (shared/reference/geography.md §5.5)
FOREST = {1, 2, 3, 4, 5}
WOODS = {8}
MARSH = {11}
URBAN = {13}
WATER = {0}


@dataclass
class Grid:
    cols: int
    rows: int
    ox: float  # projected x of hex 0101's centre
    oy: float  # projected y of hex 0101's centre

    def centre(self, h: Hex) -> tuple[float, float]:
        dx, dy = centre_km(h, SIZE)
        return self.ox + dx, self.oy - dy

    def hexes(self):
        for row in range(self.rows):
            for col in range(self.cols):
                yield from_offset(col, row)

    def polygon(self, h: Hex) -> Polygon:
        x, y = self.centre(h)
        r = SIZE / SQRT3
        return Polygon(
            [
                (x + r * math.cos(math.radians(30 + 60 * k)), y + r * math.sin(math.radians(30 + 60 * k)))
                for k in range(6)
            ]
        )

    def hex_at(self, x: float, y: float) -> Hex:
        return hex_at_km(x - self.ox, self.oy - y, SIZE)


def make_grid() -> Grid:
    lo0, la0, lo1, la1 = sources.LONLAT_BOX
    xs, ys = [], []
    for t in np.linspace(0, 1, 50):
        for lon, lat in (
            (lo0 + t * (lo1 - lo0), la0),
            (lo0 + t * (lo1 - lo0), la1),
            (lo0, la0 + t * (la1 - la0)),
            (lo1, la0 + t * (la1 - la0)),
        ):
            x, y = sources.project_xy(lon, lat)
            xs.append(x)
            ys.append(y)
    xmin, xmax, ymin, ymax = math.floor(min(xs)), math.ceil(max(xs)), math.floor(min(ys)), math.ceil(max(ys))
    cols = int((xmax - xmin) // SIZE) + 1
    rows = int((ymax - ymin) // (SIZE * SQRT3 / 2)) + 1
    return Grid(cols, rows, float(xmin), float(ymax))


@dataclass
class MapData:
    grid: Grid
    terrain: dict[Hex, str] = field(default_factory=dict)
    country: dict[Hex, str | None] = field(default_factory=dict)
    rivers: dict[tuple, tuple[str, str]] = field(default_factory=dict)  # hexside -> (name, class)
    roads: list[tuple[str, str, list[Hex]]] = field(default_factory=list)
    cities: list[dict] = field(default_factory=list)
    areas: dict[str, dict] = field(default_factory=dict)
    outskirts: dict[str, list[Hex]] = field(default_factory=dict)
    stats: dict[str, object] = field(default_factory=dict)


def classify_water_and_country(md: MapData, countries: dict, lakes: list) -> None:
    g = md.grid
    hexes = list(g.hexes())
    polys = [g.polygon(h) for h in hexes]
    area = polys[0].area
    names = sorted(countries)
    share = np.zeros((len(hexes), len(names)))
    for j, name in enumerate(names):
        geom = countries[name]
        shapely.prepare(geom)
        inter = shapely.intersection(np.array(polys, dtype=object), geom)
        share[:, j] = shapely.area(inter) / area
    lake_geom = shapely.union_all(lakes) if lakes else None
    lake = np.zeros(len(hexes))
    if lake_geom is not None:
        lake = shapely.area(shapely.intersection(np.array(polys, dtype=object), lake_geom)) / area
    land_total = share.sum(axis=1)
    sea = 1.0 - land_total
    for i, h in enumerate(hexes):
        if sea[i] >= 0.5:
            md.terrain[h] = "sea"
            md.country[h] = None
            continue
        md.country[h] = names[int(np.argmax(share[i]))]
        md.terrain[h] = "lake" if lake[i] >= 0.5 else "clear"


def classify_terrain(md: MapData, lc: tuple, bogs: list[dict]) -> None:
    X, Y, cls = lc
    counts: dict[Hex, np.ndarray] = {}
    g = md.grid
    for x, y, c in zip(X, Y, cls):
        h = g.hex_at(x, y)
        if h not in md.terrain:
            continue
        a = counts.get(h)
        if a is None:
            a = counts[h] = np.zeros(17, dtype=int)
        a[c] += 1
    for h in g.hexes():
        if md.terrain[h] in ("sea", "lake"):
            continue
        a = counts.get(h)
        if a is None or a.sum() == 0:
            continue
        land = a.sum() - a[0]
        if land <= 0:
            continue
        f = lambda group, a=a, land=land: sum(a[k] for k in group) / land  # noqa: E731
        if f(URBAN) >= 0.34:
            md.terrain[h] = "urban"
        elif f(MARSH) >= 0.34:
            md.terrain[h] = "marsh"
        elif f(FOREST) >= 0.5:
            md.terrain[h] = "forest"
        elif f(FOREST) + f(WOODS) >= 0.5:
            md.terrain[h] = "mixed"
        else:
            md.terrain[h] = "clear"
    marsh_hexes = 0
    for b in bogs:
        x, y = sources.project_xy(b["lon"], b["lat"])
        centre = g.hex_at(x, y)
        for h in [centre] + [n for r in range(1, 4) for n in ring(centre, r)]:
            if h in md.terrain and md.terrain[h] not in ("sea", "lake", "urban"):
                hx, hy = g.centre(h)
                if math.hypot(hx - x, hy - y) <= b["radius_km"] + 1e-9 or h == centre:
                    md.terrain[h] = "marsh"
                    marsh_hexes += 1
    md.stats["bog_hexes"] = marsh_hexes


def hexside_segments(md: MapData):
    """Every hexside between two on-board hexes as (hexside, centre-to-centre segment), deterministic order."""
    g = md.grid
    out = []
    for h in g.hexes():
        for n in (Hex(h.q + 1, h.r), Hex(h.q, h.r + 1), Hex(h.q - 1, h.r + 1)):  # E, SE, SW: each side once
            if n in md.terrain:
                out.append((hexside(h, n), LineString([g.centre(h), g.centre(n)])))
    return out


def lay_rivers(md: MapData, rivers: dict, majors: set[str]) -> None:
    segs = hexside_segments(md)
    seg_geoms = np.array([s for _, s in segs], dtype=object)
    tree = STRtree(seg_geoms)
    for name in sorted(rivers):
        geom, rank = rivers[name]
        cls = "major" if (name in majors or rank <= 7) else "minor"
        idx = tree.query(geom, predicate="intersects")
        for i in sorted(int(k) for k in idx):
            side, seg = segs[i]
            inter = seg.intersection(geom)
            n = shapely.get_num_geometries(inter) if not inter.is_empty else 0
            if inter.geom_type in ("LineString", "MultiLineString"):
                continue  # runs along the segment: no clean crossing
            if n % 2 == 1:
                a, b = side
                if md.terrain[a] in ("sea", "lake") or md.terrain[b] in ("sea", "lake"):
                    continue
                prev = md.rivers.get(side)
                if prev is None or (prev[1] == "minor" and cls == "major"):
                    md.rivers[side] = (name, cls)


def place_cities(md: MapData, towns: list) -> dict[str, Hex]:
    """Towns >= 15,000, districts merged (an entry within 12 km of a larger kept one is dropped)."""
    g = md.grid
    kept: list[tuple] = []
    by_name: dict[str, Hex] = {}
    lo0, la0, lo1, la1 = sources.LONLAT_BOX
    for t in towns:
        x, y = sources.project_xy(t.lon, t.lat)
        if any(math.hypot(x - kx, y - ky) < 12.0 for kx, ky, _ in kept):
            continue
        h = g.hex_at(x, y)
        if h not in md.terrain:
            continue
        if md.terrain[h] in ("sea", "lake"):
            land = [n for n in neighbours(h) if md.terrain.get(n) not in (None, "sea", "lake")]
            if not land:
                continue
            h = min(land, key=lambda n: (math.hypot(g.centre(n)[0] - x, g.centre(n)[1] - y), n))
        if any(c["hex"] == h for c in md.cities):
            continue
        kept.append((x, y, t.name))
        country = md.country[h]
        md.cities.append(
            {
                "name": t.name,
                "hex": h,
                "population": t.population,
                "country": country,
                "capital": t.name in CAPITALS,
                "objective": t.name in OBJECTIVES,
            }
        )
        by_name[t.name] = h
        if t.population >= 150_000 and md.terrain[h] not in ("sea", "lake"):
            md.terrain[h] = "urban"  # the built-up core of a large city is urban at 10 km whatever MODIS saw
    md.cities.sort(key=lambda c: (-c["population"], c["name"]))
    return by_name


def _land(md: MapData, h: Hex) -> bool:
    return md.terrain.get(h) not in (None, "sea", "lake")


def route(md: MapData, a: Hex, b: Hex, river_penalty: dict[str, float] | None = None) -> list[Hex]:
    """Shortest land path a -> b (A*), ties broken toward the straight line, deterministic.

    Crossing a river hexside costs `river_penalty[class]` hexes more: a real road crosses a major
    river only where it has to, at a bridge, and otherwise keeps to one bank. Without the penalty a
    corridor laid along a river that runs across the grid (the Daugava between Daugavpils and Riga)
    zig-zags over the river's hexsides, and every step across is a bridge the real road does not
    have."""
    g = md.grid
    pen = river_penalty or {}
    ax, ay = g.centre(a)
    bx, by = g.centre(b)
    L = math.hypot(bx - ax, by - ay) or 1.0

    def off_line(h: Hex) -> float:
        x, y = g.centre(h)
        return abs((bx - ax) * (ay - y) - (ax - x) * (by - ay)) / L

    start = (distance(a, b), 0.0, a)
    openq = [start]
    came: dict[Hex, Hex | None] = {a: None}
    cost: dict[Hex, float] = {a: 0.0}
    while openq:
        _, _, h = heapq.heappop(openq)
        if h == b:
            break
        for n in neighbours(h):
            if not _land(md, n) and n != b:
                continue
            c = cost[h] + 1.0 + off_line(n) * 1e-3
            river = md.rivers.get(hexside(h, n))
            if river is not None:
                c += pen.get(river[1], 0.0)
            if c < cost.get(n, 1e18):
                cost[n] = c
                came[n] = h
                heapq.heappush(openq, (c + distance(n, b), off_line(n), n))
    if b not in came:
        raise SystemExit(f"mapgen: no land route between {hex_id(a)} and {hex_id(b)}")
    path = [b]
    while came[path[-1]] is not None:
        path.append(came[path[-1]])
    return path[::-1]


def lay_roads(md: MapData, corridors: list[dict], gazetteer: dict[str, tuple[float, float]],
              river_penalty: dict[str, float] | None = None) -> None:
    g = md.grid
    for c in corridors:
        hexes: list[Hex] = []
        for town in c["towns"]:
            if town not in gazetteer:
                raise SystemExit(f"mapgen: corridor {c['name']!r}: unknown town {town!r} (add it to extra_towns)")
            lat, lon = gazetteer[town]
            x, y = sources.project_xy(lon, lat)
            h = g.hex_at(x, y)
            if h not in md.terrain:
                continue  # off the board: the corridor leaves the map
            if not _land(md, h):
                h = min((n for n in neighbours(h) if _land(md, n)), key=lambda n: n)
            if hexes and hexes[-1] == h:
                continue
            if hexes:
                hexes.extend(route(md, hexes[-1], h, river_penalty)[1:])
            else:
                hexes.append(h)
        if len(hexes) >= 2:
            md.roads.append((c["name"], c["kind"], hexes))


def define_areas(md: MapData, city_hex: dict[str, Hex], road_paths: dict[str, list[Hex]]) -> None:
    g = md.grid
    land = {h for h in g.hexes() if _land(md, h)}

    def lonlat(h: Hex) -> tuple[float, float]:
        return sources.unproject_xy(*g.centre(h))

    ll = {h: lonlat(h) for h in sorted(land)}

    def of(*countries: str) -> set[Hex]:
        return {h for h in land if md.country[h] in countries}

    def near(centre_name: str, radius: int, countries: tuple[str, ...]) -> set[Hex]:
        c = city_hex[centre_name]
        return {h for h in land if distance(h, c) <= radius and md.country[h] in countries}

    def ring1(name: str) -> set[Hex]:
        c = city_hex[name]
        return {c} | {n for n in neighbours(c) if n in land}

    pl_lt = [s for s in _border_sides(md) if {md.country[s[0]], md.country[s[1]]} == {"POL", "LTU"}]
    gap = {h for h in of("POL", "LTU") if any(distance(h, s[0]) <= 2 or distance(h, s[1]) <= 2 for s in pl_lt)}
    east_cols = {h for h in of("RUS") if to_offset(h)[0] >= g.cols - 2}
    south = {h for h in of("POL") if to_offset(h)[1] >= g.rows - 3 and 21.5 <= ll[h][0] <= 23.5}
    via = road_paths.get("Via Baltica (E67)", [])
    poland_entry = {h for h in south if any(distance(h, v) <= 3 for v in via)} or south
    areas = {
        "suwalki_gap": (
            "Suwałki gap",
            "Polish and Lithuanian land within 2 hexes of the Polish–Lithuanian border, the ~65 km land link between "
            "Kaliningrad and Belarus",
            gap,
        ),
        "narva_approach": (
            "Narva approach",
            "Estonian and Russian land within 5 hexes of Narva: the E20 axis toward Tallinn",
            near("Narva", 5, ("EST", "RUS")),
        ),
        "pskov_approach": (
            "Pskov approach",
            "Land within 6 hexes of Pskov: the E77 and E263 axes toward Riga and Tartu",
            near("Pskov", 6, ("EST", "LVA", "RUS")),
        ),
        "latgale": (
            "Latgale",
            "Latvian land east of 26.2 E (Rēzekne, Daugavpils, Ludza)",
            {h for h in of("LVA") if ll[h][0] > 26.2},
        ),
        "kaliningrad": ("Kaliningrad", "The Russian exclave", of("KGD")),
        "kaliningrad_staging": ("Kaliningrad staging", "All Kaliningrad land hexes", of("KGD")),
        "belarus_staging_north": (
            "Belarus staging (north)",
            "Belarusian land north of 55 N (Polotsk, Braslaw, Vitebsk) facing Latvia and Lithuania",
            {h for h in of("BLR") if ll[h][1] > 55.0},
        ),
        "belarus_staging_west": (
            "Belarus staging (west)",
            "Belarusian land west of 25.5 E and south of 54.6 N (Grodno, Lida) facing the Suwałki gap and Vilnius",
            {h for h in of("BLR") if ll[h][0] < 25.5 and ll[h][1] < 54.6},
        ),
        "russia_leningrad_staging": (
            "Leningrad region staging",
            "Russian land north of 58.6 N and west of 30 E (Ivangorod, Kingisepp, Luga)",
            {h for h in of("RUS") if ll[h][1] > 58.6 and ll[h][0] < 30.0},
        ),
        "russia_pskov_staging": (
            "Pskov region staging",
            "Russian land within 8 hexes of Pskov or Ostrov, west of 29.5 E",
            {
                h
                for h in of("RUS")
                if ll[h][0] < 29.5 and (distance(h, city_hex["Pskov"]) <= 8 or distance(h, city_hex["Ostrov"]) <= 8)
            },
        ),
        "russia_east_edge": (
            "Russia, east edge",
            "Russian land in the two easternmost columns: the road and rail entries from Moscow and the interior",
            east_cols,
        ),
        "poland_entry": (
            "Poland entry",
            "Polish land at the south edge of the board near the Via Baltica: NATO reinforcements by road",
            poland_entry,
        ),
        "tallinn_airhead": (
            "Tallinn airhead",
            "Tallinn and its ring: air- and sea-landed reinforcements",
            ring1("Tallinn"),
        ),
        "riga_airhead": ("Riga airhead", "Riga and its ring: air- and sea-landed reinforcements", ring1("Riga")),
        "vilnius_airhead": ("Vilnius airhead", "Vilnius and its ring: air-landed reinforcements", ring1("Vilnius")),
        "finland_south_coast": ("Finland, south coast", "Finnish land on the board", of("FIN")),
        "estonia_interior": ("Estonia", "All Estonian land hexes", of("EST")),
        "latvia_interior": ("Latvia", "All Latvian land hexes", of("LVA")),
        "lithuania_interior": ("Lithuania", "All Lithuanian land hexes", of("LTU")),
    }
    for aid, (title, desc, hexes) in areas.items():
        if not hexes:
            raise SystemExit(f"mapgen: area {aid} came out empty")
        md.areas[aid] = {"title": title, "description": desc, "hexes": sorted(hexes)}
    for name in ("Tallinn", "Riga"):
        md.outskirts[name] = sorted(ring1(name))


def _border_sides(md: MapData):
    out = []
    for h in md.grid.hexes():
        if not _land(md, h):
            continue
        for n in neighbours(h):
            if n in md.terrain and _land(md, n) and h < n and md.country[h] != md.country[n]:
                out.append((h, n))
    return out


def build(repo: Path) -> MapData:
    ov = yaml.safe_load((Path(__file__).parent / "overrides.yaml").read_text(encoding="utf-8"))
    md = MapData(make_grid())
    classify_water_and_country(md, sources.countries(), sources.lakes())
    classify_terrain(md, sources.landcover(), ov["bogs"])
    lay_rivers(md, sources.rivers(sources.shared_rivers_path(repo), ov["river_names"]), set(ov["major_rivers"]))
    city_hex = place_cities(md, sources.towns(15000))
    gazetteer: dict[str, tuple[float, float]] = {}
    for t in sources.towns(5000)[::-1]:  # larger towns win a shared name
        gazetteer[t.name] = (t.lat, t.lon)
    for name, (lat, lon) in ov["extra_towns"].items():
        gazetteer[name] = (lat, lon)
    lay_roads(md, ov["corridors"], gazetteer, ov["road_river_penalty"])
    define_areas(md, city_hex, {n: p for n, _, p in md.roads})
    return md
