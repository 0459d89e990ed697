"""The umpire of the crisis: every crisis die roll (detection, false alarm, incident, casualties) can be
shown before it stands and overruled, as the war's rolls are (wargame.rules.umpire).

Without an umpire a roll is one draw from the crisis' stream, compared with its chance: the same
draws, in the same order, as always. With one, the phase is resolved from a snapshot taken when the
order came in; at the first roll with no ruling yet the snapshot is put back and the roll becomes
`crisis.pending`. `Crisis.decide` adds the ruling and resolves the phase again from the snapshot: the
draws before the roll are the same (same stream, same state), so the rulings given so far apply to
the same rolls. The rulings are recorded with the crisis, and a replay feeds them back in order.

A die is shown as 1-100: the draw r in [0, 1) is the die `int(100 r) + 1`.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wargame.rules.umpire import Decision

if TYPE_CHECKING:
    from wargame.crisis.engine import Crisis

CHOICES: dict[str, tuple[str, ...]] = {
    "detection": ("detected", "undetected"),
    "false_alarm": ("alarm", "no alarm"),
    "incident": ("routine", "serious", "high"),
    "casualties": ("casualties", "none"),
}


def die(r: float) -> int:
    return int(r * 100) + 1


@dataclass(frozen=True)
class CrisisProposal:
    """A crisis roll waiting for the umpire: what is at stake, the die, the proposed result, the valid
    replacements, and what a re-roll would show (the next draw of the stream, looked at, not spent)."""

    kind: str
    question: str
    draw: float
    proposed: str
    choices: tuple[str, ...]
    reroll_draw: float
    reroll_result: str

    @property
    def roll(self) -> int:
        return die(self.draw)

    @property
    def result(self) -> str:
        return self.proposed

    def describe(self) -> str:
        return f"{self.question}\nDie {self.roll} (1-100): proposed result {self.proposed}."


class NeedRuling(Exception):
    """Raised inside a phase's resolution at a roll the umpire has not ruled on yet."""

    def __init__(self, proposal: CrisisProposal):
        super().__init__(proposal.kind)
        self.proposal = proposal


def below(p: float, yes: str, no: str) -> Callable[[float], str]:
    """`yes` on a draw under the chance `p`, else `no`."""
    return lambda r: yes if r < p else no


def graded(lo: float, mid: float) -> Callable[[float], str]:
    """An incident's tier: near-routine under `lo`, serious under `mid`, high-risk above."""
    return lambda r: "routine" if r < lo else "serious" if r < mid else "high"


def roll(c: Crisis, kind: str, question: str, outcome: Callable[[float], str], to: str = "all") -> str:
    """One crisis roll: `outcome` maps a draw in [0, 1) to one of CHOICES[kind]."""
    r = c.rng.random()
    if not c.umpire:
        return outcome(r)
    i = c._roll_index
    c._roll_index += 1
    if i >= len(c._rulings):
        peek = random.Random()
        peek.setstate(c.rng.getstate())
        r2 = peek.random()
        raise NeedRuling(CrisisProposal(kind, question, r, outcome(r), CHOICES[kind], r2, outcome(r2)))
    d = c._rulings[i]
    first = outcome(r)
    if d.action == "reroll":
        r2 = c.rng.random()
        got = outcome(r2)
        how = f"re-rolled: die {die(r2)} -> {got} (first die {die(r)} -> {first})"
    elif d.action == "replace":
        got = d.result
        how = f"replaced {first} (die {die(r)}) with {got}"
    else:
        got = first
        how = f"accepted: die {die(r)} -> {got}"
    note = f" ({d.note})" if d.note else ""
    c.emit("umpire", f"Umpire, {kind.replace('_', ' ')}: {how}{note}.", "", to, {"kind": kind, **d.to_dict()})
    return got


def check_decision(c: Crisis, d: Decision) -> str | None:
    """Why the ruling cannot stand (None: it can)."""
    p = c.pending
    if p is None:
        return "there is no roll waiting for the umpire"
    if d.action not in ("accept", "reroll", "replace"):
        return f"{d.action!r} is not a ruling (accept, reroll, replace)"
    if d.action == "replace" and d.result not in p.choices:
        return f"{d.result!r} is not a result of this roll ({', '.join(p.choices)})"
    if len(d.note) > 2000:
        return "the note is too long (2000 characters at most)"
    return None
