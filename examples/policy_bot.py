"""A policy trained by examples/train_maskable_ppo.py, playing as a bot.

    PYTHONPATH=. wargame play tests/fixtures/tiny/scenarios/tiny.yaml --red examples.policy_bot:MaskablePolicyBot
    PYTHONPATH=. wargame batch tests/fixtures/tiny/scenarios/tiny.yaml --games 20 \
        --red examples.policy_bot:MaskablePolicyBot

The policy is read from $WARGAME_POLICY (default examples/policy.zip), its action layout from the
JSON file beside it (policy.spec.json). Needs the `train` extra (sb3-contrib).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np

from wargame.env import Spec
from wargame.env.adapter import PolicyBot
from wargame.model.units import Side

DEFAULT = Path(__file__).resolve().parent / "policy.zip"


def spec_path(policy: Path) -> Path:
    return policy.with_suffix(".spec.json")


class MaskablePolicyBot(PolicyBot):
    name = "policy"

    def __init__(self, side: Side, seed: int):
        from sb3_contrib import MaskablePPO

        path = Path(os.environ.get("WARGAME_POLICY", DEFAULT))
        if not path.exists():
            raise ValueError(f"no trained policy at {path} (run examples/train_maskable_ppo.py, or set WARGAME_POLICY)")
        spec = Spec.from_dict(json.loads(spec_path(path).read_text(encoding="utf-8")))
        super().__init__(side, seed, spec)
        self.model = MaskablePPO.load(str(path), device="cpu")

    def choose(self, obs: dict[str, np.ndarray], mask: np.ndarray) -> int:
        action, _ = self.model.predict(obs, action_masks=mask, deterministic=True)
        return int(action)
