"""Zones of control: the hexes where an enemy's presence stops a move.

A unit's ZOC is its own hex and its six neighbours, on land, except across a major river that no
road or railway bridges (tables `zoc.major_river_blocks`). Support units (tables
`zoc.exempt_categories`: artillery, air defence, headquarters, special forces) exert none.
Entering an enemy ZOC ends a move; starting a move in one costs `movement.zoc_leave_cost` extra;
a retreat may not enter one unless a friendly unit stands there. ZOC is not blocked by other units.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wargame.model.units import Side, Unit

if TYPE_CHECKING:
    from collections.abc import Set

    from wargame.rules.position import Position

#: The standard exemptions, for callers without the tables at hand (the TUI's overlay).
NO_ZOC = frozenset({"artillery", "rocket_artillery", "air_defence", "headquarters", "special_forces"})


def exerts_zoc(u: Unit, exempt: frozenset[str] = NO_ZOC) -> bool:
    return u.alive and u.hex is not None and u.type.category not in exempt


def zoc_of(game: Position, side: Side, within: Set[int] | None = None) -> frozenset[int]:
    """Hexes (ints) in the zone of control of `side`'s units (those standing `within` these hexes, if
    given: e.g. the ones the other side sees): where the *other* side must stop."""
    exempt = game.tables.zoc_exempt
    reach = game.index.zoc_nbrs
    out: set[int] = set()
    st = game.state
    units = st.units
    for uid, h in st.pos.items():
        u = units[uid]
        if u.side is side and u.type.category not in exempt and (within is None or h in within):
            out.add(h)
            out.update(reach[h])
    return frozenset(out)
