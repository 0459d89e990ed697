"""Position: everything the rules read and change, as one value that copies exactly at any point.

A position is the ground (scenario, board, tables, the board's index: shared by every copy, never
changed), the `State`, the random stream, the rules' cache of facts about the state, the event sink,
and the phase being resolved as plain data (`Step`). Every rule is a function of a position
(docs/architecture.md, "Position"); `wargame.game.Game` is a thin layer over one for staging,
submitting, viewing, recording and the umpire.

Resolving a phase is a generator (`rules.sequence.resolve`) that yields a `Chance` for every random
outcome and is sent the outcome that stands. The generator is only a cache: the `Step` keeps the
phase's inputs (side, staged plan), the state when it began and the outcomes taken so far, so
`copy()` in mid-phase rebuilds its own generator from that data (it re-runs this phase up to the
pending chance, feeding the outcomes instead of rolling) -- never the whole game.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from wargame import events as ev
from wargame.hexgrid import Hex, parse_hex_id
from wargame.model.scenario import Scenario
from wargame.model.units import Side, Unit
from wargame.orders import Airlift, AirMission, Attack, Demolish
from wargame.rules.index import BoardIndex, allowed_hexes, index_for
from wargame.rules.legality import Plan
from wargame.rules.sequence import PHASES
from wargame.rules.state import State
from wargame.rules.umpire import Chance, KeyedDie

Resolution = Generator[Chance, tuple[int, str], None]
Outcome = tuple[int, str]  # (die, result) that stands
T = TypeVar("T")


@dataclass(frozen=True)
class Ground:
    """What never changes in a game, worked out once and shared by every copy (do not change it)."""

    scenario: Scenario
    index: BoardIndex
    allowed_mask: dict[Side, bytearray]  # hexes each side may enter (ints) ...
    allowed: dict[Side, frozenset[Hex]]  # ... and as hexes
    city_at: dict[int, Any]  # hex int -> the city there
    outskirts_at: dict[int, list[str]]  # hex int -> the measure cities whose outskirts it is part of
    # facts worked out from the ground and the tables alone (a side's supply sources): key -> (tables, fact)
    facts: dict[Any, tuple[Any, Any]] = field(default_factory=dict, compare=False)

    @staticmethod
    def of(scenario: Scenario) -> Ground:
        if scenario.tables is None:
            raise ValueError("the scenario has no rules tables loaded")
        ix = index_for(scenario.board, scenario.tables)
        mask: dict[Side, bytearray] = {}
        allowed: dict[Side, frozenset[Hex]] = {}
        for s in Side:
            mask[s], allowed[s] = allowed_hexes(ix, scenario, s)
        from wargame.rules.victory import places

        city_at, outskirts_at = places(ix, scenario)
        return Ground(scenario, ix, mask, allowed, city_at, outskirts_at)


@dataclass
class Step:
    """The phase being resolved, as data: who committed which plan, whether to stop at each chance
    (an umpire rules on it), and -- when it stops -- the state, changed hexes and event count when
    the phase began and the outcomes that have stood since, in order."""

    side: Side
    plan: Plan  # committed: never changed again
    stop: bool
    start: State | None = None
    start_changed: frozenset[int] = frozenset()
    start_events: int = 0
    taken: list[Outcome] = field(default_factory=list)
    key: int = 0  # the phase's dice key, drawn from the game's stream when the phase began
    seen: dict[str, int] = field(default_factory=dict)  # chances rolled so far this phase, by site


def site(order: Any) -> str:
    """What a chance decides, for its dice key: the hex fought over or flown over, the bridge, the
    landing; the order itself otherwise. Not the attackers or the sorties, so the same fight rolls
    the same die whoever joins it."""
    if isinstance(order, Attack):
        return order.target
    if isinstance(order, AirMission):
        return f"{order.mission}@{order.target}"
    if isinstance(order, Demolish):
        return f"{order.unit}>{order.across}"
    if isinstance(order, Airlift):
        return f"{order.unit}>{order.to}"
    return repr(order)


class Position:
    """The game as the rules see it. Build one with `Position.start(scenario, seed)`; `copy()` it."""

    # --- building and copying --------------------------------------------------------------------------

    def __init__(self, ground: Ground, state: State, rng: random.Random, events: list[ev.Event]):
        self._ground(ground)
        self.state = state
        self.rng = rng
        self.events = events  # the sink every rule emits into
        self.cache: dict[Any, Any] = {}  # facts about the state, keyed by (fact, side) or a rule's name
        self.changed: set[int] = set()  # hexes units entered since `after_moves` last looked
        self.step: Step | None = None
        self.pending: Chance | None = None  # a chance waiting for its outcome (with the one rolled)
        self._proc: Resolution | None = None  # the running resolution of `step` (derived from it)

    def _ground(self, g: Ground) -> None:
        self.ground = g
        self.scenario = g.scenario
        self.board = g.scenario.board
        tables = g.scenario.tables
        assert tables is not None  # Ground.of refuses a scenario without tables
        self.tables = tables
        self.index = g.index
        self.terrain = g.index  # the per-board costs, by their first name
        self.allowed_mask = g.allowed_mask
        self.allowed = g.allowed
        self.city_at = g.city_at
        self.outskirts_at = g.outskirts_at

    def change_scenario(self, scenario: Scenario) -> None:
        """Play on under changed scenario terms (a seminar inject opening a border): this position
        gets ground of its own; copies made before keep theirs. Cached facts are forgotten."""
        self._ground(Ground.of(scenario))
        self.invalidate()

    @classmethod
    def start(cls, scenario: Scenario, seed: int = 0) -> Position:
        """The position at H-hour: units set up, the schedule and first entrenchment, the first phase."""
        from wargame.rules import arrivals, sequence, victory

        p = cls(Ground.of(scenario), State(units={u.id: u.copy() for u in scenario.units}), random.Random(seed), [])
        ix = p.index
        for u in p.state.units.values():
            if u.hex is not None:
                if u.hex not in ix.idx or not ix.is_land[ix.idx[u.hex]]:
                    raise ValueError(f"{u.id} starts off the board or on water")
                p._put(u, ix.idx[u.hex])
        p.state.arrival = arrivals.schedule(p)
        p.state.entrench = arrivals.initial_entrenchment(p)
        p.state.control = victory.initial_control(p)
        sequence.start_turn(p)
        sequence.start_phase(p)
        return p

    def copy(self) -> Position:
        """An independent copy: the same state, random stream and events, its own from here on. In
        mid-phase the copy re-runs this phase from its start with the outcomes taken so far (no roll),
        so it stops at the same chance, with the same proposal."""
        rng = random.Random()
        rng.setstate(self.rng.getstate())
        step = self.step
        if step is None or self._proc is None:
            p = Position(self.ground, self.state.copy(), rng, list(self.events))
            p.tables = self.tables
            p.changed = set(self.changed)
            return p
        if step.start is None:
            raise ValueError("a position resolving a phase without stopping cannot be copied mid-phase")
        p = Position(self.ground, step.start.copy(), rng, [])  # the events re-emitted here are dropped
        p.tables = self.tables
        p.changed = set(step.start_changed)
        p.step = Step(
            step.side, step.plan, True, step.start, step.start_changed, step.start_events, key=step.key,
            seen=dict(step.seen),
        )
        from wargame.rules.sequence import resolve

        p._proc = resolve(p, step.side, step.plan)
        chance = next(p._proc)
        for outcome in step.taken:
            p.step.taken.append(outcome)
            chance = p._proc.send(outcome)
        assert self.pending is not None  # a stopping step is only ever paused at a chance
        chance.die, chance.proposed = self.pending.die, self.pending.proposed
        p.pending = chance
        p.events = list(self.events)
        p.changed = set(self.changed)
        return p

    # --- resolving a phase, one chance at a time ------------------------------------------------------

    def resolve(self, side: Side, plan: Plan, stop: bool = False) -> None:
        """Carry out `side`'s committed plan for this phase; with `stop`, pause at every chance
        (`pending`, with the outcome rolled) until `settle` is given the outcome that stands."""
        from wargame.rules.sequence import resolve

        step = Step(side, plan, stop, key=self.rng.getrandbits(64))
        if stop:
            step.start, step.start_changed, step.start_events = self.state.copy(), frozenset(self.changed), len(
                self.events
            )
        self.step = step
        self._proc = resolve(self, side, plan)
        self._run(None)

    def settle(self, outcome: Outcome) -> None:
        """The outcome that stands for the pending chance (as rolled, re-rolled or replaced); run on."""
        if self.pending is None or self.step is None:
            raise ValueError("no chance is waiting for its outcome")
        self.pending = None
        self.step.taken.append(outcome)
        self._run(outcome)

    def _run(self, value: Outcome | None) -> None:
        from wargame.rules.sequence import next_phase

        proc = self._proc
        assert proc is not None and self.step is not None
        while True:
            try:
                chance = next(proc) if value is None else proc.send(value)
            except StopIteration:
                self._proc = self.step = None
                next_phase(self)
                return
            chance.die, chance.proposed = chance.sample(self.dice(chance))
            if self.step.stop:
                self.pending = chance
                return
            value = (chance.die, chance.proposed)

    def dice(self, chance: Chance) -> KeyedDie:
        """The die for `chance`: a stream of its own, keyed by the phase's key, what is decided
        (`site`) and how many chances of that site this phase rolled before it. The game's stream
        gives one key a phase, whatever happens in it, so two games on one seed roll the same die
        for the same fight in the same phase however their other orders differ (common random
        numbers: docs/architecture.md, "Dice")."""
        step = self.step
        assert step is not None
        k = f"{chance.kind}:{site(chance.order)}"
        n = step.seen.get(k, 0)
        step.seen[k] = n + 1
        return KeyedDie(f"{step.key}:{k}:{n}")

    def ground_fact(self, key: Any, make: Callable[[], T]) -> T:
        """A fact that follows from the ground and this position's tables alone, worked out on first
        use (`make`) and shared by every copy of the game and every game believed from it."""
        got = self.ground.facts.get(key)
        if got is None or got[0] is not self.tables:
            got = self.ground.facts[key] = (self.tables, make())
        return got[1]

    # --- the clock ------------------------------------------------------------------------------------

    @property
    def phase(self) -> str:
        return "over" if self.state.over else PHASES[self.state.phase_index][0]

    @property
    def active_side(self) -> Side | None:  # asked at every question a bot puts
        return None if self.state.over else PHASES[self.state.phase_index][1]

    @property
    def over(self) -> bool:
        return self.state.over

    @property
    def hour(self) -> int:
        """Hours since H-hour at the start of this turn."""
        return self.scenario.clock.hour(self.state.turn)

    @property
    def night(self) -> bool:
        return bool(self.scenario.parameters.get("night", True)) and self.scenario.clock.is_night(self.state.turn)

    # --- reading the board ----------------------------------------------------------------------------

    def hid(self, h: Hex) -> str:
        return self.board.hex_id(h)

    def parse(self, text: str) -> Hex:
        return parse_hex_id(text)

    def units_of(self, side: Side) -> Iterable[Unit]:
        """`side`'s units on the board, in scenario order."""
        st = self.state
        pos = st.pos
        return (u for u in st.units.values() if u.side is side and u.id in pos)

    def units_at(self, h: Hex) -> list[Unit]:
        i = self.index.idx.get(h)
        return [self.state.units[u] for u in self.state.at.get(i, ())] if i is not None else []

    def emit(self, e: ev.Event) -> None:
        self.events.append(e)

    # --- the changes of state every rule makes ------------------------------------------------------

    def _put(self, u: Unit, i: int) -> None:
        st = self.state
        lst = st.at.setdefault(i, [])
        lst.append(u.id)
        lst.sort()
        st.pos[u.id] = i
        u.hex = self.index.hexes[i]

    def place(self, u: Unit, h: Hex | int | None) -> None:
        """Put a unit in a hex (a Hex or a hex int), or take it off the board (None)."""
        st = self.state
        old = st.pos.pop(u.id, None)
        if old is not None:
            lst = st.at[old]
            lst.remove(u.id)
            if not lst:
                del st.at[old]
        u.hex = None
        st.entered.pop(u.id, None)
        if h is not None:
            i = h if isinstance(h, int) else self.index.idx[h]
            self._put(u, i)
            self.changed.add(i)
            st.entered[u.id] = st.now
        cache = self.cache
        new = None if h is None else st.pos[u.id]
        # the side's units per hex and occupied hexes, brought up to date (copies: a caller may hold
        # the old ones) instead of rebuilt from every hex on the next question
        stack = cache.get(("stack", u.side))
        if stack is not None:
            stack = dict(stack)
            if old is not None:
                if stack.get(old, 0) <= 1:
                    stack.pop(old, None)
                else:
                    stack[old] -= 1
            if new is not None:
                stack[new] = stack.get(new, 0) + 1
            cache[("stack", u.side)] = stack
        occ = cache.get(("occ", u.side))
        if occ is not None:
            gone = {old} if old is not None and old not in st.at else set()
            cache[("occ", u.side)] = (occ - gone) | ({new} if new is not None else set())
        cache.pop(("zoc", u.side), None)
        cache.pop(("cover", u.side), None)  # where the side sees
        for s in Side:
            cache.pop(("known", s), None)  # what either side sees may have changed
            cache.pop(("supply", s), None)  # and the lines of communication
        cache.pop("reach", None)  # every search of reachable hexes

    def forget_routes(self) -> None:
        """Forget every search of reachable hexes and supply (after a bridge went down or up)."""
        self.cache.pop("reach", None)
        for s in Side:
            self.cache.pop(("supply", s), None)

    def lose_step(self, u: Unit, cause: str) -> list[ev.Event]:
        st = self.state
        u.steps -= 1
        st.losses[u.side] += 1
        out: list[ev.Event] = [ev.StepLost(u.id, u.name, u.side.value, u.steps, cause)]
        if u.steps <= 0:
            where = self.index.ids[st.pos[u.id]] if u.id in st.pos else "-"
            self.place(u, None)
            st.entrench.pop(u.id, None)
            st.fallback.pop(u.id, None)
            st.out_of_supply.pop(u.id, None)
            out.append(ev.Destroyed(u.id, u.name, u.side.value, where, cause))
        return out

    def lose_steps(self, u: Unit, n: int, cause: str) -> list[ev.Event]:
        out: list[ev.Event] = []
        for _ in range(n):
            if u.alive:
                out += self.lose_step(u, cause)
        return out

    def after_moves(self) -> list[ev.Event]:
        """Cities change hands and the measure is taken in the hexes units entered since last asked."""
        from wargame.rules.victory import after_moves

        changed, self.changed = self.changed, set()
        return after_moves(self, changed)

    def invalidate(self) -> None:
        """Forget every cached fact (after the state was replaced or edited from outside the rules)."""
        self.cache.clear()
        self.changed = set()

    # --- cached facts of the state (ints) -------------------------------------------------------------

    def zoc_ints(self, side: Side) -> frozenset[int]:
        z = self.cache.get(("zoc", side))
        if z is None:
            from wargame.rules.zoc import zoc_of

            z = self.cache[("zoc", side)] = zoc_of(self, side)
        return z

    def known_enemy_ints(self, side: Side) -> tuple[frozenset[int], frozenset[int]]:
        """(zone of control, occupied hexes) of the enemy units `side` sees now: what a move it plans
        can count on. Units out of sight are found only by running into them (`rules.sequence`)."""
        st = self.state
        stamp = (st.turn, st.phase_index, len(st.seen_by_air[side]))
        got = self.cache.get(("known", side))
        if got is not None and got[0] == stamp:
            return got[1], got[2]
        from wargame.rules.fog import coverage
        from wargame.rules.zoc import zoc_of

        seen = coverage(self, side)
        out = (zoc_of(self, side.other, seen), self.occupied_ints(side.other) & seen)
        self.cache[("known", side)] = (stamp, *out)
        return out

    def occupied_ints(self, side: Side) -> frozenset[int]:
        o = self.cache.get(("occ", side))
        if o is None:
            st = self.state
            o = self.cache[("occ", side)] = frozenset(h for h, ids in st.at.items() if st.units[ids[0]].side is side)
        return o

    def stack_ints(self, side: Side) -> dict[int, int]:
        s = self.cache.get(("stack", side))
        if s is None:
            st = self.state
            s = self.cache[("stack", side)] = {h: len(ids) for h, ids in st.at.items() if st.units[ids[0]].side is side}
        return s
