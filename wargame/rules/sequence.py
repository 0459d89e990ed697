"""The sequence of play (docs/rules.md, "Sequence of play").

Each 12-hour turn (day and night alternate, `Clock.is_night`):

0. Start of turn (automatic): sortie pools refilled, last turn's air effects end, reinforcements
   due this turn arrive (`wargame.rules.arrivals`).
1. Red air tasking, 2. Blue air tasking; when Blue commits, both sides' missions are resolved
   (counter-air, then SEAD, then interdiction, reconnaissance and cover) with air-defence losses.
3. Red movement, 4. Red combat, 5. Blue movement, 6. Blue combat.
7. End of turn (automatic): victory check; the game ends after the last turn or when Red holds
   every measure city.

At the end of every phase both sides look again (fog of war: `Detected` events). Resolutions are
generators that yield a `Chance` for every random outcome, so the position can stop there for the
umpire (`Position.resolve`, which also keeps what a mid-phase copy needs).
"""

from __future__ import annotations

from collections.abc import Generator
from typing import TYPE_CHECKING

from wargame import events as ev
from wargame.model.units import Side
from wargame.orders import Airlift, AirMission, Attack, Demolish, Fallback, Move
from wargame.rules import air, airmobile, arrivals, bridges, combat, fog, movement, supply, victory
from wargame.rules.umpire import Chance

if TYPE_CHECKING:
    from wargame.rules.legality import Plan
    from wargame.rules.position import Position

PHASES: tuple[tuple[str, Side], ...] = (
    ("air", Side.RED), ("air", Side.BLUE),
    ("movement", Side.RED), ("combat", Side.RED),
    ("movement", Side.BLUE), ("combat", Side.BLUE),
)

Resolution = Generator[Chance, tuple[int, str], None]


def start_turn(game: Position) -> None:
    st = game.state
    for s in Side:
        pool = game.scenario.air.get(s)
        st.sorties[s] = (pool.night if game.night else pool.day) if pool else 0
        st.interdicted[s] = set()
        st.interdiction_ends[s] = {}
        st.cover[s] = []
        st.seen_by_air[s] = set()
        st.air_orders[s] = []
    st.suppressed = set()
    st.now = float(game.hour)
    game.emit(ev.TurnStarted(st.turn, game.hour, game.night, st.sorties[Side.RED], st.sorties[Side.BLUE]))
    for e in arrivals.arrive_due(game):
        game.emit(e)
    for e in bridges.repair(game):
        game.emit(e)
    for e in supply.update(game):
        game.emit(e)
    for e in game.after_moves():
        game.emit(e)
    for e in fog.look(game):
        game.emit(e)


def start_phase(game: Position) -> None:
    st = game.state
    phase, side = PHASES[st.phase_index]
    st.now = float(game.hour)
    if phase == "movement":
        st.moved = set()
    elif phase == "combat":
        st.attacked, st.fired, st.targets = set(), set(), set()  # each attack sets its own hour (combat.assault_hour)
    game.emit(ev.PhaseStarted(st.turn, phase, side.value))


def next_phase(game: Position) -> None:
    """The phase is over: look, then on to the next phase (through the end of the turn)."""
    st = game.state
    for e in fog.look(game):
        game.emit(e)
    st.phase_index += 1
    if st.phase_index >= len(PHASES):
        for e in victory.end_of_turn(game):
            game.emit(e)
        if st.over:
            return
        st.turn += 1
        st.phase_index = 0
        start_turn(game)
    start_phase(game)


def resolve(game: Position, side: Side, plan: Plan) -> Resolution:
    """Carry out a committed phase's orders (already checked when they were staged)."""
    phase = game.phase
    if phase == "air":
        game.state.air_orders[side] = [o.to_dict() for o in plan.orders if isinstance(o, AirMission)]
        if side is Side.BLUE:
            yield from air.resolve_air_phase(game)
    elif phase == "movement":
        for order, info in zip(plan.orders, plan.paths):
            if isinstance(order, Move) and info is not None:
                _move(game, side, order, info)
            elif isinstance(order, Fallback):
                _fallback(game, side, order)
            elif isinstance(order, Demolish):
                yield from bridges.demolish(game, side, order)
            elif isinstance(order, Airlift):
                yield from airmobile.resolve(game, side, order)
        _entrench(game, side)
        for e in game.after_moves():
            game.emit(e)
    else:
        for order in plan.orders:
            if isinstance(order, Attack):
                yield from combat.resolve_attack(game, side, order)


def _move(game: Position, side: Side, order: Move, info: tuple[list[int], int]) -> None:
    """Carry out a staged move. It was checked when staged against the enemy units the side saw and
    the other staged moves; an enemy unit it did not see may halt it (`movement.contact`)."""
    st = game.state
    u = st.units[order.unit]
    path, cost = info
    ids = game.index.ids
    start = ids[st.pos[u.id]]
    mp = movement.movement_points(game, u)
    done, cost, why = movement.contact(game, u, path)
    st.moved.add(u.id)
    if done:
        # the hour inside the turn: the share of the turn's movement points spent to get there
        st.now = game.hour + game.scenario.clock.turn_hours * min(1.0, cost / mp if mp else 1.0)
        game.place(u, done[-1])
        game.emit(ev.Moved(u.id, u.name, side.value, (start, *(ids[h] for h in done)), cost))
    if why is not None:
        game.emit(ev.MoveHalted(u.id, u.name, side.value, ids[done[-1]] if done else start, ids[path[-1]], why))


def _fallback(game: Position, side: Side, order: Fallback) -> None:
    st = game.state
    u = st.units[order.unit]
    if order.toward:
        st.fallback[u.id] = game.index.idx[game.parse(order.toward)]
    else:
        st.fallback.pop(u.id, None)
    game.emit(ev.FallbackSet(u.id, u.name, side.value, order.toward))


def _entrench(game: Position, side: Side) -> None:
    """Units that did not move this phase dig in a little deeper; those that moved start again."""
    st = game.state
    for uid in st.pos:
        if st.units[uid].side is side:
            st.entrench[uid] = 0 if uid in st.moved else st.entrench.get(uid, 0) + 1
