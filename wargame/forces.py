"""Force totals of a scenario: what each side fields, counted the way a staff officer would.

Used by `wargame oob` summaries and by the tests that check the orders of battle against the
numbers their files claim (e.g. RAND's seven brigades, three heavy).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from wargame.model.scenario import Scenario
from wargame.model.units import Side

MANOEUVRE = {"armour", "mechanised", "motor_rifle", "infantry", "light_infantry", "motorised_infantry", "airborne",
             "air_assault", "wheeled", "territorial"}
HEAVY = {"armour", "mechanised"}


@dataclass
class Totals:
    units: int = 0
    manoeuvre_battalions: int = 0
    by_category: Counter = field(default_factory=Counter)
    by_formation: Counter = field(default_factory=Counter)
    brigades: set = field(default_factory=set)          # formation names that are brigades, regiments or divisions
    heavy_brigades: set = field(default_factory=set)    # brigades whose manoeuvre battalions are mostly armour/mechanised
    attack: float = 0.0
    defence: float = 0.0
    at_start: int = 0
    arriving: int = 0


_BRIGADE = re.compile(r"\b(Bde|Brigade|Brigade Combat Team|Panzerbrigade|Cavalry Regiment|Regt|Division|Div)\b")


def brigade_of(formation: str) -> str | None:
    """The brigade-level formation in a "/"-separated formation path, or None."""
    parts = [p.strip() for p in formation.split("/")]
    for p in reversed(parts):
        if _BRIGADE.search(p):
            return p
    return None


def force_totals(scenario: Scenario) -> dict[Side, Totals]:
    out = {Side.RED: Totals(), Side.BLUE: Totals()}
    heavy_count: dict[tuple[Side, str], Counter] = {}
    for u in scenario.units:
        t = out[u.side]
        t.units += 1
        t.by_category[u.type.category] += 1
        t.by_formation[u.formation] += 1
        t.attack += u.attack
        t.defence += u.defence
        if u.hex is not None:
            t.at_start += 1
        else:
            t.arriving += 1
        if u.type.category in MANOEUVRE:
            t.manoeuvre_battalions += 1
            b = brigade_of(u.formation)
            if b is not None:
                t.brigades.add(b)
                c = heavy_count.setdefault((u.side, b), Counter())
                c["heavy" if u.type.category in HEAVY else "other"] += 1
    for (side, b), c in heavy_count.items():
        if c["heavy"] > c["other"]:
            out[side].heavy_brigades.add(b)
    return out
