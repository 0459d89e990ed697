"""Arrivals: reinforcements enter at the start of their turn, and warning time moves Blue's earlier.

A unit with `arrival_turn` > 0 appears in its entry area (a named area of the map) at the start of
that turn, before any phase, on a land hex of the area that is open to its side, not held by the
enemy and under the stacking limit: preferably outside enemy zones of control, then the hex with the
fewest own units, then the lowest hex id. If there is none, it tries again next turn.

Warning time: the orders of battle's Blue arrival turns assume `arrivals.baseline_warning_hours` of
warning; a scenario's `warning_hours` W brings every Blue arrival (W - baseline) // turn_hours turns
earlier (truncated toward zero; later if W is below the baseline), never before turn 1. Red's
schedule is Red's own choice of H-hour and does not move. With at least
`arrivals.dig_in_warning_hours` of warning, Blue's units on the map start dug in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wargame import events as ev
from wargame.model.units import Side

if TYPE_CHECKING:
    from wargame.rules.position import Position


def warning_shift(game: Position) -> int:
    """Turns by which Blue arrivals come earlier (negative: later)."""
    w = int(game.scenario.parameters.get("warning_hours", 0) or 0) - game.tables.baseline_warning_hours
    th = game.scenario.clock.turn_hours
    return w // th if w >= 0 else -((-w) // th)


def schedule(game: Position) -> dict[str, int]:
    """Unit id -> the turn it is due, for every unit not on the board at the start."""
    shift = warning_shift(game)
    out = {}
    for u in game.state.units.values():
        if u.hex is None and u.arrival_turn > 0:
            out[u.id] = max(1, u.arrival_turn - shift) if u.side is Side.BLUE else u.arrival_turn
    return out


def initial_entrenchment(game: Position) -> dict[str, int]:
    """Blue units on the map start dug in when the warning allows it."""
    w = int(game.scenario.parameters.get("warning_hours", 0) or 0)
    if w < game.tables.dig_in_warning_hours or not game.tables.entrenchment:
        return {}
    first = game.tables.entrenchment[0][0]
    return {u.id: first for u in game.state.units.values() if u.side is Side.BLUE and u.hex is not None}


def arrive_due(game: Position) -> list[ev.Event]:
    """Bring on every unit due this turn (or delayed from earlier), in order of due turn and id."""
    st = game.state
    out: list[ev.Event] = []
    for uid in sorted((i for i, t in st.arrival.items() if t <= st.turn), key=lambda i: (st.arrival[i], i)):
        out.append(_arrive(game, uid))
    return out


def _arrive(game: Position, uid: str) -> ev.Event:
    st = game.state
    ix = game.index
    u = st.units[uid]
    area = game.board.areas.get(u.entry_area or "")
    side = u.side
    enemy_at = game.occupied_ints(side.other)
    enemy_zoc = game.zoc_ints(side.other)
    stack = game.stack_ints(side)
    allowed = game.allowed_mask[side]
    limit = game.tables.stacking
    cands = []
    for h in (area.hexes if area else ()):
        i = ix.idx.get(h)
        if i is None or not ix.is_land[i] or not allowed[i] or i in enemy_at or stack.get(i, 0) >= limit:
            continue
        cands.append((i in enemy_zoc, stack.get(i, 0), ix.ids[i], i))
    if not cands:
        st.arrival[uid] = st.turn + 1
        return ev.ArrivalDelayed(u.id, u.name, side.value)
    i = min(cands)[3]
    del st.arrival[uid]
    game.place(u, i)
    return ev.Arrived(u.id, u.name, side.value, ix.ids[i])
