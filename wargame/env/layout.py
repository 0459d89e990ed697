"""The flat action index, and the constants an observation is scaled by (`Spec`).

One `Discrete(n)` space per side (both sides get the same n, so one network can play either):

    0                      END          close the phase (always legal while the game runs)
    1                      COUNTER_AIR  a packet of counter-air sorties (air phase)
    2 .. 2+S*K-1           unit block   unit slot s x local offset k: the hex at offset k from the
                                        unit's hex. Movement phase: move there. Combat phase: attack
                                        it (or join the attack already planned on it) when adjacent
                                        and the unit has attack strength, else support that attack
                                        with fire (a fire unit in range)
    2+S*K .. end           hex block    row x land hex: a packet of `interdiction`, `sead`, `recon`
                                        or `cover` sorties over that hex (air phase); `cas` adds a
                                        packet of close air support to the attack planned there
                                        (combat phase)

S = the most units either side has in the scenario (slots are unit ids sorted, arrivals included),
K = 3R(R+1)+1 offsets within radius R = the farthest any unit could move in one phase (its MP over
the cheapest edge on the board) or fire. Masks stay cheap: a unit's row is its reachable hexes
mapped to offsets, nothing is computed over the whole board per action.

A `Spec` is plain data (JSON-ready) so a trained policy can carry the layout it was trained with and
a bot adapter can rebuild it from a `View` and an `Oracle` alone.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from wargame.hexgrid import Hex, distance, within
from wargame.model.units import Side

if TYPE_CHECKING:
    from wargame.game import Game
    from wargame.rules.index import BoardIndex

END = 0
COUNTER_AIR = 1
UNIT0 = 2
HEX_ROWS: tuple[str, ...] = ("interdiction", "sead", "recon", "cover", "cas")
#: layout version: bump when the meaning of an index changes (part of the env version)
LAYOUT_VERSION = 1


@dataclass(frozen=True)
class Spec:
    """What fixes the spaces of one scenario: unit slots per side, the local radius, the sortie
    packet, and the scales observations are divided by."""

    scenario: str
    slots: dict[str, tuple[str, ...]]       # side value -> unit ids, sorted
    radius: int
    packet: int
    max_steps: int                           # most steps of any unit type
    max_attack: float
    max_defence: float
    max_sorties: int                         # largest sortie pool of either side
    stacking: int
    length_turns: int
    turn_hours: int
    total_steps: dict[str, int]              # side value -> steps of all its units at full strength
    version: int = LAYOUT_VERSION

    @classmethod
    def of(cls, game: Game, packet: int = 4) -> Spec:
        sc = game.scenario
        ix = game.index
        units = sc.units
        cheapest = min((c for rows in ix.adj.values() for row in rows for _, c in row), default=1)
        reach = max((u.type.movement for u in units), default=1) // max(1, cheapest)
        fire = max((u.type.range for u in units if u.type.support > 0), default=1)
        pools = [max(p.day, p.night) for p in sc.air.values() if p is not None] or [0]
        return cls(
            scenario=sc.id,
            slots={s.value: tuple(sorted(u.id for u in units if u.side is s)) for s in Side},
            radius=max(1, reach, fire), packet=max(1, packet),
            max_steps=max((u.type.steps for u in units), default=1),
            max_attack=max((u.type.attack for u in units), default=1.0) or 1.0,
            max_defence=max((u.type.defence for u in units), default=1.0) or 1.0,
            max_sorties=max(1, *pools), stacking=game.tables.stacking,
            length_turns=sc.clock.length_turns, turn_hours=sc.clock.turn_hours,
            total_steps={s.value: max(1, sum(u.type.steps for u in units if u.side is s)) for s in Side},
        )

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["slots"] = {k: list(v) for k, v in self.slots.items()}
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Spec:
        d = dict(d)
        if d.get("version") != LAYOUT_VERSION:
            raise ValueError(f"action layout version {d.get('version')!r}; this program reads {LAYOUT_VERSION}")
        d["slots"] = {k: tuple(v) for k, v in d["slots"].items()}
        return cls(**d)


class ActionLayout:
    """Index <-> meaning for one spec on one board (shared by both sides; read-only)."""

    def __init__(self, spec: Spec, index: BoardIndex):
        self.spec = spec
        self.index = index
        r = spec.radius
        self.offsets: tuple[tuple[int, int], ...] = tuple(sorted(
            ((h.q, h.r) for h in within(Hex(0, 0), r)), key=lambda o: (distance(Hex(0, 0), Hex(*o)), o)))
        self.offset_index: dict[tuple[int, int], int] = {o: k for k, o in enumerate(self.offsets)}
        self.K = len(self.offsets)
        self.S = max(len(v) for v in spec.slots.values())
        self.slot_of: dict[str, int] = {}
        for ids in spec.slots.values():
            for s, uid in enumerate(ids):
                self.slot_of[uid] = s
        self.land: tuple[int, ...] = tuple(i for i in range(index.n) if index.is_land[i])
        self.land_pos: dict[int, int] = {i: p for p, i in enumerate(self.land)}
        self.L = len(self.land)
        self.hex0 = UNIT0 + self.S * self.K
        self.n = self.hex0 + len(HEX_ROWS) * self.L
        self.qr: list[tuple[int, int]] = [(h.q, h.r) for h in index.hexes]

    # --- encoding -----------------------------------------------------------------------------------

    def unit_action(self, slot: int, k: int) -> int:
        return UNIT0 + slot * self.K + k

    def offset(self, frm: int, to: int) -> int | None:
        """The local offset index from hex int `frm` to `to`, None if beyond the radius."""
        (q0, r0), (q1, r1) = self.qr[frm], self.qr[to]
        return self.offset_index.get((q1 - q0, r1 - r0))

    def hex_action(self, row: str, hex_int: int) -> int:
        return self.hex0 + HEX_ROWS.index(row) * self.L + self.land_pos[hex_int]

    def row_slice(self, row: str) -> slice:
        start = self.hex0 + HEX_ROWS.index(row) * self.L
        return slice(start, start + self.L)

    # --- decoding -----------------------------------------------------------------------------------

    def target(self, frm: int, k: int) -> int | None:
        """The hex int at offset k from hex int `frm`, None if off the board."""
        q, r = self.qr[frm]
        dq, dr = self.offsets[k]
        return self.index.idx.get(Hex(q + dq, r + dr))

    def decode(self, a: int) -> tuple:
        """("end",), ("counter_air",), ("unit", slot, k) or ("hex", row, hex int)."""
        a = int(a)
        if a == END:
            return ("end",)
        if a == COUNTER_AIR:
            return ("counter_air",)
        if UNIT0 <= a < self.hex0:
            s, k = divmod(a - UNIT0, self.K)
            return ("unit", s, k)
        if self.hex0 <= a < self.n:
            row, p = divmod(a - self.hex0, self.L)
            return ("hex", HEX_ROWS[row], self.land[p])
        raise ValueError(f"action {a} is outside 0..{self.n - 1}")

    def describe(self, a: int, side: Side) -> str:
        """Plain words for an action index (logs, debugging)."""
        d = self.decode(a)
        ids = self.index.ids
        if d[0] == "unit":
            slots = self.spec.slots[side.value]
            uid = slots[d[1]] if d[1] < len(slots) else f"slot {d[1]} (empty)"
            return f"{uid} -> offset {self.offsets[d[2]]}"
        if d[0] == "hex":
            return f"{d[1]} at {ids[d[2]]}"
        return d[0].replace("_", " ")
