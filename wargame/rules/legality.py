"""Is an order legal now? Plain reasons for players and bots, and the staging plan of a phase.

Each check takes the game and, optionally, the `Plan` of orders already staged this phase, so an
order is judged against them too: a unit moves once, ends where the stacking limit (counting the
other staged moves) allows, attacks once; a fire unit fires once; a hex is attacked once; the
sorties asked stay within the pool. O(path length) for a move, O(units named) for an attack.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from wargame.model.units import Side
from wargame.orders import AIR_KINDS, Airlift, AirMission, Attack, Demolish, Fallback, Move, Order
from wargame.rules import fires
from wargame.rules.movement import check_path, path_to, reachable

if TYPE_CHECKING:
    from wargame.rules.position import Position

PHASE_OF = {
    Move: "movement",
    Fallback: "movement",
    Demolish: "movement",
    Airlift: "movement",
    Attack: "combat",
    AirMission: "air",
}


@dataclass
class Plan:
    """The orders staged in one phase, and what they commit between them."""

    side: Side
    turn: int
    phase_index: int
    orders: list[Order] = field(default_factory=list)
    paths: list[tuple[list[int], int] | None] = field(default_factory=list)  # a Move's path (ints) and MP
    moved: dict[str, int] = field(default_factory=dict)           # unit -> destination
    stack_delta: dict[int, int] = field(default_factory=dict)
    attackers: set[str] = field(default_factory=set)
    support: set[str] = field(default_factory=set)
    targets: set[int] = field(default_factory=set)
    sorties: int = 0
    fallbacks: set[str] = field(default_factory=set)
    demolishers: set[str] = field(default_factory=set)
    lifted: int = 0  # air-mobile moves staged
    _stack: dict[int, int] | None = None

    def stack(self, game: Position) -> dict[int, int]:
        """Own units per hex once the staged moves are made (do not change it)."""
        if not self.stack_delta:
            return game.stack_ints(self.side)
        if self._stack is None:
            out = dict(game.stack_ints(self.side))
            for h, d in self.stack_delta.items():
                out[h] = out.get(h, 0) + d
            self._stack = out
        return self._stack

    def add(self, game: Position, order: Order, info: Any) -> None:
        self.orders.append(order)
        self.paths.append(info if isinstance(order, Move) else None)
        if isinstance(order, Move):
            start = game.state.pos[order.unit]
            dest = info[0][-1]
            self.moved[order.unit] = dest
            self.stack_delta[start] = self.stack_delta.get(start, 0) - 1
            self.stack_delta[dest] = self.stack_delta.get(dest, 0) + 1
            if self._stack is not None:
                self._stack[start] = self._stack.get(start, 0) - 1
                self._stack[dest] = self._stack.get(dest, 0) + 1
        elif isinstance(order, Attack):
            self.attackers.update(order.attackers)
            self.support.update(order.support)
            self.targets.add(game.index.idx[game.parse(order.target)])
            self.sorties += order.cas
        elif isinstance(order, AirMission):
            self.sorties += order.sorties
        elif isinstance(order, Fallback):
            self.fallbacks.add(order.unit)
        elif isinstance(order, Demolish):
            self.demolishers.add(order.unit)
        elif isinstance(order, Airlift):
            start = game.state.pos[order.unit]
            dest = game.index.of_id[order.to]
            self.moved[order.unit] = dest
            self.lifted += 1
            self.stack_delta[start] = self.stack_delta.get(start, 0) - 1
            self.stack_delta[dest] = self.stack_delta.get(dest, 0) + 1
            if self._stack is not None:
                self._stack[start] = self._stack.get(start, 0) - 1
                self._stack[dest] = self._stack.get(dest, 0) + 1


def check(game: Position, side: Side, order: Order, plan: Plan | None = None) -> tuple[str | None, Any]:
    """(None, info) if `side` may give `order` now (info: a Move's path as ints and its MP), else
    (reason, None)."""
    if game.over:
        return "the game is over", None
    if game.pending is not None:
        return "a result is waiting for the umpire (decide it first)", None
    active = game.active_side
    if side is not active or active is None:
        return f"it is {active.value if active else 'nobody'}'s {game.phase} phase", None
    want = PHASE_OF.get(type(order))
    if want is None:
        return f"unknown order {order!r}", None
    if want != game.phase:
        what = {
            "movement": "units move (and set fallbacks)",
            "combat": "attacks are made",
            "air": "air missions are tasked",
        }[want]
        return f"{what} only in the {want} phase (this is the {game.phase} phase)", None
    try:
        if isinstance(order, Move):
            return move_problem(game, side, order, plan)
        if isinstance(order, Attack):
            return attack_problem(game, side, order, plan), None
        if isinstance(order, AirMission):
            return air_problem(game, side, order, plan), None
        if isinstance(order, Airlift):
            from wargame.rules import airmobile

            moving = set(plan.moved) | plan.demolishers if plan is not None else set()
            stack = plan.stack(game) if plan is not None else game.stack_ints(side)
            return airmobile.problem(game, side, order, plan.lifted if plan is not None else 0, moving, stack), None
        if isinstance(order, Demolish):
            from wargame.rules.bridges import demolish_problem

            if plan is not None and order.unit in plan.demolishers:
                return f"{order.unit} already has a demolition staged this phase", None
            return demolish_problem(game, side, order, plan.moved if plan is not None else set()), None
        return fallback_problem(game, side, order, plan), None
    except ValueError as e:  # a malformed hex id
        return str(e), None


def _hex(game: Position, text: str) -> int:
    i = game.index.of_id.get(text)
    if i is not None:
        return i
    h = game.board.parse_hex(text)  # ValueError if malformed or off the board
    return game.index.idx[h]


def move_problem(game: Position, side: Side, o: Move, plan: Plan | None = None) -> tuple[str | None, Any]:
    st = game.state
    u = st.units.get(o.unit)
    if u is None or u.side is not side:
        return f"no unit {o.unit!r} of {side.value}", None
    if not u.alive or u.id not in st.pos:
        return f"{u.name} is not on the board", None
    if u.id in st.moved:
        return f"{u.name} has already moved this phase", None
    if plan is not None and u.id in plan.moved:
        return f"{u.name} already has a move staged this phase", None
    if plan is not None and u.id in plan.demolishers:
        return f"{u.name} stays to blow a bridge this phase", None
    stack = plan.stack(game) if plan is not None else game.stack_ints(side)
    if o.path:
        path = [_hex(game, x) for x in o.path]
        if o.to and _hex(game, o.to) != path[-1]:
            return f"the path ends in {o.path[-1]}, not in {o.to}", None
        cost, why = check_path(game, u, path, stack, known=True)
        return (why, None) if why else (None, (path, cost))
    if not o.to:
        return "a move needs a path or a destination", None
    dest = _hex(game, o.to)
    best, parent = reachable(game, u, stack, known=True)
    if dest not in best:
        return f"{u.name} cannot reach {o.to} this phase", None
    return None, (path_to(parent, st.pos[u.id], dest), best[dest])


def attack_problem(game: Position, side: Side, o: Attack, plan: Plan | None = None) -> str | None:
    st = game.state
    ix = game.index
    t = _hex(game, o.target)
    if not any(st.units[i].side is not side for i in st.at.get(t, ())):
        return f"no enemy unit in {o.target}"
    if t in st.targets:
        return f"{o.target} has already been attacked this phase"
    if plan is not None and t in plan.targets:
        return f"an attack on {o.target} is already staged"
    if not o.attackers:
        return "an attack needs at least one attacking unit"
    if len(set(o.attackers)) != len(o.attackers) or len(set(o.support)) != len(o.support):
        return "a unit is named twice in the attack"
    for uid in o.attackers:
        u = st.units.get(uid)
        if u is None or u.side is not side or not u.alive or uid not in st.pos:
            return f"no unit {uid!r} of {side.value} on the board"
        if u.attack <= 0:
            return f"{u.name} has no attack strength"
        if uid in st.attacked:
            return f"{u.name} has already attacked this phase"
        if plan is not None and uid in plan.attackers:
            return f"{u.name} is already in a staged attack"
        if ix.distance(st.pos[uid], t) != 1:
            return f"{u.name} is not next to {o.target}"
    if len(o.support) > game.tables.max_support_units:
        return f"at most {game.tables.max_support_units} fire units may support one attack"
    for uid in o.support:
        u = st.units.get(uid)
        if u is None:
            return f"no unit {uid!r} of {side.value} on the board"
        why = fires.can_fire(game, u, side, t)
        if why:
            return why
        if plan is not None and uid in plan.support:
            return f"{u.name} already supports a staged attack"
    left = st.sorties[side] - (plan.sorties if plan is not None else 0)
    if o.cas < 0 or o.cas > left:
        return f"{o.cas} close-air-support sorties asked, {max(left, 0)} left this turn"
    return None


def air_problem(game: Position, side: Side, o: AirMission, plan: Plan | None = None) -> str | None:
    if o.mission not in AIR_KINDS:
        return f"unknown air mission {o.mission!r}; expected one of {', '.join(AIR_KINDS)}"
    left = game.state.sorties[side] - (plan.sorties if plan is not None else 0)
    if o.sorties <= 0 or o.sorties > left:
        return f"{o.sorties} sorties asked, {max(left, 0)} left this turn"
    if o.mission != "counter_air":
        _hex(game, o.target)
    return None


def fallback_problem(game: Position, side: Side, o: Fallback, plan: Plan | None = None) -> str | None:
    u = game.state.units.get(o.unit)
    if u is None or u.side is not side or not u.alive:
        return f"no unit {o.unit!r} of {side.value}"
    if plan is not None and o.unit in plan.fallbacks:
        return f"{u.name} already has a fallback order staged"
    if o.toward:
        h = _hex(game, o.toward)
        if not game.index.is_land[h]:
            return f"{o.toward} is not land"
    return None
