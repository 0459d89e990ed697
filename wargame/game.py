"""Game: a position under the rules, and the sequence of play. The one door every player uses
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
`wargame.rules.*` as functions of a `Position` (`game.position`: state, random stream, events, the
phase in hand); this class is the layer over it that stages, submits, views, records and asks the
umpire, and answers players' questions (docs/architecture.md, "Position").
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from wargame import events as ev
from wargame import records
from wargame.hexgrid import Hex, parse_hex_id
from wargame.model.result import Result
from wargame.model.scenario import Scenario
from wargame.model.units import Side, Unit

if TYPE_CHECKING:
    from wargame.data.tables import Tables
    from wargame.model.board import Board
from wargame.orders import Attack, Order, problem, screen
from wargame.rules import air, combat, movement, record, sequence
from wargame.rules.fog import View, make_view
from wargame.rules.index import BoardIndex
from wargame.rules.legality import Plan, check
from wargame.rules.position import Position
from wargame.rules.state import State
from wargame.rules.umpire import Accept, Decision, Proposal, Replace, Reroll, rule  # noqa: F401 - re-exported

PHASES = sequence.PHASES
replay = records.replay

__all__ = ["Game", "PHASES", "Decision", "Accept", "Reroll", "Replace", "Proposal", "replay"]


class Game:
    def __init__(self, scenario: Scenario, seed: int = 0, umpire: bool = False, *, position: Position | None = None):
        """A new game at H-hour, or (`position`) a game over a position already played to (a copy)."""
        pos = position if position is not None else Position.start(scenario, seed)
        self.position = pos
        self._ground()  # read often: plain attributes, kept in step by the setters below
        self.seed = seed
        self.umpire = umpire
        self.log: list[dict[str, Any]] = []        # committed orders per phase, for saves and replays
        self.decisions: list[dict[str, str]] = []  # umpire rulings, in order
        self._plan: Plan | None = None  # the orders staged in this phase
        self._proposal: Proposal | None = None
        self.crisis: Any = None  # the crisis before H-hour this war followed (wargame.crisis), if any
        self.reset_digest()

    # --- the position under the game ------------------------------------------------------------------

    def _ground(self) -> None:
        pos = self.position
        self.state: State = pos.state  # a position keeps its State object for life
        self.board: Board = pos.board
        self.index: BoardIndex = pos.index

    @property
    def scenario(self) -> Scenario:
        return self.position.scenario

    @scenario.setter
    def scenario(self, scenario: Scenario) -> None:
        """Play on under changed terms (`Position.change_scenario`: a seminar inject)."""
        self.position.change_scenario(scenario)
        self._ground()

    terrain = property(lambda self: self.position.terrain, doc="the per-board costs, by their first name")
    allowed_mask = property(lambda self: self.position.allowed_mask, doc="hexes each side may enter (ints)")
    allowed = property(lambda self: self.position.allowed, doc="hexes each side may enter")
    city_at = property(lambda self: self.position.city_at)
    outskirts_at = property(lambda self: self.position.outskirts_at)
    cache = property(lambda self: self.position.cache, doc="the rules' cached facts (a rule given the game reads them)")

    @property
    def tables(self) -> Tables:
        return self.position.tables

    @tables.setter
    def tables(self, tables: Tables) -> None:
        """Play on under other tables (a what-if: the board's index keeps the costs it was built with)."""
        self.position.tables = tables

    @property
    def rng(self) -> random.Random:
        """The game's one random stream (docs/architecture.md, rule 4)."""
        return self.position.rng

    @rng.setter
    def rng(self, rng: random.Random) -> None:
        self.position.rng = rng

    @property
    def events(self) -> list[ev.Event]:
        return self.position.events

    @events.setter
    def events(self, events: list[ev.Event]) -> None:
        self.position.events = events

    @property
    def pending(self) -> Proposal | None:
        """The result waiting for the umpire's ruling (only with umpire=True), else None."""
        c = self.position.pending
        if c is None:
            return None
        p = self._proposal
        if p is None or p.chance is not c:
            p = self._proposal = Proposal(c)  # one Proposal per chance: asked twice, the same answer
        return p

    @pending.setter
    def pending(self, value: None) -> None:
        if value is not None or self.position.pending is not None:
            raise ValueError("a proposal is settled by decide(), not by setting it")

    def place(self, u: Unit, h: Hex | int | None) -> None:
        """Put a unit in a hex or take it off (None): for setting up positions by hand (tests, a belief)."""
        self.position.place(u, h)

    def emit(self, e: ev.Event) -> None:
        self.position.emit(e)

    def forget_routes(self) -> None:
        """Forget searched routes and supply (after a bridge was blown from outside the rules)."""
        self.position.forget_routes()

    def invalidate(self) -> None:
        """Forget cached facts and staged orders (after the state was edited from outside the rules)."""
        self.position.invalidate()
        self._plan = None

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
        return self.position.phase

    @property
    def active_side(self) -> Side | None:
        return self.position.active_side

    @property
    def hour(self) -> int:
        """Hours since H-hour at the start of this turn."""
        return self.position.hour

    @property
    def night(self) -> bool:
        return self.position.night

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
        return self.position.units_of(side)  # scenario order, always

    def units_at(self, h: Hex) -> list[Unit]:
        return self.position.units_at(h)

    def zoc(self, side: Side) -> frozenset[Hex]:
        """Hexes in the zone of control of `side`'s units."""
        hexes = self.index.hexes
        return frozenset(hexes[i] for i in self.position.zoc_ints(side))

    # --- questions players ask -------------------------------------------------------------------------

    def legal(self, side: Side, order: Order) -> str | None:
        """None if `side` may give this order now (also against the orders it has staged this
        phase), else the reason in plain words."""
        why = problem(order)  # every field checked first (wargame.orders): nothing malformed reaches the rules
        return why if why else check(self.position, side, order, self._current_plan(side))[0]

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
        pos = self.position
        best, _ = movement.reachable(pos, u, plan.stack(pos) if plan is not None else None, known=True)
        return {hexes[i]: c for i, c in best.items()}

    def path(self, unit_id: str, dest: Hex) -> list[Hex]:
        """The cheapest path to a reachable hex (destination last, start left out), or []."""
        u = self.state.units.get(unit_id)
        d = self.index.idx.get(dest)
        if u is None or d is None or u.id not in self.state.pos:
            return []
        plan = self._current_plan(u.side)
        pos = self.position
        best, parent = movement.reachable(pos, u, plan.stack(pos) if plan is not None else None, known=True)
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
        return combat.assess(self.position, who, order, check=True)

    def ad_loss_probability(self, side: Side, target: Hex) -> float:
        """Expected share of `side`'s sorties lost to enemy air defence over `target`."""
        return air.loss_probability(self.position, side, target)

    def view(self, side: Side) -> View:
        """What `side` may know: its own units, the enemy units it has detected, the clock, the
        measure, its own air pool and staged orders."""
        return make_view(self.position, side, self.staged)

    # --- staging and committing a phase --------------------------------------------------------------

    def stage(self, side: Side, order: Order) -> str | None:
        """Add an order to this phase's plan if it is legal (None), else say why (nothing staged)."""
        why = problem(order)
        if why:
            return why
        plan = self._current_plan(side, create=True)
        why, info = check(self.position, side, order, plan)
        if why is None and plan is not None:
            plan.add(self.position, order, info)
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
        self.position.resolve(side, plan, stop=self.umpire)
        return self.events[start:]

    def decide(self, decision: Decision) -> list[ev.Event]:
        """The umpire's ruling on `pending` (Accept(), Reroll(note), Replace(result, note)); the game
        runs on to the next proposal or phase. ValueError for a replacement that is not valid."""
        p = self.pending
        if p is None:
            raise ValueError("no result is waiting for the umpire")
        die, result = rule(p.chance, decision, self.rng)
        start = len(self.events)
        self.decisions.append(decision.to_dict())
        self.emit(ev.UmpireRuled(p.kind, decision.action, p.result, result, decision.note))
        self.position.settle((die, result))
        return self.events[start:]

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

    def reset_digest(self) -> None:
        self._digest = hashlib.sha256()
        self._digested = 0  # events already in the digest (it is brought up to date when asked)

    # --- copies, records, saves ------------------------------------------------------------------------

    def clone(self) -> Game:
        """An independent copy for look-ahead: what happens to the copy never touches this game. Exact
        at any point, a proposal waiting for the umpire included (`Position.copy`): no replay."""
        g = Game(self.scenario, self.seed, self.umpire, position=self.position.copy())
        g.log, g.decisions = [dict(e) for e in self.log], list(self.decisions)
        g._digest, g._digested = self._digest.copy(), self._digested
        g.crisis = self.crisis
        if self._plan is not None:
            for o in self._plan.orders:
                g.stage(self._plan.side, o)
        return g

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
        return record.snapshot(self.position, events=False)["state"]

    def to_record(self) -> dict[str, Any]:
        """Everything needed to rebuild and audit this game (docs/architecture.md, rule 4): scenario, seed,
        options, committed orders per phase, umpire rulings, and a snapshot with the event log."""
        return records.to_record(self)

    @classmethod
    def from_record(cls, rec: dict[str, Any], scenario: Scenario) -> Game:
        """Rebuild a game from its record (the snapshot when possible, else by replaying)."""
        return records.from_record(rec, scenario)

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
