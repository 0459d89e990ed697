"""`wargame report SAVE --out report.html|.md`: the after-action report, one self-contained file.

HTML: briefing, the map with a turn slider (every frame's overlay in one SVG, a few lines of inline
script show one at a time), charts, rulings and injects, the timeline with turn stamps, the outcome.
Markdown: the same sections, with the maps and charts as inline SVG images (data URIs).
Nothing is fetched from anywhere: the file works offline and can be handed out.
"""

from __future__ import annotations

import argparse
import base64
import json
from html import escape
from pathlib import Path
from typing import Any

from wargame.aar.history import History, history
from wargame.aar.svg import SIDE, action_window, line_chart, map_svg
from wargame.events import GameEnded, UmpireRuled, fmt_hour
from wargame.model.units import Side

CSS = """
body{font-family:system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1em 2em;color:#1b1b1b;line-height:1.45}
h1{margin-bottom:.2em} .sub{color:#555;margin-top:0} table{border-collapse:collapse;margin:.5em 0}
td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}
.outcome{border:3px solid #333;padding:.6em 1em;background:#f6f3ea;font-size:1.1em}
.warn{border:2px solid #c0392b;background:#fdecea;padding:.5em 1em}
.charts{display:flex;flex-wrap:wrap;gap:1em} .mapbox{border:1px solid #999;background:#eef3f7}
#slider{width:100%} .ctl{display:flex;gap:.6em;align-items:center;margin:.4em 0}
.tl li{margin:.1em 0} .tl .k-combat,.tl .k-measure,.tl .k-game_over,.tl .k-city{font-weight:bold}
.tl .k-umpire,.tl .k-inject{color:#7a1f7a} .red{color:#c0392b} .blue{color:#1f5fbf}
"""

SCRIPT = """
(function(){
  var s=document.getElementById('slider'), cap=document.getElementById('caption');
  var frames=document.querySelectorAll('#map g.frame');
  var labels=JSON.parse(document.getElementById('labels').textContent);
  function show(i){
    for(var k=0;k<frames.length;k++){frames[k].style.display=(k==i)?'':'none';}
    cap.textContent=labels[i];s.value=i;
  }
  s.addEventListener('input',function(){show(+s.value);});
  document.getElementById('prev').addEventListener('click',function(){show(Math.max(0,+s.value-1));});
  document.getElementById('next').addEventListener('click',function(){show(Math.min(frames.length-1,+s.value+1));});
  show(frames.length-1);
})();
"""


def _players(h: History) -> str:
    p = h.record.get("players") or {}
    return ", ".join(f"{s.capitalize()}: {p[s]}" for s in ("red", "blue") if s in p) or "not recorded"


def _outcome(h: History) -> str:
    r = h.result
    if not r:
        return f"The record stops in turn {h.turn}, before the game ended."
    m = fmt_hour(r.get("measure_hours"))
    losses = r.get("losses") or {}
    return (
        f"{str(r.get('winner', '?')).capitalize()} wins ({r.get('reason', '')}). RAND measure: {m}. "
        f"Steps lost: Red {losses.get('red', 0)}, Blue {losses.get('blue', 0)}."
    )


def red_holds(h: History, control: dict[str, str]) -> list[str]:
    """The cities in Blue's countries that Red holds (Red's own cities are not news)."""
    blue = h.scenario.sides.get(Side.BLUE)
    countries = blue.countries if blue else frozenset()
    out = []
    for c, s in control.items():
        city = h.scenario.board.city_named(c)
        if s == "red" and city is not None and city.country in countries:
            out.append(c)
    return sorted(out)


def _caption(h: History, i: int) -> str:
    f = h.frames[i]
    held = red_holds(h, f.control)
    return f"{f.label} — H+{f.hour:g}; steps lost Red {f.losses.get('red', 0)}, Blue {f.losses.get('blue', 0)}" + (
        f"; Red holds {', '.join(held)}" if held else ""
    )


def charts(h: History) -> list[str]:
    frames = h.frames
    xs = [f.hour for f in frames]
    cities = list(frames[0].closest)
    palette = ["#c0392b", "#e67e22", "#8e44ad", "#16a085", "#2c3e50"]
    closest = {c: [float(max(f.closest.get(c, 0), 0)) for f in frames] for c in cities}
    out = [
        line_chart(
            "Red's distance to the measure cities (hexes)",
            xs,
            closest,
            {c: palette[i % len(palette)] for i, c in enumerate(cities)},
            "hexes",
        )
    ]
    out.append(
        line_chart(
            "Steps lost", xs, {s: [float(f.losses.get(s, 0)) for f in frames] for s in ("red", "blue")}, SIDE, "steps"
        )
    )
    held = [float(len(red_holds(h, f.control))) for f in frames]
    out.append(
        line_chart(
            "Ground: Blue-country hexes Red entered",
            xs,
            {"hexes": [float(f.ground) for f in frames]},
            {"hexes": "#c0392b"},
            "hexes",
        )
    )
    out.append(
        line_chart("Cities Red holds in the Baltic states", xs, {"cities": held}, {"cities": "#7a1f7a"}, "cities")
    )
    return out


def rulings(h: History) -> list[tuple[int, str, str, str]]:
    """(turn, what, ruling, note) for every umpire ruling and inject in the record."""
    rows = []
    for turn, e in h.timeline:
        if isinstance(e, UmpireRuled):
            rows.append((turn, f"umpire: {e.what}", e.describe(), e.note))
        elif e.kind.startswith("inject"):
            rows.append((turn, "inject", e.describe(), str(getattr(e, "note", ""))))
    return rows


def html_report(h: History) -> str:
    sc = h.scenario
    labels = [_caption(h, i) for i in range(len(h.frames))]

    parts = [
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">',
        f"<title>After-action report: {escape(sc.title)}</title>",
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{CSS}</style></head><body>',
        f"<h1>After-action report: {escape(sc.title)}</h1>",
        f'<p class="sub">Scenario <code>{escape(sc.id)}</code>, seed {h.record["seed"]}, {escape(_players(h))}; '
        f"{len(h.frames) - 1} turn(s) recorded, {len(h.timeline)} events.</p>",
    ]
    for p in h.problems:
        parts.append(f'<p class="warn">Audit: {escape(p)}.</p>')
    parts.append(f'<p class="outcome" id="outcome"><b>Outcome.</b> {escape(_outcome(h))}</p>')
    parts.append('<h2 id="briefing">Briefing</h2>' + f"<p>{escape(sc.summary)}</p>")
    parts.append(
        "<table>"
        + "".join(
            f'<tr><th class="{s.value}">{escape(setup.name)} ({s.value})</th><td>{escape(setup.briefing)}</td></tr>'
            for s, setup in sc.sides.items()
        )
        + "</table>"
    )
    v = sc.victory
    parts.append(
        f"<p>Clock: {sc.clock.turn_hours}-hour turns from {escape(sc.clock.start or 'H-hour')}, "
        f"{sc.clock.length_turns} turns at most. "
        "The RAND measure: the hour a Red main force holds the outskirts of "
        f"{escape(' or '.join(v.measure))}. {escape(v.description)}</p>"
    )
    parts.append(
        '<h2 id="maps">The map, turn by turn</h2>'
        '<div class="ctl"><button id="prev" type="button">&#9664;</button>'
        f'<input id="slider" type="range" min="0" max="{len(h.frames) - 1}" '
        f'value="{len(h.frames) - 1}" '
        'aria-label="turn"><button id="next" type="button">&#9654;</button></div>'
        f'<p id="caption">{escape(labels[-1])}</p>'
        f'<div class="mapbox">{map_svg(sc.board, h.frames)}</div>'
        '<p class="sub">Squares: units (the stack\'s size after +); black line: the front; coloured arrows: '
        "this turn's moves (dashed: retreats); black arrows: attacks; orange: blown bridges.</p>"
        f'<script type="application/json" id="labels">{escape(json.dumps(labels), quote=False)}</script>'
    )
    parts.append('<h2 id="charts">Over time</h2><div class="charts">' + "".join(charts(h)) + "</div>")
    parts.append('<h2 id="rulings">Umpire rulings and injects</h2>')
    rows = rulings(h)
    if rows:
        parts.append(
            "<table><tr><th>Turn</th><th>What</th><th>Ruling</th><th>Note</th></tr>"
            + "".join(
                f"<tr><td>T{t}</td><td>{escape(w)}</td><td>{escape(d)}</td><td>{escape(n)}</td></tr>"
                for t, w, d, n in rows
            )
            + "</table>"
        )
    else:
        parts.append("<p>None: every result stood as rolled, and no inject was played.</p>")
    parts.append('<h2 id="notes">The White cell\'s notes and bookmarks</h2>')
    notes = sorted(h.seminar.notes, key=lambda n: n["turn"])
    if notes:
        parts.append("<table><tr><th>Turn</th><th></th><th>Note</th></tr>" + "".join(
            f"<tr><td>T{n['turn']}</td><td>{'bookmark' if n['bookmark'] else 'note'}</td>"
            f"<td>{escape(n['text'])}</td></tr>"
            for n in notes) + "</table>")
    else:
        parts.append("<p>None.</p>")
    parts.append('<h2 id="timeline">Timeline</h2>')
    turn = None
    for t, e in h.timeline:
        if t != turn:
            parts.append(("</ol>" if turn is not None else "") + f'<h3>Turn {t}</h3><ol class="tl">')
            turn = t
        parts.append(f'<li class="k-{escape(e.kind)}">T{t} {escape(e.describe())}</li>')
    if turn is not None:
        parts.append("</ol>")
    parts.append('<h2 id="result">Outcome</h2>' + _result_table(h))
    parts.append(f"<script>{SCRIPT}</script></body></html>\n")
    return "".join(parts)


def _result_table(h: History) -> str:
    r = h.result or {}
    rows: list[tuple[str, Any]] = [("Outcome", _outcome(h))]
    for e in (e for _, e in h.timeline if isinstance(e, GameEnded)):
        rows.append(("Final event", e.describe()))
    last = h.frames[-1]
    rows.append(("Cities Red holds in Blue's countries", ", ".join(red_holds(h, last.control)) or "none"))
    for city, hour in sorted(last.measure.items()):
        rows.append((f"Main force at {city}", fmt_hour(hour)))
    if r.get("turns") is not None:
        rows.append(("Game length", f"{r['turns']} turns, {r['turns'] * h.scenario.clock.turn_hours} hours"))
    if r.get("first_unit_hours") is not None:
        rows.append(("First Red unit of any kind in the outskirts", fmt_hour(r["first_unit_hours"])))
    return "<table>" + "".join(f"<tr><th>{escape(k)}</th><td>{escape(str(v))}</td></tr>" for k, v in rows) + "</table>"


def _img(svg: str, alt: str) -> str:
    return f"![{alt}](data:image/svg+xml;base64,{base64.b64encode(svg.encode()).decode()})"


def md_report(h: History) -> str:
    sc = h.scenario
    lines = [
        f"# After-action report: {sc.title}",
        "",
        f"Scenario `{sc.id}`, seed {h.record['seed']}, {_players(h)}; "
        f"{len(h.frames) - 1} turn(s), {len(h.timeline)} events.",
        "",
    ]
    lines += [f"> **Audit:** {p}." for p in h.problems]
    lines += [f"**Outcome.** {_outcome(h)}", "", "## Briefing", "", sc.summary, ""]
    lines += [f"- **{s.name} ({side.value})**: {s.briefing}" for side, s in sc.sides.items()]
    lines += ["", "## The map, turn by turn", ""]
    last = len(h.frames) - 1
    for i, f in enumerate(h.frames):
        # the opening and the end in full; each turn between around where it was fought (a file to hand out, not 20 MB)
        window = None if i in (0, last) else action_window(sc.board, f)
        if i in (0, last) or window is not None:
            picture = map_svg(sc.board, [f], width="900", window=window)
            lines += [f"### {_caption(h, i)}", "", _img(picture, f.label), ""]
        else:
            lines += [f"### {_caption(h, i)}", "", "Nothing moved.", ""]
    lines += ["## Over time", ""] + [_img(c, "chart") + "\n" for c in charts(h)]
    lines += ["## Umpire rulings and injects", ""]
    rows = rulings(h)
    lines += (
        (
            ["| Turn | What | Ruling | Note |", "|---|---|---|---|"]
            + [f"| T{t} | {w} | {_cell(d)} | {_cell(n)} |" for t, w, d, n in rows]
        )
        if rows
        else ["None."]
    )
    lines += ["", "## The White cell's notes and bookmarks", ""]
    notes = sorted(h.seminar.notes, key=lambda n: n["turn"])
    lines += ([f"- T{n['turn']} {'**bookmark**' if n['bookmark'] else 'note'}: {n['text']}" for n in notes]
              if notes else ["None."])
    lines += ["", "## Timeline", ""]
    turn = None
    for t, e in h.timeline:
        if t != turn:
            lines += ["", f"### Turn {t}", ""]
            turn = t
        lines.append(f"- T{t} {e.describe()}")
    lines += ["", "## Outcome", "", _outcome(h), ""]
    return "\n".join(lines)


def _cell(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


def build(save: str, scenario_file: str | None = None) -> History:
    from wargame.data.scenario import load_scenario
    from wargame.rules.record import RecordError
    from wargame.saves import SaveError, data_matches, read_save, scenario_of

    record = read_save(save)
    scenario = load_scenario(scenario_of(record, scenario_file))
    try:
        h = history(record, scenario)
    except RecordError as e:
        raise SaveError(f"{save}: game.{e}") from None
    changed = data_matches(record, scenario)
    if changed:
        h.problems.insert(0, changed)
    return h


def main(args: argparse.Namespace) -> int:
    from wargame.saves import SaveError

    out = Path(args.out)
    if out.suffix.lower() not in (".html", ".htm", ".md"):
        raise SaveError(f"--out {args.out}: expected a file name ending in .html or .md")
    h = build(args.save, getattr(args, "scenario", None))
    text = md_report(h) if out.suffix.lower() == ".md" else html_report(h)
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as e:
        raise SaveError(f"--out {args.out}: cannot write the report ({e.strerror})") from None
    print(f"{out}: {len(h.frames) - 1} turn(s), {len(h.timeline)} events, {len(text) // 1024} KB")
    return 0
