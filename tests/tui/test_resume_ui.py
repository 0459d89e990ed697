"""A game loaded in the TUI gets its bots back as they were: they catch up on the phases played
(wargame.bots.resume) before the game goes on."""

import random

from wargame.bots.base import load_bot
from wargame.bots.driver import bot_seed
from wargame.model.units import Side
from wargame.tui.app import WargameApp
from wargame.tui.game_screen import GameScreen

from .test_app import TINY, end_phase, saves  # noqa: F401 - `saves` is a fixture (the saves folder)


def memory(bot) -> dict:
    return {k: v.getstate() if isinstance(v, random.Random) else v for k, v in vars(bot).items()}


async def test_a_loaded_game_s_bot_remembers_what_it_did_before_the_save(saves):  # noqa: F811
    app = WargameApp(TINY, "human", "random", 9)
    async with app.run_test(size=(100, 32)) as pilot:
        for _ in range(3):  # Red's phases of turn 1 by hand; Blue's random bot plays its own
            await end_phase(pilot)
        screen = next(s for s in app.screen_stack if isinstance(s, GameScreen))
        assert (screen.game.turn, screen.game.active_side) == (2, Side.RED)
        before, phases, seed = memory(screen.bots[Side.BLUE]), len(screen.game.log), screen.game.seed
    fresh = memory(load_bot("random", Side.BLUE, bot_seed(seed, Side.BLUE)))
    assert before != fresh  # the bot has drawn from its random stream

    auto = sorted(saves.glob("auto-*.save"))[-1]
    app2 = WargameApp(TINY, load=str(auto))
    async with app2.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await app2.workers.wait_for_complete()
        await pilot.pause()
        screen = next(s for s in app2.screen_stack if isinstance(s, GameScreen))
        assert len(screen.game.log) == phases
        assert not screen.busy and not screen.warming  # caught up; Red's phase, the player's
        assert memory(screen.bots[Side.BLUE]) == before
