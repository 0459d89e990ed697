"""Supply: lines of communication from each unit back to its side's sources (docs/rules.md, Supply).

A side's **sources** are every land hex of its home countries (tables `supply.home_countries` that
the scenario gives the side: Russia and Kaliningrad for Red, Poland for Blue; Belarus for Red when
the scenario opens it), its **depots** (cities of its own countries of at least
`supply.depot_population` that it holds) and the areas its reinforcements arrive in. A unit is in
supply when a **trace** of at most `supply.range` points runs from its hex to a source: each hexside
costs the rail, road or cross-country figure (an unbridged minor river more, an unbridged major river
cannot be crossed), a hex the enemy's aircraft are interdicting now costs more (for as long as they
are on station: `air.interdiction.hours_per_sortie`), and the trace never enters a hex
held by the enemy, a hex in an enemy zone of control where no friendly unit stands, or a country
closed to the side. Supply is adjudicated on the truth (every enemy unit), like combat.

The count of turns each unit has been out of supply is taken at the start of every turn; the
`supply.effects` table turns it into factors on movement points, attack and defence. Units out of
supply do not count toward the RAND measure (`wargame.rules.victory`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from wargame import events as ev
from wargame.hexgrid import hexside
from wargame.model.units import Side, Unit

if TYPE_CHECKING:
    from wargame.rules.index import BoardIndex
    from wargame.rules.position import Position


def _edges(game: Position) -> list[tuple[tuple[int, int], ...]]:
    """Per hex int: ((neighbour, trace cost), ...) over the land hexsides a supply trace may cross.
    Built once per board index and tables."""
    ix: BoardIndex = game.index
    got = ix.allowed_cache.get("supply_edges")
    if got is not None:
        return got
    cost = game.tables.supply["cost"]
    board = ix.board
    rows: list[tuple[tuple[int, int], ...]] = []
    for i, h in enumerate(ix.hexes):
        row = []
        if ix.is_land[i]:
            for j in ix.nbrs[i]:
                if not ix.is_land[j]:
                    continue
                side = hexside(h, ix.hexes[j])
                kinds = board.roads.get(side, frozenset())
                c = cost["rail"] if "rail" in kinds else cost["road"] if "road" in kinds else cost["offroad"]
                if "road" in kinds and "rail" in kinds:
                    c = min(cost["rail"], cost["road"])
                river = board.rivers.get(side)
                if river is not None and not kinds:
                    if river.cls == "major":
                        continue  # trucks cannot cross a major river without a bridge
                    c += cost["minor_river"]
                row.append((j, c))
        rows.append(tuple(row))
    ix.allowed_cache["supply_edges"] = rows
    return rows


def _unbridged(game: Position, a: int, b: int) -> int | None:
    """Trace cost across a blown bridge: cross-country plus the ford of a minor river; a major river
    cannot be crossed."""
    ix = game.index
    river = ix.board.rivers[hexside(ix.hexes[a], ix.hexes[b])]
    cost = game.tables.supply["cost"]
    return None if river.cls == "major" else cost["offroad"] + cost["minor_river"]


def _edges_now(game: Position, blown: dict[tuple[int, int], int | None],
               extra: dict[int, int]) -> list[tuple[tuple[int, int], ...]]:
    """`_edges` as they stand now: across a blown bridge (`blown`: the hexside's cost, None where the
    trace cannot cross) and into an interdicted hex (`extra`: the cost added to enter it). Only the
    rows of the hexes beside those change, so the trace itself has one cost per hexside to read."""
    edges = _edges(game)
    if not blown and not extra:
        return edges
    nbrs = game.index.nbrs
    rows = list(edges)
    for h in {h for k in blown for h in k} | {h for j in extra for h in nbrs[j]}:
        row = []
        for j, ec in edges[h]:
            k = (h, j) if h < j else (j, h)
            if k in blown:
                alt = blown[k]
                if alt is None:
                    continue
                ec = alt
            row.append((j, ec + extra.get(j, 0)))
        rows[h] = tuple(row)
    return rows


def _static_sources(game: Position, side: Side) -> tuple[tuple[int, ...], bytearray]:
    """Home-country hexes and entry areas of `side` (the part of the sources that never changes): the
    hexes on their edge, where a trace starts (from inside them it costs nothing more), and a mask of
    them all, which a trace never needs to enter (do not change them). Looked up once a game (copies
    and believed games too: every bot phase asks for the route home)."""
    return game.ground_fact(("supply_static", side), lambda: _find_static_sources(game, side))


def _find_static_sources(game: Position, side: Side) -> tuple[tuple[int, ...], bytearray]:
    ix = game.index
    sc = game.scenario
    home = set(game.tables.supply["home_countries"]) & set(sc.sides[side].countries)
    if side is Side.RED and sc.parameters.get("belarus") and "BLR" in game.tables.supply["home_countries"]:
        home.add("BLR")
    areas = frozenset(u.entry_area for u in sc.units if u.side is side and u.entry_area)
    allowed = game.allowed_mask[side]
    # the same in every game on this board with these countries, areas and hexes open to the side
    # (masks shared through the index: `allowed_hexes`): kept with the index, which holds the mask
    key = ("supply_static", frozenset(home), areas, id(allowed))
    got = ix.allowed_cache.get(key)
    if got is not None and got[0] is allowed:
        return got[1]
    src = {i for i in range(ix.n) if ix.is_land[i] and allowed[i] and ix.country[i] in home}
    for name in sorted(a for a in areas if a in game.board.areas):
        for h in game.board.areas[name].hexes:
            i = ix.idx.get(h)
            if i is not None and ix.is_land[i] and allowed[i]:
                src.add(i)
    edge = tuple(sorted(i for i in src if any(j not in src for j in ix.nbrs[i] if ix.is_land[j])))
    mask = bytearray(ix.n)
    for i in src:
        mask[i] = 1
    ix.allowed_cache[key] = (allowed, (edge, mask))
    return edge, mask


def depots(game: Position, side: Side) -> list[int]:
    """Hex ints of the depots `side` holds now: cities of its own countries, big enough."""
    own = set(game.scenario.sides[side].countries)
    least = game.tables.supply["depot_population"]
    control = game.state.control
    return sorted(i for i, c in game.city_at.items()
                  if c.country in own and c.population >= least and control.get(c.name) is side)


class Supplied(Mapping[int, int]):
    """Hex int -> trace cost, for the hexes a supply trace reached: a read-only view of its costs."""

    __slots__ = ("_cost", "_big")

    def __init__(self, cost: list[int], big: int):
        self._cost = cost  # per hex int: -1 or `big` where the trace did not reach
        self._big = big

    def __getitem__(self, i: int) -> int:
        c = self._cost[i] if isinstance(i, int) and 0 <= i < len(self._cost) else -1
        if 0 <= c < self._big:
            return c
        raise KeyError(i)

    def __contains__(self, i: object) -> bool:
        return isinstance(i, int) and 0 <= i < len(self._cost) and 0 <= self._cost[i] < self._big

    def __iter__(self) -> Iterator[int]:
        big = self._big
        return (i for i, c in enumerate(self._cost) if 0 <= c < big)

    def __len__(self) -> int:
        return sum(1 for _ in self)


@dataclass
class _Trace:
    """A side's last supply trace, kept to bring up to date as the game goes on (`_retrace`)."""

    blank: list[int]  # the costs before any trace: -1 where it never goes, whatever the units do
    edges: list[tuple[tuple[int, int], ...]]  # the hexsides as they stood (`_edges_now`) ...
    blown: frozenset[tuple[int, int]]  # ... with these bridges down
    watched: frozenset[int]  # ... and these hexes under the enemy's aircraft
    shut: frozenset[int]  # hexes the enemy closed: held by it, or its zone of control without a friend
    seeds: frozenset[int]  # where it started (cost 0)
    cost: list[int] = field(default_factory=list)  # per hex: the cheapest trace, -1: closed, `big`: out of range
    parent: list[int] = field(default_factory=list)  # per hex reached: where its cheapest trace came from


def supplied(game: Position, side: Side) -> Supplied:
    """Hex int -> trace cost to the nearest source, for every hex within `supply.range` of a source
    from which a unit of `side` is in supply now, the edge of its home countries and entry areas
    included but not the hexes inside them (`supplied_at` answers for any hex). Cached until a unit is
    placed or the interdiction changes; then the side's last trace is brought up to date (`_retrace`:
    what the moves, bridges and aircraft changed), not traced again from scratch."""
    st = game.state
    t = game.tables.supply
    # the enemy's aircraft over the roads now (their time on station: rules.air); within a turn the
    # hexes still watched at a later hour are a subset of those watched earlier, so their count
    # tells the sets apart
    extra = {h: t["interdicted_cost"] for h, end in st.interdiction_ends[side.other].items() if end > st.now}
    stamp = (st.turn, st.phase_index, len(extra), len(st.control))
    key = ("supply", side)
    memo = game.cache.get(key)  # stamp -> result: the measure asks at several hours in one phase
    if memo is None or memo.get("turn") != (st.turn, st.phase_index):
        memo = game.cache[key] = {"turn": (st.turn, st.phase_index)}
    got = memo.get(stamp)
    if got is not None:
        return got
    big = t["range"] + 1
    friends = game.occupied_ints(side)
    enemy_at = game.occupied_ints(side.other)
    enemy_zoc = game.zoc_ints(side.other)
    # never entered: a closed country, an enemy-held hex, an enemy zone of control without a friend
    # in it; not worth entering: inside the home countries and entry areas (a source itself)
    edge, inside = _static_sources(game, side)
    allowed = game.allowed_mask[side]
    blank = game.ground_fact(("supply_blank", side, big),
                             lambda: [-1 if inside[i] or not allowed[i] else big for i in range(len(inside))])
    now = _Trace(blank, _edges_now(game, {k: _unbridged(game, *k) for k in st.blown}, extra),
                 frozenset(st.blown), frozenset(extra), enemy_at | {i for i in enemy_zoc if i not in friends},
                 frozenset(i for i in (*edge, *depots(game, side))
                           if allowed[i] and i not in enemy_at and (i not in enemy_zoc or i in friends)))
    last = game.cache.get(("supply_trace", side))
    if last is not None and last.blank is blank:
        _retrace(last, now, big)
    else:
        last = game.cache[("supply_trace", side)] = _trace(now, big)
    best = memo[stamp] = Supplied(list(last.cost), big)
    return best


def _trace(t: _Trace, big: int) -> _Trace:
    """A supply trace from scratch over `t`'s edges, closed hexes and seeds: the cheapest cost from
    the seeds to every hex within range."""
    t.cost = cost = list(t.blank)
    t.parent = [-1] * len(cost)
    for i in t.shut:
        cost[i] = -1
    for i in t.seeds:
        cost[i] = 0
    _spread(t, [sorted(t.seeds)] + [[] for _ in range(big - 1)])
    return t


def _retrace(t: _Trace, now: _Trace, big: int) -> None:
    """Bring trace `t` up to date with `now`'s edges, closed hexes and seeds, as a trace from scratch
    would come out: every hex whose cheapest trace ran through a hex closed now, from a seed lost or
    over a hexside whose cost changed is traced again, from the reached hexes around them; the hexes
    opened and the new seeds pass on their costs as far as they go."""
    cost, parent, blank = t.cost, t.parent, t.blank
    edges = now.edges
    closed = now.shut - t.shut
    opened = t.shut - now.shut
    # the hexes entered over a hexside whose cost changed (a bridge blown or repaired, aircraft come
    # or gone)
    changed = now.watched ^ t.watched | {h for k in now.blown ^ t.blown for h in k}
    # the hexes whose cost may rise: every hex down the tree of cheapest traces from those
    stale = [i for i in closed | changed | (t.seeds - now.seeds) if cost[i] >= 0]
    seen = set(stale)
    for x in stale:  # the list grows while it is read
        for j, _ in t.edges[x]:
            if parent[j] == x and j not in seen:
                seen.add(j)
                stale.append(j)
    for i in stale:
        cost[i] = blank[i]
        parent[i] = -1
    for i in closed:
        cost[i] = -1
    for i in opened:
        cost[i] = blank[i]
    buckets: list[list[int]] = [[] for _ in range(big)]
    for i in now.seeds:
        if cost[i] != 0:  # a new seed, or one whose cost was taken back above
            cost[i] = 0
            parent[i] = -1
            buckets[0].append(i)
    # a hex still reached beside one that lost its cost, was opened or costs another sum to enter
    # may give it a cheaper one
    for x in (*stale, *opened, *changed):
        for j, _ in edges[x]:
            c = cost[j]
            if 0 <= c < big:
                buckets[c].append(j)
    t.edges, t.blown, t.watched, t.shut, t.seeds = edges, now.blown, now.watched, now.shut, now.seeds
    _spread(t, buckets)


def _spread(t: _Trace, buckets: list[list[int]]) -> None:
    """Dial's algorithm over the cost buckets: the hexes in each bucket pass on their cost."""
    cost, parent, edges = t.cost, t.parent, t.edges
    for c in range(len(buckets)):
        for h in buckets[c]:  # the list may grow while it is read (zero-cost hexsides)
            if cost[h] != c:
                continue
            for j, ec in edges[h]:
                nc = c + ec
                if nc < cost[j]:  # never true for a hex the trace does not enter (-1)
                    cost[j] = nc
                    parent[j] = h
                    buckets[nc].append(j)


def in_supply(game: Position, u: Unit) -> bool:
    """Whether the unit is in supply where it stands now: it can trace supply, or it stands on its
    base's stocks (`at_base`)."""
    i = game.state.pos.get(u.id)
    return i is not None and (at_base(game, u, i) or supplied_at(game, u.side, i))


def _bases(game: Position) -> dict[str, int]:
    """Unit id -> hex int it began the game in, for the units set up in a country of their side."""
    sc = game.scenario
    ix = game.index
    out: dict[str, int] = {}
    for u in sc.units:
        if u.hex is None:
            continue
        i = ix.idx.get(u.hex)
        if i is not None and ix.country[i] in sc.sides[u.side].countries:
            out[u.id] = i
    return out


def at_base(game: Position, u: Unit, i: int) -> bool:
    """With `supply.base_stocks`: whether hex int i is where the unit began the game, in a country of
    its side (its barracks, or the stocks placed with it), so that it is in supply there whatever its
    trace. A unit that has left it traces like any other."""
    if not game.tables.supply.get("base_stocks"):
        return False
    return game.ground_fact("supply_bases", lambda: _bases(game)).get(u.id) == i


def supplied_at(game: Position, side: Side, i: int) -> bool:
    """Whether a unit of `side` in hex int i is in supply now: in a source hex (its home countries and
    entry areas) not held by the enemy, or within range of one."""
    if _static_sources(game, side)[1][i] and i not in game.occupied_ints(side.other):
        return True
    return i in supplied(game, side)


def factors(game: Position, u: Unit) -> tuple[float, float, float]:
    """(movement, attack, defence) multipliers for the turns the unit has been out of supply."""
    n = game.state.out_of_supply.get(u.id, 0)
    if n:
        for turns, mp, att, dfn in game.tables.supply_effects:
            if n >= turns:
                return mp, att, dfn
    return 1.0, 1.0, 1.0


def attack(game: Position, u: Unit) -> float:
    return u.attack * factors(game, u)[1]


def defence(game: Position, u: Unit) -> float:
    return u.defence * factors(game, u)[2]


def update(game: Position) -> list[ev.Event]:
    """Start of turn: every unit on the board traces supply; the count of turns out of supply goes up
    by one for those that cannot and back to nothing for those that can. An event when it changes."""
    st = game.state
    out: list[ev.Event] = []
    ids = game.index.ids
    for side in Side:
        for u in game.units_of(side):
            i = st.pos[u.id]
            n = st.out_of_supply.get(u.id, 0)
            if in_supply(game, u):
                if n:
                    del st.out_of_supply[u.id]
                    out.append(ev.SupplyChanged(u.id, u.name, side.value, ids[i], 0))
            else:
                st.out_of_supply[u.id] = n + 1
                if n == 0 or any(n + 1 == row[0] for row in game.tables.supply_effects):
                    out.append(ev.SupplyChanged(u.id, u.name, side.value, ids[i], n + 1))
    return out


def _tree_key(game: Position, side: Side) -> tuple:
    """What the bare-map supply tree of `route_home` depends on in the scenario (the board index keeps
    one tree for every game with the same)."""
    areas = tuple(sorted({u.entry_area for u in game.scenario.units if u.side is side and u.entry_area}))
    return ("supply_tree", side, tuple(sorted(game.scenario.sides[side].countries)), areas,
            bool(game.scenario.parameters.get("belarus")))


def route_home(game: Position, side: Side, start: int) -> list[int]:
    """The cheapest supply route from hex int `start` back to `side`'s home countries and entry areas
    over the bare map (no units, no interdiction, no depots): what either player can work out from the
    map and the briefing, and where the other side's air would cut the lines. Start first, the source
    last; [] if none within reach."""
    ix = game.index
    key = game.ground_fact(("supply_tree_key", side), lambda: _tree_key(game, side))  # every bot phase asks
    parent = ix.allowed_cache.get(key)
    if parent is None:
        import heapq

        edges = _edges(game)
        allowed = game.allowed_mask[side]
        best = {i: 0 for i in _static_sources(game, side)[0]}
        parent = {}
        heap = [(0, i) for i in best]
        heapq.heapify(heap)
        while heap:
            c, h = heapq.heappop(heap)
            if c != best[h]:
                continue
            for j, ec in edges[h]:
                nc = c + ec
                if allowed[j] and nc < best.get(j, 1 << 30):
                    best[j] = nc
                    parent[j] = h
                    heapq.heappush(heap, (nc, j))
        ix.allowed_cache[key] = parent
    path = [start]
    while path[-1] in parent:
        path.append(parent[path[-1]])
    return path if len(path) > 1 or _static_sources(game, side)[1][start] else []
