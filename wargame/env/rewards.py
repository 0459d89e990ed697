"""Rewards: a callable per episode that says what one side earned since it was last asked.

    reward = make_reward("rand")        # or "winner", "losses", "cities", or "rand+0.1*losses"
    reward.reset(game)
    r_red = reward(game, Side.RED)      # after every action; the env asks for both sides

Every built-in is zero-sum (Blue gets minus Red) and bounded in [-1, 1] over an episode.

- `rand` (default): at the end only. Red earns 1 - 2 h / H if it reached the outskirts of a
  measure city at hour h (H = the scenario's length in hours), -1 if it never did: RAND's measure,
  sooner is better for Red. Where the scenario judges Red by holding cities (`victory.hold`) the
  winner's +1/-1 is used instead.
- `winner`: +1 to the winner, -1 to the loser, at the end.
- `losses` (shaped): each step of the enemy destroyed earns 1 / (the enemy's total steps), each own
  step lost costs 1 / (own total steps), as it happens.
- `cities` (shaped): each objective city taken earns 1 / (number of objectives), each one lost costs
  as much, as it happens.

A sum of weighted terms is written `"rand+0.1*losses"`. Any object with `reset(game)` and
`__call__(game, side) -> float` may be given instead of a name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from wargame.model.units import Side

if TYPE_CHECKING:
    from wargame.game import Game


class Reward(Protocol):
    def reset(self, game: Game) -> None: ...

    def __call__(self, game: Game, side: Side) -> float: ...


def _sign(side: Side) -> float:
    return 1.0 if side is Side.RED else -1.0


class _Terminal:
    """Pays once, when the game ends (per side)."""

    def reset(self, game: Game) -> None:
        self.paid: set[Side] = set()

    def __call__(self, game: Game, side: Side) -> float:
        if not game.over or side in self.paid:
            return 0.0
        self.paid.add(side)
        return _sign(side) * self.red(game)

    def red(self, game: Game) -> float:
        raise NotImplementedError


class RandMeasure(_Terminal):
    def red(self, game: Game) -> float:
        r = game.result
        if game.scenario.victory.hold:
            return 1.0 if r is not None and r.winner == "red" else -1.0
        h = r.measure_hours if r is not None else None
        if h is None:
            return -1.0
        total = game.scenario.clock.length_turns * game.scenario.clock.turn_hours
        return max(-1.0, 1.0 - 2.0 * h / total)


class Winner(_Terminal):
    def red(self, game: Game) -> float:
        r = game.result
        return 1.0 if r is not None and r.winner == "red" else -1.0


class Losses:
    def reset(self, game: Game) -> None:
        self.total = {s: max(1, sum(u.type.steps for u in game.scenario.units if u.side is s)) for s in Side}
        self.seen = {s: dict(game.losses) for s in Side}

    def __call__(self, game: Game, side: Side) -> float:
        now, before = game.losses, self.seen[side]
        mine = now[side] - before[side]
        theirs = now[side.other] - before[side.other]
        self.seen[side] = dict(now)
        return theirs / self.total[side.other] - mine / self.total[side]


class Cities:
    def reset(self, game: Game) -> None:
        self.names = tuple(game.scenario.victory.objectives)
        self.seen = {s: self._held(game, s) for s in Side}

    def _held(self, game: Game, side: Side) -> int:
        return sum(1 for n in self.names if game.control.get(n) is side)

    def __call__(self, game: Game, side: Side) -> float:
        now = self._held(game, side)
        r = (now - self.seen[side]) / max(1, len(self.names))
        self.seen[side] = now
        return r


class Sum:
    def __init__(self, terms: list[tuple[float, Any]]):
        self.terms = terms

    def reset(self, game: Game) -> None:
        for _, t in self.terms:
            t.reset(game)

    def __call__(self, game: Game, side: Side) -> float:
        return sum(w * t(game, side) for w, t in self.terms)


BUILT_IN = {"rand": RandMeasure, "winner": Winner, "losses": Losses, "cities": Cities}


def make_reward(spec: str | Any) -> Any:
    """A reward by name (`rand`, `winner`, `losses`, `cities`, or weighted sums like
    `rand+0.1*losses`), or the object itself. ValueError for an unknown name."""
    if not isinstance(spec, str):
        if not (hasattr(spec, "reset") and callable(spec)):
            raise ValueError("a reward must be a name or an object with reset(game) and __call__(game, side)")
        return spec
    terms: list[tuple[float, Any]] = []
    for part in spec.replace(" ", "").split("+"):
        w, _, name = part.rpartition("*")
        if name not in BUILT_IN:
            raise ValueError(f"unknown reward {name!r}; expected one of {', '.join(BUILT_IN)} (or a weighted sum)")
        try:
            weight = float(w) if w else 1.0
        except ValueError:
            raise ValueError(f"reward weight {w!r} is not a number (write e.g. 0.1*losses)") from None
        terms.append((weight, BUILT_IN[name]()))
    return terms[0][1] if len(terms) == 1 and terms[0][0] == 1.0 else Sum(terms)
