"""Retreat and advance after combat.

Retreat: a defender told to retreat n hexes moves n times, each time to a neighbouring hex that is
exactly one hex farther from the combat hex, that its mobility can enter, in a country open to its
side, not held by the enemy, under the stacking limit, and not in an enemy zone of control unless a
friendly unit stands there. The path is chosen by its owner's standing `Fallback` order (the hex
nearest the fallback point) or else by the rule: farthest from the attackers, then the best
defensive terrain, then the cheapest to enter, then the lowest hex id. Each hex it cannot retreat
costs `combat.retreat_blocked_loss` steps.

Advance: when the target hex is empty after combat and the attack allowed it, the surviving
attackers (strongest first, up to `combat.advance_max_units` and the stacking limit) that can enter
it move in, whatever zones of control say. Units that retreat or advance are no longer dug in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wargame import events as ev
from wargame.model.units import Unit

if TYPE_CHECKING:
    from wargame.rules.combat import Assessment
    from wargame.rules.position import Position


def retreat_options(game: Position, u: Unit, here: int, origin: int, step: int) -> list[int]:
    """Hexes `u` may retreat into from `here` on the `step`-th hex of its retreat from `origin`."""
    ix = game.index
    side = u.side
    enemy_at = game.occupied_ints(side.other)
    enemy_zoc = game.zoc_ints(side.other)
    stack = game.stack_ints(side)
    allowed = game.allowed_mask[side]
    limit = game.tables.stacking
    out = []
    for j, _c in ix.adj[u.type.mobility][here]:
        if j in enemy_at or not allowed[j] or ix.distance(j, origin) != step:
            continue
        n = stack.get(j, 0)
        if n >= limit or (j in enemy_zoc and n == 0):
            continue
        out.append(j)
    return out


def retreat(game: Position, u: Unit, hexes: int, attackers_at: set[int], origin: int) -> list[ev.Event]:
    """Retreat `u` `hexes` hexes from the combat hex `origin`; each hex it cannot go costs steps."""
    ix = game.index
    st = game.state
    out: list[ev.Event] = []
    path = [ix.ids[origin]]
    toward = st.fallback.get(u.id)
    for step in range(1, hexes + 1):
        if not u.alive:
            break
        here = st.pos[u.id]
        options = retreat_options(game, u, here, origin, step)
        if not options:
            out.extend(game.lose_steps(u, game.tables.retreat_blocked_loss, "retreat blocked"))
            continue
        costs = dict(ix.adj[u.type.mobility][here])

        def key(j: int, costs: dict[int, int] = costs) -> tuple:
            away = min(ix.distance(j, a) for a in attackers_at)
            pref = ix.distance(j, toward) if toward is not None else 0
            return (pref, -away, game.tables.terrain_shift.get(ix.terrain[j], 0), costs[j], ix.ids[j])
        dest = min(options, key=key)
        game.place(u, dest)
        path.append(ix.ids[dest])
    if len(path) > 1 and u.alive:
        st.entrench.pop(u.id, None)
        out.append(ev.Retreated(u.id, u.name, tuple(path)))
    return out


def advance(game: Position, a: Assessment) -> list[ev.Event]:
    """Surviving attackers move into the emptied target hex (see the module's docstring)."""
    ix = game.index
    st = game.state
    t = a.target_index
    if any(st.units[i].side is not a.side for i in st.at.get(t, ())):
        return []
    if not game.allowed_mask[a.side][t]:
        return []
    room = min(game.tables.advance_max_units, game.tables.stacking - len(st.at.get(t, ())))
    out: list[ev.Event] = []
    movers = sorted(
        (u for u in a.attackers if u.alive and u.attack > 0 and u.id in st.pos), key=lambda x: (-x.attack, x.id)
    )
    for u in movers:
        if room <= 0:
            break
        if ix.cost(u.type.mobility, st.pos[u.id], t) is None:
            continue  # cannot cross into it (e.g. a major river its vehicles cannot ford)
        game.place(u, t)
        st.entrench.pop(u.id, None)
        out.append(ev.Advanced(u.id, u.name, ix.ids[t]))
        room -= 1
    return out
