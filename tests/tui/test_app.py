"""The terminal UI, driven headless with Pilot as a player would."""

from pathlib import Path

import pytest

from wargame.model.units import Side
from wargame.orders import Attack, Move
from wargame.tui.app import StartScreen, WargameApp
from wargame.tui.dialogs import AttackPreview, Confirm, GameOver, Handover
from wargame.tui.game_screen import GameScreen
from wargame.tui.hexmap import HexMap

TINY = str(Path(__file__).resolve().parent.parent / "fixtures" / "tiny" / "scenarios" / "tiny.yaml")


@pytest.fixture(autouse=True)
def saves(tmp_path, monkeypatch):
    monkeypatch.setenv("WARGAME_SAVES", str(tmp_path / "saves"))
    return tmp_path / "saves"


async def end_phase(pilot):
    from wargame.tui.gamelog import SummaryScreen

    if isinstance(pilot.app.screen, SummaryScreen):  # a new turn opens with last turn's summary
        await pilot.press("enter")
        await pilot.pause()
    await pilot.press("e")
    await pilot.pause()
    assert isinstance(pilot.app.screen, Confirm)
    await pilot.press("y")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_start_screen_lists_scenarios_and_starts_a_game():
    app = WargameApp()
    async with app.run_test(size=(120, 36)) as pilot:
        assert isinstance(app.screen, StartScreen)
        text = str(app.screen.query_one("#briefing-text").render())
        assert "RAND" in text
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GameScreen)
        assert app.screen.game.scenario.id == "incursion-2016"
        assert app.screen.players[Side.RED] == "human"


async def test_move_undo_and_end_phase_against_a_bot(saves):
    app = WargameApp(TINY, "human", "random", 4)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = app.screen
        assert isinstance(screen, GameScreen)
        await end_phase(pilot)  # red air
        g = screen.game
        assert g.phase == "movement" and g.active_side is Side.RED
        await pilot.press("tab")
        assert screen.selected and screen.reach
        uid = screen.selected
        dest = sorted(screen.reach, key=g.hid)[0]
        screen.map.cursor = dest
        await pilot.press("enter")
        await pilot.pause()
        assert [type(o) for o in screen.staged] == [Move] and screen.staged[0].unit == uid
        assert g.staged == screen.staged  # the engine holds the staged orders; the panel lists them
        assert f"1. {g.units[uid].name}" in str(screen.query_one("#orders").render())
        await pilot.press("x")
        assert screen.staged == () == g.staged
        assert "none" in str(screen.query_one("#orders").render())
        await pilot.press("tab")
        uid = screen.selected
        dest = sorted(screen.reach, key=g.hid)[-1]  # east, away from Blue (an unseen Blue unit would halt it)
        screen.map.cursor = dest
        await pilot.press("enter")
        await end_phase(pilot)
        assert g.units[uid].hex == dest
        assert g.phase == "combat" and g.active_side is Side.RED
        assert [p.name[-9:] for p in saves.glob("auto-tiny-*.save")] == ["-T01.save"]


async def test_attack_preview_then_attack(saves):
    app = WargameApp(TINY, "human", "random", 4)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = app.screen
        g = screen.game
        await end_phase(pilot)
        assert g.stage(Side.RED, Move("r1", ("0502", "0402"))) is None
        await end_phase(pilot)
        assert g.phase == "combat"
        screen.map.cursor = g.parse("0302")
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AttackPreview)
        text = str(app.screen.text)
        assert "Final column" in text and "Results:" in text and "%" in text
        await pilot.press("enter")
        await pilot.pause()
        assert [type(o) for o in screen.staged] == [Attack]
        await end_phase(pilot)
        assert any(e.kind == "combat" and e.target == "0302" for e in g.events)


async def test_hotseat_hand_over_hides_the_map():
    app = WargameApp(TINY, "human", "human", 4)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = app.screen
        await end_phase(pilot)  # red air -> blue air: another player
        assert isinstance(app.screen, Handover)
        assert screen.map.blanked
        assert all(s.text.strip() == "" for s in [screen.map.render_line(y) for y in range(5)])
        await pilot.press("enter")
        await pilot.pause()
        assert not screen.map.blanked and screen.viewer is Side.BLUE
        # Blue sees only what it has detected
        seen = {u.id for u in screen.visible_units()}
        assert {"b1", "b2"} <= seen and "r3" not in seen


async def test_watch_mode_advances_and_jumps_to_the_end():
    app = WargameApp(TINY, "random", "operational", 4)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = app.screen
        screen.delay = 0.0
        for _ in range(400):  # the timer steps one phase at a time; give it up to ~20 s on a busy machine
            await pilot.pause(0.05)
            await app.workers.wait_for_complete()
            if screen.game.turn > 1:
                break
        assert screen.game.turn > 1
        await pilot.press("G")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.game.over
        assert isinstance(app.screen, GameOver)


async def test_save_and_load(saves):
    app = WargameApp(TINY, "human", "random", 9)
    async with app.run_test(size=(100, 32)) as pilot:
        await end_phase(pilot)
        screen, g = app.screen, app.screen.game
        start = g.units["r1"].hex
        assert g.stage(Side.RED, Move("r1", ("0502",))) is None  # staged mid-phase, not committed
        notes = []
        screen.notify = lambda text, **kw: notes.append(text)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "The 1 order(s) staged this phase are not saved" in str(app.screen.query_one("Static").render())
        app.screen.query_one("Input").value = "my game"  # a name of the player's own
        await pilot.press("enter")
        await pilot.pause()
        files = sorted(saves.glob("my-game.save"))
        assert files and "Saved" in notes[-1]
        turn, phase = g.turn, g.phase
    app2 = WargameApp(TINY, load=str(files[0]))  # the scenario file, as on the command line
    async with app2.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert isinstance(app2.screen, GameScreen)
        g2 = app2.screen.game
        assert (g2.turn, g2.phase) == (turn, phase)
        # a save holds the committed phases: the phase starts again with no orders staged
        assert g2.staged == () and g2.units["r1"].hex == start
        assert "none" in str(app2.screen.query_one("#orders").render())
        await pilot.press("tab")
        assert app2.screen.reach  # and the player may give them again


async def test_a_whole_short_game_human_against_a_bot():
    app = WargameApp(TINY, "human", "operational", 2)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = app.screen
        g = screen.game
        for _ in range(60):
            if g.over:
                break
            await end_phase(pilot)
        assert g.over and g.result.turns == 6
        await pilot.pause()
        assert isinstance(app.screen, GameOver)
        assert "RAND measure" in app.screen.text


async def test_keys_move_the_cursor_on_hex_neighbours():
    app = WargameApp(TINY, "human", "random", 1)
    async with app.run_test(size=(100, 32)) as pilot:
        m = app.screen.query_one(HexMap)
        start = m.cursor
        await pilot.press("l")
        assert (m.cursor.q - start.q, m.cursor.r - start.r) == (1, 0)
        await pilot.press("b")
        assert (m.cursor.q - start.q, m.cursor.r - start.r) == (0, 1)
        await pilot.press("question_mark")
        await pilot.pause()
        assert "keys" in str(app.screen.query_one("Static").render()).lower()


async def test_overlays_and_the_command_palette():
    app = WargameApp(TINY, "human", "random", 4)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = app.screen
        g = screen.game
        await end_phase(pilot)
        assert g.stage(Side.RED, Move("r1", ("0502", "0402"))) is None
        await end_phase(pilot)
        await pilot.press("z")
        await pilot.pause()
        assert screen.overlay == "zoc"
        zoc = set(screen.map.tint)
        b1 = g.units["b1"].hex
        assert b1 in zoc and g.parse("0402") in zoc  # Blue's zone of control, as Red sees it
        await pilot.press("d")
        assert screen.overlay == "ad"
        await pilot.press("c")
        assert screen.map.tint[g.board.city_named("Tallinn").hex] == "#2050c0"
        await pilot.press("c")
        assert screen.overlay is None
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"save the game")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press("enter")  # the name offered
        await pilot.pause(0.3)
        from wargame.tui.saves_ui import saves_dir
        assert list(saves_dir().glob("tiny-T01-*.save"))


async def test_the_path_is_shown_and_the_umpire_rules_in_the_tui():
    from wargame.tui.dialogs import UmpireDialog

    app = WargameApp(TINY, "human", "random", 4, umpire=True)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = app.screen
        g = screen.game
        await end_phase(pilot)
        screen.map.cursor = g.units["r1"].hex
        await pilot.press("enter")
        assert screen.selected == "r1"
        screen.map.cursor = g.parse("0402")
        await pilot.pause()
        assert screen.path_hexes == [g.parse("0502")]
        assert screen.map.tint[g.parse("0502")] != screen.map.tint.get(g.parse("0603"))
        await pilot.press("enter")
        await end_phase(pilot)
        screen.map.cursor = g.parse("0302")
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("enter")
        await end_phase(pilot)
        assert isinstance(app.screen, UmpireDialog) and g.pending is not None
        await pilot.press("a")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert any(e.kind == "umpire" and e.decision == "accept" for e in g.events)
        assert any(e.kind == "combat" and e.target == "0302" for e in g.events)


async def test_watching_a_saved_game_replays_it_exactly(tmp_path):
    from wargame.bots.driver import play_game
    from wargame.data.scenario import load_scenario
    from wargame.saves import write_save

    played = play_game(load_scenario(TINY), 6, "operational", "random").game
    path = write_save(tmp_path / "g.save", played.to_record())
    app = WargameApp(TINY, replay=str(path))
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, GameScreen) and screen.players == {Side.RED: "replay", Side.BLUE: "replay"}
        await pilot.press("G")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.game.over
        assert screen.game.events_digest() == played.events_digest()


async def test_the_log_respects_fog_of_war():
    app = WargameApp(TINY, "human", "random", 4)  # the operational Blue stands on its set-up at first
    async with app.run_test(size=(100, 32)) as pilot:
        screen = app.screen
        await end_phase(pilot)  # red air; blue's bot flies and moves in later phases
        for _ in range(3):
            await end_phase(pilot)
        g = screen.game
        blue_moves = [e for e in g.events if e.kind == "moved" and e.side == "blue"]
        lines = [str(line.text) for line in app.screen.query_one("RichLog").lines]
        shown = "\n".join(lines)
        assert blue_moves, "the bot should have moved"
        assert not any(e.describe() in shown for e in blue_moves)


async def test_counters_are_nato_symbols_in_the_map_panels_and_help():
    from wargame import render
    from wargame.tui.dialogs import HelpScreen

    app = WargameApp(TINY, "human", "random", 4)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = app.screen
        await end_phase(pilot)  # red air -> red movement
        screen.map.cursor = screen.game.parse("0602")  # r1, a tank battalion
        await pilot.press("enter")
        await pilot.pause()
        assert screen.selected == "r1"
        unit = str(screen.query_one("#unitinfo").render())
        assert "▭ AR armour" in unit
        assert "▭ AR 1st Tank Bn (red) 3/3" in str(screen.query_one("#hexinfo").render())
        map_text = "".join(screen.map.render_line(y).text for y in range(12))
        assert "▭3" in map_text and "AR3" not in map_text
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        legend = str(app.screen.query_one("#help-extra").render())
        assert "⊗ mechanised infantry" in legend and "◠ air defence" in legend
        await pilot.press("escape")
        # the ASCII fallback redraws the counters with the two-letter codes
        try:
            render.set_ascii(True)
            screen.map.invalidate()
            await pilot.pause()
            map_text = "".join(screen.map.render_line(y).text for y in range(12))
            assert "AR3" in map_text and "▭" not in map_text
        finally:
            render.set_ascii(False)


async def test_undo_takes_back_the_order_at_the_cursor_and_reports_what_depended_on_it(saves):
    import dataclasses

    app = WargameApp(TINY, "human", "random", 4)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = app.screen
        g = screen.game
        await end_phase(pilot)  # red air -> red movement
        g.tables = dataclasses.replace(g.tables, stacking=2)
        g.place(g.units["r2"], g.parse("0602"))  # r1 and r2 fill 0602
        screen.refresh_all()
        notes = []
        screen.notify = lambda text, **kw: notes.append(text)

        async def move(uid, dest):
            screen.selected, screen.reach = uid, g.reachable(uid)
            screen.map.cursor = g.parse(dest)
            await pilot.press("enter")
            await pilot.pause()

        assert g.parse("0602") not in g.reachable("r3")  # full: not offered as a move ...
        screen._stage(Side.RED, Move("r3", ("0602",)))  # ... and if asked, the engine refuses and the TUI says why
        assert g.staged == () and notes[-1] == "0602 already holds 2 units (the stacking limit)"
        await move("r1", "0502")  # r1 leaves 0602 ...
        await move("r3", "0602")  # ... so r3 may come in
        assert [o.unit for o in g.staged] == ["r1", "r3"]
        assert "2. 1st Arty Bn" in str(screen.query_one("#orders").render())
        screen.map.cursor = g.parse("0502")  # on r1's destination: x takes back r1's move
        await pilot.press("x")
        assert g.staged == ()
        assert notes[-1] == ("undone: 1st Tank Bn: 0502 (1 hex)\n"
                             "also undone: 1st Arty Bn: 0602 (1 hex) (0602 already holds 2 units (the stacking limit))")
        await pilot.press("x")
        assert notes[-1] == "no order to undo this phase"
        # the staged orders are the engine's: a commit carries out what is staged there
        await move("r1", "0502")
        await end_phase(pilot)
        assert g.units["r1"].hex == g.parse("0502") and g.phase == "combat"
        assert g.log[-1]["orders"] == [Move("r1", ("0502",)).to_dict()]


async def test_a_search_bot_at_the_keyboard_thinks_within_a_time_cap(saves):
    from wargame.tui.game_screen import INTERACTIVE_BUDGET

    app = WargameApp(TINY, "human", "search", 4)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = app.screen
        assert isinstance(screen, GameScreen)
        assert screen.bots[Side.BLUE].name == "search" and screen.bots[Side.BLUE].budget == INTERACTIVE_BUDGET
        await end_phase(pilot)                       # red air; Blue's search bot answers
        for _ in range(100):
            await pilot.pause(0.05)
            if screen.game.active_side is Side.RED:
                break
        assert screen.game.active_side is Side.RED and screen.bots[Side.BLUE].looks


async def test_a_lost_terminal_ends_the_app(monkeypatch):
    import termios

    app = WargameApp()
    async with app.run_test(size=(100, 30)) as pilot:
        app._tty_fd = 0
        ended = []
        monkeypatch.setattr(app, "terminal_lost", lambda: ended.append(True))
        monkeypatch.setattr(termios, "tcgetattr", lambda fd: [0, 0, 0, 0, 0, 0, []])
        app.check_terminal()
        assert ended == []                          # the terminal is there: nothing happens

        def hung_up(fd):
            raise termios.error(5, "Input/output error")

        monkeypatch.setattr(termios, "tcgetattr", hung_up)
        app.check_terminal()
        assert ended == [True]
        await pilot.pause()


async def test_a_move_into_unseen_enemies_halts_and_the_log_says_so(saves):
    app = WargameApp(TINY, "human", "random", 4)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = app.screen
        await end_phase(pilot)                             # red air; Blue's bot flies
        g = screen.game
        assert g.phase == "movement" and g.active_side is Side.RED
        b2 = g.units["b2"].hex
        assert b2 not in g.view(Side.RED).seen             # Red does not see it...
        await pilot.press("tab")
        uid = screen.selected
        assert b2 in screen.reach                          # ...so the map offers its hex
        screen.map.cursor = b2
        await pilot.press("enter")
        await pilot.pause()
        assert [o.unit for o in screen.staged] == [uid]    # the order is taken: nothing gives b2 away
        await end_phase(pilot)
        assert g.units[uid].hex != b2
        halted = [e for e in g.events if e.kind == "halted"]
        assert halted and halted[0].unit == uid
        shown = "\n".join(str(line.text) for line in screen.query_one("RichLog").lines)
        assert f"halts in {halted[0].at}" in shown


async def test_helicopter_move_bridge_demolition_and_fallback_keys(saves):
    import dataclasses

    from tests.rules.boards import replace_type
    from wargame.orders import Airlift, Demolish, Fallback

    app = WargameApp(TINY, "human", "random", 4)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = app.screen
        g = screen.game
        replace_type(g.units["r1"], category="air_assault")  # r1 becomes liftable, and Red gets the helicopters
        g.scenario = dataclasses.replace(
            g.scenario, air={**g.scenario.air, Side.RED: dataclasses.replace(g.scenario.air[Side.RED], lift=1)}
        )
        g.place(g.units["r2"], g.parse("0502"))  # r2 on the east bank of the Narva bridge
        await end_phase(pilot)
        assert g.phase == "movement" and g.active_side is Side.RED
        screen.map.cursor = g.units["r1"].hex
        await pilot.press("enter")
        assert screen.selected == "r1"
        screen.map.cursor = g.parse("0704")
        await pilot.press("A")
        screen.map.cursor = g.parse("0402")
        await pilot.press("w")
        screen.map.cursor = g.units["r3"].hex
        await pilot.press("enter")
        screen.map.cursor = g.parse("0803")
        await pilot.press("F")
        await pilot.pause()
        assert screen.staged == (Airlift("r1", "0704"), Demolish("r2", "0402"), Fallback("r3", "0803"))
        await end_phase(pilot)
        assert g.units["r1"].hex == g.parse("0704")
        assert any(e.kind == "demolition" for e in g.events) and g.state.fallback["r3"] == g.index.idx[g.parse("0803")]
