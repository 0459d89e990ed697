"""Crisis bots brought back to where they were when a crisis was saved: the crisis' warm-up (as
wargame.bots.resume is the war's).

A crisis bot keeps its own random stream (wargame.crisis.bots: Red's intent draws from it). A save
holds the crisis, not its bots: a crisis rebuilt from a save (wargame.crisis.saves.load_crisis)
stands exactly where it did, but new bots would start their streams again, and the crisis would go
on differently from the same crisis never interrupted.

`warm_up` re-runs the crisis' record from its seed (`replay_crisis` with a `watch`) and, at every
recorded phase of a side a bot plays, asks that bot for its order as the crisis loops do
(`bot.orders(crisis.view(side))`: wargame.crisis.play, the crisis screen), throws the answer away and
plays the recorded order. The bots' streams end where the uninterrupted crisis' bots' did. Nothing
of a bot is written to a save (saves are hostile input: data, never code).

A side a human played before the save is watched all the same: the bot taking it over is asked at
its phases, as if it had played the side and given the human's orders.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wargame.crisis.record import replay_crisis

if TYPE_CHECKING:
    from wargame.crisis.engine import Crisis
    from wargame.model.scenario import Scenario


@dataclass
class CrisisWarmer:
    """A crisis replay's `watch`: asks each side's crisis bot at that side's phases, discards the answer."""

    bots: Mapping[str, Any]  # "red" / "blue" -> a crisis bot (`orders(CrisisView)`)
    asked: int = 0

    def __call__(self, crisis: Crisis, side: str) -> None:
        bot = self.bots.get(side)
        if bot is None:
            return
        bot.orders(crisis.view(side))
        self.asked += 1


def resume_crisis(
    rec: dict[str, Any], scenario: Scenario, seed: int, bots: Mapping[str, Any]
) -> tuple[Crisis, list[str], CrisisWarmer]:
    """`replay_crisis` of a crisis in progress with `bots` warmed up on the way: the crisis, its
    differences from the record (empty: it reproduces itself) and the warm-up's account."""
    warmer = CrisisWarmer(bots)
    crisis, problems = replay_crisis(rec, scenario, seed, unfinished=True, watch=warmer)
    return crisis, problems, warmer


def warm_up(bots: Mapping[str, Any], crisis: Crisis) -> CrisisWarmer:
    """Bring new crisis `bots` (seeded as `crisis_bots(intent, posture, crisis.seed)`) up to where the
    bots of `crisis` (rebuilt from a save, or played so far by others) would be now."""
    if not crisis.log or not bots:
        return CrisisWarmer(bots)
    return resume_crisis(crisis.to_record(), crisis.scenario, crisis.seed, bots)[2]
