"""The search bot: looks ahead with the engine. For its own movement and combat phases it builds a
few candidate plans (the operational doctrine at different boldness), plays each forward on copies
of the game as it believes it to be (`Oracle.imagine`: undetected enemies left out) with the
operational bots for both sides, and picks the plan with the best average outcome: for Red the
earliest arrival in the outskirts of Tallinn or Riga and the fewest steps lost, for Blue the latest
and the most Red steps destroyed. A time budget per phase caps the search.
"""

from __future__ import annotations

import random
import time

from wargame.bots.operational import OperationalBot
from wargame.game import Decision
from wargame.model.units import Side


class SearchBot:
    name = "search"

    def __init__(self, side: Side, seed: int, rollouts: int = 2, horizon_turns: int = 3, budget: float = 2.0):
        self.side = side
        self.rng = random.Random(seed)
        self.rollouts = rollouts
        self.horizon = horizon_turns
        self.budget = budget
        self.base = OperationalBot(side, seed)

    def plans(self, view, oracle) -> list[list]:
        if view.phase == "combat":
            cols = (2, 3, 4, 5)
            out = [self.base.attack(view, oracle, min_column=c) for c in cols]
        elif view.phase == "movement":
            out = [self.base.move(view, oracle), []]
            if self.side is Side.RED:
                # the same drive with only the lead half moving: a more careful advance
                full = out[0]
                out.append(full[: max(1, len(full) // 2)])
        else:
            return [self.base.orders(view, oracle)]
        unique, seen = [], set()
        for p in out:
            key = tuple(sorted(repr(o) for o in p))
            if key not in seen:
                seen.add(key)
                unique.append(p)
        return unique

    def score(self, g) -> float:
        hours = min(g.measure.values()) if g.measure else 10_000
        material = g.losses[Side.BLUE] - g.losses[Side.RED]
        s = -hours + 2.0 * material
        return s if self.side is Side.RED else -s

    def rollout(self, oracle, plan, seed: int) -> float:
        g = oracle.imagine(seed)
        g.submit(self.side, plan)
        bots = {s: OperationalBot(s, seed + i) for i, s in enumerate(Side)}
        from wargame.bots.base import Oracle

        end = g.turn + self.horizon
        while not g.over and g.turn < end:
            side = g.active_side
            g.submit(side, bots[side].orders(g.view(side), Oracle(g, side)))
            while g.pending is not None:
                g.decide(Decision("accept"))
        return self.score(g)

    def orders(self, view, oracle) -> list:
        plans = self.plans(view, oracle)
        if len(plans) == 1:
            return plans[0]
        t0 = time.perf_counter()
        totals = [0.0] * len(plans)
        counts = [0] * len(plans)
        for r in range(self.rollouts):
            for i, plan in enumerate(plans):
                if counts[0] and time.perf_counter() - t0 > self.budget:
                    break
                totals[i] += self.rollout(oracle, plan, self.rng.randrange(1 << 30))
                counts[i] += 1
        best = max(range(len(plans)), key=lambda i: (totals[i] / counts[i] if counts[i] else float("-inf"), -i))
        return plans[best]
