"""The umpire (wargame/rules/umpire.py): proposals, accept / re-roll / replace, rulings as events."""

import random

import pytest

from tests.rules.boards import BLUE, RED, open_board, scenario, to_phase, unit
from wargame.game import Accept, Decision, Game, Replace
from wargame.orders import AirMission, Attack


def units():
    return [unit("r", RED, "tank", "0503"), unit("r2", RED, "tank", "0504"), unit("b", BLUE, "inf", "0403"),
            unit("b2", BLUE, "inf", "0404"), unit("s", RED, "sam", "0803")]


def new(umpire=True, seed=5) -> Game:
    return Game(scenario(open_board(10, 6, 4), units(), air=(0, 0, 16, 8)), seed=seed, umpire=umpire)


def test_a_combat_result_waits_for_the_umpire():
    g = new()
    to_phase(g, "combat", RED)
    ev = g.submit(RED, [Attack("0403", ("r",)), Attack("0404", ("r2",))])
    p = g.pending
    assert p is not None and p.kind == "combat" and p.order == Attack("0403", ("r",))
    assert p.result in p.choices and p.roll in range(1, 7) and p.assessment.column_name == "3:2"
    assert "attacks 0403" in p.describe() and "proposed result" in p.describe()
    assert not [e for e in ev if e.kind == "combat"]
    assert g.view(RED).waiting_for_umpire
    with pytest.raises(ValueError, match="waiting for the umpire"):
        g.submit(RED, [])
    assert g.legal(RED, Attack("0404", ("r2",))) == "a result is waiting for the umpire (decide it first)"


def test_accept_lets_the_proposed_result_stand():
    g = new()
    to_phase(g, "combat", RED)
    g.submit(RED, [Attack("0403", ("r",), advance=False)])
    proposed, roll = g.pending.result, g.pending.roll
    ev = g.decide(Accept("fair"))
    rule = [e for e in ev if e.kind == "umpire"][0]
    assert (rule.what, rule.decision, rule.original, rule.result, rule.note) == (
        "combat",
        "accept",
        proposed,
        proposed,
        "fair",
    )
    assert not rule.overruled and "stand" in rule.describe()
    c = [e for e in ev if e.kind == "combat"][0]
    assert (c.result, c.roll) == (proposed, roll)
    assert g.decisions == [{"action": "accept", "result": "", "note": "fair"}]


def test_replace_puts_the_umpires_result_in_its_place_and_a_bad_one_is_refused():
    g = new()
    to_phase(g, "combat", RED)
    g.submit(RED, [Attack("0403", ("r",), advance=False)])
    with pytest.raises(ValueError, match="not a combat result"):
        g.decide(Replace("X9"))
    assert g.pending is not None and g.decisions == []
    ev = g.decide(Replace("d2r2", "the bridge was blown behind them"))
    rule = [e for e in ev if e.kind == "umpire"][0]
    assert rule.overruled and rule.result == "D2R2" and "replaces" in rule.describe() and "bridge" in rule.describe()
    assert [e for e in ev if e.kind == "combat"][0].result == "D2R2"
    assert g.units["b"].steps == 0


def test_every_random_outcome_is_proposed_air_defence_and_sead_too():
    g = new()
    g.submit(RED, [])
    g.submit(BLUE, [AirMission("sead", "0803", 8)])
    kinds = []
    while g.pending is not None:
        kinds.append(g.pending.kind)
        g.decide(Accept())
    assert kinds == ["air", "sead"]


def test_unknown_actions_are_refused():
    g = new()
    to_phase(g, "combat", RED)
    g.submit(RED, [Attack("0403", ("r",))])
    with pytest.raises(ValueError, match="unknown umpire action"):
        g.decide(Decision("veto"))
    with pytest.raises(ValueError, match="no result is waiting"):
        new().decide(Accept())


def play(g: Game, rng: random.Random) -> None:
    while not g.over:
        side = g.active_side
        orders = []
        if g.phase == "combat":
            for e in sorted(g.units_of(side.other), key=lambda u: u.id):
                atk = tuple(
                    u.id
                    for u in g.units_of(side)
                    if u.attack > 0 and g.index.distance(g.index.idx[u.hex], g.index.idx[e.hex]) == 1
                )
                if atk and g.legal(side, Attack(g.hid(e.hex), atk)) is None and rng.random() < 0.8:
                    orders.append(Attack(g.hid(e.hex), atk))
                    break
        elif g.phase == "air" and side is BLUE:
            orders = [AirMission("sead", "0803", 8)]
        g.submit(side, orders)
        while g.pending is not None:
            g.decide(Accept())


def test_an_umpire_who_accepts_everything_changes_nothing_but_the_log():
    a, b = new(umpire=False, seed=9), new(umpire=True, seed=9)
    play(a, random.Random(1))
    play(b, random.Random(1))
    assert a.snapshot() == b.snapshot()
    strip = lambda g: [e.to_dict() for e in g.events if e.kind != "umpire"]  # noqa: E731
    assert strip(a) == strip(b) and len(b.events) > len(a.events)
