"""Does the search bot beat the operational bots? (issue #6) Plays 10 games per pairing and scenario.

    python benchmarks/bench_search.py
"""
import statistics
from concurrent.futures import ProcessPoolExecutor
def one(args):
    sid, seed, red, blue = args
    from wargame.data.scenario import load_scenario
    from wargame.bots.driver import play_game
    r = play_game(load_scenario(sid), seed, red, blue).game.result
    return (sid, red, blue, seed, r['measure_hours'], r['losses']['red'], r['losses']['blue'], r['winner'])


def main() -> None:
    jobs = []
    for sid in ('incursion-2016', 'incursion-2016-seven-brigades'):
        for seed in range(10):
            for red, blue in (('operational','operational'), ('search','operational'), ('operational','search')):
                jobs.append((sid, seed, red, blue))
    with ProcessPoolExecutor(2) as ex:
        rows = list(ex.map(one, jobs))
    for sid in ('incursion-2016', 'incursion-2016-seven-brigades'):
        for red, blue in (('operational','operational'), ('search','operational'), ('operational','search')):
            rs = [r for r in rows if r[0]==sid and r[1]==red and r[2]==blue]
            hs = [r[4] if r[4] is not None else 240 for r in rs]
            print(f"{sid:32} red={red:12} blue={blue:12} red wins {sum(r[7]=='red' for r in rs)}/{len(rs)} mean hours {statistics.mean(hs):.1f} median {statistics.median(hs)} red steps lost {statistics.mean(r[5] for r in rs):.1f} blue {statistics.mean(r[6] for r in rs):.1f}")


if __name__ == "__main__":
    main()
