"""What a study shows: the terminal table with bars, the Markdown section for docs/calibration.md,
summary.csv / paired.csv, and the self-contained HTML report (matplotlib, the `plots` extra)."""

from __future__ import annotations

import base64
import csv
import html
import io
import math
import re
from pathlib import Path
from typing import Any

from rich.table import Table
from rich.text import Text

from wargame.study import stats
from wargame.study.spec import Study


def cap_of(study: Study) -> float:
    """Hours of the whole game: what a game where Red never gets there counts as."""
    sc = study.cases[0].scenario
    assert sc is not None  # load_study builds every case's scenario
    return float(sc.clock.length_turns * sc.clock.turn_hours)


def analyse(study: Study, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One entry per case: its summary and its pairing with the baseline."""
    cap = cap_of(study)
    by = {c.id: [r for r in rows if r["case"] == c.id] for c in study.cases}
    out = []
    for c in study.cases:
        out.append({"case": c, "summary": stats.summarise(by[c.id], cap),
                    "paired": None if c.id == study.baseline else stats.paired(by[c.id], by[study.baseline], cap)})
    return out


MODE_SHARE = 0.5  # a case's games at one hour from which its distribution line says so


def distribution_line(s: dict[str, Any], cap: float) -> str:
    if not s.get("games"):
        return "no games"
    f = lambda x: stats.fmt_h(x, cap)  # noqa: E731
    shares = ", ".join(f"{100 * s[f'by_{t}']:.0f}% by {t} h" for t in stats.THRESHOLDS)
    return (
        f"min {f(s['min'])}, quartiles {f(s['q1'])} / {f(s['median'])} / {f(s['q3'])}, max {f(s['max'])}; {shares}; "
        f"mean {s['mean']:.1f} h ± {0 if math.isnan(s['ci']) else s['ci']:.1f} (95%); {s['games']} games"
        f"{concentration(s, cap)}"
    )


def concentration(s: dict[str, Any], cap: float) -> str:
    """'; 49.5 h in every game' or '; 46 h in 29 of 40 games' when at least `MODE_SHARE` of a case's
    games ended at one hour, an hour at which Red got there (not the game's end), else ''. Such a
    figure says that one mechanism decided most games: a thing to explain, not a precise estimate."""
    n, top, hour = s.get("games", 0), s.get("mode_games", 0), s.get("mode")
    if not n or hour is None or hour >= cap or n < 2 or top < MODE_SHARE * n:
        return ""
    return f"; {hour:g} h in every game" if top == n else f"; {hour:g} h in {top} of {n} games"


def paired_line(p: dict[str, Any] | None, baseline: str) -> str:
    if p is None:
        return "baseline"
    ci = "" if math.isnan(p["ci"]) else f" ± {p['ci']:.1f}"
    return (
        f"vs {baseline} on the same {p['pairs']} seeds: {p['mean_diff']:+.1f} h{ci} (95%); Red later in {p['better']}, "
        f"same in {p['equal']}, earlier in {p['worse']} (sign test p = {p['sign_p']:.2g})"
    )


def terminal_table(study: Study, analysis: list[dict[str, Any]], width: int = 16) -> Table:
    """Per case: median and quartiles, share by 48 h, mean with its interval, the paired difference
    (later / same / earlier counts), and a bar: range ─, quartiles █, median ┃ (0 to the game's end)."""
    cap = cap_of(study)
    t = Table(title=f"{study.title}: {study.measure} in hours (>{cap:g}: not reached)", title_justify="left")
    t.add_column("case", no_wrap=True)
    for col in ("median [IQR]", "≤48h", "mean±95%", f"vs {study.baseline} (l/s/e)"):
        t.add_column(col, justify="right", no_wrap=True)
    t.add_column(f"0–{cap:g} h", no_wrap=True)
    f = lambda x: stats.fmt_h(x, cap)  # noqa: E731
    for a in analysis:
        s, p = a["summary"], a["paired"]
        if not s.get("games"):
            t.add_row(a["case"].id, "—", "—", "—", "—", "")
            continue
        lo, q1, q3, hi, med = (int(width * min(s[k], cap) / cap) for k in ("min", "q1", "q3", "max", "median"))
        bar = Text()
        for i in range(width + 1):
            ch, style = " ", ""
            if lo <= i <= hi:
                ch, style = "─", "dim"
            if q1 <= i <= q3:
                ch, style = "█", "cyan"
            if i == med:
                ch, style = "┃", "bold yellow"
            bar.append(ch, style)
        ci = 0 if math.isnan(s["ci"]) else s["ci"]
        diff = "—" if p is None else f"{p['mean_diff']:+.0f} ({p['better']}/{p['equal']}/{p['worse']})"
        t.add_row(
            a["case"].id,
            f"{f(s['median'])} [{f(s['q1'])}-{f(s['q3'])}]",
            f"{100 * s['by_48']:.0f}%",
            f"{s['mean']:.0f}±{ci:.0f}",
            diff,
            bar,
        )
    return t


def write_tables(study: Study, analysis: list[dict[str, Any]], out: Path) -> None:
    keys = ["games", "reached", "min", "q1", "median", "q3", "max", "mean", "ci"] + [
        f"by_{t}" for t in stats.THRESHOLDS
    ] + ["distinct", "mode", "mode_games"]
    with open(out / "summary.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["case", "group", "overrides", "red", "blue", *keys])
        from wargame.study.overrides import describe
        from wargame.study.runner import bot_label

        for a in analysis:
            c, s = a["case"], a["summary"]
            w.writerow(
                [
                    c.id,
                    c.group,
                    describe(c.overrides),
                    bot_label(c.bots["red"]),
                    bot_label(c.bots["blue"]),
                    *(_num(s.get(k)) for k in keys),
                ]
            )
    with open(out / "paired.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["case", "baseline", "pairs", "mean_diff", "ci", "better", "equal", "worse", "sign_p"])
        for a in analysis:
            p = a["paired"]
            if p is not None:
                w.writerow(
                    [
                        a["case"].id,
                        study.baseline,
                        *(_num(p[k]) for k in ("pairs", "mean_diff", "ci", "better", "equal", "worse", "sign_p")),
                    ]
                )


def _num(x: Any) -> Any:
    if isinstance(x, float):
        return "" if math.isnan(x) else f"{x:.6g}"
    return "" if x is None else x


# --- Markdown for docs/calibration.md -----------------------------------------------------------------


def fewer(study: Study) -> str:
    """The cases that play fewer games than the study's replications, as a parenthesis (or nothing)."""
    few = [f"{c.id} {c.replications(study.replications)}" for c in study.cases
           if c.replications(study.replications) < study.replications]
    return f" ({', '.join(few)}, paired on those seeds)" if few else ""


def markdown(study: Study, analysis: list[dict[str, Any]], command: str) -> str:
    cap = cap_of(study)
    lines = [
        f"#### {study.title}",
        "",
        f"Scenario `{study.scenario_ref}`, {study.replications} games per case{fewer(study)} on common seeds (study "
        f"seed {study.seed}), measure `{study.measure}` in hours (>{cap:g}: not reached in the game). "
        f"Regenerate with `{command}`.",
        "",
        "| case | distribution of the measure | paired with the baseline | command |",
        "|---|---|---|---|",
    ]
    for a in analysis:
        c = a["case"]
        label = f"**{c.id}**" + (f": {c.title}" if c.title else "")
        lines.append(
            f"| {label} | {distribution_line(a['summary'], cap)} | {paired_line(a['paired'], study.baseline)} "
            f"| `{command} --case {c.id}` |"
        )
    return "\n".join(lines)


def write_section(doc: Path, name: str, body: str) -> bool:
    """Put `body` between `<!-- study:NAME:begin -->` and `<!-- study:NAME:end -->` in `doc`, replacing
    what was there, or append the marked section when it is absent. True if the file changed."""
    begin, end = f"<!-- study:{name}:begin -->", f"<!-- study:{name}:end -->"
    text = doc.read_text(encoding="utf-8") if doc.exists() else ""
    block = f"{begin}\n{body.rstrip()}\n{end}"
    pat = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.S)
    new = (
        pat.sub(lambda _m: block, text, count=1)
        if pat.search(text)
        else (text.rstrip("\n") + "\n\n" if text else "") + block + "\n"
    )
    if new != text:
        doc.write_text(new, encoding="utf-8")
    return new != text


# --- the HTML report ---------------------------------------------------------------------------------------


def html_report(study: Study, analysis: list[dict[str, Any]], rows: list[dict[str, Any]], path: Path) -> Path:
    """A single HTML file with its charts inlined (PNG, base64). Needs matplotlib (the `plots` extra)."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise ImportError("the report needs matplotlib: pip install 'baltic-wargame[plots]'") from None
    cap = cap_of(study)
    figs: list[tuple[str, str]] = []

    def png(fig) -> str:
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=90, bbox_inches="tight")
        plt.close(fig)
        return base64.b64encode(buf.getvalue()).decode()

    names = [a["case"].id for a in analysis]
    data = [stats.values([r for r in rows if r["case"] == n], cap) for n in names]
    fig, ax = plt.subplots(figsize=(8, 0.4 * len(names) + 1.5))
    try:
        ax.boxplot(data, orientation="horizontal")  # matplotlib >= 3.10
    except TypeError:
        ax.boxplot(data, vert=False)
    ax.set_yticks(range(1, len(names) + 1), names)
    ax.set_xlabel(f"{study.measure} (hours; {cap:g} = not reached)")
    ax.invert_yaxis()
    figs.append(("Distribution of the measure per case", png(fig)))

    fig, ax = plt.subplots(figsize=(8, 4.5))
    for n, xs in zip(names, data):
        xs = sorted(xs)
        if xs:
            ax.step(xs, [(i + 1) / len(xs) for i in range(len(xs))], where="post", label=n)
    for t in stats.THRESHOLDS:
        ax.axvline(t, color="grey", lw=0.5, ls=":")
    ax.set_xlabel("hours"), ax.set_ylabel("share of games Red has arrived")
    ax.legend(fontsize=7, ncol=2)
    figs.append(("Cumulative distribution (CDF)", png(fig)))

    pa = [a for a in analysis if a["paired"] is not None and a["paired"]["pairs"]]
    if pa:
        fig, ax = plt.subplots(figsize=(8, 0.4 * len(pa) + 1.5))
        ys = range(len(pa))
        ax.errorbar(
            [a["paired"]["mean_diff"] for a in pa],
            list(ys),
            xerr=[0 if math.isnan(a["paired"]["ci"]) else a["paired"]["ci"] for a in pa],
            fmt="o",
            capsize=3,
        )
        ax.axvline(0, color="black", lw=0.8)
        ax.set_yticks(list(ys), [a["case"].id for a in pa])
        ax.invert_yaxis()
        ax.set_xlabel(f"mean paired difference from {study.baseline}, hours (95% interval); right = Red later")
        figs.append(("Paired differences against the baseline", png(fig)))
        groups: dict[str, list[float]] = {}
        for a in pa:
            groups.setdefault(a["case"].group or a["case"].id, []).append(a["paired"]["mean_diff"])
        tor = sorted(((g, min(0.0, *v), max(0.0, *v)) for g, v in groups.items()), key=lambda x: x[2] - x[1])
        fig, ax = plt.subplots(figsize=(8, 0.4 * len(tor) + 1.5))
        ax.barh(range(len(tor)), [hi - lo for _, lo, hi in tor], left=[lo for _, lo, _h in tor], color="tab:blue")
        ax.set_yticks(range(len(tor)), [g for g, _, _ in tor])
        ax.axvline(0, color="black", lw=0.8)
        ax.set_xlabel(f"range of the mean paired difference from {study.baseline} across each factor's cases, hours")
        figs.append(("Sensitivity (tornado): which factor moves the measure most", png(fig)))

    body = [
        f"<h1>{html.escape(study.title)}</h1>",
        f"<p>{html.escape(study.description)}</p>",
        f"<p>Scenario <code>{html.escape(study.scenario_ref)}</code>; {study.replications} games per case"
        f"{html.escape(fewer(study))} on common seeds; data hash <code>{study.data_sha}</code>.</p>",
        "<table border=1 cellpadding=4><tr><th>case</th><th>distribution</th><th>paired with the baseline</th></tr>",
    ]
    for a in analysis:
        body.append(
            f"<tr><td>{html.escape(a['case'].id)}</td><td>{html.escape(distribution_line(a['summary'], cap))}</td>"
            f"<td>{html.escape(paired_line(a['paired'], study.baseline))}</td></tr>"
        )
    body.append("</table>")
    for title, b64 in figs:
        body.append(f"<h2>{html.escape(title)}</h2><img alt='{html.escape(title)}' src='data:image/png;base64,{b64}'>")
    path.write_text(
        "<!doctype html><meta charset='utf-8'><title>" + html.escape(study.title) + "</title>"
        "<body style='font-family:sans-serif;max-width:60em'>" + "\n".join(body) + "</body>\n",
        encoding="utf-8",
    )
    return path
