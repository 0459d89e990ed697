"""One side's phase as a sequence of actions: the legal-action mask and the orders they make.

A `Planner` sees only what a bot sees: the side's `View` and an `Oracle` (Game.reachable,
Game.legal). The env and the bot adapter both drive it, so a trained policy plays through the
same masks it learned with.

- Movement: a unit's row is `oracle.reachable(unit)` mapped to local offsets, computed once at the
  start of the phase; after each move only the stacking changes (the search is the same), so the
  mask is updated in place: the moved unit's row is cleared, a hex that reached the stacking limit
  is cleared from every row, and a full hex that was just left is offered again by asking the oracle
  again for the units near it.
- Combat: an attack on a hex is planned with its first unit and grows as units join it, support
  fires or close-air-support packets are added; every candidate is checked with `oracle.legal` on the
  attack as it would then be. Targets are only hexes where the side sees enemy units. The planned
  attacks become `Attack` orders when the phase ends.
- Air: `oracle.legal` on a packet of each mission (the target only has to be a hex on the board).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from wargame.model.units import Side
from wargame.orders import AirMission, Attack, Move, Order
from wargame.rules.fog import View

from .layout import COUNTER_AIR, END, HEX_ROWS, ActionLayout

Stage = Callable[[Order], None]


def _no_stage(order: Order) -> None:
    return None


class Planner:
    """The actions of `side` in the current phase of `view`. `stage` is called with each move or
    air order as it is chosen (the env stages it in the game); attacks come out of `finish()`."""

    def __init__(self, layout: ActionLayout, side: Side, view: View, oracle: Any, stage: Stage = _no_stage):
        self.layout = layout
        self.side = side
        self.view = view
        self.oracle = oracle
        self.stage = stage
        self.phase = view.phase if view.active_side is side and not view.over else "none"
        self.mask = np.zeros(layout.n, dtype=np.int8)
        self.orders: list[Order] = []
        self.ix = layout.index
        self.units = {u.id: u for u in view.own}
        self.pos = {u.id: self.ix.idx[u.hex] for u in view.own if u.hex is not None}
        self.slots = layout.spec.slots[side.value]
        self.left = view.sorties                   # sorties not yet spent by this plan
        self.done: set[str] = set()                # units with an order this phase
        self.stack: dict[int, int] = {}
        self.rows: dict[int, dict[int, int]] = {}  # slot -> target hex int -> action
        self.pending: dict[int, list] = {}         # target -> [attackers, support, cas]
        self.pairs: list[tuple[str, int, int, bool]] = []  # combat candidates: unit, target, action, attacks
        if self.phase == "over" or self.phase == "none":
            return
        self.mask[END] = 1
        if self.phase == "movement":
            self._start_movement()
        elif self.phase == "combat":
            self._start_combat()
        elif self.phase == "air":
            self._air_mask()

    # --- movement -----------------------------------------------------------------------------------

    def _start_movement(self) -> None:
        for h in self.pos.values():
            self.stack[h] = self.stack.get(h, 0) + 1
        for uid in self.pos:
            self._row(uid)

    def _row(self, uid: str) -> None:
        """(Re)build a unit's row from the oracle, less hexes this plan has filled."""
        lay = self.layout
        s = lay.slot_of[uid]
        old = self.rows.pop(s, None)
        if old:
            self.mask[list(old.values())] = 0
        if uid in self.done:
            return
        frm = self.pos[uid]
        row: dict[int, int] = {}
        limit = self.layout.spec.stacking
        idx = self.ix.idx
        for h in self.oracle.reachable(uid):
            t = idx[h]
            if self.stack.get(t, 0) >= limit:
                continue
            k = lay.offset(frm, t)
            if k is None:
                raise RuntimeError(f"{uid} reaches {self.ix.ids[t]}, beyond the layout radius {lay.spec.radius}")
            row[t] = lay.unit_action(s, k)
        if row:
            self.rows[s] = row
            self.mask[list(row.values())] = 1

    def _move(self, uid: str, t: int) -> None:
        order = Move(uid, to=self.ix.ids[t])
        self.stage(order)
        self.orders.append(order)
        self.done.add(uid)
        frm = self.pos[uid]
        limit = self.layout.spec.stacking
        was_full = self.stack.get(frm, 0) >= limit
        self.stack[frm] -= 1
        self.stack[t] = self.stack.get(t, 0) + 1
        self._row(uid)
        if self.stack[t] >= limit:
            for row in self.rows.values():
                a = row.pop(t, None)
                if a is not None:
                    self.mask[a] = 0
        if was_full:
            r = self.layout.spec.radius
            for other, h in self.pos.items():
                if other not in self.done and self.ix.distance(h, frm) <= r:
                    self._row(other)

    # --- combat -------------------------------------------------------------------------------------

    def _start_combat(self) -> None:
        ix = self.ix
        lay = self.layout
        enemy = {ix.idx[u.hex] for u in self.view.enemy if u.hex is not None}
        for uid, h in self.pos.items():
            u = self.units[uid]
            s = lay.slot_of[uid]
            for t in sorted(enemy):
                d = ix.distance(h, t)
                attacks = u.attack > 0 and d == 1
                fires = u.type.support > 0 and d <= u.type.range
                if not (attacks or fires):
                    continue
                if attacks and self.oracle.legal(Attack(ix.ids[t], (uid,))) is not None:
                    continue
                k = lay.offset(h, t)
                if k is not None:
                    self.pairs.append((uid, t, lay.unit_action(s, k), attacks))
        self._combat_mask()

    def _attack(self, t: int, extra: str = "", support: str = "", cas: int = 0) -> Attack:
        att, sup, c = self.pending.get(t, ((), (), 0))
        return Attack(self.ix.ids[t], tuple(att) + ((extra,) if extra else ()),
                      tuple(sup) + ((support,) if support else ()), c + cas)

    def _combat_mask(self) -> None:
        lay = self.layout
        self.mask[2:] = 0
        legal = self.oracle.legal
        for uid, t, a, attacks in self.pairs:
            if uid in self.done:
                continue
            if attacks:
                ok = t not in self.pending or legal(self._attack(t, extra=uid)) is None
            else:
                ok = t in self.pending and legal(self._attack(t, support=uid)) is None
            if ok:
                self.mask[a] = 1
        if self.left > 0:
            packet = min(self.layout.spec.packet, self.left)
            for t in self.pending:
                if legal(self._attack(t, cas=packet)) is None:
                    self.mask[lay.hex_action("cas", t)] = 1

    def _join(self, uid: str, t: int, attacks: bool) -> None:
        p = self.pending.setdefault(t, [[], [], 0])
        (p[0] if attacks else p[1]).append(uid)
        self.done.add(uid)

    # --- air ----------------------------------------------------------------------------------------

    def _air_mask(self) -> None:
        lay = self.layout
        self.mask[1:] = 0
        if self.left <= 0:
            return
        packet = min(lay.spec.packet, self.left)
        anywhere = self.ix.ids[lay.land[0]]
        if self.oracle.legal(AirMission("counter_air", "", packet)) is None:
            self.mask[COUNTER_AIR] = 1
        for row in HEX_ROWS[:-1]:
            if self.oracle.legal(AirMission(row, anywhere, packet)) is None:
                self.mask[lay.row_slice(row)] = 1

    def _fly(self, mission: str, t: int | None) -> None:
        packet = min(self.layout.spec.packet, self.left)
        order = AirMission(mission, self.ix.ids[t] if t is not None else "", packet)
        self.stage(order)
        self.orders.append(order)
        self.left -= packet
        self._air_mask()

    # --- the one entry point --------------------------------------------------------------------------

    def legal(self, action: int) -> bool:
        a = int(action)
        return 0 <= a < self.layout.n and bool(self.mask[a])

    def apply(self, action: int) -> bool:
        """Take a legal action (not END): plan its order and update the mask. Returns False, doing
        nothing, for an action the mask forbids."""
        if not self.legal(action) or int(action) == END:
            return False
        kind = self.layout.decode(action)
        if kind[0] == "counter_air":
            self._fly("counter_air", None)
        elif kind[0] == "hex" and kind[1] != "cas":
            self._fly(kind[1], kind[2])
        elif kind[0] == "hex":
            packet = min(self.layout.spec.packet, self.left)
            self.pending[kind[2]][2] += packet
            self.left -= packet
            self._combat_mask()
        else:
            uid = self.slots[kind[1]]
            t = self.layout.target(self.pos[uid], kind[2])
            assert t is not None  # the mask allows only offsets that stay on the board
            if self.phase == "movement":
                self._move(uid, t)
            else:
                attacks = next(att for u, tt, _, att in self.pairs if u == uid and tt == t)
                self._join(uid, t, attacks)
                self._combat_mask()
        return True

    def finish(self) -> list[Order]:
        """The phase's orders still to stage when it ends: the planned attacks, in the order planned."""
        out: list[Order] = [Attack(self.ix.ids[t], tuple(a), tuple(s), c) for t, (a, s, c) in self.pending.items()]
        self.orders += out
        self.mask[:] = 0
        return out

    def planned_targets(self) -> dict[int, int]:
        """Hex int -> units planned to attack or move there (for observations)."""
        out: dict[int, int] = {}
        for t, (a, _s, _) in self.pending.items():
            out[t] = len(a)
        for o in self.orders:
            if isinstance(o, Move):
                t = self.ix.of_id[o.to]
                out[t] = out.get(t, 0) + 1
        return out

    def copy(self, oracle: Any, stage: Stage) -> Planner:
        """An independent copy over another game's oracle (Env.clone)."""
        p = Planner.__new__(Planner)
        p.__dict__.update(self.__dict__)
        p.oracle, p.stage = oracle, stage
        p.mask = self.mask.copy()
        p.orders, p.done, p.stack = list(self.orders), set(self.done), dict(self.stack)
        p.rows = {s: dict(r) for s, r in self.rows.items()}
        p.pending = {t: [list(a), list(s), c] for t, (a, s, c) in self.pending.items()}
        return p
