"""TUI speed and memory on the real board (issue targets: cursor-move repaint < 5 ms, full map
repaint < 20 ms, key-to-screen < 50 ms while a bot thinks, start-up to first frame < 1.5 s,
memory < 200 MB).

    python benchmarks/bench_tui.py

Runs headless (App.run_test) at 120x40; the widget's own render time is measured directly
(render_lines over the affected or all visible lines), the key-to-screen time through Pilot.
"""

from __future__ import annotations

import asyncio
import os
import resource
import statistics
import tempfile
import time

os.environ.setdefault("WARGAME_SAVES", tempfile.mkdtemp())


async def main() -> None:
    t0 = time.perf_counter()
    from wargame.tui.app import WargameApp
    from wargame.tui.game_screen import GameScreen
    from wargame.tui.hexmap import HexMap

    app = WargameApp("incursion-2016", "human", "operational", 1)
    async with app.run_test(size=(120, 40)) as pilot:
        while not isinstance(app.screen, GameScreen):
            await pilot.pause()
        await pilot.pause()
        first = time.perf_counter() - t0
        m = app.screen.query_one(HexMap)
        w, h = m.size
        full, cursor = [], []
        for _ in range(20):
            m._cache.clear()
            t = time.perf_counter()
            for y in range(h):
                m.render_line(y)
            full.append(time.perf_counter() - t)
        screen = app.screen
        for i in range(40):  # what one cursor step costs us: the move, the hex panel, the two hexes' lines
            t = time.perf_counter()
            m.action_step("e" if i % 2 == 0 else "w")
            screen.update_hexinfo(m.cursor)
            y = (m.cursor.r * 2) - m.scroll_offset.y
            for dy in range(4):
                m.render_line(max(0, min(h - 1, y - 1 + dy)))
            cursor.append(time.perf_counter() - t)
        base = []
        for _ in range(10):  # Pilot's own cost of a key press that does nothing, to subtract
            t = time.perf_counter()
            await pilot.press("f12")
            base.append(time.perf_counter() - t)
        # key-to-screen while the Blue bot thinks: end Red's phases, then press keys during Blue's turn
        app.screen.game.submit(app.screen.game.active_side, [])
        screen = app.screen
        screen.run_bot(screen.game.active_side)
        keys = []
        for i in range(20):
            t = time.perf_counter()
            await pilot.press("l" if i % 2 == 0 else "h")
            keys.append(time.perf_counter() - t)
        await app.workers.wait_for_complete()
    ms = lambda xs: statistics.median(xs) * 1000  # noqa: E731
    print(f"start-up to first frame: {first:.2f} s (target < 1.5 s)")
    print(f"full map repaint ({w}x{h} cells, cold cache): median {ms(full):.1f} ms (target < 20 ms)")
    print(f"cursor move (move, hex panel, repaint of the two hexes): median {ms(cursor):.2f} ms (target < 5 ms)")
    print(f"key-to-screen while a bot thinks: median {ms(keys):.1f} ms through Pilot, whose own wait for an "
          f"ignored key is {ms(base):.1f} ms: {max(0.0, ms(keys) - ms(base)):.1f} ms of ours (target < 50 ms)")
    print(f"memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB peak (target < 200 MB)")


if __name__ == "__main__":
    asyncio.run(main())
