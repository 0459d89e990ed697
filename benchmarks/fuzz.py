"""Fuzz every data-file loader and the save reader with seeded mutations (tests/fuzzing.py) and print
the outcome counts per kind. Done when `unlocated` and `traceback` are 0.

    python benchmarks/fuzz.py                 # 10,000 cases per kind, kinds spread over 2 processes
    python benchmarks/fuzz.py -n 500 --kinds save map --seed 3
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests import fuzzing  # noqa: E402

OUTCOMES = ("ok", "refused", "mismatch", "unlocated", "traceback")


def one_kind(kind: str, n: int, seed: int) -> tuple[str, dict[str, int], list[int], float]:
    bad: list[int] = []
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(dir="/dev/shm" if Path("/dev/shm").is_dir() else None) as d:
        counts = fuzzing.run((kind,), n, seed, Path(d), lambda k, i, o: bad.append(i))[kind]
    return kind, dict(counts), bad, time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=10_000, help="cases per kind (default 10,000)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--kinds", nargs="+", default=list(fuzzing.KINDS), choices=fuzzing.KINDS)
    ap.add_argument("--jobs", type=int, default=2, help="processes (default 2)")
    args = ap.parse_args()
    t0 = time.perf_counter()
    print(f"{'kind':<11}" + "".join(f"{o:>11}" for o in OUTCOMES) + f"{'seconds':>9}")
    total_bad = 0
    with ProcessPoolExecutor(args.jobs) as pool:
        for kind, counts, bad, secs in pool.map(
            one_kind, args.kinds, [args.n] * len(args.kinds), [args.seed] * len(args.kinds)
        ):
            print(f"{kind:<11}" + "".join(f"{counts.get(o, 0):>11,}" for o in OUTCOMES) + f"{secs:>9.1f}", flush=True)
            if bad:
                print(f"  bad cases (seed {args.seed}): {bad[:20]}")
            total_bad += len(bad)
    print(
        f"{len(args.kinds) * args.n:,} cases in {time.perf_counter() - t0:.0f} s; unlocated + tracebacks: {total_bad}"
    )
    return 1 if total_bad else 0


if __name__ == "__main__":
    sys.exit(main())
