"""Fires: artillery and rocket battalions in support of an attack or a defence.

A fire unit (type `support` > 0) fires at most once per combat phase, at a hex within its `range`:
for its own side's attack when the attack names it, or, automatically, for the defence of a hex its
side holds (strongest first) if it has not fired yet this phase. At most `fires.max_units` on each
side of one combat. Fire does not add strength: the net support points (attacker's minus
defender's) give a column shift from the `fires.shifts` table.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from wargame.model.units import Side, Unit

if TYPE_CHECKING:
    from wargame.rules.position import Position


def can_fire(game: Position, u: Unit, side: Side, target: int) -> str | None:
    """None if `u` may fire for `side` at hex `target` now, else why not."""
    st = game.state
    if u.side is not side or not u.alive or u.id not in st.pos or u.type.support <= 0:
        return f"{u.id!r} is not a {side.value} fire unit on the board"
    if u.id in st.fired:
        return f"{u.name} has already fired this phase"
    if game.index.distance(st.pos[u.id], target) > u.type.range:
        return f"{game.index.ids[target]} is out of {u.name}'s range ({u.type.range} hexes)"
    return None


def attack_fires(game: Position, side: Side, target: int, named: Iterable[str]) -> list[Unit]:
    """The named fire units that can fire for this attack (the first `max_units` of them)."""
    out = []
    for uid in named:
        u = game.state.units.get(uid)
        if u is not None and can_fire(game, u, side, target) is None and u not in out:
            out.append(u)
    return out[: game.tables.max_support_units]


def defence_fires(game: Position, defender: Side, target: int, exclude: Iterable[str] = ()) -> list[Unit]:
    """The defender's fire units that fire for the defence of `target`: strongest first."""
    st = game.state
    ex = set(exclude)
    cands = []
    for uid, h in st.pos.items():
        u = st.units[uid]
        if u.side is defender and u.type.support > 0 and uid not in st.fired and uid not in ex \
                and game.index.distance(h, target) <= u.type.range:
            cands.append(u)
    cands.sort(key=lambda u: (-u.type.support * u.steps / u.type.steps, u.id))
    return cands[: game.tables.max_support_units]


def points(units: Iterable[Unit]) -> float:
    """Support points of fire units, scaled by their steps left."""
    return round(sum(u.type.support * u.steps / u.type.steps for u in units), 2)


def fires_shift(game: Position, attack_points: float, defence_points: float) -> int:
    """Column shift from the net fire support (positive for the attacker)."""
    net = attack_points - defence_points
    for pts, shift in game.tables.fires_shifts:
        if abs(net) + 1e-9 >= pts:
            return shift if net > 0 else -shift
    return 0
