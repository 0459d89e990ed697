"""The one game loop (wargame/play.py): how it stops, the umpire, and that it is the driver's loop."""

from pathlib import Path

from wargame.bots.driver import bot_player, make_bot, play_game
from wargame.data.scenario import load_scenario
from wargame.game import Game, Reroll
from wargame.model.units import Side
from wargame.play import play_until

TINY = load_scenario(Path(__file__).resolve().parent / "fixtures" / "tiny" / "scenarios" / "tiny.yaml")


def players(seed: int, problems: list) -> dict:
    return {s: bot_player(make_bot("operational", s, seed), None, problems) for s in Side}


def test_it_plays_the_same_game_as_the_driver():
    g, problems = Game(TINY, seed=3), []
    assert play_until(g, players(3, problems)) == "over" and g.over
    assert g.events_digest() == play_game(TINY, 3).game.events_digest() and problems == []


def test_it_stops_when_asked_and_on_its_time_limit():
    g = Game(TINY, seed=1)
    assert play_until(g, players(1, []), stop=lambda game: game.turn >= 2) == "stop"
    assert g.turn == 2 and not g.over
    assert play_until(g, players(1, []), time_limit=0.0) == "time" and g.turn == 2
    assert play_until(g, players(1, [])) == "over"


def test_an_umpire_who_gives_no_ruling_leaves_the_proposal_waiting():
    g = Game(TINY, seed=2, umpire=True)
    assert play_until(g, players(2, []), umpire=lambda game: None) == "pending"
    assert g.pending is not None
    rulings = []
    seen: list = []

    def umpire(game):
        rulings.append(game.pending.kind)
        return Reroll("again")

    assert play_until(g, players(2, []), umpire=umpire, on_events=lambda side, got: seen.extend(got)) == "over"
    assert rulings and len(g.decisions) == len(rulings) and {d["action"] for d in g.decisions} == {"reroll"}
    assert sum(1 for e in seen if e.kind == "umpire") == len(rulings)


def test_a_bot_that_fails_passes_its_phase_and_is_reported():
    class Broken:
        name = "broken"

        def orders(self, view, oracle):
            raise RuntimeError("no")

    g, problems = Game(TINY, seed=4), []
    ps = players(4, problems)
    ps[Side.RED] = bot_player(Broken(), None, problems)
    assert play_until(g, ps) == "over"
    assert problems and all("RuntimeError" in p.problem and p.side == "red" for p in problems)
