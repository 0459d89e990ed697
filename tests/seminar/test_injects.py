"""Injects go through the engine and into the record: each effect changes what the rules read, a bad
inject changes nothing, and a save or a replay reproduces the injects' events exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from wargame.bots.base import Oracle, load_bot
from wargame.data.scenario import load_scenario
from wargame.game import Game, replay
from wargame.model.units import Side
from wargame.rules.record import RecordError, check_record
from wargame.saves import read_save, write_save
from wargame.seminar.injects import InjectError, base_scenario, play
from wargame.seminar.record import add_note, drive, positions, rewind

TINY = str(Path(__file__).resolve().parent.parent / "fixtures" / "tiny" / "scenarios" / "tiny.yaml")
BRIDGE = {"id": "narva-bridge", "title": "The Narva bridge is down", "effect": "blow_bridge",
          "args": {"hexes": ["0402", "0502"], "by": "blue"}}
BORDER = {"id": "belarus", "title": "Belarus opens its border", "effect": "open_border", "args": {"country": "BLR"}}
LATE = {"id": "late", "title": "The airborne is late", "effect": "delay_arrival", "args": {"units": ["b3"], "turns": 2},
        "audience": "blue"}


def scenario():
    return load_scenario(TINY)


def phases(game: Game, n: int, seed: int = 5, bot: str = "random") -> None:
    bots = {s: load_bot(bot, s, seed + i) for i, s in enumerate(Side)}
    for _ in range(n):
        if game.over or game.pending is not None:
            return
        s = game.active_side
        game.submit(s, list(bots[s].orders(game.view(s), Oracle(game, s))))


def played_game() -> Game:
    g = Game(scenario(), seed=3)
    phases(g, 3)
    play(g, BRIDGE, "engineers")
    phases(g, 2)
    play(g, BORDER)
    play(g, LATE)
    phases(g, 4)
    add_note(g, "Blue's counter-attack", 1, bookmark=True)
    return g


def test_each_effect_changes_what_the_rules_read():
    g = Game(scenario(), seed=3)
    ix = g.index
    key = tuple(sorted((ix.idx[g.parse("0402")], ix.idx[g.parse("0502")])))
    assert key not in g.state.blown
    e = play(g, BRIDGE)
    assert g.state.blown[key] == [1, "blue"] and e.kind == "inject" and "Narva" in e.detail
    belarus = {h for h in g.board.terrain if g.board.country.get(h) == "BLR"}
    assert belarus and not belarus & g.allowed[Side.RED]
    play(g, BORDER)
    assert belarus <= g.allowed[Side.RED] and not belarus & g.allowed[Side.BLUE]
    assert base_scenario(g).parameters["belarus"] is False  # the loaded scenario is untouched
    due = g.arrival["b3"]
    play(g, LATE)
    assert g.arrival["b3"] == due + 2
    assert [e.kind for e in g.events[-3:]] == ["inject"] * 3


@pytest.mark.parametrize("inject, why", [
    ({**BRIDGE, "args": {"hexes": ["0202", "0302"], "by": "blue"}}, "no road or railway bridge"),
    ({**BRIDGE, "args": {"hexes": ["0202", "0505"], "by": "blue"}}, "not two neighbouring hexes"),
    ({**LATE, "args": {"units": ["r1"], "turns": 2}}, "not waiting to arrive"),
    ({**LATE, "args": {"units": ["zz"], "turns": 2}}, "no unit 'zz'"),
    ({**BORDER, "args": {"country": "FIN"}}, "args.country"),
    ({**BRIDGE, "effect": "teleport"}, "effect"),
])
def test_a_bad_inject_changes_nothing(inject, why):
    g = Game(scenario(), seed=3)
    before = (g.events_digest(), g.snapshot())
    with pytest.raises(InjectError, match=why):
        play(g, inject)
    assert (g.events_digest(), g.snapshot()) == before
    assert "seminar" not in g.to_record()


def test_no_inject_while_a_result_waits_for_the_umpire():
    g = Game(scenario(), seed=3, umpire=True)
    phases(g, 40, bot="operational")
    assert g.pending is not None
    with pytest.raises(InjectError, match="umpire"):
        play(g, BRIDGE)


def test_injects_survive_save_and_load_and_replay_identically(tmp_path):
    g = played_game()
    path = write_save(tmp_path / "g.save", g.to_record())
    rec = read_save(path)
    assert [i["id"] for i in rec["seminar"]["injects"]] == ["narva-bridge", "belarus", "late"]
    loaded = Game.from_record(rec, scenario())
    assert loaded.events_digest() == g.events_digest() and loaded.snapshot() == g.snapshot()
    assert loaded.allowed[Side.RED] == g.allowed[Side.RED]
    again, problems = replay(rec, scenario())
    assert problems == [] and again.to_record() == loaded.to_record()
    assert drive(rec, scenario()).events_digest() == g.events_digest()
    # the injects are what makes the events: without them the record does not reproduce itself
    bare = {k: v for k, v in rec.items() if k != "seminar"}
    with pytest.raises(ValueError, match="does not reproduce"):
        Game.from_record(bare, scenario())


def test_the_seminar_section_is_checked_field_by_field():
    rec = played_game().to_record()
    check_record(rec)
    bad = {**rec, "seminar": {**rec["seminar"], "injects": [{**rec["seminar"]["injects"][0], "at": 10**6}]}}
    with pytest.raises(RecordError, match=r"seminar.injects\[0\].at"):
        check_record(bad)
    bad = {**rec, "seminar": {**rec["seminar"], "injects": [{**rec["seminar"]["injects"][0],
                                                               "args": {"hexes": ["../x"], "by": "blue"}}]}}
    with pytest.raises(RecordError, match=r"seminar.injects\[0\].args.hexes"):
        check_record(bad)
    bad = {**rec, "seminar": {**rec["seminar"], "notes": [{"turn": 1, "text": "x", "bookmark": "yes"}]}}
    with pytest.raises(RecordError, match=r"seminar.notes\[0\].bookmark"):
        check_record(bad)


def test_rewind_is_the_game_before_its_last_phase():
    sc = scenario()
    g = Game(sc, seed=3)
    phases(g, 3)
    play(g, BORDER)
    phases(g, 2)
    before_last = g.to_record()
    phases(g, 1)
    play(g, LATE)  # after the last phase: goes with it
    back = rewind(g.to_record(), base_scenario(g))
    assert back.events_digest() == before_last["events_sha256"]
    assert back.to_record()["log"] == before_last["log"]
    assert [i["id"] for i in back.seminar.injects] == ["belarus"]
    with pytest.raises(ValueError, match="nothing to rewind"):
        rewind(Game(sc, seed=3).to_record(), sc)


def test_positions_step_through_every_phase():
    g = played_game()
    got = positions(g.to_record(), scenario())
    assert len(got) == len(g.log) + 1
    assert got[0].turn == 1 and not got[0].log and got[-1].events_digest() == g.events_digest()
    assert [len(p.log) for p in got] == list(range(len(g.log) + 1))
