"""Load time and memory of the biggest map + scenario (issue: under 150 ms for map + orders of battle).

    python benchmarks/bench_load.py [SCENARIO]

Each load runs in a fresh state (caches are per call); prints the median of several runs and the
peak memory the loaded scenario takes (tracemalloc, Python objects only).
"""

from __future__ import annotations

import statistics
import sys
import time
import tracemalloc

from wargame.data.maps import load_map
from wargame.data.scenario import list_scenarios, load_scenario


def biggest_scenario() -> str:
    best, size = None, -1
    for sid, _title, _summary, path in list_scenarios():
        try:
            sc = load_scenario(path)
        except Exception:  # an invalid scenario is validate's business, not the benchmark's
            continue
        n = len(sc.board.terrain) * 10 + len(sc.units)
        if n > size:
            best, size = sid, n
    if best is None:
        sys.exit("no loadable scenario found")
    return best


def main() -> None:
    sid = sys.argv[1] if len(sys.argv) > 1 else biggest_scenario()
    sc = load_scenario(sid)
    times = []
    for _ in range(15):
        t0 = time.perf_counter()
        load_scenario(sid)
        times.append((time.perf_counter() - t0) * 1000)
    map_times = []
    for _ in range(15):
        t0 = time.perf_counter()
        load_map(sc.board.meta.get("file", sc.board.id))
        map_times.append((time.perf_counter() - t0) * 1000)
    tracemalloc.start()
    kept = load_scenario(sid)
    cur, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"scenario {sid}: {len(kept.board.terrain)} hexes, {len(kept.units)} units, "
          f"{len(kept.board.rivers)} river hexsides, {len(kept.board.roads)} road/rail hexsides")
    print(f"load map + unit types + orders of battle + tables: median {statistics.median(times):.1f} ms "
          f"(min {min(times):.1f}, max {max(times):.1f}; target < 150 ms)")
    print(f"load map alone: median {statistics.median(map_times):.1f} ms")
    print(f"memory: {cur / 1e6:.1f} MB held by the loaded scenario, {peak / 1e6:.1f} MB peak while loading")


if __name__ == "__main__":
    main()
