"""Bot-vs-bot game speed (issue targets: >= 5 incursion-2016 games/s on one core with the
operational bots; batch speed-up on 2 workers >= 1.8x; memory per worker < 200 MB).

    python benchmarks/bench_bots.py [GAMES]
"""

from __future__ import annotations

import resource
import sys
import time

from wargame.batch import run_batch
from wargame.bots.driver import play_game
from wargame.data.scenario import load_scenario


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    sc = load_scenario("incursion-2016")
    play_game(sc, 0)  # warm caches
    t0 = time.perf_counter()
    orders = 0
    for seed in range(n):
        orders += play_game(sc, seed).orders
    one = time.perf_counter() - t0
    print(
        f"one core: {n} games in {one:.1f} s = {n / one:.2f} games/s, {orders / one:,.0f} unit orders/s (target >= 5 "
        "games/s)"
    )
    t1 = time.perf_counter()
    run_batch("incursion-2016", n, seed=1, workers=1, progress=False)
    w1 = time.perf_counter() - t1
    t2 = time.perf_counter()
    run_batch("incursion-2016", n, seed=1, workers=2, progress=False)
    w2 = time.perf_counter() - t2
    print(f"batch: 1 worker {w1:.1f} s, 2 workers {w2:.1f} s: speed-up {w1 / w2:.2f}x (target >= 1.8x)")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: this process {rss:.0f} MB, largest worker {kids:.0f} MB (target < 200 MB per worker)")


if __name__ == "__main__":
    main()
