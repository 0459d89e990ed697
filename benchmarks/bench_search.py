"""Does the search bot beat the operational bots? (issue #6)

For every scenario and seed it plays three games with the same seed: operational against
operational (the baseline), search Red against operational Blue, and operational Red against search
Blue. A side's result is the hour Red reached its aim (the RAND measure; the scenario's objective
where it has one, e.g. the Suwałki gap), "not reached" counting as after the end, then the loss
exchange. The search bot *beats* the operational bot on a seed when its result against the same
opponent, with the same dice at the start, is better than the operational bot's own; a sign test
says how likely so lopsided a count would be if neither were better.

    python benchmarks/bench_search.py [--seeds 20] [--first-seed 0] [--workers 2] [SCENARIO ...]

(--first-seed 20 plays seeds the doctrines were not chosen on: a held-out check.)
"""
from __future__ import annotations

import argparse
import math
import statistics
import time
from concurrent.futures import ProcessPoolExecutor

PAIRS = (("operational", "operational"), ("search", "operational"), ("operational", "search"))
SCENARIOS = ("incursion-2016", "incursion-2016-seven-brigades", "suwalki-corridor")
LATE = 10_000  # "not reached" sorts after every hour


def one(job):
    sid, seed, red, blue = job
    from wargame.bots.driver import play_game
    from wargame.data.scenario import load_scenario
    from wargame.rules.victory import aim_hour

    t0 = time.perf_counter()
    p = play_game(load_scenario(sid), seed, red, blue)
    r = p.game.result
    aim = aim_hour(p.game)
    return {"sid": sid, "seed": seed, "red": red, "blue": blue, "aim": LATE if aim is None else aim,
            "winner": r.winner, "red_lost": r.losses["red"], "blue_lost": r.losses["blue"],
            "seconds": time.perf_counter() - t0}


def sign_test(better: int, worse: int) -> float:
    """Two-sided p-value of `better` against `worse` under a fair coin (ties left out)."""
    n = better + worse
    if n == 0:
        return 1.0
    k = max(better, worse)
    tail = sum(math.comb(n, i) for i in range(k, n + 1)) / 2 ** n
    return min(1.0, 2 * tail)


def outcome_for(side: str, row) -> tuple:
    """Bigger is better for `side`: Red wants the aim early and the exchange high, Blue the reverse."""
    exchange = row["blue_lost"] - row["red_lost"]
    return (-row["aim"], exchange) if side == "red" else (row["aim"], -exchange)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("scenarios", nargs="*", default=list(SCENARIOS))
    ap.add_argument("--seeds", type=int, default=20)
    ap.add_argument("--first-seed", type=int, default=0)
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args()
    jobs = [(sid, seed, r, b) for sid in a.scenarios for seed in range(a.first_seed, a.first_seed + a.seeds)
            for r, b in PAIRS]
    t0 = time.perf_counter()
    with ProcessPoolExecutor(a.workers) as ex:
        rows = list(ex.map(one, jobs))
    print(f"{len(rows)} games (seeds {a.first_seed}-{a.first_seed + a.seeds - 1}) in "
          f"{time.perf_counter() - t0:.0f} s on {a.workers} workers\n")
    fmt = lambda h: "not reached" if h >= LATE else f"{h:g}"  # noqa: E731
    print(f"{'scenario':31} {'Red / Blue':25} {'mean h':>7} {'median':>7} {'Red lost':>8} {'Blue lost':>9} "
          f"{'s/game':>6}  search vs operational, same seeds")
    for sid in a.scenarios:
        base = {r["seed"]: r for r in rows if r["sid"] == sid and r["red"] == r["blue"]}
        for red, blue in PAIRS:
            rs = [r for r in rows if r["sid"] == sid and r["red"] == red and r["blue"] == blue]
            aims = [min(r["aim"], 240) for r in rs]
            verdict = ""
            if "search" in (red, blue):
                side = "red" if red == "search" else "blue"
                verdicts = []
                for name, key in (
                    ("hours, then exchange", outcome_for),
                    ("hours alone", lambda s, r: outcome_for(s, r)[0]),
                ):
                    better = sum(key(side, r) > key(side, base[r["seed"]]) for r in rs)
                    worse = sum(key(side, r) < key(side, base[r["seed"]]) for r in rs)
                    verdicts.append(
                        f"{name}: better {better}, equal {len(rs) - better - worse}, worse {worse} "
                        f"(p = {sign_test(better, worse):.3f})"
                    )
                gain = [
                    (1 if side == "blue" else -1) * (min(r["aim"], 240) - min(base[r["seed"]]["aim"], 240)) for r in rs
                ]
                half = 1.96 * statistics.stdev(gain) / math.sqrt(len(gain)) if len(gain) > 1 else 0.0
                verdict = "; ".join(verdicts) + f"; hours gained {statistics.mean(gain):+.1f} (95% CI +/- {half:.1f})"
            print(
                f"{sid:31} {red + ' / ' + blue:25} {statistics.mean(aims):7.1f} "
                f"{fmt(statistics.median(r['aim'] for r in rs)):>7} "
                f"{statistics.mean(r['red_lost'] for r in rs):8.1f} {statistics.mean(r['blue_lost'] for r in rs):9.1f} "
                f"{statistics.mean(r['seconds'] for r in rs):6.1f}  {verdict}"
            )
    print(
        "\nmean h: the hour Red reached its aim (not reached counted as 240); for suwalki-corridor the hour "
        "Red first held both gap towns.\nA seed counts as better when the search bot's result beats the "
        "operational bot's on it: by the hour, then the loss exchange; or by the hour alone. Hours gained: "
        "the mean paired difference in its side's favour (earlier for Red, later for Blue)."
    )


if __name__ == "__main__":
    main()
