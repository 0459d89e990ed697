"""The hostile saves of issue 14: a save never runs code, never reads a file it names, and a
tampered save never passes the replay audit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.fuzzing import _cli
from wargame.bots.driver import play_game
from wargame.data.scenario import load_scenario
from wargame.game import Game
from wargame.saves import SaveError, players_of, read_save

TINY = str(Path(__file__).resolve().parent / "fixtures" / "tiny" / "scenarios" / "tiny.yaml")


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    sc = load_scenario(TINY)
    p = play_game(sc, 7, "random", "operational")
    path = p.game.to_save(tmp_path_factory.mktemp("s") / "good.save")
    return json.loads(path.read_text())


def _write(tmp_path, env, name="x.save") -> Path:
    p = tmp_path / name
    p.write_text(env if isinstance(env, str) else json.dumps(env))
    return p


def _edit(env, **game):
    env = json.loads(json.dumps(env))
    env["game"].update(game)
    return env


def test_the_good_save_replays_and_matches(good, tmp_path):
    assert _cli(["replay", str(_write(tmp_path, good)), "--scenario", TINY]) == (0, "")


@pytest.mark.parametrize("name", ["shutil:rmtree", "this:x", "os:system", "tests.bots.test_faults:Dies", "nobody"])
def test_a_save_never_imports_the_players_it_names(good, tmp_path, monkeypatch, name):
    import sys

    monkeypatch.chdir(tmp_path)
    (tmp_path / "blue").mkdir()
    sys.modules.pop("this", None)
    p = _write(tmp_path, _edit(good, players={"red": "human", "blue": name}))
    rec = read_save(p)
    with pytest.raises(SaveError, match=r"game\.players\.blue: .* is not human or a built-in bot"):
        players_of(rec)
    rc, err = _cli(["play", "--load", str(p)])
    assert rc == 2 and "players.blue" in err
    assert (tmp_path / "blue").is_dir() and "this" not in sys.modules  # nothing ran
    assert players_of(rec, {"blue": "random"})["blue"] == "random"  # the command line may say who plays


@pytest.mark.parametrize("scenario", ["/dev/zero", "../../../../etc/passwd", "/etc/passwd", "a" * 5000, "tiny\x00"])
def test_a_save_names_its_scenario_by_id_never_a_path(good, tmp_path, scenario):
    rc, err = _cli(["replay", str(_write(tmp_path, _edit(good, scenario=scenario)))])
    assert rc == 2 and "game.scenario: expected a scenario id (never a path)" in err
    assert "root:" not in err


def test_a_file_path_in_a_save_is_refused(good, tmp_path):
    rc, err = _cli(["replay", str(_write(tmp_path, _edit(good, scenario_path="/dev/zero")))])
    assert rc == 2 and "game.scenario_path: unknown key; a save never names a file" in err


@pytest.mark.parametrize("path", ["/dev/zero", "/dev/null", "/tmp"])
def test_the_reader_refuses_devices_and_folders(path):
    rc, err = _cli(["replay", path])
    assert rc == 2 and "not a regular file" in err


def test_the_reader_refuses_a_file_over_the_limit(tmp_path, monkeypatch):
    import wargame.saves as saves

    monkeypatch.setattr(saves, "SAVE_LIMIT", 100)
    p = _write(tmp_path, "{" + " " * 200 + "}")
    with pytest.raises(SaveError, match="over the 100-byte limit"):
        read_save(p)


def test_a_tampered_save_never_matches(good, tmp_path):
    env = json.loads(json.dumps(good))
    first = next(e for e in env["game"]["log"] if e["side"] == "red" and e["orders"])
    first["orders"] = []  # empty Red's orders ...
    for blank in ({"events_sha256": ""}, {"n_events": None}, {"snapshot": {}}):  # ... and blank the evidence
        env["game"].update(blank)
        rc, err = _cli(["replay", str(_write(tmp_path, env)), "--scenario", TINY])
        assert rc == 2, (blank, err)
    env["game"].pop("events_sha256")
    env["game"].pop("n_events")
    rc, err = _cli(["replay", str(_write(tmp_path, env)), "--scenario", TINY])
    assert rc == 2 and "missing" in err
    env = json.loads(json.dumps(good))
    next(e for e in env["game"]["log"] if e["side"] == "red" and e["orders"])["orders"] = []
    rc, _ = _cli(["replay", str(_write(tmp_path, env)), "--scenario", TINY])
    assert rc == 1  # the evidence kept: the audit finds the difference
    with pytest.raises(ValueError, match="does not reproduce itself"):
        Game.from_save(_write(tmp_path, env), load_scenario(TINY))


def test_changed_data_are_detected(good, tmp_path):
    rc, _ = _cli(["replay", str(_write(tmp_path, _edit(good, data_sha256="0" * 64))), "--scenario", TINY])
    assert rc == 1


@pytest.mark.parametrize("game,where", [
    ({"seed": "Infinity"}, "game.seed"), ({"seed": 1.5}, "game.seed"), ({"record": True}, "game.record"),
    ({"record": 3.0}, "game.record"), ({"umpire": "yes"}, "game.umpire"), ({"log": [{"turn": 1}]}, "game.log[0]"),
    ({"decisions": [{"action": "boom"}]}, "game.decisions[0].action"),
])
def test_every_field_is_checked(good, tmp_path, game, where):
    rc, err = _cli(["replay", str(_write(tmp_path, _edit(good, **game))), "--scenario", TINY])
    assert rc == 2 and f": {where}" in err, err


@pytest.mark.parametrize("text,place", [
    ('{"format": "baltic-wargame-save", "version": 1, "game": {"seed": Infinity}}', ":1:"),
    ('{"format": "baltic-wargame-save", "version": 1, "game": {"seed": ' + "9" * 5000 + "}}", ":1:"),
    ("[" * 1000 + "]" * 1000, ":1:65:"),
    ('{"format": "baltic-wargame-save",\n "version": 1,\n "version": 1}', ":3:"),
    ('{"format": "baltic-wargame-save", "version": true, "game": {}}', ": version:"),
    ('{"format": "baltic-wargame-save", "version": 1.0, "game": {}}', ": version:"),
    (b'{"format": "\xff"}', ":1:13:"), ('{"format":\n "\x01"}', ":2:3:"),
])
def test_bad_json_is_refused_with_its_place(tmp_path, text, place):
    p = tmp_path / "x.save"
    p.write_bytes(text if isinstance(text, bytes) else text.encode())
    rc, err = _cli(["replay", str(p)])
    assert rc == 2 and place in err and "Traceback" not in err, err
