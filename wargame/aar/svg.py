"""SVG for the report and the projector: the board (terrain, rivers, borders, cities) drawn once,
and per frame an overlay (units, the front line, this turn's moves and attacks as arrows). Plain
strings: every name that reaches the SVG is escaped.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from html import escape

from wargame.aar.history import Frame, Mark
from wargame.hexgrid import Hex, neighbours
from wargame.model.board import Board

W = 12.0  # flat-to-flat width of a hex, in SVG units
R = W / math.sqrt(3.0)  # centre to corner
TERRAIN = {
    "clear": "#c9cc9a",
    "forest": "#7fa870",
    "mixed": "#a3bb84",
    "marsh": "#9fc0b6",
    "urban": "#b4b4b4",
    "lake": "#8fb8de",
    "sea": "#7aa6d2",
}
SIDE = {"red": "#c0392b", "blue": "#1f5fbf"}
FRONT_REACH = 4  # hexes: the front line is drawn where both sides are this near


def centre(h: Hex) -> tuple[float, float]:
    return W * (h.q + h.r / 2.0) + W, W * (math.sqrt(3.0) / 2.0) * h.r + R + 2


def extent(board: Board, hexes: Iterable[Hex] | None = None) -> tuple[float, float, float, float]:
    xs, ys = [], []
    for h in board.terrain if hexes is None else hexes:
        x, y = centre(h)
        xs.append(x)
        ys.append(y)
    return min(xs) - W, min(ys) - R - 2, max(xs) + W, max(ys) + R + 2


_REL = f"l{W / 2:.2f},{-R / 2:.2f}l{W / 2:.2f},{R / 2:.2f}v{R:.2f}l{-W / 2:.2f},{R / 2:.2f}l{-W / 2:.2f},{-R / 2:.2f}z"


def _hex_path(h: Hex) -> str:
    """A hex as a path from its west-north-west corner, in relative steps (a third of the bytes)."""
    x, y = centre(h)
    return f"M{x - W / 2:.1f},{y - R / 2:.1f}{_REL}"


def _edge(a: Hex, b: Hex) -> tuple[float, float, float, float]:
    """The shared edge of two neighbouring hexes."""
    (ax, ay), (bx, by) = centre(a), centre(b)
    mx, my = (ax + bx) / 2, (ay + by) / 2
    dx, dy = (bx - ax) / W, (by - ay) / W
    h = R / 2
    return mx - dy * h, my + dx * h, mx + dy * h, my - dx * h


def _line(a: Hex, b: Hex, style: str) -> str:
    x1, y1, x2, y2 = _edge(a, b)
    return f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" {style}/>'


def base(board: Board, big_labels: bool = False, window: set[Hex] | None = None) -> str:
    """The board's own layer: terrain by type, rivers, borders, roads, cities and their names (only
    the hexes in `window` when it is given)."""
    out = []
    by_type: dict[str, list[str]] = {}
    for h, t in board.terrain.items():
        if window is not None and h not in window:
            continue
        by_type.setdefault(t, []).append(_hex_path(h))
    for t, paths in sorted(by_type.items()):
        colour = TERRAIN.get(t, "#dddddd")
        out.append(
            f'<path class="t-{escape(t)}" fill="{colour}" stroke="{colour}" stroke-width="0.4" d="{"".join(paths)}"/>'
        )
    roads = []

    def shown(a: Hex) -> bool:
        return window is None or a in window

    for side in board.roads:
        if not shown(side.a):
            continue
        (ax, ay), (bx, by) = centre(side.a), centre(side.b)
        roads.append(f"M{ax:.1f},{ay:.1f}L{bx:.1f},{by:.1f}")
    if roads:
        out.append(f'<path d="{"".join(roads)}" stroke="#8a6d3b" stroke-width="0.9" fill="none" opacity="0.7"/>')
    for side, river in board.rivers.items():
        if not shown(side.a):
            continue
        width = 2.2 if river.cls == "major" else 1.2
        out.append(_line(side.a, side.b, f'stroke="#2a6fb0" stroke-width="{width}" stroke-linecap="round"'))
    for side in board.borders:
        if not shown(side.a):
            continue
        out.append(_line(side.a, side.b, 'stroke="#5b2a86" stroke-width="1.4" stroke-dasharray="3,2"'))
    size = 13 if big_labels else 9
    for h, c in board.cities.items():
        if not shown(h):
            continue
        x, y = centre(h)
        r = 4.5 if c.capital else 3 if c.objective else 2
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill="#fff8dc" stroke="#222" stroke-width="1"/>')
        if c.capital or c.objective or big_labels is False:
            weight = "bold" if c.capital else "normal"
            fs = size * (1.3 if c.capital else 1.0)
            out.append(
                f'<text class="city" x="{x + 5:.1f}" y="{y - 4:.1f}" font-size="{fs:.0f}" '
                f'font-weight="{weight}" paint-order="stroke" stroke="#ffffff" stroke-width="3">{escape(c.name)}</text>'
            )
    return '<g class="board">' + "".join(out) + "</g>"


def front(board: Board, frame: Frame) -> str:
    """The front line: hexsides where the land nearest to Red meets the land nearest to Blue, drawn
    only where both sides are within FRONT_REACH hexes (a multi-source search from each side's units)."""
    near = {s: _reach(board, [m.hex for m in frame.units if m.side == s]) for s in ("red", "blue")}
    red, blue = near["red"], near["blue"]
    out = []
    for h, dr in red.items():
        db = blue.get(h)
        if db is None or dr >= db:
            continue
        for n in neighbours(h):
            if n not in board.terrain or not board.is_land(n):
                continue
            nr, nb = red.get(n, 99), blue.get(n, 99)
            if nb <= nr and min(dr, nb) <= FRONT_REACH:
                out.append(_line(h, n, 'stroke="#111" stroke-width="2.6" stroke-linecap="round"'))
    return '<g class="front">' + "".join(out) + "</g>"


def _reach(board: Board, starts: list[Hex]) -> dict[Hex, int]:
    dist = {h: 0 for h in starts}
    todo = list(starts)
    for h in todo:
        d = dist[h]
        if d >= FRONT_REACH + 2:
            continue
        for n in neighbours(h):
            if n not in dist and board.is_land(n):
                dist[n] = d + 1
                todo.append(n)
    return dist


def overlay(board: Board, frame: Frame, scale: float = 1.0) -> str:
    """Units (one counter per hex, the stack's size beside it), the front, blown bridges and arrows."""
    out = [front(board, frame)]
    for ha, hb in frame.blown:
        out.append(_line(ha, hb, 'stroke="#ff7f00" stroke-width="3"'))
    stacks: dict[Hex, list[Mark]] = {}
    for m in frame.units:
        stacks.setdefault(m.hex, []).append(m)
    s = 9.0 * scale
    for h, ms in stacks.items():
        x, y = centre(h)
        side = ms[0].side
        names = "; ".join(f"{m.name} ({m.steps}/{m.max_steps})" for m in ms)
        label = escape(ms[0].branch) + (f"+{len(ms) - 1}" if len(ms) > 1 else "")
        out.append(
            f'<g class="unit {side}"><title>{escape(names)}</title>'
            f'<rect x="{x - s / 2:.1f}" y="{y - s / 2:.1f}" width="{s:.1f}" height="{s:.1f}" rx="1" '
            f'fill="{SIDE.get(side, "#555")}" stroke="#fff" stroke-width="0.6"/>'
            f'<text x="{x:.1f}" y="{y + s * 0.18:.1f}" font-size="{s * 0.45:.1f}" fill="#fff" '
            f'text-anchor="middle">{label}</text></g>'
        )
    for a in frame.arrows:
        pts = " ".join(f"{cx:.1f},{cy:.1f}" for cx, cy in (centre(h) for h in a.path))
        colour = "#000" if a.kind == "attack" else SIDE.get(a.side, "#555")
        dash = ' stroke-dasharray="2,2"' if a.kind == "retreat" else ""
        width = 1.8 if a.kind == "attack" else 1.2
        title = f"<title>{escape(a.side)} {a.kind}{': ' + escape(a.label) if a.label else ''}</title>"
        out.append(
            f'<polyline class="arrow {a.kind}" points="{pts}" fill="none" stroke="{colour}" '
            f'stroke-width="{width * scale:.1f}"{dash} marker-end="url(#head-{a.kind})" opacity="0.85">'
            f"{title}</polyline>"
        )
    return "".join(out)


MARKERS = "".join(
    f'<marker id="head-{k}" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="5" markerHeight="5" orient="auto">'
    f'<path d="M0,0L10,5L0,10Z" fill="{c}"/></marker>'
    for k, c in (("move", "#333"), ("retreat", "#777"), ("advance", "#333"), ("attack", "#000"))
)


def action_window(board: Board, frame: Frame, margin: int = 4) -> set[Hex] | None:
    """The hexes around this frame's arrows (a rectangle in offset coordinates), or None if none moved."""
    pts = [h for a in frame.arrows for h in a.path]
    if not pts:
        return None
    cols = [board.offset(h)[0] for h in pts]
    rows = [board.offset(h)[1] for h in pts]
    c0, c1, r0, r1 = min(cols) - margin, max(cols) + margin, min(rows) - margin, max(rows) + margin
    return {h for h in board.terrain if c0 <= board.offset(h)[0] <= c1 and r0 <= board.offset(h)[1] <= r1}


def map_svg(
    board: Board,
    frames: list[Frame],
    width: str = "100%",
    big_labels: bool = False,
    ident: str = "map",
    window: set[Hex] | None = None,
) -> str:
    """One SVG: the board once, and one overlay group per frame (all but the last hidden); the HTML
    slider shows one at a time. With a single frame it is a plain picture; `window` crops it."""
    x0, y0, x1, y1 = extent(board, window)
    groups = []
    for i, f in enumerate(frames):
        hidden = "" if i == len(frames) - 1 else ' style="display:none"'
        layer = overlay(board, f, 1.3 if big_labels else 1.0)
        groups.append(f'<g class="frame" data-turn="{f.turn}" id="{ident}-f{i}"{hidden}>{layer}</g>')
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{ident}" '
        f'viewBox="{x0:.0f} {y0:.0f} {x1 - x0:.0f} {y1 - y0:.0f}" width="{width}" '
        f'font-family="sans-serif" role="img" aria-label="map">'
        f"<defs>{MARKERS}</defs>{base(board, big_labels, window)}{''.join(groups)}</svg>"
    )


def line_chart(
    title: str,
    xs: list[float],
    series: dict[str, list[float]],
    colours: dict[str, str],
    y_label: str = "",
    x_label: str = "hour (H+)",
) -> str:
    """A small line chart: one polyline per series, axes with a few ticks, a legend."""
    w, h, left, bottom, top, right = 420, 230, 44, 34, 40, 10
    ymax = max([v for vs in series.values() for v in vs] + [1.0])
    xmin, xmax = (min(xs), max(xs)) if xs else (0.0, 1.0)
    if xmax == xmin:
        xmax = xmin + 1

    def px(x: float) -> float:
        return left + (x - xmin) / (xmax - xmin) * (w - left - right)

    def py(y: float) -> float:
        return h - bottom - y / ymax * (h - bottom - top)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
        f'font-family="sans-serif" font-size="10" role="img" aria-label="{escape(title)}">',
        f'<text x="{w / 2}" y="14" text-anchor="middle" font-weight="bold" font-size="12">{escape(title)}</text>',
        f'<line x1="{left}" y1="{h - bottom}" x2="{w - right}" y2="{h - bottom}" stroke="#333"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{h - bottom}" stroke="#333"/>',
    ]
    for k in range(5):
        yv = ymax * k / 4
        out.append(
            f'<text x="{left - 4}" y="{py(yv) + 3:.1f}" text-anchor="end">{yv:g}</text>'
            f'<line x1="{left}" y1="{py(yv):.1f}" x2="{w - right}" y2="{py(yv):.1f}" stroke="#ddd"/>'
        )
    step = max(1, len(xs) // 6)
    for x in xs[::step]:
        out.append(f'<text x="{px(x):.1f}" y="{h - bottom + 13}" text-anchor="middle">{x:g}</text>')
    out.append(f'<text x="{(left + w) / 2}" y="{h - 4}" text-anchor="middle">{escape(x_label)}</text>')
    if y_label:
        out.append(
            f'<text x="10" y="{(top + h - bottom) / 2}" transform="rotate(-90 10 {(top + h - bottom) / 2})" '
            f'text-anchor="middle">{escape(y_label)}</text>'
        )
    for i, (name, vs) in enumerate(series.items()):
        c = colours.get(name, "#444")
        pts = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in zip(xs, vs, strict=True))
        out.append(f'<polyline points="{pts}" fill="none" stroke="{c}" stroke-width="2"/>')
        out.append(
            f'<rect x="{left + 8 + i * 110}" y="{top - 14}" width="10" height="3" fill="{c}"/>'
            f'<text x="{left + 22 + i * 110}" y="{top - 10}">{escape(name)}</text>'
        )
    out.append("</svg>")
    return "".join(out)
