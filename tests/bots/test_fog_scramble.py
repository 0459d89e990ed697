"""Bots see only their side (issue 13): scrambling everything a side cannot see changes none of its
bots' orders, nor any answer its `Oracle` gives.

The scramble (`scramble`) moves every enemy unit the side does not detect to another hex it cannot
see, changes its steps, digs it in or out, and rewrites the enemy's secret state: its air tasking and
cover, what it has seen, its fallback orders, which of its units have moved or fired, its supply
state (every unit's, seen or not), its sortie pool, its losses and its reinforcements' schedule.
Each test shows first that the true state did change and the side's `View` did not.
"""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest

from wargame.bots.base import BOTS, Oracle, bot_class
from wargame.bots.belief import SOURCES
from wargame.bots.operational import OperationalBot
from wargame.bots.replayer import ReplayBot
from wargame.bots.search import SearchBot
from wargame.data.scenario import load_scenario
from wargame.game import Game
from wargame.model.units import Side
from wargame.orders import Attack
from wargame.play import play_until
from wargame.rules.fog import coverage
from wargame.rules.state import State

TINY = str(Path(__file__).resolve().parent.parent / "fixtures" / "tiny" / "scenarios" / "tiny.yaml")


def scramble(game: Game, side: Side, seed: int) -> Game:
    """A copy of `game` in which everything `side` cannot see is changed, strongly."""
    g = game.clone()
    rng = random.Random(seed)
    st = g.state
    ix = g.index
    enemy = side.other
    seen = coverage(g.position, side)
    own_at = {h for uid, h in st.pos.items() if st.units[uid].side is side}
    limit = g.tables.stacking
    free = [i for i in range(len(ix.hexes)) if ix.is_land[i] and g.allowed_mask[enemy][i]
            and i not in seen and i not in own_at]
    hidden = sorted(uid for uid, h in st.pos.items() if st.units[uid].side is enemy and h not in seen)
    for uid in hidden:
        u = st.units[uid]
        here = st.pos[uid]
        cands = [i for i in free if i != here and len(st.at.get(i, ())) < limit]
        if cands:
            g.place(u, rng.choice(cands))
        if u.type.steps > 1:
            u.steps = rng.choice([n for n in range(1, u.type.steps + 1) if n != u.steps])
        st.entrench[uid] = 0 if st.entrench.get(uid, 0) else 5  # dug in deep, or not at all
        st.fallback[uid] = rng.choice(free)
        st.entered[uid] = st.now - 7.5
        if u.type.support > 0:
            st.fired.add(uid)  # it has fired already (or, below, not)
        if u.type.ad_strength > 0:
            st.suppressed.add(uid)
        st.moved.add(uid)
        st.attacked.add(uid)
    for u in st.units.values():
        if u.side is enemy and u.id in st.pos:  # supply: every enemy unit's, seen or not
            st.out_of_supply[u.id] = 0 if st.out_of_supply.get(u.id) else 3
    st.out_of_supply = {k: v for k, v in st.out_of_supply.items() if v}
    for uid in list(st.arrival):
        if st.units[uid].side is enemy:
            st.arrival[uid] += 2
    targets = sorted(own_at)
    st.air_orders[enemy] = [{"kind": "air", "mission": "counter_air", "target": "", "sorties": 2}]
    if targets:  # the side may have no unit left on the board
        st.air_orders[enemy].append(
            {"kind": "air", "mission": "interdiction", "target": ix.ids[rng.choice(targets)], "sorties": 4}
        )
    st.cover[enemy] = [[h, 12] for h in targets[:3]]
    st.seen_by_air[enemy] = set(rng.sample(range(len(ix.hexes)), 30))
    st.detected[enemy] = set(rng.sample(sorted(u.id for u in st.units.values() if u.side is side), 1))
    st.sorties[enemy] = st.sorties[enemy] + 13
    st.losses[enemy] += 9
    g.invalidate()
    return g


def changed(a: Game, b: Game, side: Side) -> list[str]:
    """What the scramble changed in the true state (the fields of the snapshot that differ)."""
    sa, sb = a.snapshot(), b.snapshot()
    return sorted(k for k in sa if sa[k] != sb[k])


def stop_at(turn: int, phase_index: int):
    return lambda g: (g.turn, g.phase_index) >= (turn, phase_index)


def operational_players(seed: int):
    bots = {s: OperationalBot(s, seed + i) for i, s in enumerate(Side)}
    return {s: (lambda g, side: bots[side].orders(g.view(side), Oracle(g, side))) for s in Side}


def positions(game: Game, seed: int, points: list[tuple[int, int]]) -> list[Game]:
    """Copies of one seeded game of operational bots at each (turn, phase index) in `points`."""
    g = Game(game.scenario, seed=seed)
    players = operational_players(seed)
    out = []
    for turn, phase in points:
        play_until(g, players, stop=stop_at(turn, phase))
        assert not g.over and (g.turn, g.phase_index) == (turn, phase)
        out.append(g.clone())
    return out


def make_bots(side: Side, seed: int, record: dict) -> dict[str, object]:
    """A fresh bot of every kind in wargame/bots (the search bot on a small budget)."""
    bots: dict[str, object] = {}
    for name in BOTS:
        cls = bot_class(name)
        if cls is SearchBot:
            bots[name] = SearchBot(side, seed, rollouts=1, rounds=1, horizon_turns=1,
                                   doctrines=SearchBot(side, seed).doctrines[:2])
        else:
            bots[name] = cls(side, seed)
    bots["replay"] = ReplayBot(side, record)
    return bots


def questions(game: Game, side: Side) -> list:
    """The answers of every Oracle question about this position (attacks on every enemy hex seen,
    air-defence risk over every own and seen hex, moves, legality, the imagined game)."""
    view = game.view(side)
    oracle = Oracle(game, side)
    out: list = []
    for e in view.enemy:
        adj = tuple(u.id for u in view.own if u.attack > 0 and u.hex is not None and
                    game.index.distance(game.index.idx[u.hex], game.index.idx[e.hex]) == 1)
        fire = tuple(u.id for u in view.own if u.type.support > 0)[:2]
        for cas in (0, 4):
            a = oracle.preview(Attack(oracle.hid(e.hex), adj or (view.own[0].id,), fire, cas))
            out.append(None if a is None else (a.column, a.shifts, a.probabilities, a.defence, a.cas_expected_loss,
                                               [u.id for u in a.defence_support], a.cover))
        out.append(oracle.legal(Attack(oracle.hid(e.hex), adj or (view.own[0].id,))))
        out.append(oracle.enemy_supply_route(e.hex))
    hexes = sorted({u.hex for u in view.own + view.enemy if u.hex is not None})
    out += [oracle.ad_loss_probability(h) for h in hexes]
    out += [(u.id, sorted(oracle.reachable(u.id).items())) for u in view.own]
    out.append(oracle.aim_reached())
    guesses = {**oracle.enemy_setup(), **{u.id: u.hex for u in view.enemy}}
    out.append(oracle.imagine(5, guesses).snapshot())
    return out


def check_position(game: Game, seed: int) -> list[str]:
    """Scramble what the active side cannot see; every answer and every bot's orders stay the same.
    Returns what the scramble changed in the true state."""
    side = game.active_side
    assert side is not None
    other = scramble(game, side, seed)
    what = changed(game, other, side)
    assert {"air_orders", "cover", "out_of_supply", "sorties", "losses"} <= set(what)
    assert game.view(side) == other.view(side)  # the side sees exactly what it saw
    assert questions(game, side) == questions(other, side)
    record = game.to_record()
    bots_a, bots_b = make_bots(side, seed, record), make_bots(side, seed, record)
    for name in bots_a:
        a = bots_a[name].orders(game.view(side), Oracle(game, side))
        b = bots_b[name].orders(other.view(side), Oracle(other, side))
        assert a == b, f"{name} ({side.value}, turn {game.turn}, {game.phase}) decided on what it cannot see"
    assert bots_a["search"].looks == bots_b["search"].looks  # the look-ahead scores too
    return what


@pytest.fixture(scope="module")
def tiny():
    return load_scenario(TINY)


def test_every_state_field_has_a_declared_source():
    """A new field of the state must be classed (own, public, or believed) before bots may see it."""
    assert set(SOURCES) == {f.name for f in dataclasses.fields(State)}


def test_tiny_every_phase_both_sides(tiny):
    points = [(1, 0), (1, 1), (1, 2), (1, 3), (1, 4), (1, 5), (2, 0), (2, 1), (2, 2), (2, 3), (2, 4), (2, 5)]
    moved_any = False
    for i, g in enumerate(positions(Game(tiny), 2, points)):  # a seed where both sides keep units
        what = check_position(g, 100 + i)
        moved_any |= "units" in what
    assert moved_any  # hidden units were moved and re-stepped in some of these positions


def test_incursion_2016_air_and_combat_phases():
    sc = load_scenario("incursion-2016")
    for i, g in enumerate(positions(Game(sc), 11, [(2, 1), (2, 3), (2, 4)])):
        side = g.active_side
        assert side is not None
        seen = coverage(g.position, side)
        hidden = [u for u in g.units_of(side.other) if g.index.idx[u.hex] not in seen]
        assert len(hidden) >= 5  # the scramble has plenty to move
        assert "units" in check_position(g, 200 + i)


def test_the_old_leaks_are_closed(tiny):
    """The leaks the issue names: the enemy's air tasking in the imagined game, and enemy fire
    support the side has not seen counted in a preview."""
    g = Game(tiny, seed=3)
    g.submit(Side.RED, [])  # Red's air phase
    g.state.air_orders[Side.RED] = [{"kind": "air", "mission": "interdiction", "target": "0302", "sorties": 4}]
    assert Oracle(g, Side.BLUE).imagine(0).state.air_orders[Side.RED] == []
    g.place(g.units["r1"], g.parse("0402"))  # next to b1: seen; r3 (artillery, in range) is not
    assert g.index.idx[g.units["r3"].hex] not in coverage(g.position, Side.BLUE)
    attack = Attack("0402", ("b1",))
    truth = g.preview(attack, Side.BLUE)
    assert [u.id for u in truth.defence_support] == ["r3"]
    believed = Oracle(g, Side.BLUE).preview(attack)
    assert believed is not None and believed.defence_support == [] and believed.column >= truth.column


def test_the_air_defence_risk_counts_only_sams_seen():
    sc = load_scenario("incursion-2016")
    g = Game(sc, seed=1)
    seen = coverage(g.position, Side.BLUE)
    sams = [u for u in g.units_of(Side.RED) if u.type.ad_strength > 0 and g.index.idx[u.hex] not in seen]
    assert sams
    h = sams[0].hex
    assert g.ad_loss_probability(Side.BLUE, h) > 0
    seen_sams = [u for u in g.units_of(Side.RED) if u.type.ad_strength > 0 and g.index.idx[u.hex] in seen]
    expected = 0.0 if not any(g.index.distance(g.index.idx[u.hex], g.index.idx[h]) <= u.type.ad_range
                              for u in seen_sams) else None
    got = Oracle(g, Side.BLUE).ad_loss_probability(h)
    assert got < g.ad_loss_probability(Side.BLUE, h)
    if expected is not None:
        assert got == expected


def test_the_oracle_follows_the_orders_staged_in_the_game(tiny):
    """The TUI and the env stage orders in the real game as they go and ask the same oracle again:
    its believed game stages them too (and forgets them when they are taken back)."""
    from wargame.orders import Move

    g = Game(tiny, seed=3)
    g.submit(Side.RED, [])
    g.submit(Side.BLUE, [])  # Red's movement phase
    oracle = Oracle(g, Side.RED)
    dest = sorted(oracle.reachable("r1"), key=oracle.hid)[0]
    move = Move("r1", tuple(oracle.hid(h) for h in oracle.path("r1", dest)))
    assert oracle.legal(move) is None
    assert g.stage(Side.RED, move) is None
    assert oracle.legal(move) == "1st Tank Bn already has a move staged this phase"
    assert oracle.reachable("r1") == {}
    g.unstage()
    assert oracle.legal(move) is None and dest in oracle.reachable("r1")
