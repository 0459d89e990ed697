"""Movement: zones of control, reachable hexes, and checking a given path.

Rules (docs/rules.md, "Movement"): a unit spends movement points (MP) per hex entered by terrain
and mobility, less along a road; a river hexside without a bridge costs extra; it may not enter
water, enemy-occupied hexes, countries closed to its side, or a hex already holding the stacking
limit (it may pass through friends); entering an enemy zone of control (ZOC: the six hexes around
an enemy combat unit, not across a major river without a bridge) ends its move; starting in an
enemy ZOC costs extra to leave. Night and interdiction cut the MP available.
"""

from __future__ import annotations

import heapq
from typing import TYPE_CHECKING

from wargame.hexgrid import Hex, hexside, neighbours
from wargame.model.units import Side, Unit

if TYPE_CHECKING:
    from wargame.game import Game

NO_ZOC = {"artillery", "rocket_artillery", "air_defence", "headquarters", "special_forces"}


def exerts_zoc(u: Unit) -> bool:
    return u.type.category not in NO_ZOC and u.alive and u.hex is not None


def zoc_of(game: "Game", side: Side) -> frozenset[Hex]:
    """Hexes in the zone of control of `side`'s units (what the *other* side must stop in)."""
    blocked = game.terrain.zoc_blocked_pairs
    nbrs = game.terrain.neighbours
    out: set[Hex] = set()
    for u in game.units_of(side):
        if not exerts_zoc(u):
            continue
        h = u.hex
        out.add(h)
        for n in nbrs[h]:
            if (h, n) not in blocked:
                out.add(n)
    return frozenset(out)


def movement_points(game: "Game", u: Unit) -> int:
    mp = float(u.type.movement)
    t = game.tables
    if game.night:
        mp *= t.night_movement
    if u.hex in game.interdicted[u.side.other]:
        mp *= t.interdiction_movement
    return int(mp)


def reachable(game: "Game", u: Unit) -> tuple[dict[Hex, int], dict[Hex, Hex]]:
    """Every hex the unit may end its move in -> MP spent, and the parent links for paths."""
    if u.hex is None or not u.alive:
        return {}, {}
    mp = movement_points(game, u)
    enemy_zoc = game.zoc(u.side.other)
    start_cost = game.tables.zoc_leave_cost if u.hex in enemy_zoc else 0
    edges = game.terrain.edges[u.type.mobility]
    allowed = game.allowed[u.side]
    enemy_at = game.occupied_by(u.side.other)
    stack = game.stack_counts(u.side)
    limit = game.tables.stacking
    best: dict[Hex, int] = {u.hex: 0}
    parent: dict[Hex, Hex] = {}
    heap = [(0, u.hex)]
    while heap:
        cost, h = heapq.heappop(heap)
        if cost > best.get(h, 1 << 30):
            continue
        if h != u.hex and h in enemy_zoc:
            continue  # entering enemy ZOC ends movement
        for n, c in edges.get(h, ()):
            nc = cost + c + (start_cost if h == u.hex else 0)
            if nc > mp or n in enemy_at or n not in allowed:
                continue
            if nc < best.get(n, 1 << 30):
                best[n] = nc
                parent[n] = h
                heapq.heappush(heap, (nc, n))
    out = {h: c for h, c in best.items() if h != u.hex and stack.get(h, 0) < limit}
    return out, parent


def path_to(parent: dict[Hex, Hex], start: Hex, goal: Hex) -> list[Hex]:
    path = [goal]
    while path[-1] != start:
        path.append(parent[path[-1]])
    return path[::-1][1:]


def check_path(game: "Game", u: Unit, path: list[Hex]) -> tuple[int, str | None]:
    """Cost of moving `u` along `path` (destination last), or a reason it may not."""
    if u.hex is None:
        return 0, "the unit is not on the board"
    if not path:
        return 0, "the path is empty"
    mp = movement_points(game, u)
    enemy_zoc = game.zoc(u.side.other)
    edges = game.terrain.edges[u.type.mobility]
    allowed = game.allowed[u.side]
    enemy_at = game.occupied_by(u.side.other)
    cost = game.tables.zoc_leave_cost if u.hex in enemy_zoc else 0
    here = u.hex
    for i, h in enumerate(path):
        step = next((c for n, c in edges.get(here, ()) if n == h), None)
        if step is None:
            if h not in game.board.terrain:
                return cost, f"{game.hid(h)} is off the board"
            if h not in neighbours(here):
                return cost, f"{game.hid(h)} is not next to {game.hid(here)}"
            return cost, f"{game.hid(h)} is {game.board.terrain[h]}: ground units cannot enter it"
        if h in enemy_at:
            return cost, f"{game.hid(h)} holds enemy units"
        if h not in allowed:
            return cost, f"{game.hid(h)} is in {game.board.country.get(h)}, closed to {u.side.value}"
        cost += step
        if cost > mp:
            return cost, f"not enough movement points ({cost} needed by {game.hid(h)}, {mp} available)"
        if h in enemy_zoc and i != len(path) - 1:
            return cost, f"{game.hid(h)} is in an enemy zone of control: the move must end there"
        here = h
    if game.stack_counts(u.side).get(path[-1], 0) >= game.tables.stacking:
        return cost, f"{game.hid(path[-1])} already holds {game.tables.stacking} units (the stacking limit)"
    return cost, None
