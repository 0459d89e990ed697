"""Movement: movement points, the hexes a unit can reach, and checking a given path.

Rules (docs/rules.md, "Movement"): a unit spends movement points (MP) for each hex it enters, by
terrain and mobility class, less along a road or railway (`BoardIndex` holds the costs); a river
hexside without a bridge costs extra or cannot be crossed; it may not enter water, enemy-held hexes,
or countries closed to its side; it may pass through friends but end only where the stacking limit
allows; entering an enemy zone of control ends its move, and starting in one costs extra; an
enemy-interdicted hex costs extra to enter and cuts the MP of a unit that starts in it; night cuts
MP. Hexes are ints of the board index throughout.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from wargame.model.units import Side, Unit
from wargame.rules.bridges import unbridged_cost

if TYPE_CHECKING:
    from wargame.rules.position import Position

BIG = 1 << 30
BARE_SEARCHES = 2048  # searches on the bare board kept per board index (`_search`)


def movement_points(game: Position, u: Unit) -> int:
    """MP this phase: the type's, x the night factor at night, x the interdiction factor if the unit
    starts in a hex the enemy interdicted this turn, x the supply factor if it is out of supply
    (rounded down)."""
    mp = float(u.type.movement)
    t = game.tables
    if game.night:
        mp *= t.night_movement
    h = game.state.pos.get(u.id)
    if h is not None and h in game.state.interdicted[u.side.other]:
        mp *= t.interdiction["start_factor"]
    if u.id in game.state.out_of_supply:
        from wargame.rules.supply import factors

        mp *= factors(game, u)[0]
    return int(mp + 1e-9)


def enemy_for(game: Position, side: Side, known: bool) -> tuple[frozenset[int], frozenset[int]]:
    """The enemy zone of control and occupied hexes a move of `side` is planned against: those of the
    enemy units it sees (`known`), or all of them (the truth the move meets)."""
    if known:
        return game.known_enemy_ints(side)
    return game.zoc_ints(side.other), game.occupied_ints(side.other)


def reachable(game: Position, u: Unit, stack: dict[int, int] | None = None,
              known: bool = False) -> tuple[dict[int, int], dict[int, int]]:
    """Hexes the unit may end its move in -> MP spent, and parent links for paths (ints).

    `stack` is the number of own units planned to end the phase in each hex (default: now); hexes at
    the limit are left out as destinations but may be passed through. `known`: count only the enemy
    units the side sees (what a player may plan with); else every enemy unit."""
    start = game.state.pos.get(u.id)
    if start is None:
        return {}, {}
    # the search depends on where units stand (any `place` forgets it), the phase and the turn; the
    # stacking filter below does not, so a bot's reachable-then-path costs one search, not two
    st = game.state
    key = (u.id, known, st.turn, st.phase_index, start)
    cache = game.cache.setdefault("reach", {})
    got = cache.get(key)
    if got is None:
        got = cache[key] = _search(game, u, start, known)
    best, parent = got
    if stack is None:
        stack = game.stack_ints(u.side)
    limit = game.tables.stacking
    return {h: c for h, c in best.items() if h != start and stack.get(h, 0) < limit}, parent


def _search(game: Position, u: Unit, start: int, known: bool) -> tuple[dict[int, int], dict[int, int]]:
    side = u.side
    mobility = u.type.mobility
    mp = movement_points(game, u)
    enemy_zoc, enemy_at = enemy_for(game, side, known)
    allowed = game.allowed_mask[side]
    inter = game.state.interdicted[side.other]
    blown = game.state.blown
    # the same search on the bare board (no enemy, no aircraft, no bridge down) is the answer when
    # none of those touches a hex it reaches: kept with the board index for every game (a unit in the
    # rear, or standing where it stood, is searched again and again)
    bare = game.index.bare_reach
    key = (mobility, mp, start, id(allowed))
    got = bare.get(key)
    if got is None or got[0] is not allowed:
        got = (allowed, _spread(game, mobility, mp, start, allowed))
        while len(bare) >= BARE_SEARCHES:
            del bare[next(iter(bare))]  # the oldest first
        bare[key] = got
    best = got[1][0]
    if not any(h in enemy_zoc or h in enemy_at or h in inter for h in best) and not any(
            a in best or b in best for a, b in blown):
        return got[1]
    return _spread(game, mobility, mp, start, allowed, enemy_zoc, enemy_at, inter, blown)


def _spread(game: Position, mobility: str, mp: int, start: int, allowed: bytearray,
            enemy_zoc: frozenset[int] = frozenset(), enemy_at: frozenset[int] = frozenset(),
            inter: set[int] | frozenset[int] = frozenset(),
            blown: dict[tuple[int, int], Any] | None = None) -> tuple[dict[int, int], dict[int, int]]:
    """Hexes reachable from `start` with `mp` movement points -> MP spent, and parent links: Dial's
    algorithm over the MP buckets, stopping in enemy zones of control, around enemy-held hexes,
    paying more to enter interdicted hexes and crossing blown bridges as unbridged rivers."""
    inter_cost = game.tables.interdiction["enter_cost"] if inter else 0
    adj = game.index.adj[mobility]
    start_extra = game.tables.zoc_leave_cost if start in enemy_zoc else 0
    best: dict[int, int] = {start: 0}
    parent: dict[int, int] = {}
    buckets: list[list[int]] = [[] for _ in range(mp + 1)]
    buckets[0].append(start)
    for c in range(mp + 1):
        for h in buckets[c]:
            if best[h] != c:
                continue
            if h != start and h in enemy_zoc:
                continue  # entering an enemy zone of control ends the move
            base = c + (start_extra if h == start else 0)
            for j, ec in adj[h]:
                if blown and ((h, j) if h < j else (j, h)) in blown:
                    alt = unbridged_cost(game, mobility, h, j)
                    if alt is None:
                        continue
                    ec = alt
                nc = base + ec
                if inter_cost and j in inter:
                    nc += inter_cost
                if nc > mp or j in enemy_at or not allowed[j]:
                    continue
                if nc < best.get(j, BIG):
                    best[j] = nc
                    parent[j] = h
                    buckets[nc].append(j)
    return best, parent


def path_to(parent: dict[int, int], start: int, goal: int) -> list[int]:
    """The path from start to goal (goal last, start left out) through the parent links."""
    path = [goal]
    while path[-1] != start:
        path.append(parent[path[-1]])
    return path[::-1][1:]


def check_path(game: Position, u: Unit, path: list[int], stack: dict[int, int] | None = None,
               known: bool = False) -> tuple[int, str | None]:
    """MP to move `u` along `path` (hex ints, destination last), or the reason it may not.
    `stack` as in `reachable`; None skips the stacking check (the caller did it). `known` as in
    `reachable`."""
    ids = game.index.ids
    here = game.state.pos.get(u.id)
    if here is None:
        return 0, f"{u.name} is not on the board"
    if not path:
        return 0, "the path is empty"
    cost = 0
    for n, (h, cost, why, in_zoc) in enumerate(_walk(game, u, here, path, known)):
        if why is not None:
            return cost, why
        if in_zoc and n != len(path) - 1:
            return cost, f"{ids[h]} is in an enemy zone of control: the move must end there"
    dest = path[-1]
    if dest == here:
        return cost, "the move ends where it began"
    if stack is not None and stack.get(dest, 0) >= game.tables.stacking:
        return cost, f"{ids[dest]} already holds {game.tables.stacking} units (the stacking limit)"
    return cost, None


def _walk(game: Position, u: Unit, here: int, path: list[int],
          known: bool) -> Iterator[tuple[int, int, str | None, bool]]:
    """`u` from hex `here` along `path`, a step at a time: (the hex entered, MP spent by then, why it
    may not enter it or None, whether it is in an enemy zone of control). Stops at the first refusal."""
    ix = game.index
    ids = ix.ids
    side = u.side
    mp = movement_points(game, u)
    enemy_zoc, enemy_at = enemy_for(game, side, known)
    allowed = game.allowed_mask[side]
    inter = game.state.interdicted[side.other]
    adj = ix.adj[u.type.mobility]
    cost = game.tables.zoc_leave_cost if here in enemy_zoc else 0
    for h in path:
        step = None
        for j, c in adj[here]:
            if j == h:
                step = c
                if game.state.blown and ((here, h) if here < h else (h, here)) in game.state.blown:
                    step = unbridged_cost(game, u.type.mobility, here, h)
                break
        why = None
        if step is None:
            if h not in ix.nbrs[here]:
                why = f"{ids[h]} is not next to {ids[here]}"
            elif not ix.is_land[h]:
                why = f"{ids[h]} is {ix.terrain[h]}: ground units cannot enter it"
            else:
                why = f"{u.name} cannot cross from {ids[here]} into {ids[h]} ({_why_not(game, u, here, h)})"
        elif h in enemy_at:
            why = f"{ids[h]} holds enemy units"
        elif not allowed[h]:
            why = f"{ids[h]} is in {ix.country[h]}, closed to {side.value}"
        else:
            cost += step + (game.tables.interdiction["enter_cost"] if h in inter else 0)
            if cost > mp:
                why = f"not enough movement points ({cost} needed by {ids[h]}, {mp} available)"
        yield h, cost, why, h in enemy_zoc
        if why is not None:
            return
        here = h


def _why_not(game: Position, u: Unit, a: int, b: int) -> str:
    ix = game.index
    river = ix.river_between(ix.hexes[a], ix.hexes[b])
    if river is not None and game.state.blown and ((a, b) if a < b else (b, a)) in game.state.blown:
        return (
            f"the bridge over the {river.name} there is down and {u.type.mobility} units cannot cross "
            f"a {river.cls} river"
        )
    if river is not None and not ix.bridge_between(ix.hexes[a], ix.hexes[b]):
        return f"the {river.name} has no bridge there and {u.type.mobility} units cannot cross a {river.cls} river"
    return f"{u.type.mobility} units cannot enter {ix.terrain[b]}"


def contact(game: Position, u: Unit, path: list[int]) -> tuple[list[int], int, str | None]:
    """How far a planned move really goes. The path was checked against the enemy units the side saw;
    an unseen one stops it: the unit halts before a hex holding enemy units, in the first hex of an
    enemy zone of control, or where the extra cost of leaving an unseen zone of control runs its
    movement out (the longest start of the path `check_path` accepts against every enemy unit); and it
    steps back from a hex already full (stacking). Returns the hexes it moves through (destination
    last; empty: it stays), the MP spent, and why it halted (None: it did not)."""
    ids = game.index.ids
    done: list[int] = []
    costs: list[int] = []
    start = game.state.pos.get(u.id)
    if start is not None:
        # a start of the path passes `check_path` while each step may be entered, the move has not
        # ended in a zone of control before its last step, and the last step is not back at the start
        for h, cost, why, in_zoc in _walk(game, u, start, path, False):
            if why is not None or h == start:
                break
            done.append(h)
            costs.append(cost)
            if in_zoc:
                break
    why = None
    if len(done) < len(path):
        nxt = path[len(done)]
        if done and done[-1] in game.zoc_ints(u.side.other):
            why = f"ran into an enemy zone of control in {ids[done[-1]]}"
        elif nxt in game.occupied_ints(u.side.other):
            why = f"found enemy units in {ids[nxt]}"
        else:
            why = f"movement ran out before {ids[nxt]} (leaving an enemy zone of control it had not seen)"
    stack = game.stack_ints(u.side)
    while done and stack.get(done[-1], 0) >= game.tables.stacking:
        done.pop()
        costs.pop()
        why = why or "no room at the end of its move"
    return done, (costs[-1] if costs else 0), why
