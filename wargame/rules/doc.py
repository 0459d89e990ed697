"""The rulebook's tables, generated from the data: `python -m wargame.rules.doc` rewrites the part of
docs/rules.md between the GENERATED markers, so the book and tables/standard.yaml always agree
(a test checks it)."""

from __future__ import annotations

import sys
from pathlib import Path

from wargame.data.tables import Tables, load_tables
from wargame.data.forces import load_unit_types

BEGIN = "<!-- BEGIN GENERATED TABLES (python -m wargame.rules.doc) -->"
END = "<!-- END GENERATED TABLES -->"


def tables_markdown(t: Tables) -> str:
    out = ["### Movement costs (MP to enter a hex)", "", "| mobility | " + " | ".join(t.terrain_cost["tracked"]) + " |",
           "|---|" + "---|" * len(t.terrain_cost["tracked"])]
    for m, costs in t.terrain_cost.items():
        out.append(f"| {m} | " + " | ".join(str(c) for c in costs.values()) + " |")
    out += ["", f"- Along a road hexside: **{t.road_cost}** MP, whatever the terrain (railways do not count).",
            f"- Crossing a river hexside without a bridge: **+{t.river_cost['minor']}** (minor), **+{t.river_cost['major']}** (major). A road crossing is a bridge.",
            f"- Starting a move in an enemy zone of control: **+{t.zoc_leave_cost}**.",
            f"- Stacking: at most **{t.stacking}** units in a hex.",
            f"- Night turns: movement points x **{t.night_movement:g}**; starting in an enemy-interdicted hex: x **{t.interdiction_movement:g}** (rounded down).",
            "", "### Combat results table (one d6)", "",
            "| die | " + " | ".join(t.columns) + " |", "|---|" + "---|" * len(t.columns)]
    for roll in range(1, 7):
        out.append(f"| {roll} | " + " | ".join(t.crt[roll]) + " |")
    out += ["", "A*n*: the attacker loses *n* steps. D*n*: the defender loses *n* steps. R*n*: the defender retreats *n* hexes. "
            "EX: each side loses one step. NE: no effect.", "", "### Column shifts", "", "| cause | columns |", "|---|---|"]
    for terr, n in t.terrain_shift.items():
        if n:
            out.append(f"| defender in {terr} | {n:+d} |")
    out += [f"| every attacker across a minor river | {t.river_shift['minor']:+d} |",
            f"| every attacker across a major river | {t.river_shift['major']:+d} |",
            "| ... by bridges | half of that, rounded toward zero |",
            f"| every defender dug in | {t.dug_in_shift:+d} |",
            f"| night | {t.night_shift:+d} |",
            f"| attackers in 3 or more different hexes | {t.concentric_shift:+d} |",
            f"| close air support: per {t.cas_sorties_per_shift} sorties that get through | +1 (at most +{t.cas_max_shift}) |",
            "", f"- At most **{t.max_support_units}** fire-support units add their support to one attack, and the defender's own "
            f"artillery in range (strongest first, up to {t.max_support_units}) adds to the defence.",
            f"- A retreat that cannot be made costs **{t.retreat_blocked_loss}** step for each hex not retreated.", "",
            "### Air and air defence", ""]
    a = t.air
    out += [f"- Each sortie over a hex covered by enemy SAM umbrellas is lost with probability min({a['ad_loss_cap']:g}, "
            f"{a['ad_loss_per_strength']:g} x the total strength of the unsuppressed umbrellas covering it).",
            f"- SEAD: each {int(a['sead_sorties_per_roll'])} sorties that get through roll a d6 against a SAM unit in the target hex: "
            f"{int(a['sead_suppress_on'])}+ suppresses it for the turn, {int(a['sead_destroy_on'])} also costs it a step.",
            f"- Interdiction: {int(a['interdiction_sorties'])} sorties that get through interdict the target hex and its ring for the turn.",
            f"- Counter-air: each sortie denies the enemy {a['counter_air_ratio']:g} sorties this turn.",
            f"- Detection at night: ranges x {t.detection_night_factor:g} (at least 1).", ""]
    return "\n".join(out)


def unit_types_markdown() -> str:
    types, _ = load_unit_types()
    out = ["### Unit types", "", "| id | name | mobility | MP | attack | defence | steps | range | support | air defence |",
           "|---|---|---|---|---|---|---|---|---|---|"]
    for t in types.values():
        ad = f"{t.ad_range} hexes / {t.ad_strength:g}" if t.ad_strength else ""
        out.append(f"| {t.symbol} `{t.id}` | {t.name} | {t.mobility} | {t.movement} | {t.attack:g} | {t.defence:g} | {t.steps} | "
                   f"{t.range or ''} | {t.support or '':} | {ad} |")
    return "\n".join(out) + "\n"


def generated() -> str:
    return BEGIN + "\n\n" + tables_markdown(load_tables()) + "\n" + unit_types_markdown() + "\n" + END


def update(path: Path) -> bool:
    text = path.read_text(encoding="utf-8")
    start, end = text.index(BEGIN), text.index(END) + len(END)
    new = text[:start] + generated() + text[end:]
    if new != text:
        path.write_text(new, encoding="utf-8")
        return True
    return False


if __name__ == "__main__":
    p = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "docs" / "rules.md"
    print(f"{p}: {'updated' if update(p) else 'already up to date'}")
