"""Authoring aid for orders of battle: put units on real hexes near their garrisons, and check them.

    python tools/place_units.py orders_of_battle/nato-2016.yaml ...          # report only
    python tools/place_units.py orders_of_battle/nato-2016.yaml ... --write  # re-place anchored units

The OOB YAML is the source of truth and holds plain hex ids. A unit written on one line may carry a
trailing *anchor* comment that says where it belongs:

    - {id: ee-scouts, ..., hex: "4312", source: "..."}   # @Tapa

An anchor is a city of the map (`@Tartu`), a garrison town of GARRISONS below (`@Ādaži`), a hex id
(`@4312`) or a latitude,longitude pair (`@59.26,25.96`). With `--write` every anchored unit is moved
to the nearest land hex of its side's countries that holds fewer than `--per-hex` units (default 2,
so that the stacking limit of 3 leaves room to manoeuvre), preferring open and urban ground to forest
and marsh, ties broken by hex id: deterministic, and running it twice changes nothing. Units without
an anchor keep their hex and count towards the load. Files are processed in the order given and share
the load, so pass every OOB of one side of a scenario together. The report lists each unit's hex,
terrain, country and nearest town, and warns about overstacked hexes and hexes outside the side's
countries.

Anchors in lat/lon and garrisons need pyproj (an authoring dependency: tools/requirements-mapgen.txt);
map cities and hex ids do not.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from wargame.data.maps import load_map  # noqa: E402
from wargame.hexgrid import Hex, distance, hex_at_km  # noqa: E402

SIDE_COUNTRIES = {"red": ("RUS", "KGD", "BLR"), "blue": ("EST", "LVA", "LTU", "POL", "FIN", "SWE")}

# Garrison towns that the map does not list (it keeps towns of 15,000 people and more).
# Coordinates (lat, lon) from GeoNames / the towns' public descriptions, rounded to 0.01 degree.
GARRISONS: dict[str, tuple[float, float]] = {
    # Estonia
    "Tapa": (59.26, 25.96), "Paldiski": (59.35, 24.05), "Jõhvi": (59.36, 27.42), "Rakvere": (59.35, 26.36),
    "Võru": (57.83, 27.02), "Luunja": (58.36, 26.88), "Paide": (58.89, 25.56), "Ämari": (59.26, 24.21),
    "Viljandi": (58.36, 25.59), "Valga": (57.78, 26.05), "Põlva": (58.06, 27.07), "Jõgeva": (58.75, 26.39),
    "Haapsalu": (58.94, 23.54), "Rapla": (59.00, 24.79), "Mustvee": (58.85, 26.94), "Sillamäe": (59.40, 27.76),
    # Latvia
    "Ādaži": (57.08, 24.32), "Alūksne": (57.42, 27.05), "Gulbene": (57.18, 26.75), "Balvi": (57.13, 27.26),
    "Ludza": (56.55, 27.72), "Krāslava": (55.90, 27.17), "Madona": (56.85, 26.22), "Cēsis": (57.31, 25.27),
    "Lielvārde": (56.78, 24.85), "Valka": (57.77, 26.02), "Smiltene": (57.42, 25.90), "Jēkabpils": (56.50, 25.86),
    "Sigulda": (57.15, 24.85), "Preiļi": (56.29, 26.72), "Aizkraukle": (56.60, 25.25), "Limbaži": (57.51, 24.71),
    "Kārsava": (56.78, 27.69), "Zilupe": (56.39, 28.12),
    # Lithuania
    "Rukla": (55.07, 24.38), "Rūdninkai": (54.43, 25.15), "Pabradė": (54.98, 25.77), "Tauragė": (55.25, 22.29),
    "Ukmergė": (55.25, 24.75), "Kėdainiai": (55.29, 23.97), "Visaginas": (55.60, 26.44), "Ignalina": (55.34, 26.16),
    "Lazdijai": (54.23, 23.52), "Varėna": (54.22, 24.57), "Šalčininkai": (54.31, 25.38), "Zarasai": (55.73, 26.25),
    "Rokiškis": (55.96, 25.59), "Biržai": (56.20, 24.76), "Kazlų Rūda": (54.75, 23.49), "Telšiai": (55.98, 22.25),
    "Plungė": (55.91, 21.84), "Jurbarkas": (55.08, 22.76), "Vilkaviškis": (54.65, 23.03), "Kalvarija": (54.42, 23.22),
    # Poland
    "Orzysz": (53.81, 21.95), "Bartoszyce": (54.25, 20.81), "Braniewo": (54.38, 19.82), "Gołdap": (54.31, 22.30),
    # Russia and Kaliningrad
    "Ivangorod": (59.37, 28.22), "Strugi Krasnye": (58.28, 29.10), "Cherekha": (57.73, 28.33),
    "Promezhitsy": (57.83, 28.23), "Pechory": (57.81, 27.61), "Pytalovo": (57.07, 27.92), "Sebezh": (56.29, 28.49),
    "Opochka": (56.71, 28.66), "Porkhov": (57.77, 29.56), "Gdov": (58.74, 27.82), "Kotly": (59.57, 28.78),
    "Gvardeysk": (54.65, 21.07), "Znamensk": (54.61, 21.22), "Nesterov": (54.63, 22.57),
    "Krasnoznamensk": (54.94, 22.49), "Bagrationovsk": (54.39, 20.64), "Pravdinsk": (54.44, 21.02),
    "Ozyorsk": (54.41, 22.01), "Neman": (55.03, 22.03),
    # Belarus
    "Ashmyany": (54.42, 25.94), "Postavy": (55.11, 26.84), "Vawkavysk": (53.16, 24.45), "Shchuchyn": (53.60, 24.74),
    "Braslaw": (55.64, 27.04), "Hlybokaye": (55.14, 27.69), "Lepel": (54.88, 28.69),
}

TERRAIN_PREFERENCE = {"urban": 0, "clear": 0, "mixed": 1, "forest": 2, "marsh": 3}
ANCHOR = re.compile(r"#\s*@(?P<anchor>[^#]+?)\s*$")
HEX_FIELD = re.compile(r'hex:\s*"(?P<hex>\d{4,6})"')


def anchor_hex(board, anchor: str) -> Hex:
    """The hex an anchor names: a map city, a garrison, a hex id or 'lat,lon'."""
    anchor = anchor.strip()
    city = board.city_named(anchor)
    if city is not None:
        return city.hex
    if re.fullmatch(r"\d{4,6}", anchor):
        return board.parse_hex(anchor)
    if anchor in GARRISONS or re.fullmatch(r"-?\d+(\.\d+)?\s*,\s*-?\d+(\.\d+)?", anchor):
        lat, lon = GARRISONS[anchor] if anchor in GARRISONS else (float(x) for x in anchor.split(","))
        from pyproj import Transformer  # authoring dependency only

        proj = board.meta["projection"]
        x, y = Transformer.from_crs("EPSG:4326", proj["proj"], always_xy=True).transform(lon, lat)
        return hex_at_km(x - proj["origin_x_km"], proj["origin_y_km"] - y, board.hex_size_km)
    raise SystemExit(
        f"unknown anchor {anchor!r}: not a map city, a garrison of tools/place_units.py, a hex id or lat,lon"
    )


def nearest_town(board, h: Hex) -> str:
    c = min(board.cities.values(), key=lambda c: (distance(c.hex, h), -c.population))
    return f"{distance(c.hex, h)} from {c.name}" if distance(c.hex, h) else f"in {c.name}"


def place(paths: list[Path], write: bool, per_hex: int, countries: tuple[str, ...] | None) -> int:
    """Re-place anchored units (with `write`) and print the report; returns the number of problems."""
    board = load_map("baltic")
    load: Counter = Counter()
    texts = {p: p.read_text(encoding="utf-8") for p in paths}
    # First pass: units without an anchor keep their hex and count towards the load.
    for text in texts.values():
        for line in text.splitlines():
            m = HEX_FIELD.search(line)
            if m and not ANCHOR.search(line) and m["hex"] != "0000":
                load[board.parse_hex(m["hex"])] += 1
    problems = 0
    for p, text in texts.items():
        side = yaml.safe_load(text).get("side", "blue")
        own = set(countries or SIDE_COUNTRIES[side])
        out = []
        for line in text.splitlines():
            m, a = HEX_FIELD.search(line), ANCHOR.search(line)
            if m and a and write:
                centre = anchor_hex(board, a["anchor"])
                cands = [h for h in board.country if board.is_land(h) and board.country[h] in own and load[h] < per_hex]
                best = min(
                    cands,
                    key=lambda h: (distance(h, centre), TERRAIN_PREFERENCE.get(board.terrain[h], 2), board.hex_id(h)),
                )
                load[best] += 1
                line = line[: m.start("hex")] + board.hex_id(best) + line[m.end("hex") :]
            out.append(line)
        new = "\n".join(out) + ("\n" if text.endswith("\n") else "")
        if write and new != text:
            p.write_text(new, encoding="utf-8")
        data = yaml.safe_load(new)
        print(f"== {p} ({side}, countries {', '.join(sorted(own))})")
        here: Counter = Counter()
        for u in data.get("units") or []:
            if u.get("hex"):
                h = board.parse_hex(u["hex"])
                here[h] += 1
                c = board.country.get(h)
                flag = "" if board.is_land(h) and c in own else "   <-- NOT ON OWN LAND"
                problems += bool(flag)
                print(
                    f"  {u['id']:<22} {u['hex']}  {board.terrain.get(h, '?'):<7} {c or '-':<4} "
                    f"{nearest_town(board, h)}{flag}"
                )
            else:
                print(f"  {u['id']:<22} arrives turn {u['arrive']['turn']} at {u['arrive']['area']}")
        for h, n in sorted(here.items()):
            if n > 3:
                problems += 1
                print(f"  !! {board.hex_id(h)} holds {n} units (stacking limit 3)")
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--write", action="store_true", help="re-place anchored units and rewrite the files")
    ap.add_argument("--per-hex", type=int, default=2, help="units per hex when placing (default 2)")
    ap.add_argument("--countries", help="comma-separated country codes (default: by the file's side)")
    a = ap.parse_args(argv)
    countries = tuple(a.countries.split(",")) if a.countries else None
    return 1 if place(a.files, a.write, a.per_hex, countries) else 0


if __name__ == "__main__":
    sys.exit(main())
