"""The search bot: picks its doctrine by playing the game forward (simulation-based strategy choice).

The operational bot plays one doctrine. The search bot holds several -- the operational one and
others: for Red more caution in attack, another axis (Tallinn only), interdiction, and a different
plan (pin the contacts that hold and go round them, with or without massing the artillery on them);
for Blue a deeper or more forward line, delaying without counter-attacks, keeping the air for close
support (`RED_DOCTRINES`, `BLUE_DOCTRINES`) -- and at its first phase, then every `replan` turns, it
plays the doctrines forward on copies of the game as it believes it to be, its own side following a
doctrine and the enemy the operational one, to the end of the game (or `horizon_turns`). Every
doctrine is played against the same dice (common random numbers), so their differences are the
doctrines' and not chance's. The doctrines race (`look`): `rounds` rounds of `rollouts` look-aheads,
the worse half of the challengers dropping out after each, so the finalists are measured most. The
first look takes the best average; later ones change the plan only for a clear gain.

Its belief (`Oracle.imagine`): the enemy units it detects now are where they are; every other enemy
unit is where it was last seen or, never seen, at its H-hour set-up from the scenario's briefing
(or, where that hex is in sight, just out of sight), with its last-seen or briefed strength; the
enemy's reinforcements come on the scenario's published schedule. It never reads hidden positions,
strengths, orders, entrenchment or supply: the imagined game is built by `wargame.bots.belief`.

A look-ahead is scored in hours, as the RAND measure is: the hour Red reached the outskirts of a
measure city or, not reached when the look-ahead stops, the hour then plus the turns the nearest Red
manoeuvre unit would need to reach a Red goal at full movement; less `material` hours per step of
the loss exchange in Red's favour (the tie-break: the measure moves in 12-hour steps). Red wants the
score low, Blue high. Where the scenario has an objective of its own (`victory.hold`, the Suwałki
gap) the hour Red first holds all of it takes the measure's place.

It is deterministic under its seed: the work is counted in rollouts, not seconds. `budget`
(seconds, default none) caps a look for interactive play, at the price of that determinism.
"""

from __future__ import annotations

import random
import time

from wargame.bots.base import Oracle
from wargame.bots.operational import Doctrine, OperationalBot, distance_field
from wargame.model.units import Side
from wargame.play import play_until
from wargame.rules.victory import aim_hour

RED_DOCTRINES = (
    # the variants that, played throughout, were no slower than the standard doctrine and cost Red no
    # more steps (docs/bots.md); bold attacks and interdiction without caution cost steps for nothing
    Doctrine(),
    Doctrine("careful", min_column=4),
    Doctrine("Tallinn", goals=("Tallinn",)),
    Doctrine("careful interdiction", min_column=4, red_air="front"),
    Doctrine("pin and bypass", pin=2, patience=1),
    Doctrine("guns trail", mass_fires=False),  # the artillery follows the columns (the old standard)
)
BLUE_DOCTRINES = (
    # the standard is the delay (stand until enveloped, garrison the capitals, blow the bridges,
    # interdict the lines); the others change one of its choices
    Doctrine(),
    Doctrine("no counter-attacks", min_column=99),
    Doctrine("line, not stand", stand=False),
    Doctrine("deep line", stand=False, line_offset=14),
    Doctrine("air on the spearheads", interdict_lines=False),
    Doctrine("air for support", interdict=False),
)
NOT_REACHED = 10_000


class SearchBot:
    name = "search"

    def __init__(self, side: Side, seed: int, rollouts: int = 4, rounds: int = 3, horizon_turns: int = 20,
                 replan: int = 3, material: float = 0.25, margin: float = 3.0, budget: float | None = None,
                 doctrines: tuple[Doctrine, ...] | None = None):
        self.side = side
        self.rng = random.Random(seed)
        self.rollouts = rollouts
        self.rounds = rounds
        self.horizon = horizon_turns
        self.replan = replan
        self.material = material
        self.margin = margin
        self.budget = budget
        self.doctrines = doctrines or (RED_DOCTRINES if side is Side.RED else BLUE_DOCTRINES)
        self.doctrine = self.doctrines[0]
        self.bot = OperationalBot(side, self.rng.randrange(1 << 30), self.doctrine, remember=True)  # plays the choice
        self.next_look = None  # the turn of the next look-ahead (None: at the first phase)
        self.last_seen: dict = {}
        self.last_steps: dict = {}
        self.looks: list[dict] = []  # each look-ahead: turn, mean score per doctrine, the choice

    # --- belief -----------------------------------------------------------------------------------

    def guesses(self, view, oracle) -> dict:
        for e in view.enemy:
            self.last_seen[e.id] = e.hex
            self.last_steps[e.id] = e.steps
        g = dict(oracle.enemy_setup())
        g.update(self.last_seen)
        return g

    # --- scoring ----------------------------------------------------------------------------------

    def hours(self, g) -> float:
        """Red's (estimated) hour of reaching its aim, lower is better for Red: the scenario's objective
        (`victory.hold`: every city held) where it has one, else the outskirts of a measure city."""
        reached = aim_hour(g.position)
        if reached is not None:
            return reached
        hold = g.scenario.victory.hold
        if not hold:
            return self._eta(g, None)
        missing = [c for c in hold if g.control.get(c) is not Side.RED]
        # all held now: counted at the end of this turn
        return max(self._eta(g, (c,)) for c in missing) if missing else g.turn * g.scenario.clock.turn_hours

    def _eta(self, g, cities) -> float:
        """The hour now plus the turns the nearest Red manoeuvre unit needs to reach `cities` (None:
        Red's goals) at full movement, ignoring the enemy."""
        sc = g.scenario
        red = Oracle(g, Side.RED)
        goals = OperationalBot(Side.RED, 0, Doctrine(goals=cities)).goals(g.view(Side.RED), red)
        best = None
        for u in g.units_of(Side.RED):
            if u.attack <= 0 or u.type.movement <= 0:
                continue
            d = distance_field(red, u.type.mobility, goals).get(u.hex)
            if d is not None:
                t = d / u.type.movement
                best = t if best is None or t < best else best
        if best is None:
            return NOT_REACHED
        return g.turn * sc.clock.turn_hours + best * sc.clock.turn_hours

    def score(self, g) -> float:
        """For this bot's side: higher is better."""
        s = self.hours(g) - self.material * (g.losses[Side.BLUE] - g.losses[Side.RED])
        return -s if self.side is Side.RED else s

    # --- look-ahead -------------------------------------------------------------------------------

    def rollout(self, oracle, guesses, doctrine: Doctrine, seed: int) -> float:
        g = oracle.imagine(seed, guesses, self.last_steps)
        own = OperationalBot(self.side, seed, doctrine)
        own.held = dict(self.bot.held)  # what the doctrine remembers of the game so far
        bots = {self.side: own, self.side.other: OperationalBot(self.side.other, seed + 1)}
        end = g.turn + self.horizon

        def give(game, side: Side) -> list:
            # the look-ahead's own bots: an error in them is the search bot's, and its driver reports it
            return bots[side].orders(game.view(side), Oracle(game, side))

        def stop(game) -> bool:
            return game.turn >= end or aim_hour(game.position) is not None

        play_until(g, {s: give for s in Side}, stop=stop)
        return self.score(g)

    def look(self, view, oracle, guesses) -> None:
        """A race among the doctrines on common dice: every round plays `rollouts` more look-aheads of
        each doctrine still in it; after a round the worse half of the challengers drop out, so the
        last ones standing have been played `rounds` times as often. The current doctrine runs to the
        end: a challenger must beat it, over the same dice, by `margin` hours on average and in more
        look-aheads than it loses (noise must not make the bot wander: the winner's curse)."""
        cands = [self.doctrine] + [d for d in self.doctrines if d != self.doctrine]
        t0 = time.perf_counter()
        scores: list[list[float]] = [[] for _ in cands]
        alive = list(range(len(cands)))
        mean = lambda i: sum(scores[i]) / len(scores[i])  # noqa: E731
        for r in range(self.rounds):
            for _ in range(self.rollouts):
                if scores[0] and self.budget is not None and time.perf_counter() - t0 > self.budget:
                    break
                seed = self.rng.randrange(1 << 30)
                for i in alive:
                    scores[i].append(self.rollout(oracle, guesses, cands[i], seed))
            if r < self.rounds - 1 and len(alive) > 2:
                challengers = sorted(alive[1:], key=lambda i: (-mean(i), i))
                alive = [0] + sorted(challengers[: max(1, len(challengers) // 2)])
        if not self.looks:  # the first look: no plan in hand yet to be loyal to, the best average wins
            best = max(alive, key=lambda i: (mean(i), -i))
        else:
            best = 0
            for i in alive[1:]:
                n = len(scores[i])
                gain = mean(i) - sum(scores[0][:n]) / n
                wins = sum(a > b for a, b in zip(scores[i], scores[0]))
                losses = sum(a < b for a, b in zip(scores[i], scores[0]))
                if gain > self.margin and wins > losses and (best == 0 or mean(i) > mean(best)):
                    best = i
        self.doctrine = cands[best]
        self.looks.append(
            {
                "turn": view.turn,
                "phase": view.phase,
                "rollouts": len(scores[0]),
                "choice": self.doctrine.name,
                "scores": {d.name: round(mean(i), 2) for i, d in enumerate(cands)},
                "played": {d.name: len(scores[i]) for i, d in enumerate(cands)},
            }
        )

    def orders(self, view, oracle) -> list:
        guesses = self.guesses(view, oracle)
        if (
            not oracle.aim_reached()
            and view.phase in ("movement", "combat", "air")
            and (self.next_look is None or view.turn >= self.next_look)
        ):
            self.look(view, oracle, guesses)
            self.next_look = view.turn + self.replan
        self.bot.doctrine = self.doctrine
        return self.bot.orders(view, oracle)
