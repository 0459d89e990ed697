"""Fog of war: what one side may know. Bots and hotseat players see only `Game.view(side)`.

An enemy unit is detected when it is next to one of the side's units (always), within the detection
range of one of them (the type's `detection` by day; x `detection.night_factor` at night, rounded
down, at least 1), or in a hex the side's aircraft saw this turn (reconnaissance, interdiction,
SEAD, cover, close air support). Detection is looked at again at the end of every phase; each enemy
unit newly seen is a `Detected` event.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from wargame import events as ev
from wargame.hexgrid import Hex
from wargame.model.board import Board
from wargame.model.result import Result
from wargame.model.scenario import Clock
from wargame.model.units import Side, Unit

if TYPE_CHECKING:
    from collections.abc import Set

    from wargame.orders import Order
    from wargame.rules.position import Position


@dataclass(frozen=True)
class View:
    """A side's picture of the game. Units are copies: changing them changes nothing in the game."""

    side: Side
    turn: int
    hour: int
    night: bool
    phase: str
    active_side: Side | None
    board: Board
    own: tuple[Unit, ...]                    # every own unit on the board
    enemy: tuple[Unit, ...]                  # detected enemy units only
    arriving: tuple[tuple[str, int], ...]    # own units still to arrive: (unit id, turn due)
    sorties: int                             # own sorties left this turn
    measure: dict[str, float]                # city -> hour a Red main force held its outskirts (the RAND measure)
    control: dict[str, str]                  # city -> side holding it
    over: bool
    result: Result | None
    clock: Clock | None = None
    staged: tuple[Order, ...] = ()         # own orders staged this phase
    waiting_for_umpire: bool = False
    seen: frozenset[Hex] = frozenset()       # hexes the side can see into now
    enemy_zoc: frozenset[Hex] = frozenset()  # the zone of control of the enemy units it sees (where it must stop)
    enemy_ad: frozenset[Hex] = frozenset()   # hexes under the umbrella of the enemy air defence it sees
    entrench: dict[str, int] = field(default_factory=dict)       # own unit id -> its movement phases unmoved
    out_of_supply: dict[str, int] = field(default_factory=dict)  # own unit id -> turns out of supply
    first_unit: dict[str, float] = field(default_factory=dict)   # city -> hour the first Red unit entered its outskirts
    enemy_entrench: dict[str, int] = field(default_factory=dict)  # detected enemy unit id -> its movement phases
    # unmoved (a dug-in position is seen with the unit in it)
    enemy_destroyed: frozenset[str] = frozenset()  # enemy units destroyed (the dead pile: public, as on a table)

    def unit(self, unit_id: str) -> Unit | None:
        for u in self.own + self.enemy:
            if u.id == unit_id:
                return u
        return None


def coverage(game: Position, side: Side) -> frozenset[int]:
    """Hexes (ints) where `side` sees enemy units now. Cached until one of its units is placed or its
    aircraft see more (every phase asks several times: the view, the look, the believed game)."""
    st = game.state
    stamp = (st.turn, st.phase_index, len(st.seen_by_air[side]))  # night by turn; the air adds hexes
    got = game.cache.get(("cover", side))
    if got is not None and got[0] == stamp:
        return got[1]
    ix = game.index
    f = game.tables.detection_night_factor if game.night else 1.0
    seen: set[int] = set(st.seen_by_air[side])
    units = st.units
    for uid, h in st.pos.items():
        u = units[uid]
        if u.side is side:
            seen.update(ix.ball(h, max(1, int(u.type.detection * f + 1e-9))))
    out = frozenset(seen)
    game.cache[("cover", side)] = (stamp, out)
    return out


def detected(game: Position, side: Side) -> set[Hex]:
    """The hexes `side` sees into now (as Hex values)."""
    hexes = game.index.hexes
    return {hexes[i] for i in coverage(game, side)}


def detected_units(game: Position, side: Side, seen: Set[int] | None = None) -> list[str]:
    """Ids of the enemy units `side` sees now, sorted."""
    st = game.state
    seen = coverage(game, side) if seen is None else seen
    return sorted(uid for uid, h in st.pos.items() if st.units[uid].side is not side and h in seen)


def look(game: Position) -> list[ev.Event]:
    """Both sides look again; a `Detected` event for every enemy unit newly seen."""
    st = game.state
    ix = game.index
    out: list[ev.Event] = []
    for side in Side:
        now = detected_units(game, side)
        before = st.detected[side]
        for uid in now:
            if uid not in before:
                u = st.units[uid]
                out.append(ev.Detected(side.value, uid, u.name, ix.ids[st.pos[uid]]))
        st.detected[side] = set(now)
    return out


def _known_rings(game: Position, side: Side, seen: Set[int]) -> tuple[frozenset[Hex], frozenset[Hex]]:
    """The enemy zone of control and air-defence umbrellas as far as `side` sees them: the same rules
    that bind its moves and sorties (`known_enemy_ints`, `air.ad_units`), so a player's overlays
    cannot disagree with the adjudicator."""
    st = game.state
    ix = game.index
    hexes = ix.hexes
    zoc, _ = game.known_enemy_ints(side)
    ad: set[int] = set()
    for uid, h in st.pos.items():
        u = st.units[uid]
        if u.side is not side and h in seen and u.type.ad_strength > 0 and uid not in st.suppressed:
            ad.update(ix.ball(h, u.type.ad_range))
    return frozenset(hexes[i] for i in zoc), frozenset(hexes[i] for i in ad)


_VALUE = {s: s.value for s in Side}  # (an Enum's `value` is a property: slow to read for every city)


def make_view(game: Position, side: Side, staged: tuple[Order, ...] = ()) -> View:
    """`staged`: the orders the game has staged for the active side this phase (shown to it alone)."""
    st = game.state
    seen = coverage(game, side)
    hexes = game.index.hexes
    units = sorted(st.units.values(), key=lambda u: u.id)
    own = tuple(u.copy() for u in units if u.side is side and u.id in st.pos)
    enemy = tuple(u.copy() for u in units if u.side is not side and u.id in st.pos and st.pos[u.id] in seen)
    arriving = tuple(sorted((i, t) for i, t in st.arrival.items() if st.units[i].side is side))
    staged = staged if game.active_side is side else ()
    return View(side, st.turn, game.hour, game.night, game.phase, game.active_side, game.board, own, enemy, arriving,
                st.sorties[side], dict(st.measure), {n: _VALUE[s] for n, s in st.control.items()}, st.over,
                st.result, game.scenario.clock, staged, game.pending is not None,
                frozenset(hexes[i] for i in seen), *_known_rings(game, side, seen),
                {u.id: st.entrench[u.id] for u in own if u.id in st.entrench},
                {u.id: st.out_of_supply[u.id] for u in own if u.id in st.out_of_supply}, dict(st.first_unit),
                {u.id: st.entrench[u.id] for u in enemy if u.id in st.entrench},
                frozenset(u.id for u in units if u.side is not side and not u.alive))
