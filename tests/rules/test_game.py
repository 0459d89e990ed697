"""The sequence of play, arrivals, warning time, fog of war, the measure, determinism, saves, replay."""

import random
from dataclasses import replace

from hypothesis import HealthCheck, given, settings, strategies as st

from tests.rules.conftest import H, to_phase
from wargame.game import PHASES, Decision, Game, replay
from wargame.model.units import Side
from wargame.orders import AirMission, Attack, Move
from wargame.saves import read_save, write_save


def test_sequence_of_play(game):
    seen = []
    for _ in range(len(PHASES)):
        seen.append((game.phase, game.active_side))
        game.submit(game.active_side, [])
    assert seen == list(PHASES)
    assert game.turn == 2 and game.night and game.hour == 12


def test_arrivals_and_warning_time(tiny_scenario):
    g = Game(tiny_scenario, seed=1)
    assert g.units["r4"].hex is None and g.units["b3"].hex is None
    to_phase(g, "air", Side.RED)
    while g.turn < 2:
        g.submit(g.active_side, [])
    assert g.units["r4"].hex in g.board.areas["red_entry"].hexes
    assert any(e.kind == "arrived" and e.unit == "r4" for e in g.events)
    assert g.units["b3"].hex is None  # turn 3
    warned = Game(replace(tiny_scenario, parameters=dict(tiny_scenario.parameters, warning_hours=24)), seed=1)
    assert warned.units["b3"].hex in warned.board.areas["blue_airhead"].hexes  # 2 turns earlier: turn 1
    assert warned.arrival.get("r4") == 2  # warning helps Blue only


def test_fog_of_war_hides_undetected_enemies(game):
    blue = game.view(Side.BLUE)
    assert {u.id for u in blue.own} == {"b1", "b2"}
    assert "r3" not in {u.id for u in blue.enemy}    # artillery far behind the border
    red = game.view(Side.RED)
    assert {u.id for u in red.own} == {"r1", "r2", "r3"}
    to_phase(game, "movement", Side.RED)
    game.submit(Side.RED, [Move("r1", ("0502", "0402"))])
    assert "r1" in {u.id for u in game.view(Side.BLUE).enemy}  # adjacent: always seen
    v = game.view(Side.BLUE)
    v.own[0].steps = 99  # a view is a copy
    assert game.units[v.own[0].id].steps != 99


def test_interdiction_and_air_defence(tiny_scenario):
    g = Game(tiny_scenario, seed=5)
    g.submit(Side.RED, [])
    ev = g.submit(Side.BLUE, [AirMission("interdiction", "0602", 8)])
    flown = [e for e in ev if e.kind == "air_mission"][0]
    assert flown.lost == 0 and "interdicted" in flown.effect  # no red SAMs on the tiny board
    assert H("0602") in g.interdicted[Side.BLUE] and g.sorties[Side.BLUE] == 0
    full = g.units["r1"].type.movement
    assert g.phase == "movement"
    from wargame.rules.movement import movement_points
    assert movement_points(g, g.units["r1"]) == int(full * g.tables.interdiction_movement)


def test_the_rand_measure(game):
    to_phase(game, "movement", Side.RED)
    game.place(game.units["b1"], None)  # clear the road
    ev = game.submit(Side.RED, [Move("r1", ("0502", "0402", "0302"))])
    m = [e for e in ev if e.kind == "measure"]
    assert m and (m[0].city, m[0].hour) == ("Tallinn", 12)
    while not game.over:
        game.submit(game.active_side, [])
    assert game.result["winner"] == "red" and game.result["measure_hours"] == 12


def play_random(game: Game, rng: random.Random, max_orders: int = 6) -> None:
    """Random legal-ish orders through the public API only (what a random bot would do)."""
    while not game.over:
        side = game.active_side
        orders = []
        if game.phase == "movement":
            for u in sorted(game.units_of(side), key=lambda u: u.id)[:max_orders]:
                reach = sorted(game.reachable(u.id), key=game.hid)
                if reach and rng.random() < 0.8:
                    dest = rng.choice(reach)
                    orders.append(Move(u.id, tuple(game.hid(h) for h in game.path(u.id, dest))))
        elif game.phase == "combat":
            for e in sorted(game.units_of(side.other), key=lambda u: u.id):
                adj = [u.id for u in game.units_of(side) if u.attack > 0 and u.hex is not None and e.hex is not None
                       and abs(u.hex.q - e.hex.q) + abs(u.hex.r - e.hex.r) + abs(u.hex.q + u.hex.r - e.hex.q - e.hex.r) == 2]
                if adj and rng.random() < 0.7:
                    orders.append(Attack(game.hid(e.hex), tuple(adj)))
        elif game.phase == "air" and game.sorties[side] >= 4 and rng.random() < 0.5:
            orders.append(AirMission("interdiction", rng.choice(["0402", "0602", "0303"]), 4))
        game.submit(side, orders)
        while game.pending is not None:
            game.decide(Decision("accept"))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), umpire=st.booleans())
def test_invariants_over_random_games(tiny_scenario, seed, umpire):
    g = Game(tiny_scenario, seed=seed, umpire=umpire)
    play_random(g, random.Random(seed))
    placed = {}
    for u in g.units.values():
        assert u.steps >= 0
        if u.hex is not None:
            assert u.alive and g.board.is_land(u.hex)
            assert u.hex in g.allowed[u.side]
            placed.setdefault(u.hex, []).append(u)
    for h, us in placed.items():
        assert len(us) <= g.tables.stacking
        assert len({u.side for u in us}) == 1  # never two sides in one hex
        assert sorted(x.id for x in us) == sorted(g._at[h])
    again, problems = replay(g.to_record(), tiny_scenario)
    assert problems == [] and again.snapshot() == g.snapshot()


def test_determinism_same_seed_same_log_different_seed_differs(tiny_scenario):
    def run(seed):
        g = Game(tiny_scenario, seed=seed)
        play_random(g, random.Random(42))
        return g
    a, b, c = run(7), run(7), run(8)
    assert a.events_digest() == b.events_digest()
    assert [e.to_dict() for e in a.events] == [e.to_dict() for e in b.events]
    assert a.events_digest() != c.events_digest()


def test_save_load_replay_round_trip(tiny_scenario, tmp_path):
    g = Game(tiny_scenario, seed=11, umpire=True)
    play_random(g, random.Random(3))
    path = write_save(tmp_path / "g.save", g.to_record())
    rec = read_save(path)
    again, problems = replay(rec, tiny_scenario)
    assert problems == [] and again.result == g.result
    rec["log"][3]["orders"] = []  # tamper: Red's first moves vanish
    _, problems = replay(rec, tiny_scenario)
    assert problems and "differ" in problems[0]


def test_the_umpire_rules_on_air_defence_losses_too(tiny_scenario):
    sc = tiny_scenario
    g = Game(sc, seed=2, umpire=True)
    g.place(g.units["r3"], None)
    # give Red a SAM over 0602 so Blue's interdiction there risks losses
    sam = next(u for u in g.units.values() if u.id == "r4")
    from dataclasses import replace as dc_replace
    sam.type = dc_replace(sam.type, ad_range=3, ad_strength=5)
    g.place(sam, H("0702"))
    g.submit(Side.RED, [])
    g.submit(Side.BLUE, [AirMission("interdiction", "0602", 8)])
    assert g.pending is not None and g.pending.kind == "air" and g.phase == "air"
    ev = g.decide(Decision("replace", "8", "the whole package was shot down"))
    flown = [e for e in ev if e.kind == "air_mission"][0]
    assert flown.lost == 8 and "too few sorties" in flown.effect
    assert [e for e in ev if e.kind == "umpire"][0].note == "the whole package was shot down"
    assert g.phase == "movement"
    assert g.decisions[-1] == {"action": "replace", "result": "8", "note": "the whole package was shot down"}


def test_the_umpire_rules_on_sead_dice(tiny_scenario):
    from dataclasses import replace as dc_replace

    g = Game(tiny_scenario, seed=2, umpire=True)
    sam = g.units["r3"]
    sam.type = dc_replace(sam.type, ad_range=3, ad_strength=1)
    g.submit(Side.RED, [])
    g.submit(Side.BLUE, [AirMission("sead", "0702", 8)])
    assert g.pending.kind == "air"
    g.decide(Decision("replace", "0", "clear skies"))
    assert g.pending is not None and g.pending.kind == "sead" and len(g.pending.result.split()) == 2
    ev = g.decide(Decision("replace", "6 1", "a lucky HARM"))
    assert "r3" in g.suppressed and sam.steps == 0  # a 6: suppressed and a step lost (its only one)
    assert [e.result for e in ev if e.kind == "umpire"] == ["SEAD dice 6 1"]
    assert g.phase == "movement"
