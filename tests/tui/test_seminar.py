"""The seminar roles: the facilitator's planning timer (start, pause, extend) published to the teams,
the facilitator publishing committed phases, and a team view under its own fog."""

from __future__ import annotations

import argparse
from pathlib import Path

from wargame.planning import PlanningTimer, read_timer
from wargame.tui.seminar import FollowApp, facilitator_app

TINY = str(Path(__file__).resolve().parent.parent / "fixtures" / "tiny" / "scenarios" / "tiny.yaml")


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_timer_start_pause_extend():
    c = Clock()
    t = PlanningTimer(120, 120, clock=c)
    assert not t.running and t.remaining() == 120
    t.start()
    c.now += 30
    assert t.running and t.remaining() == 90
    t.pause()
    c.now += 500
    assert t.remaining() == 90 and t.text() == "planning 1:30 paused"
    t.extend(60)
    t.start()
    c.now += 149
    assert t.remaining() == 1
    c.now += 5
    assert t.expired and "time is up" in t.text()
    t.reset()
    assert t.remaining() == 120 and not t.running
    assert PlanningTimer.from_dict({"seconds": "x", "left": 1}) is None
    assert PlanningTimer.from_dict(t.to_dict()) == t


def _args(session: Path) -> argparse.Namespace:
    return argparse.Namespace(session=str(session), scenario=TINY, red="operational", blue="human", seed=4,
                              injects=None, role="facilitator")


async def test_facilitator_timer_and_publishing(tmp_path):
    session = tmp_path / "room.save"
    app = facilitator_app(_args(session))
    async with app.run_test(size=(140, 45)) as pilot:
        await pilot.pause(1.5)
        assert session.is_file()  # the opening phases were published for the teams
        await pilot.press("ctrl+t")
        t = read_timer(session)
        assert t is not None and t.running and 590 < t.remaining() <= 600
        await pilot.press("ctrl+e")
        assert read_timer(session).remaining() > 650
        await pilot.press("ctrl+t")
        t = read_timer(session)
        assert t is not None and not t.running and 650 < t.remaining() <= 660

    team = FollowApp("blue", session, TINY)
    async with team.run_test(size=(140, 45)) as pilot:
        await pilot.pause()
        status = str(team.query_one("#status").render())
        assert "BLUE TEAM" in status and "planning 1" in status and "paused" in status
        view = team.game.view(team.side)
        assert {u.id for u in team.units(team.game)} == {u.id for u in view.own + view.enemy}
