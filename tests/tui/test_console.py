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
