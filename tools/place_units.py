"""Authoring aid: write an order-of-battle YAML from a compact spec, placing units near real towns.

    python tools/place_units.py SPEC.py OUT.yaml

The spec (a Python file defining HEADER, META, UNITS) names a town (or 'lat,lon') for each unit
that starts on the board; the unit goes on the nearest free land hex of its side's countries,
at most `per_hex` units a hex, ties broken by hex id (deterministic). The written YAML is the
source of truth afterwards: edit it by hand freely.
"""

from __future__ import annotations

import json
import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wargame.data.maps import load_map  # noqa: E402
from wargame.hexgrid import distance  # noqa: E402


# Garrison towns under the map's 15,000-people threshold (GeoNames coordinates, lat, lon).
GARRISONS = {
    "Tapa": (59.2606, 25.9586), "Rakvere": (59.3464, 26.3558), "Paide": (58.8856, 25.5572),
    "Ādaži": (57.0750, 24.3214), "Rukla": (55.0667, 24.3833), "Rūdninkai": (54.4333, 25.1500),
    "Pabradė": (54.9833, 25.7667), "Jõhvi": (59.3592, 27.4211), "Võru": (57.8339, 27.0194), "Sigulda": (57.1537, 24.8534),
}


def q(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def main(spec_path: str, out_path: str) -> None:
    spec = runpy.run_path(spec_path)
    board = load_map("baltic")
    countries = set(spec["COUNTRIES"])
    per_hex = spec.get("PER_HEX", 2)
    load: dict = {}
    lines = [spec["HEADER"].rstrip(), "format: wargame-oob/1"]
    meta = spec["META"]
    for k in ("id", "title", "side"):
        lines.append(f"{k}: {q(meta[k]) if k == 'title' else meta[k]}")
    if meta.get("description"):
        lines.append(f"description: {q(meta['description'])}")
    lines.append("sources:")
    for k, v in meta["sources"].items():
        lines.append(f"  {k}: {q(v)}")
    if meta.get("air"):
        a = meta["air"]
        lines.append("air:")
        lines.append(f"  sorties: {{day: {a['day']}, night: {a['night']}}}")
        for k in ("source", "assumption"):
            if a.get(k):
                lines.append(f"  {k}: {q(a[k])}")
    lines.append("units:")
    current = None
    for u in spec["UNITS"]:
        if u.get("group") and u["group"] != current:
            current = u["group"]
            lines.append(f"  # --- {current}")
        where = ""
        if "near" in u:
            town = board.city_named(u["near"])
            if town is not None:
                centre = town.hex
            elif u["near"] in GARRISONS:
                import math
                from wargame.hexgrid import hex_at_km
                from tools.mapgen.sources import project_xy  # needs pyproj: authoring only
                proj = board.meta["projection"]
                x, y = project_xy(GARRISONS[u["near"]][1], GARRISONS[u["near"]][0])
                centre = hex_at_km(x - proj["origin_x_km"], proj["origin_y_km"] - y, board.hex_size_km)
            else:
                raise SystemExit(f"unknown town {u['near']!r}")
            cands = sorted((h for h in board.country if board.is_land(h) and board.country[h] in countries
                            and load.get(h, 0) < per_hex),
                           key=lambda h: (distance(h, centre), board.hex_id(h)))
            h = cands[0]
            load[h] = load.get(h, 0) + 1
            where = f'hex: "{board.hex_id(h)}"'
        else:
            turn, area = u["arrive"]
            if area not in board.areas:
                raise SystemExit(f"unknown area {area!r}")
            where = f"arrive: {{turn: {turn}, area: {area}}}"
        parts = [f"id: {u['id']}", f"name: {q(u['name'])}", f"nation: {u['nation']}", f"type: {u['type']}",
                 f"formation: {q(u['formation'])}", where]
        if u.get("steps"):
            parts.append(f"steps: {u['steps']}")
        if u.get("source"):
            parts.append(f"source: {q(u['source'])}")
        if u.get("assumption"):
            parts.append(f"assumption: {q(u['assumption'])}")
        lines.append("  - {" + ", ".join(parts) + "}")
    Path(out_path).write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:3])
