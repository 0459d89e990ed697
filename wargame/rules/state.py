"""The mutable state of one game, in one typed place: what a snapshot saves, what `clone()` copies.

Hexes are ints of the board's `BoardIndex` (`at`, `pos`, `targets`, air zones); units keep their
`Hex` too, for everything outside the rules. Nothing here knows a rule: the changes every rule
makes (a unit moves, loses a step) are `rules.position.Position`'s.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wargame.model.result import Result
from wargame.model.units import Side, Unit


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
    taken_at: dict[str, float] = field(default_factory=dict)  # city -> hour its holder took it (absent: from the start)
    measure: dict[str, float] = field(default_factory=dict)        # city -> hour Red reached its outskirts
    losses: dict[Side, int] = _per_side(int)                       # steps lost
    hold_hour: float | None = None  # hour Red came to hold the last `victory.hold` city (victory.held_since)
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
            taken_at=dict(self.taken_at),
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
            "taken_at": dict(sorted(self.taken_at.items())),
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
        st.taken_at = dict(d.get("taken_at", {}))  # absent in snapshots written before 2026-11-30
        st.measure = dict(d["measure"])
        st.losses = side(d["losses"])
        st.hold_hour = d.get("hold_hour")  # absent in snapshots written before `victory.hold`
        st.first_unit = dict(d.get("first_unit", {}))  # these four: absent before supply (record 3)
        st.out_of_supply = dict(d.get("out_of_supply", {}))
        st.entered = dict(d.get("entered", {}))
        st.now = d.get("now", 0.0)
        st.blown = {(idx_of[a], idx_of[b]): [t, s] for a, b, t, s in d.get("blown", [])}
        return st
