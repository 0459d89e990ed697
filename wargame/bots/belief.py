"""The game as one side believes it to be: what every `Oracle` answer is worked out on.

A bot must decide on what its side knows, never on the truth (docs/bots.md, "Fog of war"). So the
oracle does not ask the real game; it asks a copy whose state is rebuilt, field by field, from three
sources only (`SOURCES` names the source of every field of `rules.state.State`, and a test checks
that none is missing):

- **own**: the side's own units, orders, air tasking, supply, what it has seen (it knows them);
- **public**: the clock, the measure, who holds each city, the bridges down, the hexes interdicted
  and until when (both players see the strikes), the attacks made this phase (both see them);
- **belief** about the enemy, built from the side's `View` and the scenario's briefing, never from
  the enemy's hidden state:
  - enemy units it detects are where they are, with the strength and the dug-in position it sees;
  - enemy units it does not detect are where `guesses` put them (out of sight: a guess in a hex it
    sees into, or holds, moves to the nearest hex it cannot see), with the strength `strengths`
    gives or else the briefing's; without a guess they are left out. So the plain oracle's answers
    (`preview`, `ad_loss_probability`, `legal`, `reachable`) count *no* unseen enemy unit: no
    artillery firing for a defence, no SAM under an umbrella, that the side has not seen;
  - the enemy's reinforcements come on the scenario's published schedule; its destroyed units (the
    dead pile) are public; its sortie pool is the scenario's for this turn (it may have kept them
    all); it has no air tasking, cover, fallback orders or losses the side knows of, every unit of
    it is in supply, and an unseen unit is not dug in.

What the enemy sees (`detected`, `seen_by_air`) is left empty: its units look again at the end of
the phase, as in the real game.
"""

from __future__ import annotations

import random
from collections import deque
from typing import TYPE_CHECKING

from wargame.hexgrid import Hex
from wargame.model.units import Side, Unit
from wargame.rules.state import State

if TYPE_CHECKING:
    from wargame.game import Game

SOURCES: dict[str, str] = {
    "turn": "public",
    "phase_index": "public",
    "over": "public",
    "result": "public",
    "units": "own; enemy: seen, guessed or briefed",
    "at": "from units",
    "pos": "from units",
    "arrival": "own; enemy: the published schedule",
    "sorties": "own; enemy: the scenario's pool this turn",
    "entrench": "own; enemy: seen units only",
    "moved": "own and seen units",
    "attacked": "own and seen units",
    "fired": "own and seen units",
    "targets": "public",
    "suppressed": "own and seen units",
    "interdicted": "public",
    "interdiction_ends": "public",
    "cover": "own",
    "seen_by_air": "own",
    "air_orders": "own",
    "fallback": "own",
    "detected": "own",
    "control": "public",
    "taken_at": "public",
    "measure": "public",
    "losses": "own",
    "hold_hour": "public",
    "first_unit": "public",
    "out_of_supply": "own",
    "entered": "own and seen units; guessed: now",
    "now": "public",
    "blown": "public",
}

_SCHEDULES: dict[int, tuple[object, dict[str, int]]] = {}


def published_schedule(game: Game) -> dict[str, int]:
    """Unit id -> the turn it is due, as the scenario publishes it (the schedule a new game starts
    with: warning time included), whatever has happened to the arrivals since."""
    sc = game.scenario
    got = _SCHEDULES.get(id(sc))
    if got is None or got[0] is not sc:
        from wargame.game import Game

        if len(_SCHEDULES) > 16:
            _SCHEDULES.clear()
        got = _SCHEDULES[id(sc)] = (sc, dict(Game(sc).arrival))
    return got[1]


def believed_state(game: Game, side: Side, guesses: dict[str, Hex] | None = None,
                   strengths: dict[str, int] | None = None) -> State:
    """The state as `side` believes it to be (the module docstring): own and public fields copied,
    the enemy's rebuilt from what the side's `View` shows (by the same fog rule, `fog.coverage`: the
    enemy units it detects, their dug-in, the dead pile), the briefing and the caller's guesses."""
    from wargame.rules.fog import coverage

    st = game.state
    ix = game.index
    guesses = guesses or {}
    strengths = strengths or {}
    seen = coverage(game.position, side)  # what the side sees into now: the hexes its `View` shows
    enemy = side.other
    seen_units = {uid for uid, h in st.pos.items() if h in seen and st.units[uid].side is enemy}
    own_ids = {uid for uid, u in st.units.items() if u.side is side}
    briefed = {u.id: u for u in game.scenario.units}
    schedule = published_schedule(game)
    own_at = {h for uid, h in st.pos.items() if uid in own_ids}
    allowed = game.allowed_mask[enemy]
    known = own_ids | seen_units

    def out_of_sight(start: int) -> int | None:
        todo, done = deque([start]), {start}
        while todo:
            h = todo.popleft()
            if allowed[h] and h not in seen and h not in own_at:
                return h
            if len(done) > 400:
                return None
            for n in sorted(ix.nbrs[h]):
                if n not in done:
                    done.add(n)
                    todo.append(n)
        return None

    units: dict[str, Unit] = {}
    arrival: dict[str, int] = {}
    entered: dict[str, float] = {}
    for uid, true in st.units.items():  # scenario order, as in the real state
        if true.side is side:
            units[uid] = true.copy()
            if uid in st.entered:
                entered[uid] = st.entered[uid]
            continue
        if uid in seen_units:  # as the side sees it (`View.enemy`)
            units[uid] = true.copy()
            if uid in st.entered:
                entered[uid] = st.entered[uid]
            continue
        u = units[uid] = briefed[uid].copy()
        u.hex = None
        if not true.alive:  # the dead pile (`View.enemy_destroyed`)
            u.steps = 0
            continue
        due = schedule.get(uid, 0)
        if due > st.turn:
            arrival[uid] = due
            continue
        u.steps = max(1, strengths.get(uid, u.steps))
    for uid in sorted(units):  # the guessed ones, in a fixed order
        u = units[uid]
        if u.side is side or uid in seen_units or uid in arrival or not u.alive or uid not in guesses:
            continue
        i = ix.idx.get(guesses[uid])
        if i is None:
            continue
        if i in seen or i in own_at or not allowed[i] or not ix.is_land[i]:
            i = out_of_sight(i)
        if i is not None:
            u.hex = ix.hexes[i]
            entered[uid] = st.now
    pool = game.scenario.air.get(enemy)
    b = State(turn=st.turn, phase_index=st.phase_index, over=st.over, result=st.result, units=units)
    for uid, u in units.items():
        if u.hex is not None:
            i = ix.idx[u.hex]
            b.pos[uid] = i
            b.at.setdefault(i, []).append(uid)
    for lst in b.at.values():
        lst.sort()
    b.arrival = {i: t for i, t in st.arrival.items() if i in own_ids} | arrival
    b.sorties = {side: st.sorties[side], enemy: ((pool.night if game.night else pool.day) if pool else 0)}
    b.entrench = {i: n for i, n in st.entrench.items() if i in known}  # own, and seen dug in (`View.enemy_entrench`)
    b.moved = st.moved & known
    b.attacked = st.attacked & known
    b.fired = st.fired & known
    b.targets = set(st.targets)
    b.suppressed = st.suppressed & known
    b.interdicted = {s: set(st.interdicted[s]) for s in Side}
    b.interdiction_ends = {s: dict(st.interdiction_ends[s]) for s in Side}
    b.cover = {side: [list(c) for c in st.cover[side]], enemy: []}
    b.seen_by_air = {side: set(st.seen_by_air[side]), enemy: set()}
    b.air_orders = {side: list(st.air_orders[side]), enemy: []}
    b.fallback = {i: h for i, h in st.fallback.items() if i in own_ids}
    b.detected = {side: set(st.detected[side]), enemy: set()}
    b.control = dict(st.control)
    b.taken_at = dict(st.taken_at)
    b.measure = dict(st.measure)
    b.losses = {side: st.losses[side], enemy: 0}
    b.hold_hour = st.hold_hour
    b.first_unit = dict(st.first_unit)
    b.out_of_supply = {i: n for i, n in st.out_of_supply.items() if i in own_ids}
    b.entered = entered
    b.now = st.now
    b.blown = {k: list(v) for k, v in st.blown.items()}
    return b


def believed(game: Game, side: Side, guesses: dict[str, Hex] | None = None,
             strengths: dict[str, int] | None = None, seed: int = 0) -> Game:
    """A game on `believed_state`, for asking the rules questions or playing on: the side's staged
    orders staged again, no event log, chance reseeded with `seed`, the umpire off. It shares only
    the read-only ground (scenario, board, tables, index) with `game` (cheaper than `Game.clone`,
    which copies the state, the log and the events only for them to be replaced)."""
    from wargame.game import Game
    from wargame.rules.position import Position

    state = believed_state(game, side, guesses, strengths)
    staged = game.staged if game.active_side is side else ()
    truth = game.position
    pos = Position(truth.ground, state, random.Random(seed), [])
    pos.tables = truth.tables
    g = Game(game.scenario, game.seed, umpire=False, position=pos)
    g.crisis = game.crisis
    for o in staged:
        g.stage(side, o)
    return g
