"""Observations: what one side sees, as arrays (built from its `View` only; fog of war holds).

    {"observation": float32 (C, rows, cols)   hex planes on the board's offset grid, in [0, 1]
     "globals":     float32 (G,)              clock, phase, sorties, losses seen, the measure
     "units":       float32 (S, F)            one row per unit slot of the action layout
     "action_mask": int8 (n,)}                (PettingZoo only; Gymnasium: `action_masks()`)

The planes are listed in `PLANES` (docs/env.md explains each). The `supply` plane holds, at each
hex with own units, 1 when they are in supply and 1 - turns out of supply / 4 (at least 0) when not.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from wargame.hexgrid import DIRECTIONS, hexside, to_offset
from wargame.model.board import TERRAINS
from wargame.model.units import Side
from wargame.rules.fog import View

from .layout import ActionLayout

#: unit categories grouped for the "units by type" planes
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("armour", ("armour",)),
    ("mechanised", ("mechanised", "motor_rifle", "motorised_infantry", "wheeled")),
    ("infantry", ("infantry", "light_infantry", "airborne", "air_assault", "special_forces", "territorial")),
    ("recon", ("recon",)),
    ("fires", ("artillery", "rocket_artillery")),
    ("air_defence", ("air_defence",)),
    ("headquarters", ("headquarters",)),
)
GROUP_OF = {c: i for i, (_, cats) in enumerate(GROUPS) for c in cats}

STATIC = ([f"terrain_{t}" for t in TERRAINS] + [f"river_{d}" for d in range(6)] + [f"road_{d}" for d in range(6)]
          + ["allowed", "city", "objective", "measure_outskirts"])
DYNAMIC = ([f"own_{g}" for g, _ in GROUPS] + ["own_attack", "own_defence", "own_ordered"]
           + [f"enemy_{g}" for g, _ in GROUPS] + ["enemy_attack", "enemy_defence"]
           + ["seen", "control_own", "control_enemy", "planned", "night", "elapsed", "supply"])
PLANES: tuple[str, ...] = tuple(STATIC + DYNAMIC)
GLOBALS: tuple[str, ...] = (
    "turn", "night", "phase_air", "phase_movement", "phase_combat", "my_phase", "sorties_left",
    "own_steps", "own_arriving", "enemy_seen_steps", "measure_reached", "measure_cities_reached",
    "over", "planned_orders")
UNIT_FEATURES: tuple[str, ...] = ("on_board", "col", "row", "steps", "attack", "defence", "movement",
                                  "fire", "ordered") + tuple(f"is_{g}" for g, _ in GROUPS)


class Encoder:
    """Arrays for one side on one board (static planes built once)."""

    def __init__(self, layout: ActionLayout, side: Side, allowed: frozenset, measure_cities: tuple[str, ...]):
        self.layout = layout
        self.spec = layout.spec
        self.side = side
        ix = layout.index
        board = ix.board
        self.rows, self.cols = board.rows, board.cols
        self.measure_cities = tuple(measure_cities)
        self.cell = np.array([to_offset(h)[::-1] for h in ix.hexes], dtype=np.int64)  # (row, col) per hex int
        self.flat = self.cell[:, 0] * self.cols + self.cell[:, 1]
        self.shape = (len(PLANES), self.rows, self.cols)
        st = np.zeros((len(STATIC), self.rows * self.cols), dtype=np.float32)
        p = {name: i for i, name in enumerate(STATIC)}
        for i, h in enumerate(ix.hexes):
            f = self.flat[i]
            st[p[f"terrain_{ix.terrain[i]}"], f] = 1.0
            for d, step in enumerate(DIRECTIONS):
                n = h + step
                if n not in ix.idx:
                    continue
                side_ = hexside(h, n)
                r = board.rivers.get(side_)
                if r is not None:
                    st[p[f"river_{d}"], f] = 1.0 if r.cls == "major" else 0.5
                kinds = board.roads.get(side_)
                if kinds:
                    st[p[f"road_{d}"], f] = 1.0 if "road" in kinds else 0.5
            if h in allowed:
                st[p["allowed"], f] = 1.0
        for h, c in board.cities.items():
            if h in ix.idx:
                f = self.flat[ix.idx[h]]
                st[p["city"], f] = 1.0
                st[p["objective"], f] = 1.0 if (c.objective or c.capital) else 0.0
        for name in self.measure_cities:
            for h in board.outskirts.get(name, ()):
                if h in ix.idx:
                    st[p["measure_outskirts"], self.flat[ix.idx[h]]] = 1.0
        self.static = st.reshape(len(STATIC), self.rows, self.cols)
        self.d = {name: len(STATIC) + i for i, name in enumerate(DYNAMIC)}
        self.city_cells = {c.name: self.flat[ix.idx[h]] for h, c in board.cities.items() if h in ix.idx}
        self._base_view: View | None = None
        self._base = self.static

    # --- the arrays ---------------------------------------------------------------------------------

    def planes(self, view: View, planned: dict[int, int], ordered: set[str]) -> np.ndarray:
        """The hex planes: those of the view are built once per view, then copied and the plan added."""
        if self._base_view is not view:
            self._base = self._view_planes(view)
            self._base_view = view
        out = self._base.copy()
        if planned or ordered:
            flat = out.reshape(len(PLANES), -1)
            d = self.d
            ix = self.layout.index
            cap = float(self.spec.stacking)
            for u in view.own:
                if u.id in ordered and u.hex is not None:
                    f = self.flat[ix.idx[u.hex]]
                    flat[d["own_ordered"], f] = min(1.0, flat[d["own_ordered"], f] + 1.0 / cap)
            for t, n in planned.items():
                flat[d["planned"], self.flat[t]] = min(1.0, n / cap)
        return out

    def _view_planes(self, view: View) -> np.ndarray:
        spec = self.spec
        out = np.zeros(self.shape, dtype=np.float32)
        out[: len(STATIC)] = self.static
        flat = out.reshape(len(PLANES), -1)
        d = self.d
        ix = self.layout.index
        cap = float(spec.stacking)
        for units, prefix in ((view.own, "own"), (view.enemy, "enemy")):
            for u in units:
                if u.hex is None:
                    continue
                f = self.flat[ix.idx[u.hex]]
                g = GROUP_OF.get(u.type.category, 2)
                flat[d[f"{prefix}_{GROUPS[g][0]}"], f] += u.steps / (spec.max_steps * cap)
                flat[d[f"{prefix}_attack"], f] += u.attack / (spec.max_attack * cap)
                flat[d[f"{prefix}_defence"], f] += u.defence / (spec.max_defence * cap)
        if view.seen:
            flat[d["seen"], [self.flat[ix.idx[h]] for h in view.seen if h in ix.idx]] = 1.0
        me = self.side.value
        for name, holder in view.control.items():
            f = self.city_cells.get(name)
            if f is not None:
                flat[d["control_own" if holder == me else "control_enemy"], f] = 1.0
        oos = view.out_of_supply
        for u in view.own:
            if u.hex is not None:  # 1 in supply, less the longer the unit has been cut off (docs/rules.md, Supply)
                f = self.flat[ix.idx[u.hex]]
                flat[d["supply"], f] = max(flat[d["supply"], f], max(0.0, 1.0 - oos.get(u.id, 0) / 4))
        flat[d["night"]] = 1.0 if view.night else 0.0
        flat[d["elapsed"]] = min(1.0, (view.turn - 1) / max(1, spec.length_turns))
        dyn = out[len(STATIC):]
        np.minimum(dyn, 1.0, out=dyn)
        return out

    def globals(self, view: View, n_planned: int) -> np.ndarray:
        spec = self.spec
        me = self.side.value
        other = self.side.other.value
        own_steps = sum(u.steps for u in view.own)
        arriving = len(view.arriving) / max(1, len(spec.slots[me]))
        reached = [h for c, h in view.measure.items()]
        v = [
            min(1.0, view.turn / max(1, spec.length_turns)), float(view.night),
            float(view.phase == "air"), float(view.phase == "movement"), float(view.phase == "combat"),
            float(view.active_side is self.side), min(1.0, view.sorties / spec.max_sorties),
            own_steps / spec.total_steps[me], arriving,
            min(1.0, sum(u.steps for u in view.enemy) / spec.total_steps[other]),
            min(1.0, min(reached) / (spec.length_turns * spec.turn_hours)) if reached else 0.0,
            len(reached) / max(1, len(self.measure_cities)),
            float(view.over), min(1.0, n_planned / max(1, len(spec.slots[me]))),
        ]
        return np.asarray(v, dtype=np.float32)

    def units(self, view: View, ordered: set[str]) -> np.ndarray:
        spec = self.spec
        out = np.zeros((self.layout.S, len(UNIT_FEATURES)), dtype=np.float32)
        slot = self.layout.slot_of
        for u in view.own:
            if u.hex is None:
                continue
            r, c = self.cell[self.layout.index.idx[u.hex]]
            g = GROUP_OF.get(u.type.category, 2)
            row = out[slot[u.id]]
            row[:9] = (1.0, c / max(1, self.cols - 1), r / max(1, self.rows - 1), u.steps / spec.max_steps,
                       u.attack / spec.max_attack, u.defence / spec.max_defence,
                       min(1.0, u.type.movement / max(1, spec.radius)), float(u.type.support > 0),
                       float(u.id in ordered))
            row[9 + g] = 1.0
        return out

    def spaces(self) -> dict[str, Any]:
        """The gymnasium spaces of these arrays (imported here: only the env needs gymnasium)."""
        from gymnasium import spaces

        return {
            "observation": spaces.Box(0.0, 1.0, self.shape, dtype=np.float32),
            "globals": spaces.Box(0.0, 1.0, (len(GLOBALS),), dtype=np.float32),
            "units": spaces.Box(0.0, 1.0, (self.layout.S, len(UNIT_FEATURES)), dtype=np.float32),
        }


def encode(encoder: Encoder, view: View, planner: Any | None) -> dict[str, np.ndarray]:
    """The observation of `view`'s side, with what its `planner` has planned this phase (or None)."""
    planned = planner.planned_targets() if planner is not None else {}
    ordered = planner.done if planner is not None else set()
    return {"observation": encoder.planes(view, planned, ordered),
            "globals": encoder.globals(view, len(ordered)),
            "units": encoder.units(view, ordered)}
