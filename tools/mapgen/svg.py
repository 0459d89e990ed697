"""An SVG overview of the generated board for handouts: terrain, borders, rivers, roads, cities."""

from __future__ import annotations

import math
from pathlib import Path
from xml.sax.saxutils import escape

from tools.mapgen import build as B
from wargame.hexgrid import SQRT3, Hex

FILL = {"clear": "#d8d8a8", "forest": "#5b8a4e", "mixed": "#8fae6a", "marsh": "#7fa9a0", "urban": "#9a9a9a",
        "lake": "#6fa0d0", "sea": "#4a7fb5"}
SCALE = 1.2  # px per km


def write_svg(md: B.MapData, path: Path) -> None:
    g = md.grid
    r = B.SIZE / SQRT3
    W = (g.cols + 1) * B.SIZE * SCALE
    H = (g.rows * B.SIZE * SQRT3 / 2 + B.SIZE) * SCALE

    def px(h: Hex) -> tuple[float, float]:
        x, y = g.centre(h)
        return (x - g.ox + B.SIZE) * SCALE, (g.oy - y + B.SIZE * 0.6) * SCALE

    def corner(h: Hex, k: int) -> tuple[float, float]:
        cx, cy = px(h)
        a = math.radians(-30 - 60 * k)
        return cx + r * SCALE * math.cos(a), cy - r * SCALE * math.sin(a)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W:.0f}" height="{H:.0f}" viewBox="0 0 {W:.0f} {H:.0f}">',
             '<rect width="100%" height="100%" fill="#ffffff"/>']
    for h in g.hexes():
        pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in (corner(h, k) for k in range(6)))
        parts.append(f'<polygon points="{pts}" fill="{FILL[md.terrain[h]]}" stroke="#00000018" stroke-width="0.4"/>')

    def edge(a: Hex, b: Hex) -> tuple[tuple[float, float], tuple[float, float]]:
        (ax, ay), (bx, by) = px(a), px(b)
        mx, my = (ax + bx) / 2, (ay + by) / 2
        dx, dy = bx - ax, by - ay
        L = math.hypot(dx, dy)
        hx, hy = -dy / L * r * SCALE / 2, dx / L * r * SCALE / 2
        return (mx + hx, my + hy), (mx - hx, my - hy)

    for a, b in B._border_sides(md):
        (x1, y1), (x2, y2) = edge(a, b)
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#c00000" stroke-width="2.2"/>'
        )
    for (a, b), (_name, cls) in sorted(md.rivers.items()):
        (x1, y1), (x2, y2) = edge(a, b)
        w = 2.6 if cls == "major" else 1.4
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#1050e0" stroke-width="{w}"/>'
        )
    for _name, kind, hexes in md.roads:
        pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in (px(h) for h in hexes))
        style = (
            'stroke="#603000" stroke-width="1.6"'
            if kind == "road"
            else 'stroke="#202020" stroke-width="1.2" stroke-dasharray="4,3"'
        )
        parts.append(f'<polyline points="{pts}" fill="none" {style}/>')
    for c in md.cities:
        x, y = px(c["hex"])
        rad = 4 if c["capital"] else 2.6 if c["population"] >= 50000 else 1.8
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{rad}" fill="#000"/>')
        if c["population"] >= 40000 or c["capital"] or c["objective"]:
            size = 12 if c["capital"] else 9
            parts.append(
                f'<text x="{x + 5:.1f}" y="{y - 3:.1f}" font-family="sans-serif" font-size="{size}" '
                f'fill="#000">{escape(c["name"])}</text>'
            )
    parts.append(
        '<text x="10" y="20" font-family="sans-serif" font-size="14">Baltic wargame board — 10 km hexes; '
        "Natural Earth, GSHHG, MODIS MCD12C1, GeoNames (CC BY 4.0)</text>"
    )
    parts.append("</svg>")
    path.write_text("\n".join(parts) + "\n", encoding="utf-8")
