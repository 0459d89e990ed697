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


def forces_markdown(scenario_ids: list[str]) -> str:
    """Force totals of scenarios as Markdown (docs/forces.md is written from this)."""
    from wargame.data.scenario import load_scenario

    out = []
    for sid in scenario_ids:
        sc = load_scenario(sid)
        t = force_totals(sc)
        out.append(f"### {sc.title} (`{sc.id}`)\n")
        out.append("| | " + " | ".join(f"{sc.sides[s].name} ({s.value})" for s in (Side.RED, Side.BLUE)) + " |")
        out.append("|---|---|---|")
        rows = [("units", lambda x: x.units), ("manoeuvre battalions", lambda x: x.manoeuvre_battalions),
                ("on the board at H-hour / arriving later", lambda x: f"{x.at_start} / {x.arriving}"),
                ("brigade-level formations", lambda x: len(x.brigades)), ("of them heavy", lambda x: len(x.heavy_brigades)),
                ("total attack / defence", lambda x: f"{x.attack:g} / {x.defence:g}")]
        for label, f in rows:
            out.append(f"| {label} | {f(t[Side.RED])} | {f(t[Side.BLUE])} |")
        cats = sorted(set(t[Side.RED].by_category) | set(t[Side.BLUE].by_category))
        for c in cats:
            out.append(f"| {c.replace('_', ' ')} | {t[Side.RED].by_category.get(c, 0)} | {t[Side.BLUE].by_category.get(c, 0)} |")
        pools = " ".join(f"{sc.sides[s].name}: {sc.air[s].day} sorties by day, {sc.air[s].night} by night." for s in (Side.RED, Side.BLUE) if s in sc.air)
        out.append(f"\nAir: {pools} Orders of battle: {', '.join(f'`orders_of_battle/{o}.yaml`' for o in sc.oob_ids)}.\n")
    return "\n".join(out)


if __name__ == "__main__":
    import sys

    print(forces_markdown(sys.argv[1:] or ["incursion-2016", "incursion-2016-seven-brigades", "incursion-2025", "suwalki-corridor"]))
