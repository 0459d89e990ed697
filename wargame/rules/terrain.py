"""Kept for callers of the first engine: the per-board cost tables are now `wargame.rules.index`."""

from wargame.rules.index import BoardIndex as Terrain
from wargame.rules.index import edge_cost, index_for

__all__ = ["Terrain", "edge_cost", "index_for"]
