"""Train a small masked-PPO policy on the CPU for a few minutes (sb3-contrib's MaskablePPO), then
compare it with a random masked agent against the same opponent.

    pip install -e '.[train]'        # sb3-contrib and PyTorch (a CPU build is enough)
    python examples/train_maskable_ppo.py --minutes 3
    PYTHONPATH=. wargame play tests/fixtures/tiny/scenarios/tiny.yaml --red examples.policy_bot:MaskablePolicyBot

By default it trains Red on the tiny test scenario (8x6 hexes, ~1,000 actions) against the random
bot, with the RAND-measure reward plus a little of the losses reward to shape it; the real board
(`--scenario incursion-2016`, ~43,000 actions) works the same way but wants far more than minutes.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from wargame.env import gym_env

HERE = Path(__file__).resolve().parent
TINY = HERE.parent / "tests" / "fixtures" / "tiny" / "scenarios" / "tiny.yaml"


def evaluate(env, act, games: int, first_seed: int) -> tuple[float, float]:
    """Mean return and Red's win rate over `games` seeded episodes; act(obs, mask) -> action."""
    total, wins = 0.0, 0
    for i in range(games):
        obs, info = env.reset(seed=first_seed + i)
        done = False
        while not done:
            obs, r, term, trunc, info = env.step(act(obs, env.action_masks()))
            total += r
            done = term or trunc
        wins += env.game.result.winner == env.side.value
    return total / games, wins / games


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scenario", default=str(TINY))
    ap.add_argument("--side", default="red", choices=["red", "blue"])
    ap.add_argument("--opponent", default="random", help="built-in bot or package.module:Class")
    ap.add_argument("--reward", default="rand+0.2*losses")
    ap.add_argument("--minutes", type=float, default=3.0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--eval-games", type=int, default=20)
    ap.add_argument("--out", default=str(HERE / "policy.zip"))
    args = ap.parse_args()

    import torch
    from sb3_contrib import MaskablePPO
    from stable_baselines3.common.callbacks import BaseCallback

    torch.set_num_threads(1)

    class Deadline(BaseCallback):
        def __init__(self, seconds: float):
            super().__init__()
            self.end = time.monotonic() + seconds

        def _on_step(self) -> bool:
            return time.monotonic() < self.end

    def make():
        return gym_env(args.scenario, side=args.side, opponent=args.opponent, reward=args.reward, max_steps=2000)

    env = make()
    model = MaskablePPO("MultiInputPolicy", env, n_steps=512, batch_size=128, learning_rate=3e-4, gamma=0.995,
                        ent_coef=0.01, seed=args.seed, device="cpu", verbose=0,
                        policy_kwargs={"net_arch": [128, 128]})
    t0 = time.monotonic()
    model.learn(total_timesteps=10**9, callback=Deadline(args.minutes * 60))
    took = time.monotonic() - t0
    out = Path(args.out)
    model.save(str(out))
    out.with_suffix(".spec.json").write_text(json.dumps(env.session.spec.to_dict(), indent=1), encoding="utf-8")
    print(
        f"trained {model.num_timesteps} steps in {took / 60:.1f} min ({model.num_timesteps / took:.0f} steps/s); saved "
        f"{out}"
    )

    rng = np.random.default_rng(args.seed)
    test = make()
    policy = evaluate(
        test, lambda o, m: int(model.predict(o, action_masks=m, deterministic=True)[0]), args.eval_games, 10_000
    )
    random = evaluate(test, lambda o, m: int(rng.choice(np.flatnonzero(m))), args.eval_games, 10_000)
    print(
        f"over {args.eval_games} seeded games against {args.opponent}: policy mean return {policy[0]:+.3f}, "
        f"wins {policy[1]:.0%}; random masked agent {random[0]:+.3f}, wins {random[1]:.0%}"
    )


if __name__ == "__main__":
    main()
