"""The rulebook's tables and worked examples, generated from the data.

    python -m wargame.rules.doc              # rewrite the generated part of docs/rules.md
    python -m wargame.rules.doc --check      # exit 1 if docs/rules.md is out of date

Only the part between the GENERATED markers is rewritten; the prose around it is written by hand.
The worked examples are computed here from the tables, so they cannot drift from them either; a
test checks that docs/rules.md matches `generated()`.
"""

from __future__ import annotations

import sys
from collections import Counter
from fractions import Fraction
from pathlib import Path

from wargame.data.forces import load_unit_types
from wargame.data.tables import LAND, SECTIONS, Tables, load_tables
from wargame.model.units import MOBILITIES

BEGIN = "<!-- BEGIN GENERATED TABLES (python -m wargame.rules.doc) -->"
END = "<!-- END GENERATED TABLES -->"
BOOK = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def _c(v) -> str:
    return "no" if v is None else str(v)


def _row(cells) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def _table(head, rows) -> list[str]:
    return [_row(head), "|" + "---|" * len(head), *(_row(r) for r in rows)]


def movement_md(t: Tables) -> list[str]:
    out = ["### Movement (MP to enter a hex)", ""]
    out += _table(["mobility", *LAND, "road", "rail (no road)", "minor river", "major river"],
                  [[m, *(_c(t.terrain_cost[m][x]) for x in LAND), t.road_cost[m], f"≤ {t.rail_cost[m]}",
                    "+" + _c(t.river_cost["minor"][m]), "+" + _c(t.river_cost["major"][m])] for m in MOBILITIES])
    out += [
        "",
        "- Along a road hexside the road cost replaces the terrain cost; along a rail hexside with no road the "
        "terrain cost is capped at the rail cost.",
        f"- A river hexside adds the river cost (`+no`: cannot be crossed) unless a road or railway bridges it: then "
        f"**+{t.bridge_cost}**.",
        f"- Starting a move in an enemy zone of control: **+{t.zoc_leave_cost}** MP. Entering one ends the move.",
        f"- Entering a hex the enemy interdicted this turn: **+{t.interdiction['enter_cost']}** MP; starting the move "
        "in "
        f"one: MP x **{t.interdiction['start_factor']:g}**.",
        f"- Night turns: MP x **{t.night_movement:g}** (rounded down).",
        f"- Stacking: at most **{t.stacking}** units of a side in a hex at the end of a phase.",
        f"- Zones of control: every unit except {', '.join(sorted(t.zoc_exempt))}; "
        + ("not across a major river without a bridge." if t.zoc_major_river_blocks else "across rivers too."),
        "",
    ]
    return out


def crt_md(t: Tables) -> list[str]:
    out = ["### Combat results table (one d6)", ""]
    out += _table(["die", *t.columns], [[r, *t.crt[r]] for r in range(1, 7)])
    out += [
        "",
        "A*n*: the attacker loses *n* steps. D*n*: the defender loses *n* steps. R*n*: the defender retreats *n* "
        "hexes. EX: each side loses one step. NE: no effect. Odds below the first column use the first; above the "
        "last, the last.",
        "",
        "Chance of each result by column:",
        "",
    ]
    codes = sorted({c for row in t.crt.values() for c in row}, key=_code_order)
    rows = []
    for code in codes:
        rows.append([code, *(_frac(sum(1 for r in range(1, 7) if t.crt[r][i] == code)) for i in range(len(t.columns)))])
    out += _table(["result", *t.columns], rows) + [""]
    return out


def _code_order(code: str):
    order = {"A": 0, "E": 1, "N": 2, "D": 3, "R": 4}
    return (order.get(code[0], 5), -int(code[1]) if code[0] == "A" and len(code) > 1 else code)


def _frac(n: int) -> str:
    return "–" if n == 0 else (str(Fraction(n, 6)) if n != 6 else "1")


def shifts_md(t: Tables) -> list[str]:
    rows = [[f"defender in {x}", f"{n:+d}"] for x, n in t.terrain_shift.items() if n]
    rows += [[f"every attacker across a {r} river", f"{n:+d}"] for r, n in t.river_shift.items()]
    rows += [["... all of them by bridges", f"x {t.bridge_factor:g}, toward zero"]]
    rows += [
        [f"every defender unmoved for {p}+ of its movement phases ({name})", f"{s:+d}"] for p, name, s in t.entrenchment
    ]
    rows += [["night turn", f"{t.night_shift:+d}"]]
    rows += [[f"attackers in {n}+ different hexes", f"{s:+d}"] for n, s in sorted(t.concentric)]
    rows += [
        [
            f"net fire support of {p:g}+ points (attacker's minus defender's)",
            f"{s:+d} (the same to the left when the defender's is the stronger)",
        ]
        for p, s in sorted(t.fires_shifts)
    ]
    rows += [
        [f"close air support: per {t.cas_sorties_per_shift} effective sorties", f"+1 (at most +{t.cas_max_shift})"],
        [
            f"defensive air cover within {t.cover_radius} hex: per {t.cas_sorties_per_shift} effective sorties",
            f"-1 (at most -{t.cas_max_shift})",
        ],
        ["scenario parameter `red_competence` = *n*", "+*n* on Red's attacks, -*n* on Blue's"],
    ]
    out = ["### Column shifts (negative favours the defender)", ""] + _table(["cause", "columns"], rows)
    out += [
        "",
        f"- Fire units: at most **{t.max_support_units}** fire for one attack, and at most "
        f"{t.max_support_units} of the defender's (strongest first) for one defence; each fires once per combat phase.",
        f"- A retreat that cannot be made costs **{t.retreat_blocked_loss}** step for each hex not retreated.",
        f"- At most **{t.advance_max_units}** attackers advance into an emptied hex.",
        "",
    ]
    return out


def air_md(t: Tables) -> list[str]:
    out = ["### Air defence: percent of a package lost (one d6 per mission)", ""]
    head = ["die \\ umbrella strength", *[f"{s:g}+" for s in t.ad_strengths]]
    rows = [[r, *(f"{p} %" for p in t.ad_rows[r])] for r in range(1, 7)]
    rows.append(
        ["mean loss", *(f"{sum(t.ad_rows[r][i] for r in range(1, 7)) / 6:.1f} %" for i in range(len(t.ad_strengths)))]
    )
    rows.append(["survivors that count", *(f"{p} %" for p in t.ad_effective)])
    out += _table(head, rows)
    s, i, r = t.sead, t.interdiction, t.recon
    out += [
        "",
        "Sorties lost = sorties x percent, rounded half up. Effective sorties = survivors x the last row, "
        "rounded down.",
        "",
        f"- **Counter-air**: each sortie denies the enemy **{t.counter_air_ratio:g}** sorties this turn (from its "
        "reserve first, then from its missions, the last listed first). No losses to air defence.",
        f"- **SEAD**: one d6 + 1 per {s['sorties_per_bonus']} effective sorties (at most +{s['max_bonus']}); "
        f"**{s['suppress_on']}+** suppresses every SAM unit in the target hex for the turn; **{s['destroy_on']}+** "
        "also costs the strongest a step.",
        f"- **Interdiction**: {i['min_sorties']}+ effective sorties interdict the hexes within {i['radius']} of the "
        f"target for the turn (+{i['enter_cost']} MP to enter, MP x {i['start_factor']:g} to start there). Then one "
        f"d6 + 1 per {i['sorties_per_bonus']} effective sorties (at most +{i['max_bonus']}): **{i['cut_on']}+** "
        "stops the convoys too (CUT): the enemy's supply lines through the hexes cost "
        f"+{t.supply['interdicted_cost']} while the aircraft are on station, {i['hours_per_sortie']:g} h per "
        "effective sortie from the start of the turn (at most the turn); lower, the columns are slowed and the "
        "convoys get through (SLOW).",
        f"- **Reconnaissance**: {r['min_sorties']}+ effective sorties reveal enemy units within {r['radius']} hexes "
        "for the turn.",
        f"- **Cover**: the effective sorties stand by within {t.cover_radius} hex of the target; the first enemy "
        "attack there this turn is shifted left at the close-air-support rate.",
        f"- **Air-mobile moves**: a {' or '.join(c.replace('_', ' ') for c in t.airmobile['categories'])} unit "
        f"may fly by helicopter up to {t.airmobile['range']} hexes instead of moving, within its side's lift (the "
        "order of battle's `air.lift`, battalions a movement phase), from and to hexes outside the zones of control "
        f"of the enemy units it sees; it lands {t.airmobile['hours']:g} h after the start of the turn. The enemy's "
        "air defence over the landing hex rolls on the table above: the share of the lift lost is the share of its "
        "steps lost (rounded half up).",
        f"- **Detection**: adjacent always; otherwise the unit's detection range by day, x "
        f"{t.detection_night_factor:g} at night (rounded down, at least 1); plus what aircraft saw this turn.",
        f"- **Warning time**: the orders of battle assume **{t.baseline_warning_hours} h**; Blue units on the map "
        f"start dug in with **{t.dig_in_warning_hours} h** or more.",
        "- **Early end**: "
        + (
            "the game ends when Red holds every measure city at the end of a turn, once the measure is taken."
            if t.end_when_red_holds_measure
            else "none; the game lasts its length."
        ),
        "",
    ]
    return out


def examples_md(t: Tables) -> list[str]:
    """Worked examples, computed from the tables."""
    out = ["### Worked examples (computed from the tables)", ""]
    # movement
    tr = t.terrain_cost["tracked"]
    road = t.road_cost["tracked"]
    from wargame.data.forces import load_unit_types

    mp = load_unit_types()[0]["ru_tank_btg"].movement  # the example's unit, from the unit types
    night = int(mp * t.night_movement)
    out += [
        f"*Movement.* A Russian tank battalion tactical group ({mp} MP, tracked) follows a road: {mp // road} hexes "
        f"({mp // road * 10} km) by day, {night // road} by night ({mp} x {t.night_movement:g} = {night} MP). Off the "
        "road "
        f"through forest it pays {_c(tr['forest'])} a hex: {mp // tr['forest'] if tr['forest'] else 0} hexes; into "
        f"marsh {_c(tr['marsh'])}. Crossing a major river where no bridge stands costs "
        f"+{_c(t.river_cost['major']['tracked'])}; if it starts next to an enemy battalion it pays "
        f"+{t.zoc_leave_cost} to leave, and it stops in the first hex next to an enemy unit.",
        "",
    ]
    # combat
    att, dfn = 14.0, 3.0
    base = _column(t, att / dfn)
    shifts = [("forest", t.terrain_shift["forest"]), ("minor river", t.river_shift["minor"])]
    if t.entrenchment:
        shifts.append((t.entrenchment[0][1], t.entrenchment[0][2]))
    fs = _fires(t, 6.0)
    if fs:
        shifts.append(("fire support 6 against 0", fs))
    col = max(0, min(len(t.columns) - 1, base + sum(n for _, n in shifts)))
    probs = Counter(t.crt[r][col] for r in range(1, 7))
    out += [
        f"*Combat.* Two Russian tank BTGs (attack 7 + 7 = {att:g}) attack a Latvian infantry battalion (defence "
        f"{dfn:g}) that has not moved since last turn, in a forest hex behind a minor river, by day, with two "
        f"artillery battalions firing (support 3 + 3 = 6, none for the defender): {att:g} : {dfn:g} = "
        f"{att / dfn:.1f} : 1, column **{t.columns[base]}**; shifts "
        + ", ".join(f"{name} {n:+d}" for name, n in shifts)
        + f" = {sum(n for _, n in shifts):+d}: column **{t.columns[col]}**. One d6: "
        + ", ".join(f"{code} {_frac(n)}" for code, n in sorted(probs.items(), key=lambda kv: _code_order(kv[0])))
        + ". On a D1R1 the battalion loses a step and retreats one hex, away from the attackers; if every hex "
        f"around is blocked it loses {t.retreat_blocked_loss} more step instead, and the BTGs advance into the forest.",
        "",
    ]
    # air
    col4 = max(i for i, s in enumerate(t.ad_strengths) if s <= 4)
    mean = sum(t.ad_rows[r][col4] for r in range(1, 7)) / 6
    eff = t.ad_effective[col4]
    through = (8 - int(8 * t.ad_rows[4][col4] / 100 + 0.5)) * eff // 100
    out += [
        f"*Air.* Eight NATO sorties of close air support over a hex under one S-400 umbrella (strength 4, column "
        f"{t.ad_strengths[col4]:g}+) lose on average {mean:.1f} % ({8 * mean / 100:.1f} sorties); on a 4 they lose "
        f"{int(8 * t.ad_rows[4][col4] / 100 + 0.5)}, and of the survivors {eff} % count: "
        f"{through} effective sorties, +{min(t.cas_max_shift, through // t.cas_sorties_per_shift)} "
        "column(s). SEAD that suppresses the S-400 first takes the umbrella away for the rest of the turn.",
        "",
    ]
    return out


def _column(t: Tables, ratio: float) -> int:
    col = 0
    for i, r in enumerate(t.column_ratios):
        if ratio + 1e-9 >= r:
            col = i
    return col


def _fires(t: Tables, net: float) -> int:
    for pts, s in t.fires_shifts:
        if abs(net) + 1e-9 >= pts:
            return s if net > 0 else -s
    return 0


def basis_md(t: Tables) -> list[str]:
    out = [
        "### Where the numbers come from",
        "",
        "Every number in `tables/" + t.id + ".yaml` says its source or "
        "that it is this game's assumption; a number chosen by looking at the game's results against a "
        "published figure is marked **fitted**, with the figure (the section's `fitted:` field). A fitted "
        "number is never counted as validation of the figure it was fitted to (docs/calibration.md).",
        "",
    ]
    rows = []
    for sec in SECTIONS:
        fitted = t.raw[sec].get("fitted") or {}
        for name, text in t.raw[sec]["basis"].items():
            status = (
                "**fitted** to " + fitted[name]
                if name in fitted
                else "assumption"
                if text.lower().startswith("assumption")
                else "source"
            )
            rows.append([f"`{sec}.{name}`", status.replace("|", "/"), text.replace("|", "/")])
    out += _table(["number", "status", "basis"], rows)
    if t.sources:
        out += ["", "Sources:", ""] + [f"- **{k}**: {v}" for k, v in t.sources.items()]
    return out + [""]


def unit_types_md() -> list[str]:
    types, _ = load_unit_types()
    out = ["### Unit types (orders_of_battle/unit_types.yaml)", ""]
    rows = []
    for u in types.values():
        ad = f"{u.ad_range} hexes / {u.ad_strength:g}" if u.ad_strength else ""
        rows.append(
            [
                f"{u.symbol} `{u.id}`",
                u.name,
                u.mobility,
                u.movement,
                f"{u.attack:g}",
                f"{u.defence:g}",
                u.steps,
                u.range or "",
                f"{u.support:g}" if u.support else "",
                ad,
                u.detection,
            ]
        )
    return (
        out
        + _table(
            [
                "id",
                "name",
                "mobility",
                "MP",
                "attack",
                "defence",
                "steps",
                "range",
                "support",
                "air defence",
                "detection",
            ],
            rows,
        )
        + [""]
    )


def generated(tables: Tables | None = None) -> str:
    t = tables or load_tables()
    parts = movement_md(t) + crt_md(t) + shifts_md(t) + air_md(t) + examples_md(t) + unit_types_md() + basis_md(t)
    return BEGIN + "\n\n" + "\n".join(parts) + "\n" + END


def update(path: Path = BOOK) -> bool:
    text = path.read_text(encoding="utf-8")
    start, end = text.index(BEGIN), text.index(END) + len(END)
    new = text[:start] + generated() + text[end:]
    if new != text:
        path.write_text(new, encoding="utf-8")
        return True
    return False


def main(argv: list[str]) -> int:
    check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    p = Path(args[0]) if args else BOOK
    if check:
        text = p.read_text(encoding="utf-8")
        ok = BEGIN in text and text[text.index(BEGIN) : text.index(END) + len(END)] == generated()
        print(f"{p}: {'up to date' if ok else 'OUT OF DATE: run python -m wargame.rules.doc'}")
        return 0 if ok else 1
    print(f"{p}: {'updated' if update(p) else 'already up to date'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
