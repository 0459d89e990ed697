"""Save files: versioned, atomic, and refused plainly when damaged."""

import json
import os

import pytest

from wargame import saves
from wargame.saves import SaveError, read_save, write_save

RECORD = {
    "record": 3,
    "scenario": "tiny",
    "seed": 7,
    "log": [{"turn": 1, "phase": "air", "side": "red", "orders": [{"kind": "move", "unit": "r1"}]}],
    "n_events": 2,
    "events_sha256": "0" * 64,
}


def test_round_trip(tmp_path):
    p = write_save(tmp_path / "a" / "game.save", RECORD)
    assert read_save(p) == RECORD
    env = json.loads(p.read_text())
    assert env["format"] == saves.FORMAT and env["version"] == saves.VERSION


def test_a_failed_write_leaves_the_old_save_whole(tmp_path, monkeypatch):
    p = write_save(tmp_path / "game.save", RECORD)
    before = p.read_bytes()

    def boom(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        write_save(p, {**RECORD, "seed": 8})
    assert p.read_bytes() == before
    assert [x.name for x in tmp_path.iterdir()] == ["game.save"]  # no temp file left behind


def test_corrupt_save_is_refused_with_its_place(tmp_path):
    p = tmp_path / "bad.save"
    p.write_text('{"format": "baltic-wargame-save", "version": 1, "game": {')
    with pytest.raises(SaveError, match=r"bad.save:1:\d+: not a save file, or a damaged one"):
        read_save(p)
    assert p.read_text().endswith("{")  # untouched


@pytest.mark.parametrize(
    "env,msg",
    [
        (
            {"format": "baltic-wargame-save", "version": 99, "game": {}},
            "version 99 is not supported .* written by a newer version",
        ),
        ({"format": "something-else", "version": 1, "game": {}}, "not a Baltic wargame save file"),
        ({"format": "baltic-wargame-save", "version": 1}, "has no game record"),
    ],
)
def test_wrong_version_or_kind(tmp_path, env, msg):
    p = tmp_path / "x.save"
    p.write_text(json.dumps(env))
    with pytest.raises(SaveError, match=msg):
        read_save(p)


def test_missing_file(tmp_path):
    with pytest.raises(SaveError, match="no such save file"):
        read_save(tmp_path / "nope.save")
