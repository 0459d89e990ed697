"""The inject deck's loader (located errors, checked against the scenario), the sample deck, and the
turn debrief under each side's fog."""

from __future__ import annotations

import pytest

from tests.seminar.test_injects import BRIDGE, TINY, phases
from wargame.data.scenario import load_scenario
from wargame.data.schema import DataError
from wargame.game import Game
from wargame.seminar.debrief import arrows, debrief
from wargame.seminar.deck import deck_path, load_deck
from wargame.seminar.injects import play
from wargame.seminar.record import add_note

DECK = """format: wargame-injects/1
scenario: tiny
injects:
  - id: narva
    title: The Narva bridge is down
    effect: blow_bridge
    args: {hexes: ["0402", "0502"], by: blue}
    turn: 2
    source: test
  - id: news
    title: News
    effect: message
    assumption: test
"""


def test_a_deck_loads_and_schedules(tmp_path):
    p = tmp_path / "deck.yaml"
    p.write_text(DECK, encoding="utf-8")
    deck = load_deck(p, load_scenario(TINY))
    assert [(i.id, i.turn) for i in deck.injects] == [("narva", 2), ("news", None)]
    assert deck.due(1, set()) == [] and [i.id for i in deck.due(3, set())] == ["narva"]
    assert deck.due(3, {"narva"}) == []


@pytest.mark.parametrize("change, where", [
    (("turn: 2", "turn: 99"), "deck.yaml:8:11: injects[0].turn: turn 99 is after the game's last (6)"),
    (('["0402", "0502"]', '["0202", "0302"]'), "deck.yaml:7:19: injects[0].args.hexes: expected the two hexes"),
    (("    source: test\n", ""), "deck.yaml:4:5: injects[0]: needs a 'source' or an 'assumption'"),
    (("effect: message", "effect: telport"), "deck.yaml:12:13: injects[1].effect: expected one of"),
    (("scenario: tiny", "scenario: other"), "deck.yaml:2:11: scenario: this deck is for scenario 'other'"),
    (("id: news", "id: narva"), "deck.yaml:10:9: injects[1].id: duplicate inject id 'narva'"),
    (("by: blue}", "by: blue, turns: 2}"), "deck.yaml:7:54: injects[0].args.turns: expected an argument"),
])
def test_deck_errors_name_file_line_and_field(tmp_path, change, where):
    p = tmp_path / "deck.yaml"
    p.write_text(DECK.replace(*change), encoding="utf-8")
    with pytest.raises(DataError) as e:
        load_deck(p, load_scenario(TINY))
    assert where in str(e.value), str(e.value)


def test_the_sample_deck_fits_its_scenario():
    deck = load_deck(deck_path("incursion-2016"), load_scenario("incursion-2016"))
    effects = {i.effect for i in deck.injects}
    assert {"blow_bridge", "open_border", "delay_arrival"} <= effects
    assert all(i.basis.strip() for i in deck.injects)


def test_debrief_respects_each_sides_fog():
    g = Game(load_scenario(TINY), seed=3)
    phases(g, 6)
    play(g, {**BRIDGE, "audience": "blue"})
    play(g, {"id": "red-news", "title": "Only Red hears this", "effect": "message", "args": {}, "audience": "red"})
    add_note(g, "White cell only", g.turn)
    full, blue, red = (debrief(g, g.turn, s).text() for s in (None, "blue", "red"))
    assert "Narva bridge" in full and "Only Red hears this" in full and "White cell only" in full
    assert "Narva bridge" in blue and "Only Red hears this" not in blue and "White cell only" not in blue
    assert "Only Red hears this" in red and "Narva bridge" not in red
    assert "White cell only" not in debrief(g, g.turn, None, notes=False).text()
    last = g.turn - 1
    moved_red = any(e.kind == "moved" and e.side == "red" for e in g.events)
    if moved_red:
        assert "Red:" in debrief(g, 1, None).text() + debrief(g, last, None).text()
    everyone = arrows(g, 1)
    assert {a.side for a in arrows(g, 1, "blue") if a.kind == "move"} <= {"blue"}
    assert all(len(a.path) >= 2 for a in everyone)
