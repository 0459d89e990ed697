"""How much a copy costs: `Game.clone()` between phases and at an umpire's proposal (mid-phase), set
against rebuilding the same game from its record (what a mid-phase clone used to do).

    python benchmarks/bench_clone.py      # incursion-2016, operational bots, umpired, turn 6
"""

from __future__ import annotations

import statistics
import sys
import time

from wargame.bots.base import Oracle
from wargame.bots.driver import make_bot
from wargame.data.scenario import load_scenario
from wargame.game import Accept, Game
from wargame.model.units import Side


def _ms(f, n: int) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        f()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main(turn: int = 6) -> None:
    sc = load_scenario("incursion-2016")
    g = Game(sc, seed=1, umpire=True)
    bots = {s: make_bot("operational", s, 1) for s in Side}
    between = None
    while not g.over:
        if g.pending is None:
            if g.turn >= turn and between is None:
                between = g.clone()
            side = g.active_side
            assert side is not None
            g.submit(side, bots[side].orders(g.view(side), Oracle(g, side)))
        elif g.turn >= turn and g.position.step is not None and g.position.step.taken:
            break
        else:
            g.decide(Accept())
    assert between is not None and g.pending is not None, "no proposal after the first of a phase"
    step = g.position.step
    assert step is not None
    rec = g.to_record()
    print(f"incursion-2016, turn {g.turn}, {len(g.events)} events; paused at chance "
          f"{len(step.taken) + 1} of the {g.phase} phase")
    print(f"clone between phases: median {_ms(between.clone, 50):.2f} ms")
    print(f"clone at a proposal (re-runs the phase in hand): median {_ms(g.clone, 50):.2f} ms")
    print(f"rebuild from the record (replay): median {_ms(lambda: Game.from_record(rec, sc), 5):.1f} ms")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:2]))
