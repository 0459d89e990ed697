"""Blue's reserve: units off the enemy's axes go to the capital under the nearest threat.

A delay (the operational Blue's `stand`) keeps every unit on its position until it is enveloped. For
the units the enemy is coming at that is the point: they trade space for time. For a brigade set up
off the axes the enemy actually took (RAND's Stryker brigade at Šiauliai, between Kaliningrad and
Riga, when Red drives on Riga from the east) it means it never fights: the force the defender has adds
nothing to the defence. FM 3-90 (ch. "The Defense", reserves): the commander commits the reserve
where the enemy's main effort is, before that effort succeeds, and a unit uncommitted on a quiet
sector is the source of that reserve. The operational Blue does the same, each movement phase:

1. The threat to each goal (the outskirts of a measure city, or the scenario's Red goals): the least
   movement cost to it of an enemy manoeuvre unit the side knows of (seen now, or in the last
   `MEMORY` turns where it was last seen: the night hides columns the day showed).
2. The axes: the hexes from which some known enemy manoeuvre unit's cheapest route to some goal is at
   most `AXIS_SLACK` movement points longer through them. A unit on or next to an axis stays on it
   (it is where the delay is fought).
3. A unit is in reserve when it is off every axis, no known enemy unit is within `QUIET` hexes, it is
   nearer the goal under the nearest threat than that threat's lead unit (it can get there first; one
   the enemy has passed stays where it stands, on the enemy's lines of communication), it is not on
   or beside the road a Red force at a goal would trace its supply home by (`enemy_supply_route`,
   public: once the columns have passed, a unit there cuts their lines; docs/rules.md, Supply), and
   it is not holding a capital's outskirts or a district (garrisons and territorial units stay).
4. It goes from turn `FROM_TURN` on (`commit`: at H-hour the picture is a border report, not a
   main effort), then keeps going until it is there or the enemy comes within `QUIET` hexes; it
   moves (or, with the side's helicopters, flies) to that goal and holds it.
"""

from __future__ import annotations

import heapq
from typing import TYPE_CHECKING, NamedTuple

from wargame.hexgrid import Hex, distance, neighbours

if TYPE_CHECKING:
    from collections.abc import Callable

    from wargame.bots.base import Oracle
    from wargame.rules.fog import View

QUIET = 6  # hexes: a unit with a seen enemy unit this close is in the fight, not in reserve
AXIS_SLACK = 8  # movement points: how far off an enemy unit's cheapest route to a goal a hex may be and
# still be on its axis (about a day's cross-country march: the enemy can swing that far)
LEADS = 3  # enemy columns on each goal whose axes are held
LEAD_SPACING = 4  # hexes: units closer than this to a column's head are that column
FROM_TURN = 2  # the first turn a reserve may leave its position
MEMORY = 2  # turns an enemy unit seen and not seen since is still believed where it was
NOT_RESERVE = {"territorial", "air_defence", "headquarters"}  # hold their districts / stay under their umbrella


class Known(NamedTuple):
    """An enemy manoeuvre unit the side has seen: where, how it moves, and the turn it was seen there."""

    id: str
    hex: Hex
    mobility: str
    turn: int


def avenue(oracle: Oracle, goal: frozenset[Hex]) -> list[Hex]:
    """A goal's avenue of approach: the road an enemy force standing on it would trace its supply
    home by, over the bare map (public), the goal first. Blue's reconnaissance flies along it
    (`OperationalBot._recon`), and Blue units on or beside it are not a reserve (`reserves`)."""
    return oracle.enemy_supply_route(min(goal))


def remember(memory: dict[str, Known], view: View) -> list[Known]:
    """Update `memory` with the enemy manoeuvre units seen now, forget those destroyed or last seen more
    than `MEMORY` turns ago, and return what is known, by id. A column seen by day is not gone because
    the night hides it: without this a delay line read every night as a quiet sector."""
    for e in view.enemy:
        if e.hex is not None and e.attack > 0:
            memory[e.id] = Known(e.id, e.hex, e.type.mobility, view.turn)
    for k in [k for k, v in memory.items() if k in view.enemy_destroyed or view.turn - v.turn > MEMORY]:
        del memory[k]
    return [memory[k] for k in sorted(memory)]


def leads(
    known: list[Known],
    goal: frozenset[Hex],
    field: Callable[[str, frozenset[Hex]], dict[Hex, int]],
) -> list[tuple[int, Known]]:
    """The heads of the enemy columns on a goal: the known enemy manoeuvre units nearest it in movement
    cost, each more than `LEAD_SPACING` hexes from those before, at most `LEADS`, nearest first, with
    their cost. The units behind a head follow its road; a column still far back is not yet a threat."""
    ranked = sorted(
        (c, e.id, e) for e in known if (c := field(e.mobility, goal).get(e.hex)) is not None
    )
    out: list[tuple[int, Known]] = []
    for c, _, e in ranked:
        if all(distance(e.hex, h.hex) > LEAD_SPACING for _, h in out):
            out.append((c, e))
            if len(out) >= LEADS:
                break
    return out


def axis(
    oracle: Oracle,
    goal: frozenset[Hex],
    mobility: str,
    sources: dict[Hex, int],
    field: Callable[[str, frozenset[Hex]], dict[Hex, int]],
) -> set[Hex]:
    """The hexes from which some enemy unit's cheapest route to the goal is at most `AXIS_SLACK`
    movement points longer through them: `sources` maps the enemy units' hexes (those of one
    mobility) to their cost to the goal. One search for them all: it starts each unit at minus its
    cost and keeps only hexes where (cost from the unit) + (cost on to the goal) stays within the slack,
    so it walks the routes themselves, not the board."""
    to_goal = field(mobility, goal)
    edges = oracle.terrain.edges[mobility]
    allowed = oracle.allowed
    big = 1 << 20
    best = {h: -c for h, c in sources.items()}
    heap = [(-c, h) for h, c in sorted(sources.items())]
    heapq.heapify(heap)
    while heap:
        c, h = heapq.heappop(heap)
        if c > best[h]:
            continue
        for n, cost in edges.get(h, ()):
            nc = c + cost
            if n in allowed and nc < best.get(n, big) and nc + to_goal.get(n, big) <= AXIS_SLACK:
                best[n] = nc
                heapq.heappush(heap, (nc, n))
    return {h for h, c in best.items() if c + to_goal.get(h, big) <= AXIS_SLACK}


def reserves(
    view: View,
    known: list[Known],
    oracle: Oracle,
    groups: dict[str, frozenset[Hex]],
    keep: set[str],
    field: Callable[[str, frozenset[Hex]], dict[Hex, int]],
) -> dict[str, str]:
    """Own unit id -> the goal it may go to: the units in reserve (see the module's docstring).
    `known`: the enemy manoeuvre units seen lately (`remember`); `keep`: the units that stay whatever
    (the garrisons of the capitals' outskirts)."""
    heads = {name: leads(known, groups[name], field) for name in sorted(groups)}
    threat = {name: h[0][0] for name, h in heads.items() if h}  # goal -> its nearest column's cost
    if not threat:
        return {}
    # units on or beside the road the enemy would trace home from a goal stay: once his columns have
    # passed they stand on his lines of communication and cut them (docs/rules.md, Supply)
    lines: set[Hex] = set()
    for name in sorted(groups):
        for h in avenue(oracle, groups[name]):
            lines.add(h)
            lines.update(neighbours(h))
    # the cheap tests first: most units are garrisons, in the fight or behind the enemy, and then no
    # axis needs working out
    ready: dict[str, tuple[Hex, str]] = {}
    for u in view.own:
        if u.hex is None or u.id in keep or u.type.category in NOT_RESERVE or u.hex in lines:
            continue
        if u.attack <= 0 and u.type.support <= 0:
            continue
        if any(distance(u.hex, e.hex) <= QUIET for e in known):
            continue
        # the goal under the nearest threat that it can reach before that threat does (one the enemy
        # is nearer has been passed: the unit stays where it stands, on the enemy's lines)
        ahead = [(cost, name) for name, cost in threat.items()
                 if field(u.type.mobility, groups[name]).get(u.hex, 1 << 20) < cost]
        if ahead:
            ready[u.id] = (u.hex, min(ahead)[1])
    if not ready:
        return {}
    band: set[Hex] = set()
    for name, columns in heads.items():
        by_mobility: dict[str, dict[Hex, int]] = {}
        for c, e in columns:
            got = by_mobility.setdefault(e.mobility, {})
            got[e.hex] = min(c, got.get(e.hex, c))
        for mobility, sources in sorted(by_mobility.items()):
            band |= axis(oracle, groups[name], mobility, sources, field)
    # off every axis: not on one, nor next to one
    return {
        uid: name for uid, (h, name) in ready.items() if h not in band and not any(n in band for n in neighbours(h))
    }


def commit(
    found: dict[str, str],
    committed: dict[str, str],
    view: View,
    known: list[Known],
    groups: dict[str, frozenset[Hex]],
) -> dict[str, str]:
    """The units that go this phase, and where: from turn `FROM_TURN` on, those `reserves` found, and
    those already on their way (`committed`) until they are there or the enemy is within `QUIET`
    hexes of them."""
    if view.turn < FROM_TURN:
        return {}
    out = dict(found)
    at = {u.id: u.hex for u in view.own}
    for uid, name in committed.items():
        h = at.get(uid)
        if h is None or uid in out or name not in groups or h in groups[name]:
            continue
        if not any(distance(h, e.hex) <= QUIET for e in known):
            out[uid] = name
    return out
