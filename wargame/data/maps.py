"""maps/<id>.yaml -> Board. The format is in docs/formats.md ("Map")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from wargame.data import paths
from wargame.data.schema import Bool, Context, F, HexId, Int, MapOf, Num, Record, Seq, Str, load_validated
from wargame.hexgrid import Hex, Hexside, from_offset, hex_id, hexside, parse_hex_id
from wargame.model.board import TERRAINS, Area, Board, City, River

ID = r"[a-z][a-z0-9_\-]*"
COUNTRY = r"[A-Z]{3}|none"

SOURCE = Record({
    "name": F(Str(min_len=1)),
    "licence": F(Str(min_len=1)),
    "url": F(Str(), required=False, default=""),
    "used_for": F(Str(), required=False, default=""),
})

MAP_SPEC = Record({
    "format": F(Str(choices=("wargame-map/1",)), doc="file format and version"),
    "id": F(Str(pattern=ID, pattern_hint="a lower-case id")),
    "title": F(Str(min_len=1)),
    "hex_size_km": F(Num(min=0.1, max=1000), doc="flat-to-flat width of a hex in km"),
    "cols": F(Int(min=1, max=999)),
    "rows": F(Int(min=1, max=999)),
    "projection": F(Record({
        "proj": F(Str()),
        "origin_x_km": F(Num()),
        "origin_y_km": F(Num()),
    }), required=False, doc="how hexes relate to the earth"),
    "sources": F(Seq(SOURCE), required=False, default=[]),
    "legend": F(Record({
        "terrain": F(MapOf(Str(choices=TERRAINS), key_pattern=r".", key_hint="one character")),
        "country": F(MapOf(Str(pattern=COUNTRY, pattern_hint="a 3-letter country code or 'none'"),
                           key_pattern=r".", key_hint="one character")),
    })),
    "terrain": F(Str(), doc="one line per row, one legend character per hex"),
    "country": F(Str(), doc="one line per row, one legend character per hex"),
    "rivers": F(Seq(Record({
        "name": F(Str(min_len=1)),
        "class": F(Str(choices=("major", "minor"))),
        "hexsides": F(Str(), doc="space-separated hexsides AAAA/BBBB"),
    })), required=False, default=[]),
    "roads": F(Seq(Record({
        "name": F(Str(min_len=1)),
        "kind": F(Str(choices=("road", "rail"))),
        "hexes": F(Str(), doc="space-separated ids of adjacent hexes, in order"),
    })), required=False, default=[]),
    "cities": F(Seq(Record({
        "name": F(Str(min_len=1)),
        "hex": F(HexId()),
        "population": F(Int(min=0, max=100_000_000)),
        "country": F(Str(pattern=r"[A-Z]{3}", pattern_hint="a 3-letter country code")),
        "capital": F(Bool(), required=False, default=False),
        "objective": F(Bool(), required=False, default=False),
    })), required=False, default=[]),
    "outskirts": F(MapOf(Str(), key_hint="a city name"), required=False, default={}),
    "areas": F(MapOf(Record({
        "title": F(Str(min_len=1)),
        "description": F(Str(), required=False, default=""),
        "hexes": F(Str(), doc="space-separated hex ids"),
    }), key_pattern=ID, key_hint="a lower-case area id"), required=False, default={}),
}, description="A hex board (wargame-map/1). See docs/formats.md.")


def load_map(path_or_id: str | Path) -> Board:
    """Load and check a map. Raises DataError listing every problem with its place."""
    path = paths.resolve("maps", path_or_id)
    data, ctx = load_validated(path, MAP_SPEC, paths.display(path))
    board = _build(data, ctx)
    ctx.raise_if_problems()
    return board


def _grid(
    text: str, legend: dict[str, str], cols: int, rows: int, ctx: Context, key: str
) -> list[tuple[int, int, str]] | None:
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if len(lines) != rows:
        ctx.error_at((key,), f"expected {rows} lines (one per row), got {len(lines)}")
        return None
    base_line = ctx.marks.get((key,), (0, 0))[0]

    def indent(row: int) -> int:
        i = base_line + row  # 0-based index of the file line holding this row
        if 0 <= i < len(ctx.lines):
            text = ctx.lines[i]
            return len(text) - len(text.lstrip(" "))
        return 0

    out = []
    bad = 0
    for row, line in enumerate(lines):
        if len(line) != cols:
            ctx.problems.append(
                _at(
                    ctx,
                    base_line + row + 1,
                    indent(row) + 1,
                    f"{key} row {row + 1}",
                    f"expected {cols} characters (one per hex), got {len(line)}",
                )
            )
            bad += 1
            continue
        for col, ch in enumerate(line):
            v = legend.get(ch)
            if v is None:
                ctx.problems.append(
                    _at(
                        ctx,
                        base_line + row + 1,
                        indent(row) + col + 1,
                        f"{key} row {row + 1} column {col + 1}",
                        f"character {ch!r} is not in legend.{key} (expected one of "
                        f"{' '.join(repr(k) for k in legend)})",
                    )
                )
                bad += 1
                if bad > 20:
                    return None
                continue
            out.append((col, row, v))
    return None if bad else out


def _at(ctx: Context, line: int, col: int, path: str, msg: str):
    from wargame.data.schema import Problem

    return Problem(ctx.file, line, col, path, msg)


def _hex_list(text: str, board_hexes: dict[Hex, str], ctx: Context, path: tuple) -> list[Hex]:
    out = []
    for tok in text.split():
        try:
            h = parse_hex_id(tok)
        except ValueError as e:
            ctx.error_at(path, str(e))
            continue
        if h not in board_hexes:
            ctx.error_at(path, f"hex {tok} is off the board")
            continue
        out.append(h)
    return out


def _build(d: dict[str, Any], ctx: Context) -> Board:
    cols, rows = d["cols"], d["rows"]
    terrain: dict[Hex, str] = {}
    country: dict[Hex, str] = {}
    tgrid = _grid(d["terrain"], d["legend"]["terrain"], cols, rows, ctx, "terrain")
    cgrid = _grid(d["country"], d["legend"]["country"], cols, rows, ctx, "country")
    if tgrid is not None:
        for col, row, t in tgrid:
            terrain[from_offset(col, row)] = t
    else:  # keep the geometry so later checks do not cascade into "off the board"
        for row in range(rows):
            for col in range(cols):
                terrain[from_offset(col, row)] = "clear"
    if cgrid is not None:
        for col, row, c in cgrid:
            if c != "none":
                country[from_offset(col, row)] = c
    for h in list(country):
        if terrain.get(h) == "sea":
            del country[h]  # sea belongs to no one
    for h, t in terrain.items():
        if t not in ("sea",) and h not in country and cgrid is not None and tgrid is not None:
            ctx.error_at(("country",), f"hex {hex_id(h)} is {t} but has no country")
            break

    rivers: dict[Hexside, River] = {}
    for i, r in enumerate(d["rivers"]):
        info = River(r["name"], r["class"])
        for tok in r["hexsides"].split():
            try:
                a, b = tok.split("/")
                s = hexside(parse_hex_id(a), parse_hex_id(b))
            except ValueError as e:
                ctx.error_at(
                    ("rivers", i, "hexsides"), f"{tok!r}: {e}" if "/" in tok else f"{tok!r} is not a hexside AAAA/BBBB"
                )
                continue
            if s.a not in terrain or s.b not in terrain:
                ctx.error_at(("rivers", i, "hexsides"), f"hexside {tok} is off the board")
                continue
            prev = rivers.get(s)
            if prev is None or (prev.cls == "minor" and info.cls == "major"):
                rivers[s] = info

    roads: dict[Hexside, frozenset[str]] = {}
    road_names = []
    for i, r in enumerate(d["roads"]):
        path = _hex_list(r["hexes"], terrain, ctx, ("roads", i, "hexes"))
        for a, b in zip(path, path[1:]):
            try:
                s = hexside(a, b)
            except ValueError:
                ctx.error_at(("roads", i, "hexes"), f"consecutive hexes {hex_id(a)} and {hex_id(b)} are not adjacent")
                continue
            roads[s] = roads.get(s, frozenset()) | {r["kind"]}
        road_names.append((r["name"], r["kind"], tuple(path)))

    cities: dict[Hex, City] = {}
    named: dict[str, str] = {}
    for i, c in enumerate(d["cities"]):
        try:
            h = parse_hex_id(c["hex"])
        except ValueError as e:
            ctx.error_at(("cities", i, "hex"), str(e))
            continue
        if h not in terrain:
            ctx.error_at(("cities", i, "hex"), f"hex {c['hex']} is off the board")
            continue
        if terrain[h] == "sea":
            ctx.error_at(
                ("cities", i, "hex"), f"city {c['name']!r} stands on a sea hex ({c['hex']}); a city is on land"
            )
            continue
        if c["name"] in named:
            ctx.error_at(
                ("cities", i, "name"),
                f"two cities are named {c['name']!r} (the other at {named[c['name']]}); names must be unique",
            )
            continue
        named[c["name"]] = c["hex"]
        old = cities.get(h)
        if old is None or old.population < c["population"]:
            cities[h] = City(c["name"], h, c["population"], c["country"], c["capital"], c["objective"])

    names = {c.name for c in cities.values()}
    outskirts = {}
    for name, text in d["outskirts"].items():
        if name not in names:
            ctx.error_at(("outskirts", name), f"{name!r} is not a city on this map")
        outskirts[name] = frozenset(_hex_list(text, terrain, ctx, ("outskirts", name)))

    areas = {}
    for aid, a in d["areas"].items():
        areas[aid] = Area(
            aid, a["title"], a["description"], frozenset(_hex_list(a["hexes"], terrain, ctx, ("areas", aid, "hexes")))
        )

    return Board(
        id=d["id"],
        title=d["title"],
        cols=cols,
        rows=rows,
        hex_size_km=float(d["hex_size_km"]),
        terrain=terrain,
        country=country,
        rivers=rivers,
        roads=roads,
        road_names=road_names,
        cities=cities,
        outskirts=outskirts,
        areas=areas,
        meta={"projection": d.get("projection"), "sources": d["sources"], "file": ctx.file},
    )
