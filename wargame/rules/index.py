"""Per-board index arrays, built once per (board, tables) and shared by every game on them.

Hexes are numbered 0..n-1; neighbours, movement costs per mobility class, where zones of control
reach, and rings of hexes are plain lists and tuples of ints, so the hot loops (reachable hexes, zones
of control, detection) never hash a coordinate. Hex-keyed views (`edges`, `neighbours`, `land`,
`zoc_blocked_pairs`) are kept for callers that think in hexes (bots, the TUI).
"""

from __future__ import annotations

from wargame.data.tables import Tables
from wargame.hexgrid import Hex, distance, hexside, neighbours, within
from wargame.model.board import Board, River
from wargame.model.scenario import Scenario
from wargame.model.units import MOBILITIES, Side

_CACHE: list[tuple[Board, Tables, BoardIndex]] = []


def index_for(board: Board, tables: Tables) -> BoardIndex:
    """The index of this board under these tables (built on first use, then shared)."""
    for b, t, ix in _CACHE:
        if b is board and t is tables:
            return ix
    ix = BoardIndex(board, tables)
    _CACHE.append((board, tables, ix))
    del _CACHE[:-4]
    return ix


def allowed_hexes(ix: BoardIndex, scenario: Scenario, side: Side) -> tuple[bytearray, frozenset[Hex]]:
    """Land hexes `side` may enter, as a mask over the index and as hexes: its own and the enemy's
    countries; Belarus for Red only when the scenario's `belarus` parameter says so; never a neutral
    country. Shared by every game with the same countries on this board (do not change them)."""
    countries = set(scenario.sides[side].countries) | set(scenario.sides[side.other].countries)
    closed = set(scenario.neutral)
    if side is Side.RED and scenario.parameters.get("belarus"):
        countries.add("BLR")
        closed.discard("BLR")
    countries -= closed
    key = (side, frozenset(countries))
    got = ix.allowed_cache.get(key)
    if got is None:
        mask = bytearray(1 if ix.is_land[i] and ix.country[i] in countries else 0 for i in range(ix.n))
        got = ix.allowed_cache[key] = (mask, frozenset(ix.hexes[i] for i in range(ix.n) if mask[i]))
    return got


def edge_cost(board: Board, tables: Tables, mobility: str, a: Hex, b: Hex) -> int | None:
    """MP for a unit of `mobility` to enter b from a (neighbours, both land), or None if it cannot.

    Along a road hexside: the road cost, whatever the terrain. Along a rail hexside without a road:
    the terrain cost, but at most the rail cost. A river hexside adds the river cost unless a road or
    railway bridges it (then the bridge cost)."""
    side = hexside(a, b)
    kinds = board.roads.get(side, frozenset())
    base = tables.terrain_cost[mobility].get(board.terrain[b])
    if "road" in kinds:
        cost: int | None = tables.road_cost[mobility]
    elif "rail" in kinds:
        rail = tables.rail_cost[mobility]
        cost = rail if base is None else min(base, rail)
    else:
        cost = base
    if cost is None:
        return None
    river = board.rivers.get(side)
    if river is not None:
        if kinds:
            return cost + tables.bridge_cost
        extra = tables.river_cost[river.cls][mobility]
        return None if extra is None else cost + extra
    return cost


class BoardIndex:
    def __init__(self, board: Board, tables: Tables):
        self.board = board
        self.tables = tables
        hexes = sorted(board.terrain, key=lambda h: (h.r, h.q))  # row by row, north-west first
        self.hexes: list[Hex] = hexes
        self.idx: dict[Hex, int] = {h: i for i, h in enumerate(hexes)}
        self.ids: list[str] = [board.hex_id(h) for h in hexes]
        self.of_id: dict[str, int] = {x: i for i, x in enumerate(self.ids)}
        self.n = len(hexes)
        self.is_land = bytearray(1 if board.is_land(h) else 0 for h in hexes)
        self.terrain: list[str] = [board.terrain[h] for h in hexes]
        self.country: list[str | None] = [board.country.get(h) for h in hexes]
        idx = self.idx
        self.nbrs: list[tuple[int, ...]] = [tuple(idx[n] for n in neighbours(h) if n in idx) for h in hexes]
        # movement: adj[mobility][i] = ((j, MP to enter j from i), ...) over passable land edges
        self.adj: dict[str, list[tuple[tuple[int, int], ...]]] = {}
        for m in MOBILITIES:
            rows: list[tuple[tuple[int, int], ...]] = []
            for i, h in enumerate(hexes):
                if not self.is_land[i]:
                    rows.append(())
                    continue
                row = []
                for j in self.nbrs[i]:
                    if self.is_land[j]:
                        c = edge_cost(board, tables, m, h, hexes[j])
                        if c is not None:
                            row.append((j, c))
                rows.append(tuple(row))
            self.adj[m] = rows
        # zones of control reach the land neighbours, but not across a major river without a bridge
        blocked: set[tuple[int, int]] = set()
        if tables.zoc_major_river_blocks:
            for s, r in board.rivers.items():
                if r.cls == "major" and not board.roads.get(s) and s.a in idx and s.b in idx:
                    blocked.add((idx[s.a], idx[s.b]))
                    blocked.add((idx[s.b], idx[s.a]))
        self.zoc_nbrs: list[tuple[int, ...]] = [
            tuple(j for j in self.nbrs[i] if self.is_land[j] and (i, j) not in blocked) for i in range(self.n)]
        self._balls: dict[tuple[int, int], tuple[int, ...]] = {}
        self.allowed_cache: dict = {}   # (side, countries) -> (mask, hexes), see allowed_hexes
        # reachable hexes from a start on the bare board, by mobility, MP, start and open hexes: see
        # rules.movement._search
        self.bare_reach: dict[tuple, tuple[bytearray, tuple[dict[int, int], dict[int, int]]]] = {}
        # --- hex-keyed views ---------------------------------------------------------------------
        self.land: frozenset[Hex] = frozenset(h for i, h in enumerate(hexes) if self.is_land[i])
        self.edges: dict[str, dict[Hex, list[tuple[Hex, int]]]] = {
            m: {hexes[i]: [(hexes[j], c) for j, c in row] for i, row in enumerate(rows) if row}
            for m, rows in self.adj.items()}
        self.neighbours: dict[Hex, list[Hex]] = {h: [hexes[j] for j in self.nbrs[i]] for i, h in enumerate(hexes)}
        self.zoc_blocked_pairs: frozenset[tuple[Hex, Hex]] = frozenset((hexes[a], hexes[b]) for a, b in blocked)

    # --- geometry -----------------------------------------------------------------------------------

    def ball(self, i: int, radius: int) -> tuple[int, ...]:
        """Hexes on the board within `radius` of hex i (i included), as ints. Cached."""
        key = (i, radius)
        b = self._balls.get(key)
        if b is None:
            idx = self.idx
            b = self._balls[key] = tuple(idx[h] for h in within(self.hexes[i], radius) if h in idx)
        return b

    def distance(self, i: int, j: int) -> int:
        return distance(self.hexes[i], self.hexes[j])

    def cost(self, mobility: str, i: int, j: int) -> int | None:
        """MP to enter j from neighbour i, None if impassable."""
        for k, c in self.adj[mobility][i]:
            if k == j:
                return c
        return None

    # --- hexsides -----------------------------------------------------------------------------------

    def river_between(self, a: Hex, b: Hex) -> River | None:
        return self.board.rivers.get(hexside(a, b))

    def bridge_between(self, a: Hex, b: Hex) -> bool:
        """A road or railway crosses this (river) hexside."""
        return bool(self.board.roads.get(hexside(a, b)))
