"""Watch mode (bots on both sides, or a replayed save): a timer steps the game; space pauses, `.`
steps one phase, + and - change the speed, G runs to the end in a worker, within a time limit."""

from __future__ import annotations

import time

from textual import work

from wargame.bots.driver import BotProblem, bot_player
from wargame.game import Decision, Game
from wargame.model.units import Side
from wargame.play import play_until

JUMP_LIMIT = 120.0  # seconds G may run before it stops and says so (G again goes on)


class WatchMode:
    """Mixed into GameScreen."""

    _last_step = 0.0
    _jump_pending = False

    def watching(self) -> bool:
        return all(p != "human" for p in self.players.values())

    def _watch_tick(self) -> None:
        if self.paused or self.busy or self.game.over or self.game.pending is not None:
            return
        if time.monotonic() - self._last_step < self.delay:
            return
        self._step()

    def _step(self) -> None:
        if self.busy or self.game.over or self.human_side() is not None:
            return
        self._last_step = time.monotonic()
        self.busy = True
        self.run_bot(self.game.active_side)

    def action_step(self) -> None:
        """One phase, and stay paused: a watcher steps through what interests them."""
        if not self.watching():
            return
        self.paused = True
        if self.game.over:
            self.notify("the game is over")
        self._step()
        self.update_status()

    def action_pause(self) -> None:
        if not self.watching():
            return
        self.paused = not self.paused
        self.notify("paused: . steps one phase, space runs on" if self.paused else "running")
        self.update_status()

    def action_faster(self) -> None:
        self.delay = max(0.0, round(self.delay - 0.2, 1))
        self.update_status()

    def action_slower(self) -> None:
        self.delay = round(self.delay + 0.2, 1)
        self.update_status()

    def action_to_end(self) -> None:
        if self.watching() and not self.game.over:
            self.paused = True
            if self.busy:
                self._jump_pending = True  # after the phase a bot is thinking about
            else:
                self._start_jump()

    def _start_jump(self) -> None:
        self.busy = True  # set here, on the UI thread, so no timer step can start meanwhile
        self.update_status()
        self._run_to_end(JUMP_LIMIT)

    @work(thread=True, group="bot")
    def _run_to_end(self, limit: float) -> None:
        """Play on to the end in this worker; stop after `limit` seconds (the screen says so, G goes
        on); a bot that fails passes its phase, as at the keyboard."""
        g = self.game
        logs: list = []
        problems: list[str] = []
        failed: list[BotProblem] = []  # a bot that fails passes its phase (wargame.bots.driver.ask)

        def ruling(game: Game) -> Decision:
            d = self.decisions.pop(0) if self.decisions else {"action": "accept"}
            return Decision(d["action"], d.get("result", ""), d.get("note", ""))

        players = {s: bot_player(self.bots[s], None, failed) for s in Side}
        try:
            play_until(g, players, time_limit=limit, umpire=ruling, on_events=lambda side, got: logs.extend(got))
        except Exception as e:  # noqa: BLE001 - the engine refused: say so, keep the screen alive
            problems.append(f"the run to the end stopped: {type(e).__name__}: {e}")
        problems[:0] = [f"T{p.turn} {p.side} bot {p.bot}: {p.problem}; it passes this phase" for p in failed]
        timed_out = not g.over and not problems

        def finish() -> None:
            self.busy = False
            for e in logs:
                self.log_event(e)
            for p in problems:
                self.log_line(p, "red")
            if timed_out:
                self.notify(f"stopped after {limit:.0f} s at turn {g.turn}: G goes on", severity="warning")
            self.autosave()
            self.advance()
        self.app.call_from_thread(finish)
