"""Game: the state, one seeded RNG, and the sequence of play. The one door every player uses
(the TUI, bots, replays, batch runs: docs/architecture.md, rule 2).

    game = Game(scenario, seed=7, umpire=False)
    while not game.over:
        side = game.active_side
        view = game.view(side)                     # what that side may know (fog of war)
        game.submit(side, orders_for(view))        # commit the phase; illegal orders -> OrderRejected
        while game.pending is not None:            # only with umpire=True
            game.decide(Accept())                  # or Reroll(note) / Replace(result, note)

Or stage a phase's orders one at a time, each checked against those already staged:
`game.stage(side, order) -> reason | None`, `game.staged`, `game.unstage(i)`, then `game.commit(side)`.

The turn (docs/rules.md): arrivals; Red air tasking, Blue air tasking (resolved together); Red
movement; Red combat; Blue movement; Blue combat; end of turn (victory check). The rules live in
`wargame.rules.*`; this class holds the state and the clock, and answers questions about them.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterable
from typing import Any

from wargame import events as ev
from wargame.hexgrid import Hex, parse_hex_id
from wargame.model.result import Result
from wargame.model.scenario import Scenario
from wargame.model.units import Side, Unit
from wargame.orders import Attack, Order, problem, screen
from wargame.rules import air, arrivals, combat, movement, record, sequence, victory
from wargame.rules.fog import View, make_view
from wargame.rules.index import BoardIndex, allowed_hexes, index_for
from wargame.rules.legality import Plan, check
from wargame.rules.state import State, StateChanges
from wargame.rules.umpire import Accept, Decision, Proposal, Replace, Reroll, rule  # noqa: F401 - re-exported

PHASES = sequence.PHASES
replay = record.replay

__all__ = ["Game", "PHASES", "Decision", "Accept", "Reroll", "Replace", "Proposal", "replay"]


class Game(StateChanges):
    def __init__(self, scenario: Scenario, seed: int = 0, umpire: bool = False):
        if scenario.tables is None:
            raise ValueError("the scenario has no rules tables loaded")
        self.scenario = scenario
        self.board = scenario.board
        self.tables = scenario.tables
        self.seed = seed
        self.umpire = umpire
        self.index: BoardIndex = index_for(self.board, self.tables)
        self.terrain = self.index  # the per-board costs, by their first name
        self.rng = random.Random(seed)
        ix = self.index
        self.allowed_mask: dict[Side, bytearray] = {}       # hexes each side may enter (ints) ...
        self.allowed: dict[Side, frozenset[Hex]] = {}        # ... and as hexes
        for s in Side:
            self.allowed_mask[s], self.allowed[s] = allowed_hexes(ix, scenario, s)
        self.city_at, self.outskirts_at = victory.places(self)
        self.state = State(units={u.id: u.copy() for u in scenario.units})
        self._cache: dict[Any, Any] = {}  # keyed by (fact, side) or a rule's own name
        self._changed: set[int] = set()
        for u in self.state.units.values():
            if u.hex is not None:
                if u.hex not in ix.idx or not ix.is_land[ix.idx[u.hex]]:
                    raise ValueError(f"{u.id} starts off the board or on water")
                self._put(u, ix.idx[u.hex])
        self.state.arrival = arrivals.schedule(self)
        self.state.entrench = arrivals.initial_entrenchment(self)
        self.state.control = victory.initial_control(self)
        self.events: list[ev.Event] = []
        self.log: list[dict[str, Any]] = []        # committed orders per phase, for saves and replays
        self.decisions: list[dict[str, str]] = []  # umpire rulings, in order
        self.pending: Proposal | None = None
        # the phase being resolved (stopped at `pending`)
        self._proc: sequence.Resolution | None = None
        self._plan: Plan | None = None
        self.crisis: Any = None  # the crisis before H-hour this war followed (wargame.crisis), if any
        self.reset_digest()
        sequence.start_turn(self)
        sequence.start_phase(self)

    # --- the clock and the state, read-only -----------------------------------------------------------

    turn = property(lambda self: self.state.turn)
    phase_index = property(lambda self: self.state.phase_index)
    over = property(lambda self: self.state.over)
    @property
    def result(self) -> Result | None:
        """How the game ended, None while it runs."""
        return self.state.result

    units = property(lambda self: self.state.units)
    arrival = property(lambda self: self.state.arrival, doc="unit id -> turn it is due")
    sorties = property(lambda self: self.state.sorties, doc="sorties left this turn, per side")
    control = property(lambda self: self.state.control)
    measure = property(lambda self: self.state.measure, doc="city -> hour Red reached its outskirts")
    losses = property(lambda self: self.state.losses, doc="steps lost, per side")
    suppressed = property(lambda self: self.state.suppressed)

    @property
    def phase(self) -> str:
        return "over" if self.state.over else PHASES[self.state.phase_index][0]

    @property
    def active_side(self) -> Side | None:
        return None if self.state.over else PHASES[self.state.phase_index][1]

    @property
    def hour(self) -> int:
        """Hours since H-hour at the start of this turn."""
        return self.scenario.clock.hour(self.state.turn)

    @property
    def night(self) -> bool:
        return bool(self.scenario.parameters.get("night", True)) and self.scenario.clock.is_night(self.state.turn)

    @property
    def dug_in(self) -> frozenset[str]:
        first = self.tables.entrenchment[0][0] if self.tables.entrenchment else 1 << 30
        return frozenset(i for i, n in self.state.entrench.items() if n >= first)

    @property
    def staged(self) -> tuple[Order, ...]:
        """The orders staged so far in this phase (by the active side)."""
        p = self._plan
        return tuple(p.orders) if p is not None and self._plan_is_current(p) else ()

    def hid(self, h: Hex) -> str:
        return self.board.hex_id(h)

    def parse(self, text: str) -> Hex:
        return parse_hex_id(text)

    def units_of(self, side: Side) -> Iterable[Unit]:
        """`side`'s units on the board."""
        st = self.state
        pos = st.pos
        return (u for u in st.units.values() if u.side is side and u.id in pos)  # scenario order, always

    def units_at(self, h: Hex) -> list[Unit]:
        i = self.index.idx.get(h)
        return [self.state.units[u] for u in self.state.at.get(i, ())] if i is not None else []

    def zoc(self, side: Side) -> frozenset[Hex]:
        """Hexes in the zone of control of `side`'s units."""
        hexes = self.index.hexes
        return frozenset(hexes[i] for i in self.zoc_ints(side))

    # --- questions players ask -------------------------------------------------------------------------

    def legal(self, side: Side, order: Order) -> str | None:
        """None if `side` may give this order now (also against the orders it has staged this
        phase), else the reason in plain words."""
        why = problem(order)  # every field checked first (wargame.orders): nothing malformed reaches the rules
        return why if why else check(self, side, order, self._current_plan(side))[0]

    def reachable(self, unit_id: str) -> dict[Hex, int]:
        """Hexes the unit may move to now -> MP it would spend (empty if it may not move now).
        Counts the moves already staged against the stacking limit."""
        u = self.state.units.get(unit_id)
        if u is None or self.phase != "movement" or u.side is not self.active_side or u.id in self.state.moved:
            return {}
        plan = self._current_plan(u.side)
        if plan is not None and unit_id in plan.moved:
            return {}
        hexes = self.index.hexes
        best, _ = movement.reachable(self, u, plan.stack(self) if plan is not None else None, known=True)
        return {hexes[i]: c for i, c in best.items()}

    def path(self, unit_id: str, dest: Hex) -> list[Hex]:
        """The cheapest path to a reachable hex (destination last, start left out), or []."""
        u = self.state.units.get(unit_id)
        d = self.index.idx.get(dest)
        if u is None or d is None or u.id not in self.state.pos:
            return []
        plan = self._current_plan(u.side)
        best, parent = movement.reachable(self, u, plan.stack(self) if plan is not None else None, known=True)
        if d not in best:
            return []
        hexes = self.index.hexes
        return [hexes[i] for i in movement.path_to(parent, self.state.pos[u.id], d)]

    def preview(self, order: Attack, side: Side | None = None) -> combat.Assessment:
        """Odds, column, each shift with its reason, and the chance of every result of an attack,
        without rolling. ValueError (with the reason) if the attack is not possible."""
        who = side or self.active_side
        if who is None:
            raise ValueError("the game is over")
        return combat.assess(self, who, order, check=True)

    def ad_loss_probability(self, side: Side, target: Hex) -> float:
        """Expected share of `side`'s sorties lost to enemy air defence over `target`."""
        return air.loss_probability(self, side, target)

    def view(self, side: Side) -> View:
        """What `side` may know: its own units, the enemy units it has detected, the clock, the
        measure, its own air pool and staged orders."""
        return make_view(self, side)

    # --- staging and committing a phase --------------------------------------------------------------

    def stage(self, side: Side, order: Order) -> str | None:
        """Add an order to this phase's plan if it is legal (None), else say why (nothing staged)."""
        why = problem(order)
        if why:
            return why
        plan = self._current_plan(side, create=True)
        why, info = check(self, side, order, plan)
        if why is None and plan is not None:
            plan.add(self, order, info)
        return why

    def unstage(self, index: int = -1) -> list[tuple[Order, str]]:
        """Take back a staged order (the last by default). Orders that depended on it (a move into a
        hex it emptied) are taken back too; returns every order removed, with why."""
        plan = self._plan
        if plan is None or not self._plan_is_current(plan) or not plan.orders:
            return []
        orders = list(plan.orders)
        gone = [(orders.pop(index), "taken back")]
        self._plan = Plan(plan.side, plan.turn, plan.phase_index)
        for o in orders:
            why = self.stage(plan.side, o)
            if why:
                gone.append((o, why))
        return gone

    def clear_staged(self) -> None:
        self._plan = None

    def commit(self, side: Side) -> list[ev.Event]:
        """Commit the staged orders of this phase and run on (to the next phase or a proposal)."""
        return self.submit(side, None)

    def submit(self, side: Side, orders: Iterable[Any] | None = None) -> list[ev.Event]:
        """Commit `side`'s orders for the current phase (None: the staged ones; a list replaces them)
        and run the game on to the next phase, or to the umpire's next proposal. Illegal orders are
        dropped, each with an OrderRejected event saying why. Returns the new events."""
        if self.over:
            raise ValueError("the game is over")
        if self.pending is not None:
            raise ValueError("a result is waiting for the umpire (decide() first)")
        active = self.active_side
        if side is not active or active is None:
            raise ValueError(f"it is {active.value if active else 'nobody'}'s {self.phase} phase, not {side.value}'s")
        start = len(self.events)
        if orders is None:
            plan = self._current_plan(side, create=True)
            assert plan is not None  # the side is the active one and the game runs
            given = [o.to_dict() for o in plan.orders]
        else:
            self._plan = None
            plan = self._current_plan(side, create=True)
            given = []
            for o in orders:
                order, d, why = screen(o)  # malformed items are refused with a reason (wargame.orders)
                given.append(d)
                if order is not None:
                    why = self.stage(side, order)
                if why:
                    self.emit(ev.OrderRejected(side.value, d, why))
        self.log.append({"turn": self.turn, "phase": self.phase, "side": side.value, "orders": given})
        self._plan = None
        assert plan is not None
        self._proc = sequence.resolve(self, side, plan)
        self._drive(None)
        return self.events[start:]

    def decide(self, decision: Decision) -> list[ev.Event]:
        """The umpire's ruling on `pending` (Accept(), Reroll(note), Replace(result, note)); the game
        runs on to the next proposal or phase. ValueError for a replacement that is not valid."""
        p = self.pending
        if p is None:
            raise ValueError("no result is waiting for the umpire")
        die, result = rule(p.chance, decision)
        start = len(self.events)
        self.decisions.append(decision.to_dict())
        self.pending = None
        self.emit(ev.UmpireRuled(p.kind, decision.action, p.result, result, decision.note))
        self._drive((die, result))
        return self.events[start:]

    def _drive(self, value: tuple[int, str] | None) -> None:
        assert self._proc is not None
        while True:
            try:
                chance = next(self._proc) if value is None else self._proc.send(value)
            except StopIteration:
                self._proc = None
                sequence.next_phase(self)
                return
            chance.die, chance.proposed = chance.roll()
            if self.umpire:
                self.pending = Proposal(chance)
                return
            value = (chance.die, chance.proposed)

    def _plan_is_current(self, p: Plan) -> bool:
        return (p.turn, p.phase_index, p.side) == (self.state.turn, self.state.phase_index, self.active_side)

    def _current_plan(self, side: Side, create: bool = False) -> Plan | None:
        if side is not self.active_side or self.over:
            return None
        p = self._plan
        if p is None or not self._plan_is_current(p):
            p = Plan(side, self.state.turn, self.state.phase_index)
            if create:
                self._plan = p
        return p

    # --- the event log ---------------------------------------------------------------------------------

    def emit(self, e: ev.Event) -> None:
        self.events.append(e)

    def reset_digest(self) -> None:
        self._digest = hashlib.sha256()
        self._digested = 0  # events already in the digest (it is brought up to date when asked)

    # --- copies, records, saves ------------------------------------------------------------------------

    def clone(self) -> Game:
        """An independent copy (state and random generator) for look-ahead: what happens to the copy
        never touches this game. A game stopped at an umpire's proposal is rebuilt by replay."""
        return record.clone(self)

    def events_digest(self) -> str:
        """sha256 of the event log as JSON lines (`event_log()`): equal logs, equal digests."""
        d = self._digest
        for e in self.events[self._digested:]:
            d.update(e.to_json().encode())
            d.update(b"\n")
        self._digested = len(self.events)
        return d.copy().hexdigest()

    def event_log(self) -> str:
        """The event log as JSON lines, one event a line."""
        return "".join(e.to_json() + "\n" for e in self.events)

    def snapshot(self) -> dict[str, Any]:
        """The whole state, JSON-ready (no events)."""
        return record.snapshot(self, events=False)["state"]

    def to_record(self) -> dict[str, Any]:
        """Everything needed to rebuild and audit this game (docs/architecture.md, rule 4): scenario, seed,
        options, committed orders per phase, umpire rulings, and a snapshot with the event log."""
        return record.to_record(self)

    @classmethod
    def from_record(cls, rec: dict[str, Any], scenario: Scenario) -> Game:
        """Rebuild a game from its record (the snapshot when possible, else by replaying)."""
        return record.from_record(rec, scenario)

    def to_save(self, path) -> Any:
        """Write a save file (wargame.saves: versioned envelope, atomic write); returns its path."""
        from wargame.saves import write_save

        return write_save(path, self.to_record())

    @classmethod
    def from_save(cls, path, scenario: Scenario | None = None) -> Game:
        """Load a save; the scenario is loaded by the id it names unless given."""
        from wargame.saves import read_save, scenario_of

        rec = read_save(path)
        if scenario is None:
            from wargame.data.scenario import load_scenario

            scenario = load_scenario(scenario_of(rec))
        return cls.from_record(rec, scenario)
