"""The do-nothing player: gives no orders at all. Units stand where they are and dig in.

It is the floor every other bot is measured against (docs/calibration.md): a model in which a side
that gives no orders does as well as one that plays is broken, whatever its averages agree with.
"""

from __future__ import annotations

from wargame.model.units import Side
from wargame.orders import Order


class PassiveBot:
    name = "passive"

    def __init__(self, side: Side, seed: int):
        self.side = side

    def orders(self, view, oracle) -> list[Order]:
        return []
