"""Fog of war: what one side may know. Bots and hotseat players see only this (issue: no peeking).

An enemy unit is detected when it is next to one of the side's units, within the detection range
of one (by day; the table's night factor shrinks it at night, to at least 1), or in a hex the side's
aircraft flew over this turn (interdiction, SEAD, close air support).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wargame.hexgrid import Hex, within
from wargame.model.board import Board
from wargame.model.units import Side, Unit

if TYPE_CHECKING:
    from wargame.game import Game


@dataclass(frozen=True)
class View:
    side: Side
    turn: int
    hour: int
    night: bool
    phase: str
    active_side: Side | None
    board: Board
    own: tuple[Unit, ...]            # copies: changing them changes nothing in the game
    enemy: tuple[Unit, ...]          # detected enemy units only, copies
    arriving: tuple[tuple[str, int], ...]  # own units still to arrive: (unit id, turn)
    sorties: int
    measure: dict[str, int]
    control: dict[str, str]
    over: bool
    result: dict[str, Any] | None

    def unit(self, unit_id: str) -> Unit | None:
        for u in self.own + self.enemy:
            if u.id == unit_id:
                return u
        return None


def detected(game: "Game", side: Side) -> set[Hex]:
    f = game.tables.detection_night_factor if game.night else 1.0
    seen: set[Hex] = set(game.seen_by_air[side])
    for u in game.units_of(side):
        r = max(1, int(u.type.detection * f))
        seen.update(within(u.hex, r))
    return seen


def make_view(game: "Game", side: Side) -> View:
    seen = detected(game, side)
    own = tuple(u.copy() for u in sorted(game.units.values(), key=lambda u: u.id) if u.side is side and u.alive and u.hex is not None)
    enemy = tuple(u.copy() for u in sorted(game.units.values(), key=lambda u: u.id)
                  if u.side is not side and u.alive and u.hex is not None and u.hex in seen)
    arriving = tuple(sorted((i, t) for i, t in game.arrival.items() if game.units[i].side is side))
    return View(side, game.turn, game.hour, game.night, game.phase, game.active_side, game.board, own, enemy, arriving,
                game.sorties[side], dict(game.measure), {n: s.value for n, s in game.control.items()}, game.over,
                dict(game.result) if game.result else None)
