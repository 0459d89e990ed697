"""The terminal UI (Textual). The core never imports this package."""

from __future__ import annotations


def run(scenario: str | None = None, red: str | None = None, blue: str | None = None, seed: int | None = None,
        umpire: bool = False, load: str | None = None, replay: str | None = None) -> int:
    from wargame.tui.app import WargameApp

    WargameApp(scenario, red, blue, seed, umpire, load, replay).run()
    return 0
