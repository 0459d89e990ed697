"""Game: the state, one seeded RNG, and the sequence of play. The one door every player uses.

    game = Game(scenario, seed=7)
    while not game.over:
        side = game.active_side
        events = game.submit(side, orders_for(game.view(side)))

Each turn (12 hours, day and night alternating): arrivals; Red air, Blue air (air-defence losses
resolved as they fly); Red movement; Red combat; Blue movement; Blue combat; end of turn (cities,
the RAND measure, the end of the game). `submit` commits one phase for the side whose phase it is.
With `umpire=True` every combat result stops at `game.pending` until `decide()` rules on it.
"""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass, field
from typing import Any, Iterable

from wargame import events as ev
from wargame.hexgrid import Hex, distance, hex_id, parse_hex_id
from wargame.model.scenario import Scenario
from wargame.model.units import Side, Unit
from wargame.orders import AIR_KINDS, AirMission, Attack, Move, Order, from_dict, to_dict
from wargame.rules import air, combat, movement
from wargame.rules.fog import View, make_view
from wargame.rules.terrain import Terrain

PHASES: tuple[tuple[str, Side], ...] = (
    ("air", Side.RED), ("air", Side.BLUE),
    ("movement", Side.RED), ("combat", Side.RED),
    ("movement", Side.BLUE), ("combat", Side.BLUE),
)
_TERRAIN_CACHE: dict[tuple[int, int], Terrain] = {}


@dataclass
class Proposal:
    """A random outcome waiting for the umpire: a combat result (`kind` "combat": the die `roll` and
    the CRT `result`), or the sorties an air mission loses to air defence (`kind` "air": `result` is
    the number lost)."""

    assessment: combat.Assessment | None
    order: Attack | AirMission
    roll: int
    result: str
    cas_lost: int
    kind: str = "combat"


@dataclass(frozen=True)
class Decision:
    """The umpire's ruling: accept, reroll, or replace with `result` (a CRT code), with a note."""

    action: str
    result: str = ""
    note: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"action": self.action, "result": self.result, "note": self.note}


class Game:
    def __init__(self, scenario: Scenario, seed: int = 0, umpire: bool = False):
        if scenario.tables is None:
            raise ValueError("the scenario has no rules tables loaded")
        self.scenario = scenario
        self.board = scenario.board
        self.tables = scenario.tables
        self.seed = seed
        self.umpire = umpire
        key = (id(scenario.board), id(scenario.tables))
        if key not in _TERRAIN_CACHE:
            _TERRAIN_CACHE.clear()
            _TERRAIN_CACHE[key] = Terrain(scenario.board, scenario.tables)
        self.terrain = _TERRAIN_CACHE[key]
        self.rng = random.Random(seed)
        self.units: dict[str, Unit] = {u.id: u.copy() for u in scenario.units}
        self._at: dict[Hex, list[str]] = {}
        for u in self.units.values():
            if u.hex is not None:
                self._at.setdefault(u.hex, []).append(u.id)
        warning = int(scenario.parameters.get("warning_hours", 0)) // scenario.clock.turn_hours
        self.arrival: dict[str, int] = {}
        for u in self.units.values():
            if u.hex is None and u.arrival_turn:
                self.arrival[u.id] = max(1, u.arrival_turn - warning) if u.side is Side.BLUE else u.arrival_turn
        self.allowed = {s: self._allowed(s) for s in Side}
        self.turn = 1
        self.phase_index = 0
        self.events: list[ev.Event] = []
        self.log: list[dict[str, Any]] = []        # committed orders per phase, for saves and replays
        self.decisions: list[dict[str, str]] = []  # umpire rulings, in order
        self.pending: Proposal | None = None
        self._queue: list[Attack] = []
        self.sorties = {Side.RED: 0, Side.BLUE: 0}
        self.suppressed: set[str] = set()
        self.interdicted: dict[Side, set[Hex]] = {Side.RED: set(), Side.BLUE: set()}
        self.seen_by_air: dict[Side, set[Hex]] = {Side.RED: set(), Side.BLUE: set()}
        self.dug_in: set[str] = set()
        self.moved: set[str] = set()
        self.attacked: set[str] = set()
        self.fired: set[str] = set()
        self.targets: set[Hex] = set()
        self.control: dict[str, Side] = {}
        red_countries = scenario.sides[Side.RED].countries
        for c in self.board.cities.values():
            self.control[c.name] = Side.RED if c.country in red_countries else Side.BLUE
        self.measure: dict[str, int] = {}
        self.losses = {Side.RED: 0, Side.BLUE: 0}
        self.over = False
        self.result: dict[str, Any] | None = None
        self._zoc_cache: dict[Side, frozenset[Hex]] = {}
        self._stack_cache: dict[Side, dict[Hex, int]] = {}
        self._digest = hashlib.sha256()  # of the event log so far, kept up to date as events come
        self._emit(self._start_turn())

    # --- queries ---------------------------------------------------------------------------------

    @property
    def phase(self) -> str:
        return "over" if self.phase_index >= len(PHASES) else PHASES[self.phase_index][0]

    @property
    def active_side(self) -> Side | None:
        return None if self.over else PHASES[self.phase_index][1]

    @property
    def hour(self) -> int:
        return self.scenario.clock.hour(self.turn)

    @property
    def night(self) -> bool:
        return bool(self.scenario.parameters.get("night", True)) and self.scenario.clock.is_night(self.turn)

    def hid(self, h: Hex) -> str:
        return hex_id(h, self.board.id_width)

    def parse(self, text: str) -> Hex:
        return parse_hex_id(text)

    def units_of(self, side: Side) -> Iterable[Unit]:
        return (u for u in self.units.values() if u.side is side and u.hex is not None and u.alive)

    def units_at(self, h: Hex) -> list[Unit]:
        return [self.units[i] for i in self._at.get(h, ())]

    def occupied_by(self, side: Side) -> frozenset[Hex]:
        return frozenset(self.stack_counts(side))

    def stack_counts(self, side: Side) -> dict[Hex, int]:
        """Hex -> number of `side`'s units there (cached until one of them moves; do not change it)."""
        got = self._stack_cache.get(side)
        if got is None:
            got = {}
            for u in self.units_of(side):
                got[u.hex] = got.get(u.hex, 0) + 1
            self._stack_cache[side] = got
        return got

    def zoc(self, side: Side) -> frozenset[Hex]:
        z = self._zoc_cache.get(side)
        if z is None:
            z = self._zoc_cache[side] = movement.zoc_of(self, side)
        return z

    def reachable(self, unit_id: str) -> dict[Hex, int]:
        """Hexes the unit may move to this phase -> MP it would spend (empty if it may not move)."""
        u = self.units[unit_id]
        if self.phase != "movement" or u.side is not self.active_side or u.id in self.moved:
            return {}
        return movement.reachable(self, u)[0]

    def path(self, unit_id: str, dest: Hex) -> list[Hex]:
        """The cheapest path to a reachable hex (destination last), or [] if unreachable."""
        u = self.units[unit_id]
        best, parent = movement.reachable(self, u)
        return movement.path_to(parent, u.hex, dest) if dest in best else []

    def preview(self, order: Attack, side: Side | None = None) -> combat.Assessment:
        """Odds, column, shifts and result probabilities of an attack, without rolling."""
        return combat.assess(self, side or self.active_side, order, check=True)

    def ad_loss_probability(self, side: Side, target: Hex) -> float:
        return air.loss_probability(self, side, target)

    def view(self, side: Side) -> View:
        """What `side` may know: its own units, the enemy units it has detected, the clock, the measure."""
        return make_view(self, side)

    # --- legality ----------------------------------------------------------------------------------

    def legal(self, side: Side, order: Order) -> str | None:
        """None if `side` may give this order now, else the reason in plain words."""
        if self.over:
            return "the game is over"
        if side is not self.active_side:
            return f"it is {self.active_side.value}'s {self.phase} phase"
        try:
            if isinstance(order, Move):
                return self._move_problem(side, order)[1]
            if isinstance(order, Attack):
                return self.attack_problem(side, order)
            if isinstance(order, AirMission):
                return self._air_problem(side, order)
        except ValueError as e:
            return str(e)
        return f"unknown order {order!r}"

    def _move_problem(self, side: Side, o: Move) -> tuple[int, str | None]:
        if self.phase != "movement":
            return 0, f"units move only in the movement phase (this is the {self.phase} phase)"
        u = self.units.get(o.unit)
        if u is None or u.side is not side:
            return 0, f"no unit {o.unit!r} of {side.value}"
        if not u.alive or u.hex is None:
            return 0, f"{u.name} is not on the board"
        if u.id in self.moved:
            return 0, f"{u.name} has already moved this phase"
        return movement.check_path(self, u, [self.parse(h) for h in o.path])

    def attack_problem(self, side: Side, o: Attack) -> str | None:
        if self.phase != "combat":
            return f"attacks are made in the combat phase (this is the {self.phase} phase)"
        target = self.parse(o.target)
        if not any(u.side is not side for u in self.units_at(target)):
            return f"no enemy unit in {o.target}"
        if target in self.targets:
            return f"{o.target} has already been attacked this phase"
        if not o.attackers:
            return "an attack needs at least one attacking unit"
        for uid in o.attackers:
            u = self.units.get(uid)
            if u is None or u.side is not side or not u.alive or u.hex is None:
                return f"no unit {uid!r} of {side.value} on the board"
            if u.attack <= 0:
                return f"{u.name} has no attack strength"
            if u.id in self.attacked:
                return f"{u.name} has already attacked this phase"
            if distance(u.hex, target) != 1:
                return f"{u.name} is not next to {o.target}"
        for uid in o.support:
            u = self.units.get(uid)
            if u is None or u.side is not side or not u.alive or u.hex is None or u.type.support <= 0:
                return f"{uid!r} is not a {side.value} fire-support unit on the board"
            if u.id in self.fired:
                return f"{u.name} has already fired this phase"
            if distance(u.hex, target) > u.type.range:
                return f"{o.target} is out of {u.name}'s range ({u.type.range} hexes)"
        if len(o.support) > self.tables.max_support_units:
            return f"at most {self.tables.max_support_units} fire-support units per attack"
        if o.cas < 0 or o.cas > self.sorties[side]:
            return f"{o.cas} close-air-support sorties asked, {self.sorties[side]} left this turn"
        return None

    def _air_problem(self, side: Side, o: AirMission) -> str | None:
        if self.phase != "air":
            return f"air missions are flown in the air phase (this is the {self.phase} phase)"
        if o.mission not in AIR_KINDS:
            return f"unknown air mission {o.mission!r}; expected one of {', '.join(AIR_KINDS)}"
        if o.sorties <= 0 or o.sorties > self.sorties[side]:
            return f"{o.sorties} sorties asked, {self.sorties[side]} left this turn"
        if o.mission != "counter_air":
            t = self.parse(o.target)
            if t not in self.board.terrain:
                return f"{o.target} is off the board"
        return None

    # --- committing a phase ------------------------------------------------------------------------

    def submit(self, side: Side, orders: Iterable[Order]) -> list[ev.Event]:
        """Commit `side`'s orders for the current phase and run the game on to the next phase (or to
        an umpire's proposal). Illegal orders are dropped with an OrderRejected event."""
        if self.over:
            raise ValueError("the game is over")
        if self.pending is not None:
            raise ValueError("a combat result is waiting for the umpire (decide() first)")
        if side is not self.active_side:
            raise ValueError(f"it is {self.active_side.value}'s {self.phase} phase, not {side.value}'s")
        orders = list(orders)
        self.log.append({"turn": self.turn, "phase": self.phase, "side": side.value, "orders": [to_dict(o) for o in orders]})
        start = len(self.events)
        if self.phase == "air":
            self._queue = list(orders)
            self._run_air(side)
        elif self.phase == "movement":
            for o in orders:
                if not isinstance(o, Move):
                    self._emit([ev.OrderRejected(side.value, to_dict(o), "only moves in the movement phase")])
                    continue
                cost, why = self._move_problem(side, o)
                if why:
                    self._emit([ev.OrderRejected(side.value, to_dict(o), why)])
                    continue
                u = self.units[o.unit]
                start_hex = self.hid(u.hex)
                self.place(u, self.parse(o.path[-1]))
                self.moved.add(u.id)
                self._emit([ev.Moved(u.id, u.name, side.value, (start_hex, *o.path), cost)])
            self.dug_in -= {u.id for u in self.units_of(side)}
            self.dug_in |= {u.id for u in self.units_of(side) if u.id not in self.moved}
            self._emit(self._after_moves())
            self._next_phase()
        else:
            self._queue = [o for o in orders]
            self._run_combats(side)
        return self.events[start:]

    def decide(self, decision: Decision) -> list[ev.Event]:
        """The umpire's ruling on `pending`; the game runs on to the next proposal or phase."""
        p = self.pending
        if p is None:
            raise ValueError("no result is waiting for the umpire")
        start = len(self.events)
        if p.kind == "air":
            return self._decide_air(p, decision, start)
        if p.kind == "sead":
            return self._decide_sead(p, decision, start)
        if decision.action == "accept":
            result, roll = p.result, p.roll
        elif decision.action == "reroll":
            roll = self.rng.randint(1, 6)
            result = self.tables.crt[roll][p.assessment.column]
        elif decision.action == "replace":
            combat.parse_result(decision.result)
            result, roll = decision.result, p.roll
        else:
            raise ValueError(f"unknown umpire action {decision.action!r}; expected accept, reroll or replace")
        self.decisions.append(decision.to_dict())
        self.pending = None
        self._emit([ev.UmpireRuled(decision.action, p.result, result, decision.note)])
        self._emit(combat.apply(self, p.assessment, p.order, roll, result, p.cas_lost))
        self._emit(self._after_moves())
        self._run_combats(p.assessment.side)
        return self.events[start:]

    def _decide_air(self, p: Proposal, decision: Decision, start: int) -> list[ev.Event]:
        m = p.order
        side = self.active_side
        if decision.action == "accept":
            lost = int(p.result)
        elif decision.action == "reroll":
            lost = air.roll_losses(self, side, self.parse(m.target), m.sorties)
        elif decision.action == "replace":
            try:
                lost = int(decision.result)
            except ValueError:
                raise ValueError(f"replace the sorties lost with a whole number from 0 to {m.sorties}") from None
            if not 0 <= lost <= m.sorties:
                raise ValueError(f"replace the sorties lost with a whole number from 0 to {m.sorties}")
        else:
            raise ValueError(f"unknown umpire action {decision.action!r}; expected accept, reroll or replace")
        self.decisions.append(decision.to_dict())
        self.pending = None
        self._emit([ev.UmpireRuled(decision.action, f"{p.result} sorties lost", f"{lost} sorties lost", decision.note)])
        n = air.sead_rolls_needed(self, side, m, lost)
        if n:  # the SEAD dice are the umpire's to rule on too
            rolls = [self.rng.randint(1, 6) for _ in range(n)]
            self.pending = Proposal(None, m, lost, " ".join(map(str, rolls)), 0, kind="sead")
            return self.events[start:]
        self._emit(air.fly(self, side, m, lost))
        self._run_air(side)
        return self.events[start:]

    def _decide_sead(self, p: Proposal, decision: Decision, start: int) -> list[ev.Event]:
        m, side, lost = p.order, self.active_side, p.roll
        proposed = [int(x) for x in p.result.split()]
        if decision.action == "accept":
            rolls = proposed
        elif decision.action == "reroll":
            rolls = [self.rng.randint(1, 6) for _ in proposed]
        elif decision.action == "replace":
            try:
                rolls = [int(x) for x in decision.result.replace(",", " ").split()]
            except ValueError:
                rolls = []
            if len(rolls) != len(proposed) or not all(1 <= r <= 6 for r in rolls):
                raise ValueError(f"replace the SEAD dice with {len(proposed)} die value(s) from 1 to 6, e.g. {p.result}")
        else:
            raise ValueError(f"unknown umpire action {decision.action!r}; expected accept, reroll or replace")
        self.decisions.append(decision.to_dict())
        self.pending = None
        self._emit([ev.UmpireRuled(decision.action, f"SEAD dice {p.result}", "SEAD dice " + " ".join(map(str, rolls)), decision.note)])
        self._emit(air.fly(self, side, m, lost, rolls))
        self._run_air(side)
        return self.events[start:]

    def _run_air(self, side: Side) -> None:
        while self._queue:
            o = self._queue.pop(0)
            why = self.legal(side, o) if isinstance(o, AirMission) else "only air missions in the air phase"
            if why:
                self._emit([ev.OrderRejected(side.value, to_dict(o), why)])
                continue
            if self.umpire and o.mission != "counter_air":
                lost = air.roll_losses(self, side, self.parse(o.target), o.sorties)
                self.pending = Proposal(None, o, 0, str(lost), 0, kind="air")
                return
            self._emit(air.fly(self, side, o))
        self._next_phase()

    def _run_combats(self, side: Side) -> None:
        while self._queue:
            o = self._queue.pop(0)
            why = self.legal(side, o) if isinstance(o, Attack) else "only attacks in the combat phase"
            if why:
                self._emit([ev.OrderRejected(side.value, to_dict(o), why)])
                continue
            a = combat.assess(self, side, o, check=False)
            cas_lost = 0
            if o.cas:
                self.sorties[side] -= o.cas
                cas_lost = air.roll_losses(self, side, a.target, o.cas)
                shift = combat.cas_shift(self, o.cas - cas_lost)
                a.shifts = [s for s in a.shifts if not s[0].startswith("close air support")]
                if shift:
                    a.shifts.append((f"close air support ({o.cas - cas_lost} of {o.cas} sorties got through)", shift))
                a.column = max(0, min(len(self.tables.columns) - 1, a.base_column + sum(n for _, n in a.shifts)))
                a.column_name = self.tables.columns[a.column]
                self.seen_by_air[side].add(a.target)
            roll = self.rng.randint(1, 6)
            result = self.tables.crt[roll][a.column]
            if self.umpire:
                self.pending = Proposal(a, o, roll, result, cas_lost)
                return
            self._emit(combat.apply(self, a, o, roll, result, cas_lost))
            self._emit(self._after_moves())
        self._next_phase()

    # --- state changes used by the rules -------------------------------------------------------------

    def place(self, u: Unit, h: Hex | None) -> None:
        if u.hex is not None:
            lst = self._at[u.hex]
            lst.remove(u.id)
            if not lst:
                del self._at[u.hex]
        u.hex = h
        if h is not None:
            self._at.setdefault(h, []).append(u.id)
        self._zoc_cache.pop(u.side, None)  # only this side's zone of control can have changed
        self._stack_cache.pop(u.side, None)

    def lose_step(self, u: Unit, cause: str) -> list[ev.Event]:
        u.steps -= 1
        self.losses[u.side] += 1
        if u.steps <= 0:
            self.place(u, None)
            self.dug_in.discard(u.id)
        return [ev.StepLost(u.id, u.name, u.side.value, u.steps, cause)]

    # --- the clock ---------------------------------------------------------------------------------------

    def _next_phase(self) -> None:
        self._zoc_cache.clear()
        self.phase_index += 1
        if self.phase_index < len(PHASES):
            self._start_phase()
            return
        self._emit(self._end_turn())
        if not self.over:
            self.turn += 1
            self.phase_index = 0
            self._emit(self._start_turn())

    def _start_phase(self) -> None:
        phase, side = PHASES[self.phase_index]
        if phase == "movement":
            self.moved = set()
        if phase == "combat":
            self.attacked, self.fired, self.targets = set(), set(), set()
        self._emit([ev.PhaseStarted(self.turn, phase, side.value)])

    def _start_turn(self) -> list[ev.Event]:
        out: list[ev.Event] = [ev.TurnStarted(self.turn, self.hour, self.night)]
        for s in Side:
            pool = self.scenario.air.get(s)
            self.sorties[s] = (pool.night if self.night else pool.day) if pool else 0
            self.interdicted[s] = set()
            self.seen_by_air[s] = set()
        self.suppressed = set()
        for uid in sorted(self.arrival, key=lambda i: (self.arrival[i], i)):
            if self.arrival[uid] > self.turn:
                continue
            out.extend(self._arrive(self.units[uid]))
        out.append(ev.PhaseStarted(self.turn, PHASES[0][0], PHASES[0][1].value))
        return out

    def _arrive(self, u: Unit) -> list[ev.Event]:
        area = self.board.areas.get(u.entry_area or "")
        enemy = self.occupied_by(u.side.other)
        stack = self.stack_counts(u.side)
        free = sorted((h for h in (area.hexes if area else ()) if h in self.allowed[u.side] and h not in enemy
                       and stack.get(h, 0) < self.tables.stacking), key=lambda h: (stack.get(h, 0), self.hid(h)))
        if not free:
            self.arrival[u.id] = self.turn + 1
            return [ev.ArrivalDelayed(u.id, u.name, u.side.value)]
        del self.arrival[u.id]
        self.place(u, free[0])
        return [ev.Arrived(u.id, u.name, u.side.value, self.hid(free[0]))]

    def _after_moves(self) -> list[ev.Event]:
        """Cities change hands and the RAND measure is taken whenever units have moved."""
        out: list[ev.Event] = []
        for c in self.board.cities.values():
            occ = [u for u in self.units_at(c.hex)]
            if occ and self.control.get(c.name) is not occ[0].side:
                self.control[c.name] = occ[0].side
                if c.name in self.scenario.victory.objectives or c.capital:
                    out.append(ev.CityTaken(c.name, occ[0].side.value))
        end_hour = self.turn * self.scenario.clock.turn_hours
        for name in self.scenario.victory.measure:
            if name in self.measure:
                continue
            for h in sorted(self.board.outskirts.get(name, ())):
                reds = [u for u in self.units_at(h) if u.side is Side.RED]
                if reds:
                    self.measure[name] = end_hour
                    out.append(ev.MeasureReached(name, end_hour, reds[0].id))
                    break
        return out

    def _end_turn(self) -> list[ev.Event]:
        length = self.scenario.clock.length_turns
        capitals = self.scenario.victory.measure
        all_held = bool(capitals) and all(self.control.get(n) is Side.RED for n in capitals)
        if self.turn < length and not all_held:
            return []
        self.over = True
        hours = min(self.measure.values()) if self.measure else None
        winner = "red" if hours is not None else "blue"
        reason = ("Red holds " + " and ".join(capitals)) if all_held else (
            f"Red reached the outskirts of {min(self.measure, key=self.measure.get)}" if hours is not None else
            f"Red did not reach {' or '.join(capitals)} in {length * self.scenario.clock.turn_hours} hours")
        self.result = {
            "winner": winner, "reason": reason, "measure_hours": hours, "hours": dict(self.measure),
            "turns": self.turn, "losses": {s.value: n for s, n in self.losses.items()},
            "destroyed": {s.value: sum(1 for u in self.units.values() if u.side is s and u.steps <= 0) for s in Side},
            "cities": {n: self.control[n].value for n in self.scenario.victory.objectives if n in self.control},
        }
        return [ev.GameEnded(winner, reason, hours)]

    def _allowed(self, side: Side) -> frozenset[Hex]:
        sc = self.scenario
        countries = set(sc.sides[side].countries) | set(sc.sides[side.other].countries)
        if side is Side.RED and sc.parameters.get("belarus"):
            countries.add("BLR")
        countries -= set(sc.neutral) - ({"BLR"} if side is Side.RED and sc.parameters.get("belarus") else set())
        return frozenset(h for h in self.terrain.land if self.board.country.get(h) in countries)

    def _emit(self, events: list[ev.Event]) -> None:
        self.events.extend(events)
        for e in events:
            self._digest.update(json.dumps(e.to_dict(), sort_keys=True, ensure_ascii=False).encode())
            self._digest.update(b"\n")

    def clone(self) -> "Game":
        """An independent copy (state and random generator) for look-ahead: what happens to the copy
        never touches this game."""
        g = Game.__new__(Game)
        g.__dict__.update(self.__dict__)
        g.units = {i: u.copy() for i, u in self.units.items()}
        g._at = {h: list(v) for h, v in self._at.items()}
        g.arrival = dict(self.arrival)
        g.events, g.log, g.decisions, g._queue = list(self.events), list(self.log), list(self.decisions), list(self._queue)
        g.sorties, g.control, g.measure, g.losses = dict(self.sorties), dict(self.control), dict(self.measure), dict(self.losses)
        g.suppressed, g.dug_in, g.moved = set(self.suppressed), set(self.dug_in), set(self.moved)
        g.attacked, g.fired, g.targets = set(self.attacked), set(self.fired), set(self.targets)
        g.interdicted = {s: set(v) for s, v in self.interdicted.items()}
        g.seen_by_air = {s: set(v) for s, v in self.seen_by_air.items()}
        g.result = dict(self.result) if self.result else None
        g._zoc_cache = {}
        g._stack_cache = {}
        g._digest = self._digest.copy()
        g.rng = random.Random()
        g.rng.setstate(self.rng.getstate())
        return g

    # --- records, saves, replays -------------------------------------------------------------------

    def events_digest(self) -> str:
        """sha256 of the event log as JSON lines (sorted keys): equal logs, equal digests."""
        return self._digest.copy().hexdigest()

    def snapshot(self) -> dict[str, Any]:
        return {
            "turn": self.turn, "phase": self.phase_index, "over": self.over,
            "units": {i: [self.hid(u.hex) if u.hex is not None else None, u.steps] for i, u in sorted(self.units.items())},
            "measure": dict(sorted(self.measure.items())), "losses": {s.value: n for s, n in self.losses.items()},
            "control": {n: s.value for n, s in sorted(self.control.items())},
        }

    def to_record(self) -> dict[str, Any]:
        """Everything needed to rebuild and audit this game (DESIGN rule 4)."""
        return {"scenario": self.scenario.id, "scenario_path": str(self.scenario.path) if self.scenario.path else None,
                "seed": self.seed, "umpire": self.umpire, "log": self.log,
                "decisions": self.decisions, "n_events": len(self.events), "events_sha256": self.events_digest(),
                "snapshot": self.snapshot(), "pending": self.pending is not None}

    @classmethod
    def from_record(cls, record: dict[str, Any], scenario: Scenario) -> "Game":
        """Rebuild a game by replaying its orders and the umpire's rulings."""
        game, _ = replay(record, scenario)
        return game


def replay(record: dict[str, Any], scenario: Scenario) -> tuple[Game, list[str]]:
    """Re-run a recorded game; the list says what did not match the record (empty = identical)."""
    try:
        game = Game(scenario, seed=int(record["seed"]), umpire=bool(record.get("umpire", False)))
        decisions = list(record.get("decisions", []))
        for entry in record["log"]:
            side = Side(entry["side"])
            orders = [from_dict(d) for d in entry["orders"]]
            while game.pending is not None and decisions:
                d = decisions.pop(0)
                game.decide(Decision(d["action"], d.get("result", ""), d.get("note", "")))
            game.submit(side, orders)
        while game.pending is not None and decisions:
            d = decisions.pop(0)
            game.decide(Decision(d["action"], d.get("result", ""), d.get("note", "")))
    except (KeyError, TypeError, ValueError) as e:
        raise ValueError(f"the game record cannot be replayed: {e}") from None
    problems = []
    if record.get("events_sha256") and game.events_digest() != record["events_sha256"]:
        problems.append(f"the events differ from the record ({len(game.events)} events now, {record.get('n_events')} recorded)")
    if record.get("snapshot") and game.snapshot() != record["snapshot"]:
        problems.append("the final state differs from the recorded snapshot")
    return game, problems
