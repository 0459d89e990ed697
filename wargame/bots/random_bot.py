"""The floor: legal random orders."""

from __future__ import annotations

import random

from wargame.hexgrid import distance
from wargame.model.units import Side
from wargame.orders import AirMission, Attack, Move, Order


class RandomBot:
    name = "random"

    def __init__(self, side: Side, seed: int):
        self.side = side
        self.rng = random.Random(seed)

    def orders(self, view, oracle) -> list[Order]:
        out: list[Order] = []
        if view.phase == "movement":
            limit = oracle.tables.stacking
            stack: dict = {}
            for u in view.own:
                stack[u.hex] = stack.get(u.hex, 0) + 1
            for u in view.own:
                # only where the units already sent leave room: a move past the stacking limit is illegal
                reach = sorted((h for h in oracle.reachable(u.id) if stack.get(h, 0) < limit), key=oracle.hid)
                if reach and self.rng.random() < 0.7:
                    dest = self.rng.choice(reach)
                    stack[u.hex] -= 1
                    stack[dest] = stack.get(dest, 0) + 1
                    out.append(Move(u.id, tuple(oracle.hid(h) for h in oracle.path(u.id, dest))))
        elif view.phase == "combat":
            used: set[str] = set()
            for e in view.enemy:
                adj = [u.id for u in view.own if u.id not in used and u.attack > 0 and distance(u.hex, e.hex) == 1]
                if adj and self.rng.random() < 0.5:
                    used.update(adj)
                    out.append(Attack(oracle.hid(e.hex), tuple(adj)))
        elif view.phase == "air" and view.sorties >= 4 and view.enemy and self.rng.random() < 0.5:
            e = self.rng.choice(view.enemy)
            out.append(AirMission("interdiction", oracle.hid(e.hex), min(view.sorties, 8)))
        return out
