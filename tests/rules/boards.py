"""Small hand-built boards and scenarios for the rules tests: every rule gets the smallest board that
shows it. A board is drawn as text, one line per row (north first), one character per hex:

    terrain: . clear  f forest  m mixed  b marsh  u urban  l lake  ~ sea
    country: E Estonia  R Russia  B Belarus  F Finland  . none

Hex ids are CCRR (column, row; 1-based), as on every board of the game.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from wargame.data.tables import Tables, load_tables, tables_from_dict
from wargame.hexgrid import hexside, parse_hex_id
from wargame.model.board import Area, Board, City, River
from wargame.model.scenario import AirPool, Clock, Scenario, SideSetup, Victory
from wargame.model.units import Side, Unit, UnitType

TERRAIN = {".": "clear", "f": "forest", "m": "mixed", "b": "marsh", "u": "urban", "l": "lake", "~": "sea"}
COUNTRY = {"E": "EST", "R": "RUS", "B": "BLR", "F": "FIN", "L": "LVA"}

TYPES = {
    t.id: t
    for t in (
        UnitType("tank", "Tank battalion", "armour", "TK", "tracked", 12, 6, 4, 3, detection=2, branch="armour"),
        UnitType(
            "mech",
            "Mechanised battalion",
            "mechanised",
            "MI",
            "tracked",
            12,
            4,
            4,
            2,
            detection=2,
            branch="mechanised_infantry",
        ),
        UnitType(
            "inf", "Infantry battalion", "light_infantry", "IN", "foot", 6, 2, 4, 2, detection=1, branch="infantry"
        ),
        UnitType(
            "truck",
            "Motorised infantry battalion",
            "motorised_infantry",
            "MO",
            "wheeled",
            10,
            3,
            3,
            2,
            detection=1,
            branch="motorised_infantry",
        ),
        UnitType(
            "heli",
            "Air assault battalion",
            "air_assault",
            "AA",
            "airmobile",
            8,
            3,
            3,
            2,
            detection=1,
            branch="air_assault",
        ),
        UnitType(
            "recon",
            "Reconnaissance battalion",
            "recon",
            "RC",
            "wheeled",
            14,
            1,
            1,
            1,
            detection=4,
            branch="reconnaissance",
        ),
        UnitType(
            "arty",
            "Artillery battalion",
            "artillery",
            "AT",
            "tracked",
            8,
            0,
            1,
            1,
            range=2,
            support=3,
            detection=1,
            branch="artillery",
        ),
        UnitType(
            "rocket",
            "Rocket battalion",
            "rocket_artillery",
            "RK",
            "wheeled",
            8,
            0,
            1,
            1,
            range=5,
            support=4,
            detection=1,
            branch="rocket_artillery",
        ),
        UnitType(
            "sam",
            "SAM regiment",
            "air_defence",
            "S4",
            "wheeled",
            6,
            0,
            1,
            1,
            ad_range=6,
            ad_strength=4,
            detection=1,
            branch="air_defence",
        ),
        UnitType(
            "hq", "Headquarters", "headquarters", "HQ", "wheeled", 10, 0, 1, 1, detection=1, branch="headquarters"
        ),
    )
}


def H(text: str):
    return parse_hex_id(text)


def board(
    terrain: Iterable[str],
    country: Iterable[str] | None = None,
    *,
    rivers: Iterable[tuple[str, str]] = (),
    roads: Iterable[str] = (),
    rails: Iterable[str] = (),
    cities: Iterable[tuple[str, str, str]] = (),
    outskirts: dict[str, str] | None = None,
    areas: dict[str, str] | None = None,
) -> Board:
    """A board from text rows. `rivers`: ("AAAA/BBBB", "major"|"minor"); `roads`/`rails`: "AAAA BBBB CCCC"
    paths; `cities`: (name, hex, country); `outskirts`/`areas`: name -> "AAAA BBBB"."""
    from wargame.hexgrid import from_offset

    trows = [r for r in terrain]
    crows = [r for r in country] if country is not None else ["E" * len(r) for r in trows]
    t, c = {}, {}
    for row, (tl, cl) in enumerate(zip(trows, crows)):
        for col, (tc, cc) in enumerate(zip(tl, cl)):
            h = from_offset(col, row)
            t[h] = TERRAIN[tc]
            if cc in COUNTRY:
                c[h] = COUNTRY[cc]
    rv = {}
    for side, cls in rivers:
        a, b = side.split("/")
        rv[hexside(H(a), H(b))] = River(f"river {side}", cls)
    rd: dict = {}
    for kind, paths in (("road", roads), ("rail", rails)):
        for p in paths:
            hs = [H(x) for x in p.split()]
            for a, b in zip(hs, hs[1:]):
                s = hexside(a, b)
                rd[s] = rd.get(s, frozenset()) | {kind}
    cs = {H(hx): City(name, H(hx), 100000, ctry, capital=True, objective=True) for name, hx, ctry in cities}
    ok = {name: frozenset(H(x) for x in hexes.split()) for name, hexes in (outskirts or {}).items()}
    ar = {name: Area(name, name, "", frozenset(H(x) for x in hexes.split())) for name, hexes in (areas or {}).items()}
    return Board("test", "test board", len(trows[0]), len(trows), 10.0, t, c, rv, rd, [], cs, ok, ar)


def unit(
    uid: str,
    side: Side,
    type_id: str,
    hex_id: str | None,
    steps: int | None = None,
    arrive: tuple[int, str] | None = None,
) -> Unit:
    t = TYPES[type_id]
    return Unit(
        uid,
        f"{uid} ({t.name})",
        side,
        "RUS" if side is Side.RED else "EST",
        t,
        "test",
        H(hex_id) if hex_id else None,
        t.steps if steps is None else steps,
        arrive[0] if arrive else 0,
        arrive[1] if arrive else None,
    )


RED, BLUE = Side.RED, Side.BLUE


def tables(**changes: Any) -> Tables:
    """The standard tables, with sections changed: tables(movement={"stacking": 2})."""
    base = load_tables()
    if not changes:
        return base
    raw = {k: (dict(v) if isinstance(v, dict) else v) for k, v in base.raw.items()}
    for section, values in changes.items():
        raw[section] = {**raw[section], **values}
    return tables_from_dict(raw, "test")


def scenario(
    b: Board,
    units: list[Unit],
    *,
    red: Iterable[str] = ("RUS",),
    blue: Iterable[str] = ("EST", "LVA"),
    neutral: Iterable[str] = ("BLR", "FIN"),
    params: dict | None = None,
    turns: int = 6,
    air: tuple = (0, 0, 0, 0),
    measure: Iterable[str] = (),
    objectives: Iterable[str] = (),
    t: Tables | None = None,
    first_turn: str = "day",
) -> Scenario:
    """A scenario on board `b`. `air` = (red day, red night, blue day, blue night) sorties."""
    p = {"warning_hours": 0, "belarus": False, "night": True, "red_competence": 0, **(params or {})}
    pools = {RED: AirPool(air[0], air[1]), BLUE: AirPool(air[2], air[3])}
    return Scenario(
        "test",
        "test",
        "test",
        b,
        dict(TYPES),
        units,
        Clock(12, first_turn, turns),
        p,
        {RED: SideSetup(RED, "Red", frozenset(red), ""), BLUE: SideSetup(BLUE, "Blue", frozenset(blue), "")},
        frozenset(neutral),
        Victory(tuple(measure), tuple(objectives)),
        pools,
        "test",
        t or tables(),
    )


def open_board(cols: int = 8, rows: int = 6, split: int = 4) -> Board:
    """All clear; Estonia west of column `split`, Russia east of it."""
    return board(["." * cols] * rows, ["E" * split + "R" * (cols - split)] * rows)


def to_phase(game, phase: str, side: Side, orders: dict | None = None) -> None:
    """Pass phases (no orders) until it is `side`'s `phase`."""
    for _ in range(40):
        if game.phase == phase and game.active_side is side:
            return
        game.submit(game.active_side, [])
    raise AssertionError(f"never reached {side.value} {phase}")


def replace_type(u: Unit, **kw) -> None:
    u.type = dataclasses.replace(u.type, **kw)
