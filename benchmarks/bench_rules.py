"""Adjudication speed on incursion-2016 (issue targets: a full turn with every unit given orders
< 10 ms median; a unit's reachable hexes < 0.3 ms median; a whole 20-turn game's adjudication,
bots' thinking excluded, < 0.2 s).

    python benchmarks/bench_rules.py

Orders come from the operational bots, recorded once; the timings replay only the adjudication.
"""

from __future__ import annotations

import statistics
import time

from wargame.bots.driver import play_game
from wargame.data.scenario import load_scenario
from wargame.game import Game
from wargame.model.units import Side
from wargame.orders import from_dict


def main() -> None:
    sc = load_scenario("incursion-2016")
    Game(sc, seed=0)  # warm the per-board cost tables (built once per process)
    records = [play_game(sc, seed).game.to_record() for seed in range(10)]
    # whole games: adjudication only
    game_times, turn_times, orders_n = [], [], 0
    for rec in records:
        g = Game(sc, seed=rec["seed"])
        t0 = time.perf_counter()
        turn_start, turn = t0, 1
        for entry in rec["log"]:
            orders = [from_dict(d) for d in entry["orders"]]
            orders_n += len(orders)
            g.submit(Side(entry["side"]), orders)
            if g.turn != turn or g.over:
                now = time.perf_counter()
                turn_times.append(now - turn_start)
                turn_start, turn = now, g.turn
        game_times.append(time.perf_counter() - t0)
    # reachable hexes for every unit at the start of Red's first movement phase
    g = Game(sc, seed=1)
    g.submit(Side.RED, [])
    g.submit(Side.BLUE, [])
    reach = []
    for u in list(g.units_of(Side.RED)):
        for _ in range(20):
            t0 = time.perf_counter()
            g.reachable(u.id)
            reach.append(time.perf_counter() - t0)
    ms = lambda xs: statistics.median(xs) * 1000  # noqa: E731
    print(f"incursion-2016: {len(sc.units)} units; 10 games replayed, {orders_n} orders adjudicated")
    print(f"full turn adjudication: median {ms(turn_times):.2f} ms, max {max(turn_times) * 1000:.2f} ms (target < 10 ms median)")
    print(f"reachable hexes of a unit: median {ms(reach):.3f} ms, p90 {sorted(reach)[int(len(reach) * 0.9)] * 1000:.3f} ms (target < 0.3 ms)")
    print(f"whole game adjudication: median {ms(game_times):.1f} ms over {statistics.mean(r['snapshot']['turn'] for r in records):.1f} turns "
          f"(target < 200 ms for 20 turns)")
    print(f"  (games end early when Red holds Tallinn and Riga; 20 turns at the median turn cost: "
          f"{20 * ms(turn_times):.0f} ms)")
    print(f"orders adjudicated per second: {orders_n / sum(game_times):,.0f}")


if __name__ == "__main__":
    main()
