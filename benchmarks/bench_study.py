"""Study runner speed: 1 worker against 2, the runner's overhead over bare play_game, Dask against local,
worker memory, and a forecast's rollouts (issue 18's targets; figures in docs/studies.md).

    python benchmarks/bench_study.py [--games 24] [--scenario incursion-2016] [--rollouts 40] [--no-dask]

Targets: >= 1.8x on 2 workers over 1; runner overhead < 5 % over play_game; Dask (local cluster, same
workers) < 10 % over local processes; memory per worker < 200 MB; 200 rollouts from a mid-game position
in < 60 s on 2 cores (scaled from --rollouts).
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def study_text(scenario: str, games: int) -> str:
    return (f"format: wargame-study/1\nid: bench\ntitle: bench\nscenario: {scenario}\nreplications: {games}\n"
            "seed: 1\ncases:\n  - id: baseline\n")


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--games", type=int, default=24)
    ap.add_argument("--scenario", default="incursion-2016")
    ap.add_argument("--rollouts", type=int, default=40)
    ap.add_argument("--no-dask", action="store_true")
    a = ap.parse_args()
    from wargame.bots.driver import play_game
    from wargame.study import runner
    from wargame.study.spec import load_study

    tmp = Path(tempfile.mkdtemp())
    f = tmp / "bench.yaml"
    f.write_text(study_text(a.scenario, a.games))
    st = load_study(f)
    sc = st.cases[0].scenario
    bare = timed(lambda: [play_game(sc, runner.game_seed(1, r)) for r in range(a.games)])
    one = timed(lambda: runner.run_study(st, tmp / "one", runner.local_engine(1)))
    two = timed(lambda: runner.run_study(st, tmp / "two", runner.local_engine(2)))
    same = (tmp / "one" / "games.csv").read_bytes() == (tmp / "two" / "games.csv").read_bytes()
    print(f"{a.games} games of {a.scenario}: play_game alone {bare:.1f} s; study runner, 1 worker {one:.1f} s "
          f"(overhead {100 * (one / bare - 1):+.1f} %, target < 5 %); 2 workers {two:.1f} s "
          f"(speed-up {one / two:.2f}x, target >= 1.8x); rows identical: {same}")
    if not a.no_dask:
        try:
            dask = timed(lambda: runner.run_study(st, tmp / "dask", runner.dask_engine(None, 2)))
            same = (tmp / "one" / "games.csv").read_bytes() == (tmp / "dask" / "games.csv").read_bytes()
            print(
                f"Dask LocalCluster, 2 worker processes: {dask:.1f} s (over local 2 workers "
                f"{100 * (dask / two - 1):+.1f} %,"
                f" target < 10 %; includes starting the cluster); rows identical: {same}"
            )
            # an analyst's cluster is already running: the same study against a LocalCluster started first
            from dask.distributed import LocalCluster

            with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cl:
                warm = timed(lambda: runner.run_study(st, tmp / "warm", runner.dask_engine(cl.scheduler_address, 2)))
            same = (tmp / "one" / "games.csv").read_bytes() == (tmp / "warm" / "games.csv").read_bytes()
            print(
                f"Dask, a LocalCluster of 2 worker processes already running: {warm:.1f} s (over local 2 workers "
                f"{100 * (warm / two - 1):+.1f} %, target < 10 %); rows identical: {same}"
            )
        except ImportError as e:
            print(f"Dask: skipped ({e})")
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"peak memory of a local worker process: {kids:.0f} MB (target < 200 MB); this process "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )

    from wargame.bots.base import load_bot
    from wargame.bots.driver import ask
    from wargame.game import Game
    from wargame.study.forecast import forecast

    g = Game(sc, seed=3)
    bots = {s: load_bot("operational", s, 1) for s in (g.active_side, g.active_side.other)}
    while not g.over and g.turn < 4:
        g.submit(g.active_side, ask(bots[g.active_side], g, g.active_side, None, []))
    if g.over:
        print("forecast: the game ended before turn 4; no mid-game position")
        return
    t = timed(lambda: forecast(g, a.rollouts, workers=2))
    print(
        f"forecast: {a.rollouts} rollouts from turn {g.turn} (H+{g.hour}) on 2 workers in {t:.1f} s; "
        f"200 rollouts ~ {200 * t / a.rollouts:.0f} s (target < 60 s)"
    )


if __name__ == "__main__":
    main()
