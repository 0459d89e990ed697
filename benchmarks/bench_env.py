"""Learning-environment speed on incursion-2016, one core, a random agent that takes only legal
actions (issue 19 targets: >= 2,000 env steps (actions)/s; observation encoding < 1 ms; memory
< 200 MB). For scale: Atlatl (NPS) reports a few hundred actions/s on its 25x25, 100-unit maps.

    python benchmarks/bench_env.py [EPISODES]
"""

from __future__ import annotations

import resource
import sys
import time

import numpy as np

from wargame.env import aec_env


def episode(env, seed: int, observe: bool) -> tuple[int, float]:
    """One whole game; returns (actions, seconds). Without `observe`, the agent reads the mask only."""
    env.reset(seed=seed)
    ses = env.session
    rng = np.random.default_rng(seed)
    n, t0 = 0, time.perf_counter()
    if observe:
        for _agent in env.agent_iter():
            obs, _, term, trunc, _ = env.last()
            if term or trunc:
                env.step(None)
                continue
            env.step(int(rng.choice(np.flatnonzero(obs["action_mask"]))))
            n += 1
    else:
        while not ses.game.over:
            ses.step(int(rng.choice(np.flatnonzero(ses.mask(ses.active)))))
            n += 1
    return n, time.perf_counter() - t0


def main() -> None:
    games = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    t0 = time.perf_counter()
    env = aec_env("incursion-2016")
    env.reset(seed=0)
    lay = env.session.layout
    print(
        f"set-up {time.perf_counter() - t0:.2f} s; {lay.n:,} actions ({lay.S} unit slots x {lay.K} offsets, radius "
        f"{lay.spec.radius}; 5 x {lay.L:,} land hexes; 2 more); observation "
        f"{env.observation_space('red')['observation'].shape}"
    )
    for observe in (False, True):
        steps = secs = 0.0
        for seed in range(games):
            n, s = episode(env, seed, observe)
            steps += n
            secs += s
        what = "observation + mask every action (AEC last())" if observe else "mask only (Session)"
        print(
            f"{what}: {games} games, {steps:,.0f} actions in {secs:.1f} s = {steps / secs:,.0f} steps/s "
            f"({steps / games:,.0f} actions a game; target >= 2,000 steps/s)"
        )
    env.reset(seed=1)
    ses = env.session
    rng = np.random.default_rng(1)
    for _ in range(400):  # somewhere in the middle of turn 2
        ses.step(int(rng.choice(np.flatnonzero(ses.mask(ses.active)))))
    for side in ("red", "blue"):
        env.observe(side)
        k = 200
        t1 = time.perf_counter()
        for _ in range(k):
            ses._view_cache = {}
            env.observe(side)
        with_view = (time.perf_counter() - t1) / k * 1000
        t1 = time.perf_counter()
        for _ in range(k):
            env.observe(side)
        cached = (time.perf_counter() - t1) / k * 1000
        print(
            f"observation of {side}: {cached:.2f} ms encoding, {with_view:.2f} ms with a fresh Game.view (target < 1 "
            "ms)"
        )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory {rss:.0f} MB (target < 200 MB)")


if __name__ == "__main__":
    main()
