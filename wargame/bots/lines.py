"""Red clears its lines of communication: follow-on forces go for the stay-behind units that cut them.

A Red force that reaches a capital with its lines cut by Blue units it bypassed (their zones of control
sit on its road home) is out of supply there and does not count for the measure (docs/rules.md,
Victory). Soviet and Russian practice gives that job to the second echelon: the lead units keep going
and the follow-on forces reduce the bypassed pockets behind them (FM 100-2-1, ch. 5, "The Offense":
bypassed forces are left to following echelons). The operational Red does the same: for each Blue
unit it sees on or beside the bare-map road home of an own manoeuvre unit that is out of supply
(nearest the goals first), it sends the nearest follow-on manoeuvre units that are not themselves
holding the goals next to that unit; the combat phase then attacks it wherever the odds allow, as
any contact.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wargame.hexgrid import Hex, distance, neighbours

if TYPE_CHECKING:
    from collections.abc import Callable

    from wargame.bots.base import Oracle
    from wargame.model.units import Unit
    from wargame.rules.fog import View

CLEAR_UNITS = 3  # follow-on units sent against each unit that cuts the lines (a 3:1 wants about three)
CLEAR_CUTTERS = 3  # cutters dealt with at once, nearest the goals first
CLEAR_REACH = 2.0  # a unit goes only if it can be there within this many turns' movement


def reach(u: Unit) -> int:
    """The movement cost within which a unit may be sent (CLEAR_REACH turns of its movement)."""
    return int(CLEAR_REACH * u.type.movement)


def cutters(view: View, oracle: Oracle, goals: frozenset[Hex]) -> list[Hex]:
    """The enemy hexes on or beside the road home of an own manoeuvre unit that is out of supply,
    for the units nearest the goals first; each hex once."""
    enemy_at = {e.hex for e in view.enemy}
    if not enemy_at or not view.out_of_supply:
        return []
    near = lambda h: min((distance(h, g) for g in goals), default=0)  # noqa: E731
    cut_off = sorted(
        (u for u in view.own if u.id in view.out_of_supply and u.hex is not None and u.attack > 0),
        key=lambda u: (near(u.hex), u.id),
    )
    out: list[Hex] = []
    for u in cut_off:
        assert u.hex is not None
        for h in oracle.own_supply_route(u.hex)[1:]:
            for e in sorted({h, *neighbours(h)} & enemy_at):
                if e not in out:
                    out.append(e)
        if len(out) >= CLEAR_CUTTERS:
            break
    return out[:CLEAR_CUTTERS]


def detachments(
    view: View,
    oracle: Oracle,
    goals: frozenset[Hex],
    eligible: Callable[[Unit], bool],
    field_to: Callable[[Unit, frozenset[Hex]], dict[Hex, int]],
) -> dict[str, frozenset[Hex]]:
    """Unit id -> the hexes it now drives on instead of the goals: beside a cutter. `eligible` says
    which units may go (manoeuvre units, not those holding the goals); `field_to(u, hexes)` is the
    movement-cost field toward `hexes` for the unit's mobility."""
    out: dict[str, frozenset[Hex]] = {}
    enemy_at = {e.hex for e in view.enemy}
    for c in cutters(view, oracle, goals):
        around = frozenset(n for n in neighbours(c) if n not in enemy_at and n in oracle.allowed)
        if not around:
            continue
        ranked = []
        for u in view.own:
            if u.id in out or u.hex is None or u.id in view.out_of_supply or not eligible(u):
                continue
            cost = field_to(u, around).get(u.hex)
            if cost is not None and cost <= reach(u):
                ranked.append((cost, u.id))
        for _, uid in sorted(ranked)[:CLEAR_UNITS]:
            out[uid] = around
    return out
