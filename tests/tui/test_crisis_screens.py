"""The crisis screens, driven headless with Pilot as players would: against a bot into the war, hotseat
with its hand-over and fog, the umpire on crisis rolls, and saves made mid-crisis."""

import dataclasses
import json
from pathlib import Path

import pytest
from textual.widgets import RichLog, Select

from wargame.crisis import Crisis
from wargame.crisis.record import replay_crisis
from wargame.data.scenario import load_scenario
from wargame.model.units import Side
from wargame.saves import read_save, write_save
from wargame.tui.app import WargameApp
from wargame.tui.crisis_dialogs import CrisisOver, CrisisUmpireDialog
from wargame.tui.crisis_screen import CrisisScreen
from wargame.tui.dialogs import Handover
from wargame.tui.game_screen import GameScreen

TINY_CRISIS = str(Path(__file__).resolve().parent.parent / "fixtures" / "tiny" / "scenarios" / "tiny-crisis.yaml")


@pytest.fixture(autouse=True)
def saves(tmp_path, monkeypatch):
    monkeypatch.setenv("WARGAME_SAVES", str(tmp_path / "saves"))
    return tmp_path / "saves"


def log_text(screen) -> str:
    return "\n".join(line.text for line in screen.query_one("#clog", RichLog).lines)


async def red_turn(pilot, screen, decision="none"):
    """Red at the keyboard: tick the first action, perhaps decide, commit; firm in a stand-off."""
    c = screen.crisis
    if c.phase == "standoff":
        await pilot.press("f")
    else:
        if c.phase == "act":
            screen.query_one("#decision", Select).value = decision
        await pilot.press("space", "e")
    await pilot.pause()


async def test_a_crisis_against_the_bot_ends_in_war_and_the_war_starts_in_the_game_screen():
    app = WargameApp(TINY_CRISIS, "human", "operational", 3)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CrisisScreen) and screen.viewer == "red"
        assert "Tension" in str(screen.query_one("#track").render())
        c = screen.crisis
        for _ in range(40):
            if isinstance(app.screen, CrisisOver):
                break
            await red_turn(pilot, screen, "invade" if c.day >= 2 else "none")
        assert c.over and c.outcome == "invasion"
        assert "deliberate invasion" in str(app.screen.query_one("#outcome").render())
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GameScreen)
        g = app.screen.game
        assert g.crisis is c and g.scenario.crisis_base is c.scenario
        assert app.screen.players == {Side.RED: "human", Side.BLUE: "operational"}


async def test_a_refused_order_is_a_message_not_a_move():
    app = WargameApp(TINY_CRISIS, "human", "operational", 3)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        c = screen.crisis
        await pilot.press("e")  # signal nothing
        await pilot.pause()
        assert c.phase == "act"
        screen.query_one("#actions").select_all()  # every covert action: more than a day allows
        n, shown = len(c.log), []
        screen.notify = lambda msg, **kw: shown.append(msg)  # type: ignore[method-assign]
        await pilot.press("e")
        await pilot.pause()
        assert len(c.log) == n and c.phase == "act"  # not submitted: the reason is shown instead
        assert shown and "covert actions a day" in shown[0]


async def test_hotseat_hands_over_and_each_side_sees_only_its_own_fog():
    sc = load_scenario(TINY_CRISIS)
    sc = dataclasses.replace(sc, crisis=dataclasses.replace(sc.crisis, cbms=False))  # incidents are likelier
    app = WargameApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = CrisisScreen(Crisis(sc, 7), {Side.RED: "human", Side.BLUE: "human"})
        app.push_screen(screen)
        await pilot.pause()
        c = screen.crisis
        screen.query_one("#actions").select_all()  # Red signals every overt action
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, Handover)
        assert log_text(screen) == "" and screen.viewer is None  # the screen is blank behind the hand-over
        await pilot.press("enter")
        await pilot.pause()
        assert screen.viewer == "blue" and c.phase == "respond"
        await pilot.press("e")  # NATO does nothing
        await pilot.pause()
        await pilot.press("enter")  # back to Red
        await pilot.pause()
        screen.query_one("#actions").deselect_all()
        for a in ("snap_exercise", "border_buildup"):  # an exercise near the border, and a covert build-up
            screen.query_one("#actions").select(a)
        await pilot.press("e")
        await pilot.pause()
        assert [(h.action, h.detected) for h in c.state.hidden] == [("border_buildup", False)]
        assert "Undetected: units moved to the border" in log_text(screen)  # Red knows its own
        assert c.phase == "standoff" and c.active_side == "red"
        await pilot.press("f")  # Red stands firm, in secret
        await pilot.pause()
        assert isinstance(app.screen, Handover)
        await pilot.press("enter")
        await pilot.pause()
        text = log_text(screen)
        assert screen.viewer == "blue" and "Stand-off" in text
        assert "Red has chosen" not in text and "units moved to the border" not in text
        assert "units moved" not in str(screen.query_one("#cstatus").render())
        await pilot.press("b")  # NATO backs down
        await pilot.pause()
        done = [e for e in c.events if e.what == "standoff_resolved"]
        assert [(e.data["red"], e.data["blue"], e.to) for e in done] == [("firm", "back", "all")]
        assert isinstance(app.screen, Handover) and c.active_side == "red"  # the next day opens with Red


async def test_the_umpire_rules_on_crisis_rolls_and_the_rulings_replay(saves):
    app = WargameApp(TINY_CRISIS, "operational", "operational", 3, umpire=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = next(s for s in app.screen_stack if isinstance(s, CrisisScreen))
        c = screen.crisis
        asked = 0
        for i in range(200):
            if isinstance(app.screen, CrisisOver) or c.over:
                break
            if isinstance(app.screen, CrisisUmpireDialog):
                asked += 1
                await pilot.press("a" if i % 2 else "r")
                await pilot.pause()
                if not isinstance(app.screen, (CrisisUmpireDialog, CrisisScreen, CrisisOver)):
                    await pilot.press("enter")  # the re-roll stands
            await pilot.pause()
        assert c.over and asked > 0 and len(c.decisions) == asked
        assert any(d["action"] == "reroll" for d in c.decisions)
        assert any(e.what == "umpire" for e in c.events)
        again, problems = replay_crisis(json.loads(json.dumps(c.to_record())), c.scenario, c.seed)
        assert problems == [] and again.events_digest() == c.events_digest()


async def test_a_save_made_mid_crisis_loads_back_into_the_crisis(saves):
    app = WargameApp(TINY_CRISIS, "human", "operational", 3)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("space", "e")
        await pilot.pause()
        c = screen.crisis
        auto = sorted(saves.glob("auto-*-T00.save"))
        assert len(auto) == 1
        rec = read_save(auto[0])
        assert rec["crisis"]["outcome"] is None and rec["log"] == []
        digest, day, phase = c.events_digest(), c.day, c.phase
        app.load_game(auto[0], replace=True)
        await pilot.pause()
        loaded = app.screen
        assert isinstance(loaded, CrisisScreen) and loaded is not screen
        assert loaded.crisis.events_digest() == digest and (loaded.crisis.day, loaded.crisis.phase) == (day, phase)
        assert loaded.players == {Side.RED: "human", Side.BLUE: "operational"}


async def test_a_tampered_mid_crisis_save_is_refused_with_its_field(saves, tmp_path):
    app = WargameApp(TINY_CRISIS, "human", "operational", 3)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        rec = app.screen.record()
        rec["crisis"]["settings"]["tables"] = "../../etc/passwd"
        bad = write_save(tmp_path / "bad.save", rec)
        notes = []
        app.notify = lambda msg, **kw: notes.append(msg)  # type: ignore[method-assign]
        app.load_game(bad)
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen) and app.screen.crisis.log == []
        assert notes and "crisis.settings.tables" in notes[0] and "never a path" in notes[0]
