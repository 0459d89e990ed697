"""Air: sortie pools, air-defence attrition, interdiction, suppression of air defences, counter-air."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wargame import events as ev
from wargame.hexgrid import Hex, distance, neighbours
from wargame.model.units import Side
from wargame.orders import AirMission

if TYPE_CHECKING:
    from wargame.game import Game


def ad_strength(game: "Game", flying: Side, target: Hex) -> float:
    """Total strength of the enemy SAM umbrellas (not suppressed) covering `target`."""
    return sum(u.type.ad_strength for u in game.units_of(flying.other)
               if u.type.ad_strength > 0 and u.id not in game.suppressed and distance(u.hex, target) <= u.type.ad_range)


def loss_probability(game: "Game", flying: Side, target: Hex) -> float:
    a = game.tables.air
    return min(a["ad_loss_cap"], a["ad_loss_per_strength"] * ad_strength(game, flying, target))


def roll_losses(game: "Game", flying: Side, target: Hex, sorties: int) -> int:
    p = loss_probability(game, flying, target)
    if p <= 0:
        return 0
    return sum(1 for _ in range(sorties) if game.rng.random() < p)


def sead_rolls_needed(game: "Game", side: Side, m: AirMission, lost: int) -> int:
    """How many SEAD dice a mission rolls once `lost` sorties are gone (0 if no SAM is there)."""
    if m.mission != "sead":
        return 0
    target = game.parse(m.target)
    if not any(u.side is not side and u.type.ad_strength > 0 for u in game.units_at(target)):
        return 0
    return (m.sorties - lost) // int(game.tables.air["sead_sorties_per_roll"])


def fly(game: "Game", side: Side, m: AirMission, lost: int | None = None, rolls: list[int] | None = None) -> list[ev.Event]:
    """Fly a mission. `lost` (sorties lost to air defence) and the SEAD dice `rolls` are rolled here
    unless the umpire ruled them."""
    a = game.tables.air
    target = game.parse(m.target) if m.mission != "counter_air" else None
    game.sorties[side] -= m.sorties
    if m.mission == "counter_air":
        denied = int(m.sorties * a["counter_air_ratio"])
        game.sorties[side.other] = max(0, game.sorties[side.other] - denied)
        return [ev.AirMissionFlown(side.value, m.mission, "-", m.sorties, 0, f"{denied} enemy sorties denied this turn")]
    if lost is None:
        lost = roll_losses(game, side, target, m.sorties)
    left = m.sorties - lost
    if m.mission == "interdiction":
        if left >= a["interdiction_sorties"]:
            zone = {target} | {n for n in neighbours(target) if n in game.board.terrain}
            game.interdicted[side] |= zone
            game.seen_by_air[side] |= zone
            effect = f"{game.hid(target)} and its ring interdicted: enemy movement there cut this turn"
        else:
            effect = "too few sorties got through to interdict"
        return [ev.AirMissionFlown(side.value, m.mission, m.target, m.sorties, lost, effect)]
    # SEAD against the SAM units in the target hex
    out: list[ev.Event] = []
    sams = [u for u in game.units_at(target) if u.side is not side and u.type.ad_strength > 0]
    game.seen_by_air[side].add(target)
    if not sams:
        return [ev.AirMissionFlown(side.value, m.mission, m.target, m.sorties, lost, "no air defence found there")]
    results = []
    for i in range(left // int(a["sead_sorties_per_roll"])):
        u = sams[i % len(sams)]
        if not u.alive:
            continue
        roll = rolls[i] if rolls is not None else game.rng.randint(1, 6)
        if roll >= a["sead_suppress_on"]:
            game.suppressed.add(u.id)
            results.append(f"{u.name} suppressed (die {roll})")
        if roll >= a["sead_destroy_on"]:
            out.extend(game.lose_step(u, "suppression of air defences"))
    effect = "; ".join(results) if results else "no SAM suppressed"
    return [ev.AirMissionFlown(side.value, m.mission, m.target, m.sorties, lost, effect)] + out
