"""Study runner speed: 1 worker against 2, the runner's overhead over bare play_game, Dask against local,
worker memory, and a forecast's rollouts (issue 18's targets; figures in docs/studies.md).

    python benchmarks/bench_study.py [--games 24] [--scenario incursion-2016] [--rollouts 40] [--no-dask]
                                     [--rounds 3] [--only dask]

Targets: >= 1.8x on 2 workers over 1; runner overhead < 5 % over play_game; Dask (local cluster, same
workers) < 10 % over local processes; memory per worker < 200 MB; 200 rollouts from a mid-game position
in < 60 s on 2 cores (scaled from --rollouts).

Every timed run starts from a freshly loaded study, as `wargame study` does: no engine inherits the
caches (board index, distance fields) of games played earlier in this process. The Dask comparison is
--rounds rounds of local 2 workers, Dask on a LocalCluster it starts, and Dask on a LocalCluster started
(untimed) just before (as the engine starts one: no profiler; --dask-defaults: Dask's defaults), in a
rotating order; it prints each round, the median and range of the paired
ratios, and the CPU seconds of every process involved (less sensitive than wall time to the other
sessions on a shared machine).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
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


def cpu_seconds(pids: list[int] = ()) -> float:
    """CPU time of this process, its finished children and the live processes `pids`."""
    import psutil

    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    live = sum(sum(psutil.Process(p).cpu_times()[:2]) for p in pids)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime + live


def measured(fn, pids: list[int] = ()) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of fn()."""
    c0, t0 = cpu_seconds(pids), time.perf_counter()
    fn()
    return time.perf_counter() - t0, cpu_seconds(pids) - c0


def compare_dask(f: Path, tmp: Path, rounds: int, dask_defaults: bool) -> None:
    """Local 2 workers against Dask with 2 worker processes, cold and already running, in rounds."""
    from dask.distributed import Client, LocalCluster

    from wargame.study import cluster, runner
    from wargame.study.spec import load_study

    def local(out: Path) -> tuple[float, float]:
        st = load_study(f)
        return measured(lambda: runner.run_study(st, out, runner.local_engine(2)))

    def cold(out: Path) -> tuple[float, float]:
        st = load_study(f)
        return measured(lambda: runner.run_study(st, out, runner.dask_engine(None, 2)))

    def running(out: Path) -> tuple[float, float]:
        st = load_study(f)
        started = (LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
                   if dask_defaults else cluster.local_cluster(2))
        with started as cl:
            with Client(cl) as c:
                pids = list(c.run(os.getpid).values())
            return measured(lambda: runner.run_study(st, out, runner.dask_engine(cl.scheduler_address, 2)), pids)

    kinds = {"local": local, "dask": cold, "running": running}
    got: dict[str, list[tuple[float, float]]] = {k: [] for k in kinds}
    ref = None
    for r in range(rounds):
        names = list(kinds)[r % 3 :] + list(kinds)[: r % 3]
        for k in names:
            out = tmp / f"{k}-{r}"
            got[k].append(kinds[k](out))
            rows = (out / "games.csv").read_bytes()
            ref = ref or rows
            assert rows == ref, f"{k} rows differ"
        (lw, lc), (dw, dc), (rw, rc) = (got[k][-1] for k in kinds)
        print(f"  round {r + 1} ({', '.join(names)}): local 2 workers {lw:.1f} s ({lc:.1f} CPU-s); Dask starting "
              f"its cluster {dw:.1f} s ({100 * (dw / lw - 1):+.1f} %; {dc:.1f} CPU-s); Dask, cluster running "
              f"{rw:.1f} s ({100 * (rw / lw - 1):+.1f} %; {rc:.1f} CPU-s)", flush=True)

    def summary(k: str) -> str:
        walls = [100 * (w / lw - 1) for (w, _), (lw, _) in zip(got[k], got["local"])]
        cpus = [100 * (c / lc - 1) for (_, c), (_, lc) in zip(got[k], got["local"])]
        return (f"wall {statistics.median(walls):+.1f} % (range {min(walls):+.1f} .. {max(walls):+.1f}), "
                f"CPU {statistics.median(cpus):+.1f} % (range {min(cpus):+.1f} .. {max(cpus):+.1f})")

    print(f"Dask over local 2 workers, median of {rounds} paired rounds (target < 10 %); rows identical: True\n"
          f"  Dask starting a LocalCluster of 2 worker processes: {summary('dask')}\n"
          f"  Dask on a LocalCluster of 2 worker processes already running: {summary('running')}")


MEMORY_PROBE = """
import resource, sys
from pathlib import Path
from wargame.study import runner
from wargame.study.spec import load_study
runner.run_study(load_study(sys.argv[1]), Path(sys.argv[2]), runner.local_engine(2))
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def worker_memory(f: Path) -> tuple[float, float]:
    """Peak RSS (MB) of a local worker and of its coordinator, in a fresh process as `wargame study` runs:
    the workers of this process inherit the studies and caches of every run above."""
    out = subprocess.run([sys.executable, "-c", MEMORY_PROBE, str(f), str(f.parent / "memory")], check=True,
                         capture_output=True, text=True, cwd=Path(__file__).resolve().parents[1]).stdout.split()
    return int(out[-2]) / 1024, int(out[-1]) / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--games", type=int, default=24)
    ap.add_argument("--scenario", default="incursion-2016")
    ap.add_argument("--rollouts", type=int, default=40)
    ap.add_argument("--no-dask", action="store_true")
    ap.add_argument("--rounds", type=int, default=3, help="rounds of the Dask comparison")
    ap.add_argument("--only", choices=("dask",), help="run only the Dask comparison")
    ap.add_argument("--dask-defaults", action="store_true",
                    help="the running cluster with Dask's default worker settings (the profiler on)")
    a = ap.parse_args()
    from wargame.bots.driver import play_game
    from wargame.study import runner
    from wargame.study.spec import load_study

    tmp = Path(tempfile.mkdtemp())
    f = tmp / "bench.yaml"
    f.write_text(study_text(a.scenario, a.games))
    if a.only == "dask":
        print(f"{a.games} games of {a.scenario}:")
        compare_dask(f, tmp, a.rounds, a.dask_defaults)
        return
    sc = load_study(f).cases[0].scenario
    bare = timed(lambda: [play_game(sc, runner.game_seed(1, r)) for r in range(a.games)])
    st = load_study(f)
    one = timed(lambda: runner.run_study(st, tmp / "one", runner.local_engine(1)))
    st = load_study(f)
    two = timed(lambda: runner.run_study(st, tmp / "two", runner.local_engine(2)))
    same = (tmp / "one" / "games.csv").read_bytes() == (tmp / "two" / "games.csv").read_bytes()
    print(f"{a.games} games of {a.scenario}: play_game alone {bare:.1f} s; study runner, 1 worker {one:.1f} s "
          f"(overhead {100 * (one / bare - 1):+.1f} %, target < 5 %); 2 workers {two:.1f} s "
          f"(speed-up {one / two:.2f}x, target >= 1.8x); rows identical: {same}")
    if not a.no_dask:
        try:
            compare_dask(f, tmp, a.rounds, a.dask_defaults)
        except ImportError as e:
            print(f"Dask: skipped ({e})")
    (tmp / "memory.yaml").write_text(study_text(a.scenario, 8))
    worker, coordinator = worker_memory(tmp / "memory.yaml")
    print(f"peak memory of a local worker process: {worker:.0f} MB (target < 200 MB); its coordinator "
          f"{coordinator:.0f} MB (a fresh process playing 8 games on 2 local workers)")

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
