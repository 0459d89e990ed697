"""A saved game resumed with bots plays on as if it had never stopped (wargame.bots.resume): the new
bots are warmed up on the record, so their memory and random streams are the first bots'."""

import random

import pytest

from wargame.bots.driver import bot_player, make_bot, play_game, resume_game
from wargame.bots.resume import resume, warm_up
from wargame.data.scenario import load_scenario
from wargame.game import Game
from wargame.model.units import Side
from wargame.play import play_until
from wargame.saves import read_save, write_save

SEED = 1
STOP_TURN = 5  # saved before Red's turn-5 movement phase: on seed 1 both operational bots remember something
COLD_TURN = 4  # ... before turn 4's: on seed 1 cold bots play on differently from there (not from turn 5)


@pytest.fixture(scope="module")
def incursion():
    return load_scenario("incursion-2016")


def memory(bot) -> dict:
    """Everything a bot keeps, its random stream as the stream's state (comparable)."""
    return {k: v.getstate() if isinstance(v, random.Random) else v for k, v in vars(bot).items()}


def saved_midway(sc, tmp_path, red="operational", blue="operational", turn=STOP_TURN):
    """Bots play the game to the save point; the save is written and read back as a player's is.
    Returns the record and the bots as they stand."""
    bots = {s: make_bot(red if s is Side.RED else blue, s, SEED) for s in Side}
    g = Game(sc, seed=SEED)
    play_until(g, {s: bot_player(bots[s], None, []) for s in Side},
               stop=lambda g: (g.turn, g.phase_index) >= (turn, 2))
    return read_save(write_save(tmp_path / "midway.save", g.to_record())), bots


def test_a_resumed_bot_game_ends_as_the_uninterrupted_one(incursion, tmp_path):
    whole = play_game(incursion, SEED, "operational", "operational").game
    rec, _ = saved_midway(incursion, tmp_path, turn=COLD_TURN)
    assert 0 < len(rec["log"]) < len(whole.log)  # saved mid-game

    resumed = resume_game(incursion, rec, "operational", "operational").game
    assert resumed.log == whole.log
    assert resumed.events_digest() == whole.events_digest()
    assert resumed.result == whole.result

    # without the warm-up the bots start blank and the game goes another way (on this seed and turn)
    cold = Game.from_record(rec, incursion)
    play_until(cold, {s: bot_player(make_bot("operational", s, SEED), None, []) for s in Side})
    assert cold.events_digest() != whole.events_digest()


def test_warmed_bots_remember_what_the_playing_bots_did(incursion, tmp_path):
    rec, playing = saved_midway(incursion, tmp_path)
    fresh = {s: make_bot("operational", s, SEED) for s in Side}
    blank = {s: memory(b) for s, b in fresh.items()}
    game, problems, warmer = resume(rec, incursion, fresh)
    assert problems == [] and game.events_digest() == rec["events_sha256"]
    assert warmer.asked == len(rec["log"]) and warmer.problems == []
    for s in Side:
        assert memory(fresh[s]) == memory(playing[s])
        assert memory(fresh[s]) != blank[s]  # there was something to remember
    # a random bot's memory is its random stream
    rec, playing = saved_midway(incursion, tmp_path, "random", "random")
    fresh = {s: make_bot("random", s, SEED) for s in Side}
    resume(rec, incursion, fresh)
    assert all(memory(fresh[s]) == memory(playing[s]) != memory(make_bot("random", s, SEED)) for s in Side)


class Watching:
    """A bot that notes where and what it is asked, and gives no orders."""

    name = "watching"

    def __init__(self, side, seed=0):
        self.side = side
        self.asked: list[tuple] = []

    def orders(self, view, oracle):
        self.asked.append((view.turn, view.phase, oracle.side, tuple(sorted((u.id, u.hex) for u in view.own))))
        return []


def test_the_warm_up_asks_a_bot_where_and_as_the_driver_did(incursion):
    played = {s: Watching(s) for s in Side}
    g = play_game(incursion, SEED, played[Side.RED], played[Side.BLUE]).game
    assert g.turn == incursion.clock.length_turns and played[Side.BLUE].asked  # a whole game of every phase
    blue = Watching(Side.BLUE)
    warmer = warm_up({Side.BLUE: blue}, g)  # only Blue has a bot: Red's phases ask nobody
    assert blue.asked == played[Side.BLUE].asked
    assert warmer.asked == sum(e["side"] == "blue" for e in g.log)
    assert {p for _, p, _, _ in blue.asked} == {"air", "movement", "combat"}


def test_a_bot_taking_over_a_human_side_has_watched_it(incursion, tmp_path):
    """Red was played by someone else (here the random bot) up to the save; an operational bot takes
    over after the load. It plays on as one that had been asked at every Red phase and had its
    orders replaced by the player's."""
    rec, _ = saved_midway(incursion, tmp_path, "random", "operational")
    given = len(rec["log"])
    human, red, blue = (make_bot("random", Side.RED, SEED), make_bot("operational", Side.RED, SEED),
                        make_bot("operational", Side.BLUE, SEED))

    def red_player(game, side):
        ours = bot_player(red, None, [])(game, side)
        return bot_player(human, None, [])(game, side) if len(game.log) < given else ours

    g = Game(incursion, seed=SEED)
    play_until(g, {Side.RED: red_player, Side.BLUE: bot_player(blue, None, [])})
    resumed = resume_game(incursion, rec, "operational", "operational").game
    assert resumed.log[:given] == rec["log"] and resumed.events_digest() == g.events_digest()
