"""Per-board movement costs, precomputed once per game (the tables x the board)."""

from __future__ import annotations

from wargame.data.tables import Tables
from wargame.hexgrid import Hex, hexside, neighbours
from wargame.model.board import Board
from wargame.model.units import MOBILITIES


class Terrain:
    """Edge costs by mobility: `edges[mobility][hex]` = [(neighbour, MP to enter it), ...] over land.

    Entering along a road hexside costs the road cost whatever the terrain; crossing a river hexside
    that is not a bridge adds the river cost.
    """

    def __init__(self, board: Board, tables: Tables):
        self.board = board
        self.tables = tables
        self.edges: dict[str, dict[Hex, list[tuple[Hex, int]]]] = {m: {} for m in MOBILITIES}
        land = {h for h in board.terrain if board.is_land(h)}
        self.land = frozenset(land)
        rivers, roads = board.rivers, board.roads
        for h in sorted(land):
            for n in neighbours(h):
                if n not in land:
                    continue
                s = hexside(h, n)
                road = "road" in roads.get(s, ())
                river = rivers.get(s)
                for m in MOBILITIES:
                    if road:
                        cost = tables.road_cost
                    else:
                        cost = tables.terrain_cost[m][board.terrain[n]]
                        if river is not None:
                            cost += tables.river_cost[river.cls]
                    self.edges[m].setdefault(h, []).append((n, cost))
        # ZOC does not reach across a major river except over a bridge
        self.zoc_blocked = frozenset(s for s, r in rivers.items() if r.cls == "major" and "road" not in roads.get(s, ()))
        # the same, as ordered pairs both ways, and each hex's neighbours on the board, for speed
        self.zoc_blocked_pairs = frozenset(p for s in self.zoc_blocked for p in ((s.a, s.b), (s.b, s.a)))
        self.neighbours = {h: [n for n in neighbours(h) if n in board.terrain] for h in board.terrain}

    def river_between(self, a: Hex, b: Hex):
        return self.board.rivers.get(hexside(a, b))

    def bridge_between(self, a: Hex, b: Hex) -> bool:
        return "road" in self.board.roads.get(hexside(a, b), ())
