"""SVG snapshots of the screens at fixed terminal sizes (pytest-textual-snapshot).

Regenerate after a deliberate change with `pytest tests/tui/test_snapshots.py --snapshot-update`,
after looking at the report."""

from pathlib import Path

import pytest

from wargame.tui.app import WargameApp

TINY = str(Path(__file__).resolve().parent.parent / "fixtures" / "tiny" / "scenarios" / "tiny.yaml")


@pytest.fixture(autouse=True)
def saves(tmp_path, monkeypatch):
    monkeypatch.setenv("WARGAME_SAVES", str(tmp_path / "saves"))
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")


def test_game_screen_in_movement_with_a_unit_selected(snap_compare):
    async def run_before(pilot):
        await pilot.press("e", "y")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("tab")
        await pilot.pause()

    assert snap_compare(WargameApp(TINY, "human", "random", 4), terminal_size=(100, 30), run_before=run_before)


def test_game_screen_at_80x24(snap_compare):
    assert snap_compare(WargameApp(TINY, "human", "operational", 4), terminal_size=(80, 24))


def test_game_screen_at_200x60(snap_compare):
    assert snap_compare(WargameApp(TINY, "human", "operational", 4), terminal_size=(200, 60))


def test_overview_at_80x24(snap_compare):
    assert snap_compare(WargameApp(TINY, "human", "operational", 4), terminal_size=(80, 24), press=["o"])
