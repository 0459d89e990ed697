"""The mutable state of one game, in one typed place: what a snapshot saves, what `clone()` copies.

Hexes are ints of the board's `BoardIndex` (`at`, `pos`, `targets`, air zones); units keep their
`Hex` too, for everything outside the rules. Nothing here knows a rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from wargame import events as ev
from wargame.hexgrid import Hex
from wargame.model.result import Result
from wargame.model.units import Side, Unit

if TYPE_CHECKING:
    from wargame.game import Game
    from wargame.rules.index import BoardIndex
    from wargame.rules.legality import Plan


def _per_side(factory):
    return field(default_factory=lambda: {Side.RED: factory(), Side.BLUE: factory()})


@dataclass
class State:
    turn: int = 1
    phase_index: int = 0
    over: bool = False
    result: Result | None = None
    units: dict[str, Unit] = field(default_factory=dict)
    at: dict[int, list[str]] = field(default_factory=dict)        # hex -> ids of the units there
    pos: dict[str, int] = field(default_factory=dict)             # unit id -> hex, units on the board
    arrival: dict[str, int] = field(default_factory=dict)         # unit id -> turn it is due
    sorties: dict[Side, int] = _per_side(int)                      # left in the pool this turn
    entrench: dict[str, int] = field(default_factory=dict)        # unit id -> own movement phases unmoved
    moved: set[str] = field(default_factory=set)                  # this movement phase
    attacked: set[str] = field(default_factory=set)               # this combat phase
    fired: set[str] = field(default_factory=set)                  # fire units used this combat phase
    targets: set[int] = field(default_factory=set)                # hexes attacked this combat phase
    suppressed: set[str] = field(default_factory=set)             # SAM units, this turn
    interdicted: dict[Side, set[int]] = _per_side(set)            # hexes interdicted BY the side, this turn
    interdiction_ends: dict[Side, dict[int, float]] = _per_side(dict)  # hex -> hour the side's aircraft leave it
    cover: dict[Side, list[list[int]]] = _per_side(list)          # [hex, effective sorties] standing by, this turn
    seen_by_air: dict[Side, set[int]] = _per_side(set)            # hexes the side's aircraft saw this turn
    air_orders: dict[Side, list[dict[str, Any]]] = _per_side(list)  # tasking waiting for the other side
    fallback: dict[str, int] = field(default_factory=dict)        # unit id -> hex it retreats toward
    detected: dict[Side, set[str]] = _per_side(set)               # enemy unit ids the side saw at the last look
    control: dict[str, Side] = field(default_factory=dict)        # city name -> side holding it
    measure: dict[str, float] = field(default_factory=dict)        # city -> hour Red reached its outskirts
    losses: dict[Side, int] = _per_side(int)                       # steps lost
    hold_hour: int | None = None                                  # first end of turn Red held every `victory.hold` city
    first_unit: dict[str, float] = field(default_factory=dict)  # city -> hour the first Red unit entered its outskirts
    out_of_supply: dict[str, int] = field(default_factory=dict)  # unit id -> turns out of supply (absent: in supply)
    entered: dict[str, float] = field(default_factory=dict)  # unit id -> hour it entered the hex it holds
    now: float = 0.0  # the hour of what is being carried out
    blown: dict[tuple[int, int], list[Any]] = field(
        default_factory=dict
    )  # (hex, hex) -> [turn blown, side] of a blown bridge

    def copy(self) -> State:
        s = State(
            turn=self.turn,
            phase_index=self.phase_index,
            over=self.over,
            result=self.result,  # frozen: shared
            units={i: u.copy() for i, u in self.units.items()},
            at={h: list(v) for h, v in self.at.items()},
            pos=dict(self.pos),
            arrival=dict(self.arrival),
            sorties=dict(self.sorties),
            entrench=dict(self.entrench),
            moved=set(self.moved),
            attacked=set(self.attacked),
            fired=set(self.fired),
            targets=set(self.targets),
            suppressed=set(self.suppressed),
            interdicted={k: set(v) for k, v in self.interdicted.items()},
            interdiction_ends={k: dict(v) for k, v in self.interdiction_ends.items()},
            cover={k: [list(x) for x in v] for k, v in self.cover.items()},
            seen_by_air={k: set(v) for k, v in self.seen_by_air.items()},
            air_orders={k: list(v) for k, v in self.air_orders.items()},
            fallback=dict(self.fallback),
            detected={k: set(v) for k, v in self.detected.items()},
            control=dict(self.control),
            measure=dict(self.measure),
            losses=dict(self.losses),
            hold_hour=self.hold_hour,
            first_unit=dict(self.first_unit),
            out_of_supply=dict(self.out_of_supply),
            entered=dict(self.entered),
            now=self.now,
            blown={k: list(v) for k, v in self.blown.items()},
        )
        return s

    # --- JSON (hexes as ids, through the caller's id lists) ---------------------------------------

    def to_dict(self, ids: list[str]) -> dict[str, Any]:
        """Everything, JSON-ready, in a stable order (hexes as hex ids)."""
        side = lambda d, f=lambda v: v: {s.value: f(d[s]) for s in Side}  # noqa: E731
        hexes = lambda xs: sorted(ids[i] for i in xs)  # noqa: E731
        return {
            "turn": self.turn,
            "phase": self.phase_index,
            "over": self.over,
            "result": self.result.to_dict() if self.result else None,
            "units": {i: [ids[self.pos[i]] if i in self.pos else None, u.steps] for i, u in sorted(self.units.items())},
            "arrival": dict(sorted(self.arrival.items())),
            "sorties": side(self.sorties),
            "entrench": dict(sorted(self.entrench.items())),
            "moved": sorted(self.moved),
            "attacked": sorted(self.attacked),
            "fired": sorted(self.fired),
            "targets": hexes(self.targets),
            "suppressed": sorted(self.suppressed),
            "interdicted": side(self.interdicted, hexes),
            "interdiction_ends": side(self.interdiction_ends, lambda m: {ids[h]: t for h, t in sorted(m.items())}),
            "cover": side(self.cover, lambda v: [[ids[h], n] for h, n in v]),
            "seen_by_air": side(self.seen_by_air, hexes),
            "air_orders": side(self.air_orders),
            "fallback": {i: ids[h] for i, h in sorted(self.fallback.items())},
            "detected": side(self.detected, sorted),
            "control": {n: s.value for n, s in sorted(self.control.items())},
            "measure": dict(sorted(self.measure.items())),
            "losses": side(self.losses),
            "hold_hour": self.hold_hour,
            "first_unit": dict(sorted(self.first_unit.items())),
            "out_of_supply": dict(sorted(self.out_of_supply.items())),
            "entered": dict(sorted(self.entered.items())),
            "now": self.now,
            "blown": sorted([ids[a], ids[b], t, s] for (a, b), (t, s) in self.blown.items()),
        }

    @staticmethod
    def from_dict(d: dict[str, Any], units: dict[str, Unit], idx_of: dict[str, int], hex_of: list) -> State:
        """Rebuild from `to_dict` output; `units` are fresh copies of the scenario's units."""
        side = lambda m, f=lambda v: v: {s: f(m[s.value]) for s in Side}  # noqa: E731
        ints = lambda xs: {idx_of[x] for x in xs}  # noqa: E731
        result = Result.from_dict(d["result"]) if d["result"] else None
        st = State(turn=d["turn"], phase_index=d["phase"], over=d["over"], result=result, units=units)
        for uid, (hid, steps) in d["units"].items():
            u = units[uid]
            u.steps = steps
            u.hex = None
            if hid is not None:
                i = idx_of[hid]
                u.hex = hex_of[i]
                st.pos[uid] = i
                st.at.setdefault(i, []).append(uid)
        st.arrival = dict(d["arrival"])
        st.sorties = side(d["sorties"])
        st.entrench = dict(d["entrench"])
        st.moved, st.attacked, st.fired = set(d["moved"]), set(d["attacked"]), set(d["fired"])
        st.targets = ints(d["targets"])
        st.suppressed = set(d["suppressed"])
        st.interdicted = side(d["interdicted"], ints)
        st.interdiction_ends = side(d["interdiction_ends"], lambda m: {idx_of[h]: float(t) for h, t in m.items()})
        st.cover = side(d["cover"], lambda v: [[idx_of[h], n] for h, n in v])
        st.seen_by_air = side(d["seen_by_air"], ints)
        st.air_orders = side(d["air_orders"], list)
        st.fallback = {i: idx_of[h] for i, h in d["fallback"].items()}
        st.detected = side(d["detected"], set)
        st.control = {n: Side(s) for n, s in d["control"].items()}
        st.measure = dict(d["measure"])
        st.losses = side(d["losses"])
        st.hold_hour = d.get("hold_hour")  # absent in snapshots written before `victory.hold`
        st.first_unit = dict(d.get("first_unit", {}))  # these four: absent before supply (record 3)
        st.out_of_supply = dict(d.get("out_of_supply", {}))
        st.entered = dict(d.get("entered", {}))
        st.now = d.get("now", 0.0)
        st.blown = {(idx_of[a], idx_of[b]): [t, s] for a, b, t, s in d.get("blown", [])}
        return st


class StateChanges:
    """The changes of state every rule makes (a unit moves, loses a step) and the facts cached about
    the state (zones of control, occupied hexes, stacks), kept right as the state changes. Mixed into
    `wargame.game.Game`, which owns `state`, `index`, `_cache` and `_changed`."""

    state: State
    index: BoardIndex
    _cache: dict[Any, Any]
    _changed: set[int]
    _plan: Plan | None

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
            self._changed.add(i)
            st.entered[u.id] = st.now
        for k in ("zoc", "occ", "stack"):
            self._cache.pop((k, u.side), None)
        for s in Side:
            self._cache.pop(("known", s), None)  # what either side sees may have changed
            self._cache.pop(("supply", s), None)  # and the lines of communication
        self._cache.pop("reach", None)  # every search of reachable hexes

    def forget_routes(self) -> None:
        """Forget every search of reachable hexes and supply (after a bridge went down or up)."""
        self._cache.pop("reach", None)
        for s in Side:
            self._cache.pop(("supply", s), None)

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
        changed, self._changed = self._changed, set()
        from wargame.rules.victory import after_moves

        return after_moves(cast("Game", self), changed)

    def invalidate(self) -> None:
        """Forget cached zones of control and occupancy (after the state was replaced)."""
        self._cache.clear()
        self._changed = set()
        self._plan = None

    # --- cached facts of the state (ints) ----------------------------------------------------------------

    def zoc_ints(self, side: Side) -> frozenset[int]:
        z = self._cache.get(("zoc", side))
        if z is None:
            from wargame.rules.zoc import zoc_of

            z = self._cache[("zoc", side)] = zoc_of(cast("Game", self), side)
        return z

    def known_enemy_ints(self, side: Side) -> tuple[frozenset[int], frozenset[int]]:
        """(zone of control, occupied hexes) of the enemy units `side` sees now: what a move it plans
        can count on. Units out of sight are found only by running into them (`rules.sequence`)."""
        st = self.state
        stamp = (st.turn, st.phase_index, len(st.seen_by_air[side]))
        got = self._cache.get(("known", side))
        if got is not None and got[0] == stamp:
            return got[1], got[2]
        from wargame.rules.fog import coverage
        from wargame.rules.zoc import zoc_of

        seen = coverage(cast("Game", self), side)
        out = (zoc_of(cast("Game", self), side.other, seen), self.occupied_ints(side.other) & seen)
        self._cache[("known", side)] = (stamp, *out)
        return out

    def occupied_ints(self, side: Side) -> frozenset[int]:
        o = self._cache.get(("occ", side))
        if o is None:
            st = self.state
            o = self._cache[("occ", side)] = frozenset(h for h, ids in st.at.items() if st.units[ids[0]].side is side)
        return o

    def stack_ints(self, side: Side) -> dict[int, int]:
        s = self._cache.get(("stack", side))
        if s is None:
            st = self.state
            s = self._cache[("stack", side)] = {
                h: len(ids) for h, ids in st.at.items() if st.units[ids[0]].side is side
            }
        return s
