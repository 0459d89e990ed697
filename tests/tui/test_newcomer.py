"""Regressions for what a newcomer met at the keyboard (issue 15), driven with Pilot."""


import pytest

from tests.tui.test_app import TINY, end_phase
from wargame.model.units import Side
from wargame.tui.app import WargameApp
from wargame.tui.dialogs import AirDialog, GameOver, Handover, RerollDialog, UmpireDialog
from wargame.tui.game_screen import GameScreen
from wargame.tui.gamelog import SummaryScreen, Timeline
from wargame.tui.saves_ui import LoadPicker, list_saves


@pytest.fixture(autouse=True)
def saves(tmp_path, monkeypatch):
    monkeypatch.setenv("WARGAME_SAVES", str(tmp_path / "saves"))
    return tmp_path / "saves"


async def test_space_pauses_and_full_stop_steps_a_watched_game():
    app = WargameApp(TINY, "random", "operational", 4)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = app.screen
        screen.delay = 10.0  # the timer would not step on its own during the test
        await pilot.pause()
        await pilot.press("space")
        assert screen.paused
        before = len(screen.game.log)
        await pilot.press("full_stop")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(screen.game.log) == before + 1 and screen.paused  # one phase, still paused
        await pilot.press("space")
        assert not screen.paused


def test_turn_stamps_follow_the_turn_started_events():
    from wargame.bots.driver import play_game
    from wargame.data.scenario import load_scenario

    g = play_game(load_scenario(TINY), 3, "operational", "operational").game
    tl = Timeline()
    turn = 0
    for e in g.events:
        if e.kind == "turn":
            turn = e.turn
        entry = tl.add_event(e)
        if entry is not None:
            assert entry.turn == turn and entry.text.startswith(f"T{turn} ")
    assert {e.turn for e in tl.entries} == set(range(1, g.turn + 1))


async def test_a_loaded_game_shows_its_true_history(saves):
    app = WargameApp(TINY, "human", "passive", 5)
    async with app.run_test(size=(100, 32)) as pilot:
        for _ in range(8):  # into turn 2
            await end_phase(pilot)
        assert app.screen.game.turn >= 2 or isinstance(app.screen, SummaryScreen)
    auto = sorted(saves.glob("auto-*.save"))
    app2 = WargameApp(TINY, load=str(auto[-1]))  # a scenario outside the data folder is named
    async with app2.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        screen = next(s for s in app2.screen_stack if isinstance(s, GameScreen))
        stamps = {e.turn for e in screen.timeline.entries if e.event is not None}
        assert 1 in stamps and screen.game.turn in stamps  # not every line stamped with the load turn


async def test_autosaves_rotate_per_game_and_opening_a_game_writes_none(saves):
    app = WargameApp(TINY, "human", "passive", 5)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert not list(saves.glob("*.save"))  # merely opening a game overwrites nothing
        game = app.screen.game
        for _ in range(30):
            if game.turn >= 5:
                break
            await end_phase(pilot)
        names = sorted(p.name for p in saves.glob("auto-*.save"))
        assert len(names) == 3 and all(n.startswith("auto-tiny-") for n in names)
        turns = [int(n[-7:-5]) for n in names]
        assert turns == list(range(game.turn - 2, game.turn + 1))
        info = list_saves()
        assert info[0].scenario == "tiny" and info[0].turn is not None


async def test_the_load_picker_lists_saves_and_loads_the_chosen_one(saves):
    app = WargameApp(TINY, "human", "passive", 5)
    async with app.run_test(size=(100, 32)) as pilot:
        for _ in range(7):
            await end_phase(pilot)
    app2 = WargameApp(TINY)  # the scenario outside the data folder is named on the command line
    async with app2.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app2.screen, LoadPicker)
        text = str(app2.screen.query_one("OptionList").get_option_at_index(0).prompt)
        assert "tiny, turn 3, red " in text and "[auto]" in text
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app2.screen, (GameScreen, SummaryScreen))


async def test_the_air_dialog_flies_on_enter_and_refuses_too_many_sorties():
    app = WargameApp(TINY, "human", "passive", 4)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = app.screen
        left = screen.game.sorties[Side.RED]
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, AirDialog)
        app.screen.query_one("#sorties").value = str(left + 5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AirDialog)  # not flown; the field keeps what was typed
        assert f"1 to {left}" in str(app.screen.query_one("#air-error").render())
        app.screen.query_one("#sorties").value = "4"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GameScreen) and screen.staged[0].sorties == 4
        assert f"sorties left: {left - 4} (4 assigned" in str(screen.query_one("#status").render())


async def test_the_umpire_sees_both_sides_names_the_units_and_approves_a_reroll():
    app = WargameApp(TINY, "human", "random", 4, umpire=True)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = app.screen
        g = screen.game
        await end_phase(pilot)
        screen.map.cursor = g.units["r1"].hex
        await pilot.press("enter")
        screen.map.cursor = g.parse("0402")
        await pilot.press("enter")
        await end_phase(pilot)
        screen.map.cursor = g.parse("0302")
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("enter")
        await end_phase(pilot)
        assert isinstance(app.screen, UmpireDialog)
        text = str(app.screen.query_one("Static").render())
        assert "Attackers: 1st Tank Bn" in text and "Defenders:" in text
        assert screen.map.cursor == g.parse("0302") and screen.umpire_view
        assert {u.side for u in screen.visible_units()} == {Side.RED, Side.BLUE}
        assert len(screen.visible_units()) == sum(1 for u in g.units.values() if u.hex is not None and u.alive)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RerollDialog) and g.pending is not None  # shown, not yet standing
        assert any("re-roll shown" in e.text for e in screen.timeline.entries)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any(e.kind == "umpire" and e.decision == "reroll" for e in g.events)


async def test_hotseat_shows_neither_side_the_other_s_detections_or_units():
    app = WargameApp(TINY, "human", "human", 3)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = app.screen
        await pilot.pause()
        lines = [str(x) for x in screen.query_one("#log").lines]
        assert not any("Blue detects" in x for x in lines)
        await end_phase(pilot)
        assert isinstance(app.screen, Handover)
        await pilot.press("enter")
        await pilot.pause()
        cursor_units = [u for u in screen.game.units.values() if u.hex == screen.map.cursor]
        assert cursor_units and all(u.side is Side.BLUE for u in cursor_units)


async def test_go_to_finds_cities_in_any_case_and_the_palette_has_them():
    app = WargameApp("incursion-2016", "human", "passive", 1)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("g")
        await pilot.pause()
        await pilot.press(*"riga", "enter")
        await pilot.pause()
        assert screen.map.cursor == screen.game.board.city_named("Riga").hex
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"go to tallinn")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert screen.map.cursor == screen.game.board.city_named("Tallinn").hex


async def test_enter_on_an_unreachable_hex_says_why_and_game_over_offers_what_next():
    app = WargameApp(TINY, "human", "passive", 2)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = app.screen
        notes = []
        screen.notify = lambda text, **kw: notes.append(text)
        await end_phase(pilot)
        await pilot.press("tab")
        far = next(h for h in screen.game.board.terrain if h not in screen.reach and screen.game.board.is_land(h)
                   and not screen.game.units_at(h))
        screen.map.cursor = far
        await pilot.press("enter")
        assert "cannot reach" in notes[-1]
        for _ in range(60):
            if screen.game.over:
                break
            await end_phase(pilot)
        await pilot.pause()
        assert isinstance(app.screen, GameOver)
        await pilot.press("r")
        await pilot.pause()
        assert type(app.screen).__name__ == "LogScreen"


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_the_overview_fits_any_terminal_with_the_capitals_named(size):
    app = WargameApp("incursion-2016", "human", "passive", 1)
    async with app.run_test(size=size) as pilot:
        await pilot.press("o")
        await pilot.pause()
        ov = app.screen.query_one("OverviewMap")
        w, h = ov.size
        grid, labels = ov.pixels(w, h)
        assert len(grid) <= 2 * h and len(grid[0]) <= w
        assert len(grid) >= 2 * h - 2 or len(grid[0]) >= w - 2  # it fills the space one way
        text = "\n".join("".join(seg.text for seg in ov.render_line(y)) for y in range(h))
        assert "Tallinn" in text and "Riga" in text
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GameScreen)


async def test_the_forecast_key_shows_the_players_own_forecast():
    app = WargameApp(TINY, "human", "operational", 5)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        text = str(app.screen.text)
        assert "Red's forecast, from what red believes" in text and "Chance Red's main force" in text
