"""A crisis and the war that may follow, played by bots through the same doors (Crisis, Game):
for batch runs, studies and tests."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from wargame.crisis.bots import crisis_bots
from wargame.crisis.engine import Crisis
from wargame.model.scenario import Scenario


@dataclass
class Campaign:
    crisis: Crisis
    played: Any = None  # wargame.bots.driver.Played of the war, or None when no war came
    # the RAND measure of the same war (same seed, same hand-over) without the warning gained in the
    # crisis: "" when there was no war, no warning, or a limited grab; None when Red never reached
    without_warning: Any = ""

    def row(self) -> dict[str, Any]:
        """The crisis' columns of a batch or study row."""
        c, st = self.crisis, self.crisis.state
        true, seen = c.balance()
        return {
            "crisis_outcome": c.outcome,
            "crisis_days": st.day,
            "crisis_tension": st.tension,
            "warning_gained": st.warning_hours,
            "escalated_first": st.escalated_first or "",
            "caused_by": st.caused_by or "",
            "incidents_serious": st.incidents["serious"] + st.incidents["high"],
            "true_balance": true,
            "perceived_balance": seen,
            "war": c.war,
            "red_intent": c.settings.red_intent,
            "blue_posture": c.settings.blue_posture,
            "measure_without_warning": self.without_warning,
        }


def play_crisis(scenario: Scenario, seed: int, intent: str | None = None, posture: str | None = None) -> Crisis:
    """The crisis alone, bots on both sides (intent and posture default to the scenario's)."""
    c = Crisis(scenario, seed)
    red, blue = crisis_bots(intent or c.settings.red_intent, posture or c.settings.blue_posture, seed)
    if intent or posture:
        import dataclasses

        c.settings = dataclasses.replace(
            c.settings, red_intent=intent or c.settings.red_intent, blue_posture=posture or c.settings.blue_posture
        )
    guard = 0
    while not c.over:
        side = c.active_side
        bot = red if side == "red" else blue
        c.submit(side, bot.orders(c.view(side)))  # type: ignore[arg-type]
        guard += 1
        if guard > 10_000:  # pragma: no cover - a crisis has at most 5 phases a day
            raise RuntimeError("the crisis does not end")
    return c


def play_campaign(
    scenario: Scenario,
    seed: int,
    red_bot: Any,
    blue_bot: Any,
    time_limit: float | None = None,
    intent: str | None = None,
    posture: str | None = None,
    control: bool = True,
) -> Campaign:
    """The crisis, then (if it ended in war) the war with the given war bots on the handed-over scenario;
    with `control`, after a war with warning gained also the same war without that warning (same
    seed, everything else handed over the same): what the warning alone changes."""
    from wargame.bots.driver import play_game

    c = play_crisis(scenario, seed, intent, posture)
    camp = Campaign(c)
    if c.war:
        paired = control and c.state.warning_hours > 0 and c.outcome != "limited"
        fresh = (copy.deepcopy(red_bot), copy.deepcopy(blue_bot)) if paired else None  # the same bots, unplayed
        p = play_game(c.war_scenario(), seed, red_bot, blue_bot, time_limit=time_limit)
        p.game.crisis = c
        camp.played = p
        if fresh is not None:
            q = play_game(c.war_scenario(warning=False), seed, *fresh, time_limit=time_limit)
            camp.without_warning = q.game.result.measure_hours if q.game.result is not None else None
    return camp
