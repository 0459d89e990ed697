"""The crisis columns of a study (`wargame study` on a scenario with a crisis phase): outcome shares
per case, and the war's RAND measure by the warning NATO gained in the crisis (docs/crisis.md)."""

from __future__ import annotations

import statistics
from typing import Any

OUTCOMES = ("deterrence", "coercion", "limited", "invasion", "inadvertent")
WARNING_BINS = ((0, 0, "0 h"), (1, 48, "1-48 h"), (49, 120, "49-120 h"), (121, 10**6, "over 120 h"))


def _pct(n: int, d: int) -> str:
    return f"{100 * n / d:.0f}%" if d else "-"


def _median_h(xs: list[float], cap: float) -> str:
    if not xs:
        return "-"
    m = statistics.median(xs)
    return f">{cap:g}" if m >= cap else f"{m:g}"


def crisis_markdown(study: Any, rows: list[dict[str, Any]], command: str = "", cap: float = 240.0) -> str:
    """Two tables: per case, the share of each outcome, the first escalator, the mean warning gained
    and the war's measure; over every war of the study, the measure by warning gained."""
    by_case: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_case.setdefault(r["case"], []).append(r)
    head = (
        "| case | games | " + " | ".join(OUTCOMES) + " | Blue escalated first | warning gained (wars, mean h) | "
        "war measure, median h (wars to Tallinn/Riga) |"
    )
    lines = [
        f"#### {study.title}: the crisis",
        "",
        f"Scenario `{study.scenario_ref}`, {study.replications} games per case on common seeds "
        f"(study seed {study.seed})." + (f" Regenerate with `{command}`." if command else ""),
        "",
        "### Crisis outcomes by case",
        "",
        head,
        "|" + "---|" * (len(OUTCOMES) + 5),
    ]
    for c in study.cases:
        rs = by_case.get(c.id, [])
        n = len(rs)
        shares = [_pct(sum(1 for r in rs if r.get("crisis_outcome") == o), n) for o in OUTCOMES]
        wars = [r for r in rs if r.get("crisis_outcome") in ("invasion", "inadvertent", "limited")]
        blue_first = _pct(sum(1 for r in rs if r.get("escalated_first") == "blue"), n)
        warn = f"{statistics.mean(float(r['warning_gained']) for r in wars):.0f}" if wars else "-"
        full = [r for r in wars if r.get("crisis_outcome") != "limited"]
        meas = _median_h(
            [cap if r.get("measure_hours") in (None, "") else float(r["measure_hours"]) for r in full], cap
        )
        title = f"{c.id}" + (f" ({c.title})" if getattr(c, "title", "") else "")
        lines.append(f"| {title} | {n} | " + " | ".join(shares) + f" | {blue_first} | {warn} | {meas} ({len(full)}) |")
    lines += [
        "",
        "### The war by the warning gained in the crisis (every invasion and inadvertent war of the study)",
        "",
        "| warning gained | wars | RAND measure, median h | Red at Tallinn or Riga by 60 h | not reached |",
        "|---|---|---|---|---|",
    ]
    full = [r for r in rows if r.get("crisis_outcome") in ("invasion", "inadvertent")]
    for lo, hi, label in WARNING_BINS:
        rs = [r for r in full if lo <= int(r.get("warning_gained") or 0) <= hi]
        xs = [cap if r.get("measure_hours") in (None, "") else float(r["measure_hours"]) for r in rs]
        by60 = sum(1 for x in xs if x <= 60)
        gone = sum(1 for x in xs if x >= cap)
        lines.append(f"| {label} | {len(rs)} | {_median_h(xs, cap)} | {_pct(by60, len(rs))} | {_pct(gone, len(rs))} |")
    lines += controlled_lines(rows, cap)
    return "\n".join(lines) + "\n"


def controlled_lines(rows: list[dict[str, Any]], cap: float) -> list[str]:
    """The controlled comparison: every war that came with warning, played again on the same seed with
    everything the crisis handed over except the warning (`measure_without_warning`)."""
    # every such war was played again (wargame.crisis.play); an empty measure there is "not reached"
    paired = [
        r for r in rows if r.get("crisis_outcome") in ("invasion", "inadvertent") and int(r.get("warning_gained") or 0)
    ]
    out = [
        "",
        "### What the warning alone changes (the same war, same seed, with and without the crisis' warning)",
        "",
        "| warning gained | wars | measure with the warning, median h | without, median h | mean difference h | "
        "Red later / same / earlier with the warning |",
        "|---|---|---|---|---|---|",
    ]
    for lo, hi, label in WARNING_BINS[1:]:
        rs = [r for r in paired if lo <= int(r.get("warning_gained") or 0) <= hi]
        if not rs:
            out.append(f"| {label} | 0 | - | - | - | - |")
            continue
        w = [_hours(r.get("measure_hours"), cap) for r in rs]
        wo = [_hours(r.get("measure_without_warning"), cap) for r in rs]
        diff = [a - b for a, b in zip(w, wo, strict=True)]
        later = sum(1 for d in diff if d > 0)
        earlier = sum(1 for d in diff if d < 0)
        out.append(
            f"| {label} | {len(rs)} | {_median_h(w, cap)} | {_median_h(wo, cap)} | {statistics.mean(diff):+.1f} | "
            f"{later} / {len(rs) - later - earlier} / {earlier} |"
        )
    return out


def _hours(v: Any, cap: float) -> float:
    return cap if v in (None, "") else min(cap, float(v))
