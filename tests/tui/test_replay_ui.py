"""The VCR replay: step forward and back, start and end, jump to a turn, bookmarks, play and pause,
and `wargame replay SAVE --vcr` refusing a bad save with its place."""

from __future__ import annotations

import subprocess
import sys

from tests.seminar.test_injects import TINY, played_game
from wargame.saves import write_save
from wargame.tui.replay_ui import ReplayApp, ReplayScreen, load_positions


async def test_vcr_controls(tmp_path):
    g = played_game()
    save = write_save(tmp_path / "g.save", g.to_record())
    positions, title = load_positions(str(save), TINY)
    app = ReplayApp(positions, title)
    async with app.run_test(size=(150, 45)) as pilot:
        await pilot.pause()
        s = app.screen
        assert isinstance(s, ReplayScreen)
        last = len(positions) - 1
        assert s.at == last and s.game.events_digest() == g.events_digest()
        await pilot.press("left", "left")
        assert s.at == last - 2
        await pilot.press("right")
        assert s.at == last - 1
        await pilot.press("home")
        assert s.at == 0 and s.game.turn == 1 and not s.game.log
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("2", "enter")
        await pilot.pause()
        assert s.game.turn == 2 and s.positions[s.at - 1].turn == 1
        await pilot.press("left_square_bracket")  # the bookmark on turn 1
        assert s.game.turn == 1 and s.at == 0
        await pilot.press("right_square_bracket")
        assert s.game.turn == 1  # no bookmark after turn 1: it stays
        await pilot.press("space")
        assert s.playing
        await pilot.pause(1.3)
        assert s.at >= 1
        await pilot.press("space")
        stopped = s.at
        await pilot.pause(1.2)
        assert not s.playing and s.at == stopped
        await pilot.press("v")
        assert s.view is not None
        await pilot.press("end")
        assert s.at == last


def test_vcr_refuses_a_bad_save(tmp_path):
    bad = tmp_path / "bad.save"
    bad.write_text("{not json", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "wargame", "replay", str(bad), "--vcr"], capture_output=True,
                       text=True, timeout=60)
    assert r.returncode == 2 and "bad.save" in r.stderr and "Traceback" not in r.stderr
