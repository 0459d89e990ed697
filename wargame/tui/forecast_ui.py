"""The forecast key: "from here, how likely is Red to reach Riga by H+60?" (wargame.study.forecast).

A player's forecast starts every rollout from what their side believes (`Oracle.imagine`), so it shows
nothing they could not know; with no human at the keyboard (watch mode) or in the umpire's view it
starts from the true position. The rollouts run in a worker thread; the map stays live.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import work

from wargame.model.units import Side

ROLLOUTS = 24  # enough for a first answer at the keyboard in a few seconds (wargame forecast gives more)


class Forecasting:
    """Mixed into GameScreen."""

    game: Any
    app: Any
    umpire_view: bool

    def action_forecast(self) -> None:
        if self.game.over:
            self.app.notify("The game is over: nothing to forecast.")
            return
        side = None if self.umpire_view else self.fog_side()  # LogView's
        who = f"{side.value.capitalize()}'s forecast, from what {side.value} believes" if side else \
            "The umpire's forecast, from the true position"
        self.app.notify(f"{who}: playing {ROLLOUTS} games on with the operational bots...", timeout=4)
        self._forecast(side, who)

    @work(thread=True, group="forecast", exclusive=True)
    def _forecast(self, side: Side | None, who: str) -> None:
        from wargame.study.forecast import forecast

        fc = forecast(self.game, ROLLOUTS, seed=self.game.turn * 7919 + 1, workers=1, belief=side)
        lines = [f"{who}, turn {self.game.turn} (H+{fc.start_hour}).", ""] + fc.lines() + [
            "", f"{ROLLOUTS} rollouts, operational bots on both sides; `wargame forecast SAVE` gives more."]
        self.app.call_from_thread(self._show_forecast, "\n".join(lines))

    def _show_forecast(self, text: str) -> None:
        from wargame.tui.gamelog import SummaryScreen

        self.app.push_screen(SummaryScreen(Text(text)))
