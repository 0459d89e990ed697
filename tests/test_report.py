"""The after-action report: generated from a save's record, well-formed, with correct turn stamps;
and (when Debian's chromium is installed) opened in a real headless browser with no console errors."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path

import html5lib
import pytest

from wargame import events as ev
from wargame.aar import svg
from wargame.aar.report import build, html_report, md_report
from wargame.bots.driver import play_game
from wargame.cli import main
from wargame.data.scenario import load_scenario

TINY = str(Path(__file__).resolve().parent / "fixtures" / "tiny" / "scenarios" / "tiny.yaml")


@pytest.fixture(scope="module")
def save(tmp_path_factory) -> Path:
    played = play_game(load_scenario(TINY), 11, "operational", "operational")
    return Path(played.game.to_save(tmp_path_factory.mktemp("r") / "tiny.save"))


def test_turn_stamps_follow_the_event_stream(save):
    h = build(str(save), TINY)
    turns = [t for t, _ in h.timeline]
    assert turns == sorted(turns) and turns[0] == 1
    started = [(t, e) for t, e in h.timeline if isinstance(e, ev.TurnStarted)]
    assert [t for t, _ in started] == [e.turn for _, e in started] == list(range(1, len(started) + 1))
    assert not any(isinstance(e, ev.PhaseStarted) for _, e in h.timeline)
    assert h.problems == []  # the replay reproduces the record
    # one frame for the opening and one per turn played; losses never go down
    assert [f.turn for f in h.frames] == list(range(0, h.turn + 1))
    for a, b in zip(h.frames, h.frames[1:], strict=False):
        assert all(b.losses[s] >= a.losses[s] for s in ("red", "blue"))
        assert b.hour > a.hour and b.ground >= a.ground
    moves = sum(1 for _, e in h.timeline if isinstance(e, ev.Moved) and len(e.path) > 1)
    assert moves == sum(1 for f in h.frames for a in f.arrows if a.kind == "move")


def test_html_report_is_valid_and_complete(save, tmp_path):
    out = tmp_path / "r.html"
    assert main(["report", str(save), "--scenario", TINY, "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    html5lib.HTMLParser(strict=True).parse(text)  # raises on any parse error
    h = build(str(save), TINY)
    for anchor in ('id="briefing"', 'id="maps"', 'id="charts"', 'id="rulings"', 'id="timeline"', 'id="outcome"',
                   'id="slider"'):
        assert anchor in text
    assert text.count('class="frame"') == len(h.frames)
    assert text.count('class="chart"') == 4
    assert "Hold Tallinn." in text and "Take Tallinn." in text      # both briefings
    assert "http://" not in text.replace("http://www.w3.org/2000/svg", "") and "https://" not in text  # self-contained
    last_turn = h.timeline[-1][0]
    assert f"<h3>Turn {last_turn}</h3>" in text


def test_map_and_charts_are_well_formed_svg(save):
    h = build(str(save), TINY)
    ET.fromstring(svg.map_svg(h.scenario.board, h.frames))
    for chart in __import__("wargame.aar.report", fromlist=["charts"]).charts(h):
        ET.fromstring(chart)


def test_markdown_report(save, tmp_path):
    out = tmp_path / "r.md"
    assert main(["report", str(save), "--scenario", TINY, "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    h = build(str(save), TINY)
    for heading in ("# After-action report", "## Briefing", "## The map, turn by turn", "## Over time",
                    "## Umpire rulings and injects", "## Timeline", "## Outcome"):
        assert heading in text
    assert text.count("data:image/svg+xml;base64,") >= 2 + 4  # opening and end maps, four charts
    assert md_report(h) == text


def test_umpire_rulings_are_listed_with_their_notes(tmp_path):
    from wargame.game import Game, Reroll

    game = Game(load_scenario(TINY), seed=3, umpire=True)
    played = play_game(load_scenario(TINY), 3, "operational", "operational")
    log = played.game.log
    ruled = 0
    for entry in log:
        from wargame.model.units import Side
        from wargame.orders import from_dict

        while game.pending is not None:
            game.decide(Reroll(f"ruling {ruled}"))
            ruled += 1
        if game.over:
            break
        if game.active_side is not Side(entry["side"]):
            break
        game.submit(Side(entry["side"]), [from_dict(o) for o in entry["orders"]])
    while game.pending is not None:
        game.decide(Reroll(f"ruling {ruled}"))
        ruled += 1
    p = Path(game.to_save(tmp_path / "u.save"))
    text = html_report(build(str(p), TINY))
    assert ruled > 0
    for i in range(ruled):
        assert f"ruling {i}" in text


def test_bad_arguments_exit_2(save, tmp_path, capsys):
    assert main(["report", str(save), "--scenario", TINY, "--out", str(tmp_path / "r.pdf")]) == 2
    assert "expected a file name ending in .html or .md" in capsys.readouterr().err
    bad = tmp_path / "bad.save"
    bad.write_text("{")
    assert main(["report", str(bad), "--out", str(tmp_path / "r.html")]) == 2
    assert "bad.save:1:2" in capsys.readouterr().err


@pytest.mark.browser
def test_report_in_headless_chromium(save, tmp_path):
    from tests.browser import find_chromium, visit

    if find_chromium() is None:
        if os.environ.get("WARGAME_REQUIRE_BROWSER"):
            pytest.fail("no chromium on PATH (apt-get install chromium)")
        pytest.skip("chromium is not installed: apt-get install chromium, then make browser-check")
    out = tmp_path / "r.html"
    assert main(["report", str(save), "--scenario", TINY, "--out", str(out)]) == 0
    show = ("[...document.querySelectorAll('#map g.frame')].filter(g => getComputedStyle(g).display != 'none')"
            ".map(g => g.dataset.turn)")
    r = visit(out.as_uri(), 1200, 1800, [
        "document.querySelectorAll('#map path').length > 3 && document.querySelectorAll('svg.chart polyline').length",
        show,
        "(() => { const s = document.getElementById('slider'); s.value = 0; s.dispatchEvent(new Event('input')); "
        "return document.getElementById('caption').textContent; })()",
        show,
    ])
    assert r.errors == []
    assert r.values[0] >= 5                      # the map drew, and the charts' lines
    assert r.values[1] == [str(build(str(save), TINY).turn)]  # the last turn shows first, alone
    assert r.values[2].startswith("Opening") and r.values[3] == ["0"]  # the slider moves the map
    assert r.screenshot[:8] == b"\x89PNG\r\n\x1a\n" and len(r.screenshot) > 20_000
    shots = os.environ.get("WARGAME_SCREENSHOTS")
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
        (Path(shots) / "report-tiny.png").write_bytes(r.screenshot)
