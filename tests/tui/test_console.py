"""The facilitator's console, driven with Textual's pilot: the view switch, injects from the deck (by
hand and scheduled), notes, pausing, rewinding a phase with the branch kept, the session published
for the other roles; the projector following it; the VCR replay's controls."""

from __future__ import annotations

import argparse
from pathlib import Path

from wargame.model.units import Side
from wargame.saves import read_save
from wargame.seminar.room import read_paused
from wargame.tui.console import ConsoleScreen
from wargame.tui.seminar import ProjectorApp, facilitator_app

TINY = str(Path(__file__).resolve().parent.parent / "fixtures" / "tiny" / "scenarios" / "tiny.yaml")
DECK = """format: wargame-injects/1
scenario: tiny
injects:
  - {id: news, title: "Rumours in Narva", effect: message, assumption: test}
  - {id: narva, title: "The Narva bridge is down", effect: blow_bridge, args: {hexes: ["0402", "0502"], by: blue},
     turn: 2, source: test}
"""


def _args(tmp: Path) -> argparse.Namespace:
    deck = tmp / "deck.yaml"
    deck.write_text(DECK, encoding="utf-8")
    return argparse.Namespace(session=str(tmp / "room.save"), scenario=TINY, red="human", blue="human", seed=4,
                              injects=str(deck), role="facilitator")


def console(app) -> ConsoleScreen:
    screens = [s for s in app.screen_stack if isinstance(s, ConsoleScreen)]
    assert screens, app.screen_stack
    return screens[-1]


async def end_phase(pilot) -> None:
    await pilot.press("e")
    await pilot.pause()
    await pilot.press("y")
    await pilot.pause(0.3)

async def until_ruling(app, pilot) -> ConsoleScreen:
    """End the White cell's (Blue's) phases until Red's bot attacks and the umpire is asked."""
    c = console(app)
    for _ in range(60):
        await pilot.pause(0.2)
        if c.game.pending is not None:
            break
        if c.players[c.game.active_side] == "human" and not c.busy:
            await end_phase(pilot)
    assert c.game.pending is not None, "no attack in the fixture's first turns"
    return c



async def test_console_views_injects_notes_pause_and_rewind(tmp_path):
    app = facilitator_app(_args(tmp_path))
    session = tmp_path / "room.save"
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause(0.5)
        c = console(app)
        assert c.deck is not None and c.view_as is None
        red_fog = {u.id for u in c.game.view(Side.RED).own + c.game.view(Side.RED).enemy}
        await pilot.press("v")
        assert c.view_as is Side.RED and {u.id for u in c.visible_units()} == red_fog
        await pilot.press("v", "v")
        assert c.view_as is None and len(c.visible_units()) == len([u for u in c.game.units.values() if u.hex])

        # an inject by hand: the deck's first line, with a note
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("tab", *"heard at 06:00", "enter")
        await pilot.pause()
        e = c.game.events[-1]
        assert e.kind == "inject" and e.id == "news" and e.note == "heard at 06:00"

        # a bookmark on turn 1
        await pilot.press("B")
        await pilot.pause()
        await pilot.press(*"first contact", "enter")
        await pilot.pause()
        assert c.game.seminar.notes == [{"turn": 1, "text": "first contact", "bookmark": True}]

        # paused: no phase ends, and the room is told
        await pilot.press("p")
        assert c.halted and read_paused(session)
        n = len(c.game.log)
        await pilot.press("e")
        await pilot.pause()
        assert len(c.game.log) == n
        await pilot.press("p")
        assert not c.halted and not read_paused(session)

        # play into turn 2: the scheduled inject plays itself
        while c.game.turn < 2:
            await end_phase(pilot)
        await pilot.pause(0.3)
        assert [i["id"] for i in c.game.seminar.injects] == ["news", "narva"]
        await pilot.pause(1.5)  # the app publishes the session
        rec = read_save(session)
        assert [i["id"] for i in rec["seminar"]["injects"]] == ["news", "narva"]

        # rewind: the last phase goes (and the inject after it), the branch is kept, the game is paused
        before = c.record()
        await pilot.press("ctrl+z")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause(0.5)
        r = console(app)
        assert r is not c and r.halted
        assert len(r.game.log) == len(before["log"]) - 1
        assert [i["id"] for i in r.game.seminar.injects] == ["news"]
        branches = list(tmp_path.glob("room-branch-*.save"))
        assert len(branches) == 1 and read_save(branches[0])["events_sha256"] == before["events_sha256"]
        assert any("Rewound" in n["text"] for n in r.game.seminar.notes)
        await pilot.pause(1.5)
        assert read_save(session)["log"] == before["log"][:-1]

    projector = ProjectorApp(session, TINY)
    async with projector.run_test(size=(160, 50)) as pilot:
        await pilot.pause(0.5)
        assert projector.game is not None and "PAUSED" in str(projector.query_one("#status").render())
        from wargame.tui.projector import ArrowMap

        m = projector.query_one(ArrowMap)
        assert len(m.units) == len([u for u in projector.game.units.values() if u.hex is not None])
        assert "RAND measure" in str(projector.query_one("#score").render())


async def test_browser_safe_timer_keys_and_the_white_cells_panel(tmp_path):
    """A browser keeps Ctrl+T/E/R for itself: T, M and R run the timer; the side panel shows it,
    whose orders the White cell enters and, when a result waits, what to press. Typing T in a note
    stays text."""
    from wargame.planning import read_timer

    app = facilitator_app(_args(tmp_path))
    session = tmp_path / "room.save"
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause(0.5)
        c = console(app)
        await pilot.press("T")
        t = read_timer(session)
        assert t is not None and t.running
        await pilot.press("M")
        assert read_timer(session).remaining() > 650
        panel = str(c.query_one("#status").render())
        assert "running" in panel and "White cell" in panel and "orders; e ends the phase" in panel
        await pilot.press("R")
        assert not read_timer(session).running and read_timer(session).remaining() == 600
        await pilot.press("N")
        await pilot.pause()
        await pilot.press(*"Tallinn T", "enter")
        await pilot.pause()
        assert c.game.seminar.notes[-1]["text"] == "Tallinn T" and not read_timer(session).running
        # the footer keeps the console's keys in view: the game screen's rarer ones moved to `?`
        shown = {b.key for b in c.BINDINGS if getattr(b, "show", True)}
        assert {"T", "i", "v", "p", "D"} <= shown and "q" not in shown


async def test_a_waiting_ruling_is_spelled_out(tmp_path):
    args = _args(tmp_path)
    args.red = "operational"
    app = facilitator_app(args)
    async with app.run_test(size=(160, 50)) as pilot:
        c = await until_ruling(app, pilot)
        assert "Your ruling: a accepts" in str(c.query_one("#status").render())
        app.publish()  # the session is published while the ruling waits: a reopened tab resumes here
        from wargame.game import Game

        rec = read_save(Path(args.session))
        again = Game.from_record(rec, c.game.scenario)
        assert rec["pending"] and again.pending is not None
        assert (again.pending.kind, again.pending.result) == (c.game.pending.kind, c.game.pending.result)
        assert len(again.events) == len(c.game.events)
        n = len(c.game.decisions)
        await pilot.press("a")
        await pilot.pause(0.5)
        assert len(c.game.decisions) == n + 1 and c.game.decisions[-1]["action"] == "accept"


async def test_the_projector_fills_its_width_and_wraps_the_debrief(tmp_path):
    """The map box is as wide as the board at its height (no band beside it); the side panel's text
    wraps at its width; the clock and timer are big cell-drawn digits."""
    from wargame.tui.projector import ArrowMap, BigText

    app = facilitator_app(_args(tmp_path))
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause(0.5)
        await pilot.press("T")
        await end_phase(pilot)
        await pilot.pause(1.5)
    projector = ProjectorApp(tmp_path / "room.save", TINY)
    async with projector.run_test(size=(200, 50)) as pilot:
        await pilot.pause(0.5)
        m = projector.query_one(ArrowMap)
        used = m._scale(m.size.width, m.size.height)[2]
        assert m.size.width - used <= 1, (m.size.width, used)
        side = projector.query_one("#side")
        assert side.size.width >= 40 and m.size.width + side.size.width == 200
        text = projector.query_one("#summary-text")
        assert text.size.width <= projector.query_one("#summary").size.width
        assert all(len(line.rstrip()) <= text.size.width for line in
                   [s.text for s in text.render_lines(text.region.reset_offset)])
        clock, timer = projector.query_one("#clock", BigText), projector.query_one("#timer", BigText)
        assert clock.text.startswith("H+") and timer.text == "10:00" and clock.size.height == 5


async def test_a_reopened_console_resumes_at_the_waiting_ruling(tmp_path):
    args = _args(tmp_path)
    args.red = "operational"
    app = facilitator_app(args)
    async with app.run_test(size=(160, 50)) as pilot:
        c = await until_ruling(app, pilot)
        app.publish()
        waiting = (c.game.turn, c.game.phase, c.game.pending.result, len(c.game.events))
    again = facilitator_app(args)  # the facilitator's tab reopened on the same session
    async with again.run_test(size=(160, 50)) as pilot:
        await pilot.pause(0.5)
        c = console(again)
        g = c.game
        assert (g.turn, g.phase, g.pending and g.pending.result, len(g.events)) == waiting


async def test_the_console_and_the_projector_close_while_their_timers_fire(tmp_path, monkeypatch):
    """The console publishes and the projector follows on an interval; a tick that lands while the app
    is closing (its screens' widgets already taken down) must not raise. Seen in CI at a test's end; a
    1 ms interval makes it happen every time."""
    from wargame.tui import seminar

    app = facilitator_app(_args(tmp_path))
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause(0.5)
        await end_phase(pilot)
        await pilot.pause(1.5)  # published at the 1 s interval
    monkeypatch.setattr(seminar, "FOLLOW_SECONDS", 0.001)
    app = facilitator_app(_args(tmp_path))  # reopens the session
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause(0.3)
        await pilot.press("T")  # the planning timer runs: every tick updates the side panel
        await pilot.pause(0.05)
        assert app.timer.running
    projector = ProjectorApp(tmp_path / "room.save", TINY)
    async with projector.run_test(size=(200, 50)) as pilot:
        await pilot.pause(0.3)
        assert projector.game is not None
