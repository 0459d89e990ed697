"""The umpire (RAND's "white cell"): every random outcome can be shown before it stands, and overruled.

The adjudicator draws every random outcome as a `Chance`: what is at stake (`kind`: "combat" for a
combat result, "air" for sorties lost to air defence, "sead" for a suppression roll, "interdiction"
for whether the convoys are stopped, "demolition" for a bridge, "airlift" for a flight), the result
on every face of the die (so each outcome's probability), the die rolled, the proposed result and
which replacements are valid. Without an umpire the chance
is taken as rolled. With `Game(..., umpire=True)` the game stops at `game.pending` (a `Proposal`)
until `game.decide(Accept() | Reroll(note) | Replace(result, note))`; every ruling is an event and is
recorded with the game, so a replay reproduces it.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from wargame.rules.combat import Assessment

ACTIONS = ("accept", "reroll", "replace")


@dataclass(frozen=True)
class Decision:
    """The umpire's ruling on a proposal: `action` accept | reroll | replace; `result` is the
    replacement (a CRT code such as "D1R1", a number of sorties lost, a SEAD result); `note` is the
    umpire's reason, logged with the event."""

    action: str
    result: str = ""
    note: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"action": self.action, "result": self.result, "note": self.note}

    @staticmethod
    def from_dict(d: dict[str, Any]) -> Decision:
        return Decision(str(d["action"]), str(d.get("result", "")), str(d.get("note", "")))


@dataclass(frozen=True)
class Accept(Decision):
    """Let the proposed result stand."""

    action: str = field(default="accept", init=False)
    result: str = field(default="", init=False)
    note: str = ""


@dataclass(frozen=True)
class Reroll(Decision):
    """Roll the die again (the new roll stands)."""

    action: str = field(default="reroll", init=False)
    result: str = field(default="", init=False)
    note: str = ""


@dataclass(frozen=True)
class Replace(Decision):
    """Put `result` in place of the proposed result."""

    action: str = field(default="replace", init=False)
    result: str = ""
    note: str = ""


class Draws(Protocol):
    """What a die is drawn from: the game's `random.Random`, or a `KeyedDie` (rules/position.py)."""

    def randint(self, a: int, b: int) -> int: ...


class KeyedDie:
    """One die drawn from a key: a 64-bit hash of it (BLAKE2b) folded onto the faces. A fresh
    `random.Random` seeded from the key would do the same at fifteen times the cost; the bias of the
    fold is below 2**-60."""

    def __init__(self, key: str):
        self.value = int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "big")

    def randint(self, a: int, b: int) -> int:
        return a + self.value % (b - a + 1)


@dataclass
class Chance:
    """One random outcome in the making, as data (OpenSpiel's chance node): `faces` is the result on
    each face of the die (1 to 6), every face equally likely, so `outcomes()` lists each result with
    its probability and `sample(rng)` draws one from the game's random stream (the one way chance
    is taken: by the game, the umpire's re-roll, a replay and the look-aheads of a search alike).
    `parse` checks a replacement and returns it in canonical form (ValueError with a plain message);
    it reads only constants, never the game."""

    kind: str
    question: str                               # what is being decided, in words
    faces: tuple[str, ...]                      # the result on each face of the die, from 1
    parse: Callable[[str], str]
    choices: tuple[str, ...] = ()               # valid replacements, when they are few
    order: Any = None                           # the order it belongs to
    assessment: Assessment | None = None      # for a combat: odds, column, shifts, probabilities
    die: int = 0
    proposed: str = ""

    def sample(self, rng: Draws) -> tuple[int, str]:
        """(die, result) drawn from `rng`: one `randint` per draw, whatever the die."""
        die = rng.randint(1, len(self.faces))
        return die, self.faces[die - 1]

    def outcomes(self) -> tuple[tuple[str, Fraction], ...]:
        """Each possible result with its probability (exact; they sum to 1), in order of first face."""
        n = len(self.faces)
        count: dict[str, int] = {}
        for r in self.faces:
            count[r] = count.get(r, 0) + 1
        return tuple((r, Fraction(k, n)) for r, k in count.items())


@dataclass
class Proposal:
    """What the umpire is asked to rule on (`game.pending`). `result` is the proposed result and
    `roll` the die that gave it; `kind`, `order` and (for a combat) `assessment` say what it is
    about; `describe()` puts it in words for a dialog."""

    chance: Chance

    @property
    def kind(self) -> str:
        return self.chance.kind

    @property
    def order(self) -> Any:
        return self.chance.order

    @property
    def assessment(self) -> Assessment | None:
        return self.chance.assessment

    @property
    def roll(self) -> int:
        return self.chance.die

    @property
    def result(self) -> str:
        return self.chance.proposed

    @property
    def choices(self) -> tuple[str, ...]:
        return self.chance.choices

    def describe(self) -> str:
        return f"{self.chance.question}\nDie {self.roll}: proposed result {self.result}."


def rule(chance: Chance, decision: Decision, rng: random.Random) -> tuple[int, str]:
    """Apply the umpire's decision to a chance: (die, result) that now stands (a re-roll draws from
    `rng`, the game's stream). Raises ValueError."""
    if decision.action == "accept":
        return chance.die, chance.proposed
    if decision.action == "reroll":
        return chance.sample(rng)
    if decision.action == "replace":
        return chance.die, chance.parse(decision.result)
    raise ValueError(f"unknown umpire action {decision.action!r}; expected {', '.join(ACTIONS)}")
