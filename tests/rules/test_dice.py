"""Dice as common random numbers (wargame/rules/position.py, `Position.dice`): two games on one seed
roll the same die for the same fight in the same phase, whatever else either side did, so a paired
study compares play, not luck."""

from tests.rules.boards import BLUE, RED, open_board, scenario, to_phase, unit
from wargame.events import CombatResolved
from wargame.game import Accept, Game
from wargame.orders import Attack


def units():
    return [
        unit("r1", RED, "tank", "0503"),
        unit("r2", RED, "tank", "0506"),
        unit("r3", RED, "tank", "0404"),
        unit("b1", BLUE, "inf", "0403"),
        unit("b2", BLUE, "inf", "0406"),
    ]


def fight(seed: int, orders: list[Attack]) -> tuple[Game, dict[str, int]]:
    """Red's combat phase of turn 1 with `orders`; the die each attacked hex rolled."""
    g = Game(scenario(open_board(), units()), seed=seed)
    to_phase(g, "combat", RED)
    before = len(g.events)
    g.submit(RED, orders)
    return g, {e.target: e.roll for e in g.events[before:] if isinstance(e, CombatResolved)}


def test_the_same_fight_rolls_the_same_die_whatever_else_is_fought():
    for seed in range(8):
        _, alone = fight(seed, [Attack("0403", ("r1",))])
        _, after = fight(seed, [Attack("0406", ("r2",)), Attack("0403", ("r1",))])
        _, joined = fight(seed, [Attack("0403", ("r1", "r3"))])
        assert alone["0403"] == after["0403"] == joined["0403"]


def test_the_dice_differ_between_seeds_and_sites():
    rolls = [fight(seed, [Attack("0406", ("r2",)), Attack("0403", ("r1",))])[1] for seed in range(12)]
    assert len({r["0403"] for r in rolls}) > 2  # the seed changes the die
    assert any(r["0403"] != r["0406"] for r in rolls)  # and two fights in one phase are not one die


def test_the_stream_stays_in_step_after_a_phase_played_differently():
    a, _ = fight(5, [Attack("0403", ("r1",))])
    b, _ = fight(5, [])
    assert a.rng.getstate() == b.rng.getstate()  # one key a phase, however many dice the phase rolled


def test_an_umpired_game_and_its_copy_roll_what_a_plain_game_rolls():
    orders = [Attack("0406", ("r2",)), Attack("0403", ("r1",))]
    _, plain = fight(4, orders)
    g = Game(scenario(open_board(), units()), seed=4, umpire=True)
    to_phase(g, "combat", RED)
    g.submit(RED, orders)
    assert g.pending is not None and g.pending.roll == plain["0406"]
    c = g.clone()  # mid-phase, at the proposal
    g.decide(Accept())
    c.decide(Accept())
    assert g.pending is not None and c.pending is not None
    assert g.pending.roll == c.pending.roll == plain["0403"]


def test_a_keyed_die_is_fair():
    from collections import Counter

    from wargame.rules.umpire import KeyedDie

    faces = Counter(KeyedDie(f"{k}:combat:0403:0").randint(1, 6) for k in range(6000))
    assert set(faces) == {1, 2, 3, 4, 5, 6} and all(900 < n < 1100 for n in faces.values())
