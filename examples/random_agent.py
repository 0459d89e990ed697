"""A random agent that only takes legal actions, on the PettingZoo env (both sides).

    python examples/random_agent.py incursion-2016 --seed 7 --save /tmp/episode.json
    wargame replay /tmp/episode.json          # the episode replays like any saved game
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from wargame.env import aec_env


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("scenario", nargs="?", default="incursion-2016", help="scenario id or path")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--save", help="write the episode as a save file")
    args = ap.parse_args()

    env = aec_env(args.scenario)
    env.reset(seed=args.seed)
    rng = np.random.default_rng(args.seed)
    returns = {a: 0.0 for a in env.possible_agents}
    steps, t0 = 0, time.perf_counter()
    for agent in env.agent_iter():
        obs, reward, terminated, truncated, info = env.last()
        returns[agent] += reward
        if terminated or truncated:
            action = None
        else:
            action = int(rng.choice(np.flatnonzero(obs["action_mask"])))
            steps += 1
        env.step(action)
    dt = time.perf_counter() - t0
    r = env.game.result
    measure = f"H+{r.measure_hours}" if r.measure_hours is not None else "not reached"
    print(f"{steps} actions in {dt:.1f} s ({steps / dt:.0f}/s, observing every action); "
          f"{r.winner} wins ({r.reason}); RAND measure {measure}; returns {returns}")
    if args.save:
        print(f"saved {env.save(args.save)}")


if __name__ == "__main__":
    main()
