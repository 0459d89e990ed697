"""A trained policy as a bot: it plays a phase as the env would, action by action, through the same
`Planner` and `Encoder`, from the `View` and `Oracle` every bot gets (docs/architecture.md, rule 2), so it can play
in the TUI and in `wargame batch` like any `package.module:Class` bot.

    class MyPolicyBot(PolicyBot):
        def choose(self, obs, mask) -> int: ...          # an action index the mask allows

The layout the policy was trained with (`Spec`, saved beside the policy as JSON) fixes the action
indices; a scenario whose units do not fit it is refused with a plain message.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from wargame.model.units import Side
from wargame.orders import Order
from wargame.rules.fog import View

from .layout import END, ActionLayout, Spec
from .observe import Encoder, encode
from .planner import Planner


class PolicyBot:
    name = "policy"

    def __init__(self, side: Side, seed: int, spec: Spec | None = None):
        self.side = side
        self.rng = np.random.default_rng(seed)
        self.spec = spec
        self._layout: ActionLayout | None = None
        self._encoder: Encoder | None = None

    def choose(self, obs: dict[str, np.ndarray], mask: np.ndarray) -> int:
        """The action to take (override). The default: uniformly among the legal ones."""
        return int(self.rng.choice(np.flatnonzero(mask)))

    def _setup(self, view: View, oracle: Any) -> None:
        if self.spec is None:
            raise ValueError("the policy bot has no action layout (Spec): give the one the policy was trained with")
        mine = set(self.spec.slots[self.side.value])
        here = {u.id for u in view.own} | {i for i, _ in view.arriving}
        if not here <= mine:
            extra = ", ".join(sorted(here - mine)[:5])
            raise ValueError(
                f"the policy was trained on scenario {self.spec.scenario!r}; units {extra} are not in its layout"
            )
        self._layout = ActionLayout(self.spec, oracle.terrain)
        self._encoder = Encoder(self._layout, self.side, oracle.allowed, tuple(oracle.measure_cities))

    def orders(self, view: View, oracle: Any) -> list[Order]:
        if self._layout is None or self._encoder is None:
            self._setup(view, oracle)
        assert self._layout is not None and self._encoder is not None  # _setup builds both or raises
        planner = Planner(self._layout, self.side, view, oracle)
        budget = 4 * self._layout.S + 200  # a policy that never ends its phase is cut off here
        for _ in range(budget):
            mask = planner.mask
            a = int(self.choose(encode(self._encoder, view, planner), mask.astype(bool)))
            if a == END or not planner.apply(a):
                break
        planner.finish()
        return list(planner.orders)
