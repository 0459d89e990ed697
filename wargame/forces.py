"""Force totals: what each side of a scenario fields, counted the way a staff officer would.

Used by the tests that hold the orders of battle to the numbers their files claim (RAND's seven
brigades, three of them heavy; Russia's 27 battalion tactical groups) and by docs/forces.md, whose
force tables are `forces_markdown` (`python -m wargame.forces` prints them). An OOB file states its
numbers in comment lines of the form

    # claim: manoeuvre_battalions = 27
    # claim: brigades[RAND posture] = 7

(comments, so the file format is untouched); `read_claims` reads them and `check_claims` compares them
with what the units add up to. Keys: units, manoeuvre_battalions, manoeuvre_at_start,
manoeuvre_arriving, at_start, arriving, category[<category>], nation[<code>],
brigades[<formation root>] and heavy_brigades[<formation root>] (root `*` = every brigade).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from wargame.model.scenario import Scenario
from wargame.model.units import Side, Unit

# Categories that count as manoeuvre battalions (not fires, air defence, recon, SOF or headquarters).
MANOEUVRE = frozenset({"armour", "mechanised", "motor_rifle", "infantry", "light_infantry", "motorised_infantry",
                       "airborne", "air_assault", "wheeled", "territorial"})
# A brigade is heavy when most of its manoeuvre battalions are tanks or tracked infantry fighting vehicles.
HEAVY = frozenset({"armour", "mechanised", "motor_rifle"})

_BRIGADE = re.compile(r"\b(Bde|Brigade|Brigade Combat Team|Cavalry Regiment|Regt|Regiment|Panzerbrigade(?: \d+)?)\b")
_CLAIM = re.compile(r"^#\s*claim:\s*(?P<key>[a-z_]+)(?:\[(?P<arg>[^\]]*)\])?\s*=\s*(?P<value>\d+)\s*$")


@dataclass
class Totals:
    units: int = 0
    manoeuvre_battalions: int = 0
    manoeuvre_at_start: int = 0
    manoeuvre_arriving: int = 0
    by_category: Counter = field(default_factory=Counter)
    by_nation: Counter = field(default_factory=Counter)
    by_formation: Counter = field(default_factory=Counter)   # full formation path -> units
    brigades: dict[str, str] = field(default_factory=dict)    # brigade name -> formation root
    heavy_brigades: set = field(default_factory=set)
    attack: float = 0.0      # manoeuvre units at their starting steps
    defence: float = 0.0
    attack_at_start: float = 0.0
    support: float = 0.0     # fire support of artillery and rockets
    at_start: int = 0
    arriving: int = 0

    def brigades_under(self, root: str = "*") -> set[str]:
        return {b for b, r in self.brigades.items() if root in ("*", "", r)}

    def heavy_under(self, root: str = "*") -> set[str]:
        return self.heavy_brigades & self.brigades_under(root)

    def as_dict(self) -> dict:
        """Plain data for reports and JSON."""
        return {
            "units": self.units, "manoeuvre_battalions": self.manoeuvre_battalions,
            "manoeuvre_at_start": self.manoeuvre_at_start, "manoeuvre_arriving": self.manoeuvre_arriving,
            "by_category": dict(self.by_category), "by_nation": dict(self.by_nation),
            "by_formation": dict(self.by_formation), "brigades": sorted(self.brigades),
            "heavy_brigades": sorted(self.heavy_brigades), "attack": round(self.attack, 2),
            "defence": round(self.defence, 2), "attack_at_start": round(self.attack_at_start, 2),
            "support": round(self.support, 2), "at_start": self.at_start, "arriving": self.arriving,
        }


def path_of(formation: str) -> list[str]:
    """A formation's levels, from the root down ("1st GTA / 4th Gds Tank Div" -> two levels)."""
    return [p.strip() for p in formation.split("/")]


def brigade_of(formation: str) -> str | None:
    """The brigade-level formation (brigade, regiment, brigade combat team) in a "/"-separated path."""
    for part in reversed(path_of(formation)):
        if _BRIGADE.search(part):
            return part
    return None


def root_of(formation: str) -> str:
    return path_of(formation)[0]


def levels_shared(a: str, b: str) -> int:
    """How many levels two formations share from the root: a division's air defence regiment and one
    of its tank regiments share two ("1st GTA / 4th Gds Tank Div"), the same army's other division one."""
    n = 0
    for x, y in zip(path_of(a), path_of(b), strict=False):
        if x != y:
            break
        n += 1
    return n


def totals(units: Iterable[Unit]) -> Totals:
    """Totals of any set of units (one side, one OOB)."""
    t = Totals()
    mix: dict[str, Counter] = {}
    for u in units:
        t.units += 1
        t.by_category[u.type.category] += 1
        t.by_nation[u.nation] += 1
        t.by_formation[u.formation] += 1
        start = u.hex is not None and not u.arrival_turn
        t.at_start += start
        t.arriving += not start
        t.support += u.type.support
        if u.type.category not in MANOEUVRE:
            continue
        t.manoeuvre_battalions += 1
        t.manoeuvre_at_start += start
        t.manoeuvre_arriving += not start
        t.attack += u.attack
        t.defence += u.defence
        t.attack_at_start += u.attack if start else 0.0
        b = brigade_of(u.formation)
        if b is not None:
            t.brigades.setdefault(b, root_of(u.formation))
            mix.setdefault(b, Counter())["heavy" if u.type.category in HEAVY else "other"] += 1
    t.heavy_brigades = {b for b, c in mix.items() if c["heavy"] > c["other"]}
    return t


def force_totals(scenario: Scenario) -> dict[Side, Totals]:
    """Totals per side of a loaded scenario."""
    return {side: totals(u for u in scenario.units if u.side is side) for side in (Side.RED, Side.BLUE)}


def oob_totals(scenario: Scenario, oob_id: str) -> Totals:
    """Totals of the units one order-of-battle file contributes to a scenario."""
    return totals(u for u in scenario.units if u.oob == oob_id)


def read_claims(path: str | Path) -> list[tuple[str, str | None, int]]:
    """The `# claim: key[arg] = value` lines of an OOB file, as (key, arg, value)."""
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        m = _CLAIM.match(line.strip())
        if m:
            out.append((m["key"], m["arg"], int(m["value"])))
    return out


def claimed_value(t: Totals, key: str, arg: str | None) -> int:
    if key in ("units", "manoeuvre_battalions", "manoeuvre_at_start", "manoeuvre_arriving", "at_start", "arriving"):
        return getattr(t, key)
    if key == "category":
        return t.by_category[arg]
    if key == "nation":
        return t.by_nation[arg]
    if key == "brigades":
        return len(t.brigades_under(arg or "*"))
    if key == "heavy_brigades":
        return len(t.heavy_under(arg or "*"))
    raise ValueError(f"unknown claim key {key!r}")


def check_claims(t: Totals, claims: list[tuple[str, str | None, int]]) -> list[str]:
    """Human-readable mismatches between the claims and the totals (empty when they agree)."""
    bad = []
    for key, arg, value in claims:
        got = claimed_value(t, key, arg)
        if got != value:
            label = f"{key}[{arg}]" if arg is not None else key
            bad.append(f"{label}: the file claims {value}, the units add up to {got}")
    return bad


def _num(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def forces_markdown(scenario_ids: list[str]) -> str:
    """Force totals of scenarios as Markdown (docs/forces.md carries this text; a test keeps it equal)."""
    from wargame.data.scenario import load_scenario

    out = []
    for sid in scenario_ids:
        sc = load_scenario(sid)
        t = force_totals(sc)
        out.append(f"### {sc.title} (`{sc.id}`)\n")
        out.append("| | " + " | ".join(f"{sc.sides[s].name} ({s.value})" for s in (Side.RED, Side.BLUE)) + " |")
        out.append("|---|---|---|")
        rows = [("units", lambda x: x.units),
                ("manoeuvre battalions: at H-hour / arriving later",
                 lambda x: f"{x.manoeuvre_battalions}: {x.manoeuvre_at_start} / {x.manoeuvre_arriving}"),
                ("all units at H-hour / arriving later", lambda x: f"{x.at_start} / {x.arriving}"),
                ("brigade-level formations (of them heavy)", lambda x: f"{len(x.brigades)} ({len(x.heavy_brigades)})"),
                ("manoeuvre attack / defence (at H-hour: attack)",
                 lambda x: f"{_num(x.attack)} / {_num(x.defence)} ({_num(x.attack_at_start)})"),
                ("fire support (artillery and rockets)", lambda x: _num(x.support))]
        for label, f in rows:
            out.append(f"| {label} | {f(t[Side.RED])} | {f(t[Side.BLUE])} |")
        cats = sorted(set(t[Side.RED].by_category) | set(t[Side.BLUE].by_category))
        for c in cats:
            out.append(f"| {c.replace('_', ' ')} | {t[Side.RED].by_category.get(c, 0)} | "
                       f"{t[Side.BLUE].by_category.get(c, 0)} |")
        pools = " ".join(
            f"{sc.sides[s].name}: {sc.air[s].day} sorties by day, {sc.air[s].night} by night."
            for s in (Side.RED, Side.BLUE)
            if s in sc.air
        )
        out.append(
            f"\nAir: {pools} Orders of battle: {', '.join(f'`orders_of_battle/{o}.yaml`' for o in sc.oob_ids)}.\n"
        )
    return "\n".join(out)


SCENARIO_IDS = ["incursion-2016", "incursion-2016-seven-brigades", "incursion-2025", "suwalki-corridor"]

if __name__ == "__main__":
    import sys

    print(forces_markdown(sys.argv[1:] or SCENARIO_IDS))
