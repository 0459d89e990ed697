"""The command line, as a user meets it: exit codes, one line per problem, no tracebacks."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

from wargame.cli import main

TINY = Path(__file__).parent / "fixtures" / "tiny"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "wargame", *args], capture_output=True, text=True, timeout=120)


def test_version_and_help():
    r = run("--version")
    assert r.returncode == 0 and r.stdout.startswith("wargame ")
    for cmd in ("validate", "schema", "map", "scenarios", "oob", "play", "replay"):
        r = run(cmd, "--help")
        assert r.returncode == 0 and "usage: wargame " + cmd in r.stdout


def test_validate_good_files(capsys):
    files = [str(p) for p in sorted(TINY.rglob("*.yaml"))]
    assert main(["validate", *files]) == 0
    assert capsys.readouterr().out.count(": ok") == len(files)


def test_validate_reports_each_problem_and_exits_2(tmp_path):
    d = tmp_path / "tiny"
    shutil.copytree(TINY, d)
    red = d / "orders_of_battle" / "red.yaml"
    text = red.read_text()
    text = text.replace('hex: "0602"', 'hex: "2020"').replace("type: artillery", "type: artilery")
    text = text.replace("formation: \"1st Div\", arrive", "formaton: \"1st Div\", arrive")
    red.write_text(text)
    bad_yaml = d / "broken.yaml"
    bad_yaml.write_text("format: wargame-oob/1\nunits: [\n")
    (d / "other").mkdir()
    types = d / "other" / "unit_types.yaml"
    types.write_text((d / "orders_of_battle" / "unit_types.yaml").read_text().replace("movement: 4", "movement: slow"))
    r = run("validate", str(d / "scenarios" / "tiny.yaml"), str(red), str(bad_yaml), str(types))
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert "Traceback" not in r.stderr
    assert lines[-1] == "4 of 4 file(s) have problems"
    body = "\n".join(lines)
    assert "unit_types.yaml:6:124:" in body and "types[1].movement: expected a whole number, got text 'slow'" in body
    assert "red.yaml:12:" in body and "units[3].formaton: unknown key 'formaton'; did you mean 'formation'?" in body
    assert "broken.yaml:3:1: (syntax): malformed YAML" in body
    assert "units[2].type: unknown unit type 'artilery'; known: artillery, infantry, sam, tank" in body
    # every problem line starts file:line:col
    for line in lines[:-1]:
        assert line.split(": ")[0].count(":") == 2, line


def test_schema_is_json_for_every_kind():
    for kind in ("map", "unit-types", "oob", "scenario"):
        r = run("schema", kind)
        assert r.returncode == 0, r.stderr
        doc = json.loads(r.stdout)
        assert doc["type"] == "object" and doc["additionalProperties"] is False
    r = run("schema", "nonsense")
    assert r.returncode == 2 and "unknown kind 'nonsense'" in r.stderr


def test_map_draws_a_window_with_units(capsys):
    assert main(["map", str(TINY / "scenarios" / "tiny.yaml"), "--at", "0402", "--size", "30x6"]) == 0
    text = capsys.readouterr().out
    lines = text.splitlines()
    assert lines[0].startswith("Tiny test scenario — hexes")
    assert "▭3" in text  # Red's tank counters: the APP-6 armour oval and 3 steps
    assert "▭ armour" in text  # the legend explains the glyphs
    from wargame import render

    try:
        assert main(["map", str(TINY / "scenarios" / "tiny.yaml"), "--at", "0402", "--size", "30x6", "--ascii"]) == 0
        text = capsys.readouterr().out
        assert "AR3" in text and "▭" not in text  # the ASCII fallback: the two-letter codes
    finally:
        render.set_ascii(False)
    assert main(["map", str(TINY / "maps" / "tiny.yaml"), "--at", "tallinn", "--size", "40x12"]) == 0
    text = capsys.readouterr().out
    assert "★" in text and any("Tallinn" in line for line in text.splitlines()[1:-8])  # the name under the hex


def test_map_fits_the_terminal_unless_full(capsys, monkeypatch):
    from rich.cells import cell_len

    from wargame import cli

    monkeypatch.setattr(cli.out, "_width", 80)
    assert main(["map", "baltic"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and max(cell_len(x) for x in lines) <= 80  # board window and legend: nothing wraps
    assert any("--full" in x for x in lines)
    assert main(["map", "baltic", "--full"]) == 0
    assert max(cell_len(x) for x in capsys.readouterr().out.splitlines()) > 300


def test_map_finds_a_city_in_any_case_and_suggests(capsys):
    assert main(["map", "baltic", "--at", "riga", "--size", "80x20"]) == 0
    assert "Riga" in capsys.readouterr().out
    assert main(["map", "baltic", "--at", "rgia"]) == 2
    assert "did you mean Riga" in capsys.readouterr().err


def test_play_refuses_an_unknown_player_or_scenario_with_exit_2(capsys):
    assert main(["play", "incursion-2016", "--red", "bogus"]) == 2
    err = capsys.readouterr().err
    assert "--red 'bogus'" in err and "operational" in err and "Traceback" not in err
    assert main(["play", "nosuch"]) == 2
    assert "no scenario 'nosuch'" in capsys.readouterr().err
    assert main(["play", "--load", "/nonexistent/x.save"]) == 2


def test_play_help_lists_the_bots():
    r = run("play", "--help")
    for bot in ("passive", "random", "operational", "search"):
        assert f"  {bot}" in r.stdout


def test_map_bad_arguments_exit_2(capsys):
    assert main(["map", str(TINY / "maps" / "tiny.yaml"), "--at", "9999"]) == 2
    assert "off the board" in capsys.readouterr().err
    assert main(["map", "no-such-thing"]) == 2
    assert main(["map", str(TINY / "maps" / "tiny.yaml"), "--size", "big"]) == 2


def test_oob_tables(capsys, monkeypatch):
    from rich.console import Console

    import wargame.cli as cli

    monkeypatch.setattr(cli, "out", Console(width=200, highlight=False))
    assert main(["oob", str(TINY / "scenarios" / "tiny.yaml"), "--side", "blue"]) == 0
    text = capsys.readouterr().out
    assert "NATO (blue) — 3 units" in text and "Airborne Bn" in text and "turn 3 (H+24)" in text
    assert "1st Tank Bn" not in text
