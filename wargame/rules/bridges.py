"""Bridges: blowing them, and bridging the gap again (docs/rules.md, Bridges).

In its movement phase a unit that does not move may blow the bridge that carries a road or railway
over a river on one side of its hex (`orders.Demolish`); one d6 against `bridges.demolish_on` says
whether the charges bring it down (a `Chance`, so the umpire may overrule it). A blown bridge is, for
movement and supply, a river hexside without a bridge: the river's crossing cost, or no crossing at
all, for the mobility class (tables `movement.river_cost`). The other side bridges it again at the
start of a turn once it has been down `bridges.repair_turns` turns and that side holds one of its two
hexes (its engineers). Bridges are keyed by the pair of hex ints, smaller first.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import TYPE_CHECKING

from wargame import events as ev
from wargame.hexgrid import hexside
from wargame.model.units import Side
from wargame.orders import Demolish
from wargame.rules.umpire import Chance

if TYPE_CHECKING:
    from wargame.rules.position import Position

RESULTS = ("blown", "intact")


def key(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


def bridge_river(game: Position, a: int, b: int) -> str | None:
    """The name of the river a road or railway bridge crosses between neighbouring hex ints a and b
    (None: no bridge there)."""
    ix = game.index
    side = hexside(ix.hexes[a], ix.hexes[b])
    river = ix.board.rivers.get(side)
    return river.name if river is not None and ix.board.roads.get(side) else None


def unbridged_cost(game: Position, mobility: str, a: int, b: int) -> int | None:
    """MP to enter b from a across a blown bridge: the terrain of b plus the river's crossing cost
    for the mobility class (None: it cannot cross)."""
    ix = game.index
    t = game.tables
    river = ix.board.rivers[hexside(ix.hexes[a], ix.hexes[b])]
    base = t.terrain_cost[mobility].get(ix.terrain[b])
    extra = t.river_cost[river.cls][mobility]
    return None if base is None or extra is None else base + extra


def demolish_problem(game: Position, side: Side, o: Demolish, moving: set[str] | dict[str, int]) -> str | None:
    """Why `side` may not give this demolition order now (None: it may)."""
    st = game.state
    u = st.units.get(o.unit)
    if u is None or u.side is not side or u.id not in st.pos:
        return f"no unit {o.unit!r} of {side.value} on the board"
    if u.attack <= 0:
        return f"{u.name} has no troops to place demolition charges"
    if u.id in st.moved or u.id in moving:
        return f"{u.name} moves this phase: a unit that blows a bridge stays by it"
    a = st.pos[u.id]
    b = game.index.of_id.get(o.across)
    if b is None or b not in game.index.nbrs[a]:
        return f"{o.across} is not next to {u.name} ({game.index.ids[a]})"
    name = bridge_river(game, a, b)
    if name is None:
        return f"no road or railway bridge crosses a river between {game.index.ids[a]} and {o.across}"
    if key(a, b) in st.blown:
        return f"the bridge over the {name} between {game.index.ids[a]} and {o.across} is already down"
    return None


def demolish(game: Position, side: Side, o: Demolish) -> Generator[Chance, tuple[int, str], None]:
    """Carry out a staged demolition (checked again: the unit may have been lost since)."""
    st = game.state
    why = demolish_problem(game, side, o, set())
    if why is not None:
        game.emit(ev.OrderRejected(side.value, o.to_dict(), why))
        return
    a = st.pos[o.unit]
    b = game.index.of_id[o.across]
    name = bridge_river(game, a, b) or ""
    need = game.tables.demolish_on

    faces = tuple(RESULTS[0] if die >= need else RESULTS[1] for die in range(1, 7))

    def parse(text: str) -> str:
        t = text.strip().lower()
        if t not in RESULTS:
            raise ValueError(f"a demolition result is {' or '.join(RESULTS)}")
        return t

    ids = game.index.ids
    q = f"{side.value.capitalize()} blows the bridge over the {name} between {ids[a]} and {ids[b]}: down on {need}+"
    die, result = yield Chance("demolition", q, faces, parse, choices=RESULTS, order=o)
    u = st.units[o.unit]
    if result == RESULTS[0]:
        st.blown[key(a, b)] = [st.turn, side.value]
        game.forget_routes()
    game.emit(ev.BridgeDemolished(u.id, u.name, side.value, ids[a], ids[b], name, die, result == RESULTS[0]))


def repair(game: Position) -> list[ev.Event]:
    """Start of turn: the side that did not blow a bridge bridges it again once it has been down long
    enough and that side holds one of its two hexes."""
    st = game.state
    out: list[ev.Event] = []
    ids = game.index.ids
    for (a, b), (turn, by) in sorted(st.blown.items()):
        if st.turn - turn < game.tables.bridge_repair_turns:
            continue
        other = Side(by).other
        for h in (a, b):
            here = st.at.get(h)
            if here and st.units[here[0]].side is other:
                del st.blown[(a, b)]
                game.forget_routes()
                out.append(ev.BridgeRepaired(other.value, ids[a], ids[b], bridge_river(game, a, b) or ""))
                break
    return out
