"""The game (wargame/game.py): sequence of play, determinism, records, saves, replays, clones, and
property tests over random legal order sequences."""

import json
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.rules.boards import BLUE, RED, open_board, scenario, unit
from wargame import events as ev
from wargame.game import PHASES, Accept, Game, Replace, Reroll, replay
from wargame.model.units import Side
from wargame.orders import AirMission, Attack, Fallback, Move
from wargame.records import from_record
from wargame.saves import read_save


def test_sequence_of_play(game):
    seen = []
    for _ in range(len(PHASES)):
        seen.append((game.phase, game.active_side))
        game.submit(game.active_side, [])
    assert seen == [
        ("air", RED),
        ("air", BLUE),
        ("movement", RED),
        ("combat", RED),
        ("movement", BLUE),
        ("combat", BLUE),
    ]
    assert game.turn == 2 and game.night and game.hour == 12
    kinds = [e.kind for e in game.events]
    assert kinds[:2] == ["turn", "phase"]
    assert [(e.phase, e.side) for e in game.events if e.kind == "phase"][:6] == [(p, s.value) for p, s in PHASES]


def test_day_and_night_alternate(tiny_scenario):
    g = Game(tiny_scenario, seed=1)
    nights = []
    while not g.over:
        if g.phase == "air" and g.active_side is RED:
            nights.append(g.night)
        g.submit(g.active_side, [])
    assert nights == [False, True] * (tiny_scenario.clock.length_turns // 2)
    assert [e.night for e in g.events if e.kind == "turn"] == nights


# --- random legal play -------------------------------------------------------------------------


def random_orders(g: Game, rng: random.Random, bold: float = 0.8) -> list:
    """Legal-looking orders through the public API only, as a bot would give them (some may turn
    illegal when staged together: the game must refuse those cleanly)."""
    side = g.active_side
    out = []
    if g.phase == "movement":
        for u in sorted(g.units_of(side), key=lambda u: u.id):
            reach = sorted(g.reachable(u.id), key=g.hid)
            if reach and rng.random() < bold:
                dest = rng.choice(reach)
                out.append(
                    Move(u.id, to=g.hid(dest))
                    if rng.random() < 0.3
                    else Move(u.id, tuple(g.hid(x) for x in g.path(u.id, dest)))
                )
            elif rng.random() < 0.1:
                out.append(Fallback(u.id, g.hid(rng.choice(sorted(g.board.terrain)))))
    elif g.phase == "combat":
        used = set()
        for e in sorted({u.hex for u in g.units_of(side.other)}):
            adj = tuple(
                u.id
                for u in g.units_of(side)
                if u.attack > 0 and u.id not in used and g.index.distance(g.index.idx[u.hex], g.index.idx[e]) == 1
            )
            sup = tuple(
                u.id
                for u in g.units_of(side)
                if u.type.support > 0 and g.index.distance(g.index.idx[u.hex], g.index.idx[e]) <= u.type.range
            )[:2]
            if adj and rng.random() < bold:
                out.append(Attack(g.hid(e), adj, sup, rng.choice([0, 0, 4]), rng.random() < 0.7))
                used.update(adj)
    elif g.phase == "air":
        hexes = sorted(g.board.terrain)
        for _ in range(rng.randint(0, 3)):
            out.append(
                AirMission(
                    rng.choice(["interdiction", "sead", "counter_air", "recon", "cover"]),
                    g.hid(rng.choice(hexes)),
                    rng.randint(1, 6),
                )
            )
    return out


def play_random(g: Game, rng: random.Random, umpire_rng: random.Random | None = None) -> None:
    while not g.over:
        g.submit(g.active_side, random_orders(g, rng))
        while g.pending is not None:
            choice = (umpire_rng or rng).random()
            if choice < 0.6:
                g.decide(Accept())
            elif choice < 0.8:
                g.decide(Reroll("again"))
            else:
                g.decide(Replace(g.pending.choices[0] if g.pending.choices else "0", "ruled"))
        check_invariants(g)


def check_invariants(g: Game) -> None:
    st_ = g.state
    placed: dict = {}
    for u in g.units.values():
        assert u.steps >= 0
        if u.hex is None:
            assert u.id not in st_.pos
            continue
        assert u.alive, f"{u.id} has no steps but is on the board"
        assert g.board.is_land(u.hex), f"{u.id} on {g.board.terrain.get(u.hex)}"
        assert u.hex in g.allowed[u.side]
        assert st_.pos[u.id] == g.index.idx[u.hex]
        placed.setdefault(u.hex, []).append(u)
    for h, us in placed.items():
        assert len(us) <= g.tables.stacking, f"{len(us)} units in {g.hid(h)}"
        assert len({u.side for u in us}) == 1, f"both sides in {g.hid(h)}"
        assert sorted(x.id for x in us) == st_.at[g.index.idx[h]]
    assert sum(len(v) for v in st_.at.values()) == len(st_.pos) == sum(len(v) for v in placed.values())
    assert all(n >= 0 for n in st_.sorties.values())


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), umpire=st.booleans())
def test_invariants_hold_over_random_games_and_the_replay_matches(tiny_scenario, seed, umpire):
    g = Game(tiny_scenario, seed=seed, umpire=umpire)
    play_random(g, random.Random(seed))
    rec = json.loads(json.dumps(g.to_record()))  # through JSON, as a save is
    again, problems = replay(rec, tiny_scenario)
    assert problems == [] and again.snapshot() == g.snapshot() and again.event_log() == g.event_log()
    restored = from_record(rec, tiny_scenario)
    assert restored.snapshot() == g.snapshot() and restored.events_digest() == g.events_digest()


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 10_000))
def test_invariants_on_a_crowded_board(seed):
    rng = random.Random(seed)
    b = open_board(9, 7, 4)
    cells = [f"{c:02d}{r:02d}" for c in range(1, 10) for r in range(1, 8)]
    red = [
        unit(
            f"r{i}",
            RED,
            rng.choice(["tank", "mech", "truck", "arty", "heli"]),
            rng.choice([c for c in cells if int(c[:2]) > 4]),
        )
        for i in range(12)
    ]
    blue = [
        unit(
            f"b{i}",
            BLUE,
            rng.choice(["inf", "mech", "arty", "recon"]),
            rng.choice([c for c in cells if int(c[:2]) <= 4]),
        )
        for i in range(10)
    ]
    # honour the stacking limit at the start
    count: dict = {}
    units = []
    for u in red + blue:
        if count.get(u.hex, 0) < 3:
            count[u.hex] = count.get(u.hex, 0) + 1
            units.append(u)
    units.append(
        unit(
            "s", RED, "sam", next(c for c in cells if int(c[:2]) > 4 and count.get(unit("x", RED, "sam", c).hex, 0) < 3)
        )
    )
    g = Game(scenario(b, units, air=(8, 4, 12, 6), turns=4), seed=seed)
    play_random(g, rng)
    again, problems = replay(g.to_record(), g.scenario)
    assert problems == []


def test_same_seed_and_orders_give_a_byte_identical_event_log_and_other_seeds_differ(tiny_scenario):
    def run(seed):
        g = Game(tiny_scenario, seed=seed)
        play_random(g, random.Random(42))
        return g

    a, b, c = run(7), run(7), run(8)
    assert a.event_log() == b.event_log() and a.events_digest() == b.events_digest()
    assert a.event_log() != c.event_log()
    lines = a.event_log().splitlines()
    assert all(json.loads(x)["kind"] in ev.EVENT_TYPES for x in lines)
    assert [ev.from_dict(json.loads(x)) for x in lines] == a.events


def test_record_save_load_and_replay(tiny_scenario, tmp_path):
    g = Game(tiny_scenario, seed=11, umpire=True)
    play_random(g, random.Random(3))
    path = g.to_save(tmp_path / "g.save")
    rec = read_save(path)
    assert (rec["scenario"], rec["seed"], rec["umpire"], rec["record"]) == ("tiny", 11, True, 3)
    assert rec["decisions"] == g.decisions and rec["log"] == g.log
    loaded = Game.from_save(path, tiny_scenario)
    assert loaded.snapshot() == g.snapshot() and loaded.result == g.result and loaded.event_log() == g.event_log()
    again, problems = replay(rec, tiny_scenario)
    assert problems == [] and again.result == g.result
    first = next(e for e in rec["log"] if e["orders"] and e["phase"] == "movement")
    first["orders"] = []  # tamper: a phase's moves vanish
    _, problems = replay(rec, tiny_scenario)
    assert any("events differ" in p for p in problems) and any("final state differs" in p for p in problems)


def test_a_save_in_the_middle_of_a_ruling_replays_to_the_same_question(tiny_scenario):
    g = Game(tiny_scenario, seed=4, umpire=True)
    rng = random.Random(5)
    while g.pending is None and not g.over:
        g.submit(g.active_side, random_orders(g, rng, bold=1.0))
    assert g.pending is not None
    rec = g.to_record()
    back = Game.from_record(rec, tiny_scenario)
    assert back.pending is not None and (back.pending.kind, back.pending.result, back.pending.roll) == (
        g.pending.kind,
        g.pending.result,
        g.pending.roll,
    )


def test_clone_is_independent_and_continues_identically(tiny_scenario):
    g = Game(tiny_scenario, seed=3)
    play_random_phases(g, random.Random(1), 7)
    c = g.clone()
    assert c.snapshot() == g.snapshot() and c.events_digest() == g.events_digest()
    c.place(c.units["r1"], None)
    assert g.units["r1"].hex is not None
    g2 = g.clone()
    play_random(g, random.Random(9))
    play_random(g2, random.Random(9))
    assert g.event_log() == g2.event_log()


def play_random_phases(g: Game, rng: random.Random, n: int) -> None:
    for _ in range(n):
        g.submit(g.active_side, random_orders(g, rng))


def test_the_real_scenario_plays_to_the_end_within_the_rules():
    from wargame.data.scenario import load_scenario

    sc = load_scenario("incursion-2016")
    g = Game(sc, seed=1)
    rng = random.Random(1)
    for _ in range(12):
        if g.over:
            break
        g.submit(g.active_side, random_orders(g, rng, bold=0.5))
        check_invariants(g)
    assert g.turn >= 2 and any(e.kind == "moved" for e in g.events)


def test_a_game_needs_its_tables(tiny_scenario):
    import dataclasses

    with pytest.raises(ValueError, match="no rules tables"):
        Game(dataclasses.replace(tiny_scenario, tables=None))
    sc = scenario(open_board(), [unit("x", Side.RED, "tank", "0101")], t=None)
    sc.units[0].hex = sc.board.parse_hex("0101")
    sc.board.terrain[sc.board.parse_hex("0101")] = "sea"
    with pytest.raises(ValueError, match="starts off the board or on water"):
        Game(sc)


def test_a_game_restored_from_its_snapshot_goes_on_exactly_as_the_original(tiny_scenario):
    g = Game(tiny_scenario, seed=21)
    play_random_phases(g, random.Random(2), 9)
    back = Game.from_record(json.loads(json.dumps(g.to_record())), tiny_scenario)
    assert back.snapshot() == g.snapshot() and back.rng.getstate() == g.rng.getstate()
    assert [u.id for u in back.units_of(RED)] == [u.id for u in g.units_of(RED)]
    play_random(g, random.Random(5))
    play_random(back, random.Random(5))
    assert back.event_log() == g.event_log() and back.result == g.result
