"""Blue's blocks: a unit that can get across the road of an enemy column ahead of it does so.

The delay (the operational Blue's `stand`) is fought by the units the enemy runs into; the reserve
(wargame/bots/reserve.py) goes to the capital under threat. Neither puts anything on the road of a
column that has broken through: in incursion-2016 Red's tank division drove Rēzekne – Riga past
Latvian battalions standing dug in beside the road at Ādaži and entered the outskirts without a
fight, and a Blue that moved its units at random delayed it more. FM 3-90 (ch. "Delay"): a delaying
force trades space for time by making the enemy deploy and attack again and again; a unit across the
road does that, since the column must stop at its zone of control and attack it.

Each Blue movement phase, for each enemy column head on a goal (`reserve.leads`):

1. Its road: the cheapest route from the head to the goal (down the movement-cost field).
2. If no own unit stands on that road ahead of the head or beside it (its zone of control stops the
   column as well), the own unit that can reach a hex of it at
   least `MIN_AHEAD` movement points ahead of the head this phase goes there: the most forward such
   hex, then the unit that gets there for the fewest points, then the weakest defender (the cheapest
   to lose). Not a unit in contact, holding a capital's outskirts, a fire unit, or one that holds a
   district or stays under its umbrella (`reserve.NOT_RESERVE`).
3. A block on the goal itself (the outskirts) is the garrison's business, not this one's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wargame.bots import reserve
from wargame.bots.base import FIRES
from wargame.hexgrid import Hex, distance, neighbours

if TYPE_CHECKING:
    from collections.abc import Callable

    from wargame.bots.base import Oracle
    from wargame.rules.fog import View

MIN_AHEAD = 4  # movement points: a block stands at least this far ahead of the column's head


def road(start: Hex, to_goal: dict[Hex, int], goal: frozenset[Hex]) -> list[tuple[Hex, int]]:
    """The cheapest route from `start` into `goal` down the field `to_goal`, as (hex, movement points
    from `start`), `start` left out; ties go to the lower hex."""
    out: list[tuple[Hex, int]] = []
    here = start
    c0 = to_goal.get(start)
    if c0 is None:
        return out
    while here not in goal:
        nxt = min((n for n in neighbours(here) if to_goal.get(n, 1 << 30) < to_goal[here]),
                  key=lambda n: (to_goal[n], n), default=None)
        if nxt is None:
            break
        here = nxt
        out.append((here, c0 - to_goal[here]))
    return out


def blocks(
    view: View,
    known: list[reserve.Known],
    oracle: Oracle,
    groups: dict[str, frozenset[Hex]],
    busy: set[str],
    field: Callable[[str, frozenset[Hex]], dict[Hex, int]],
) -> dict[str, Hex]:
    """Own unit id -> the hex across a column's road it moves to this phase (see the module's
    docstring). `busy`: units already given a task (garrisons, flights)."""
    enemy_at = {k.hex for k in known}
    contact = {n for h in enemy_at for n in neighbours(h)}
    own_at = {u.hex for u in view.own if u.hex is not None and u.type.category not in FIRES}
    own_zoc = own_at | {n for h in own_at for n in neighbours(h)}  # a unit beside the road stops it too
    free = [
        u for u in view.own
        if u.hex is not None and u.id not in busy and u.hex not in contact and u.defence > 0
        and u.type.category not in reserve.NOT_RESERVE and u.type.category not in FIRES
    ]
    out: dict[str, Hex] = {}
    taken: set[Hex] = set()
    reaches: dict[str, dict[Hex, int]] = {}

    def reach(uid: str) -> dict[Hex, int]:
        got = reaches.get(uid)
        if got is None:
            got = reaches[uid] = oracle.reachable(uid)
        return got

    for name in sorted(groups):
        goal = groups[name]
        for _, head in reserve.leads(known, goal, field):
            route = [(h, c) for h, c in road(head.hex, field(head.mobility, goal), goal) if h not in goal]
            if any(h in own_zoc or h in taken for h, _ in route):
                continue  # the road is blocked already: an own unit on it or beside it
            best = None
            for h, ahead in route:
                if ahead < MIN_AHEAD or h in enemy_at or h in contact:
                    continue
                for u in free:
                    # a hexside costs at least 1 MP: a unit farther in hexes than its MP cannot get there
                    if u.id in out or distance(u.hex, h) > u.type.movement:  # type: ignore[arg-type]
                        continue
                    cost = reach(u.id).get(h)
                    if cost is None:
                        continue
                    key = (ahead, cost, u.defence, u.id)
                    if best is None or key < best[0]:
                        best = (key, u.id, h)
                if best is not None:
                    break  # the most forward hex some unit reaches
            if best is not None:
                out[best[1]] = best[2]
                taken.add(best[2])
    return out
