"""Hostile and nonsensical data files of issue 14: each is refused with its file, line and field
(exit 2), never a traceback; nothing a data file names is read unless it is a regular data file."""

from __future__ import annotations

import shutil
import tracemalloc
from pathlib import Path

import pytest

from tests.fuzzing import _cli
from wargame.data.scenario import load_scenario

TINY = Path(__file__).resolve().parent / "fixtures" / "tiny"


@pytest.fixture
def tree(tmp_path):
    shutil.copytree(TINY, tmp_path / "t")
    return tmp_path / "t"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def _refused(path: Path, *expected: str) -> str:
    rc, err = _cli(["validate", str(path)])
    assert rc == 2 and "Traceback" not in err, err
    for e in expected:
        assert e in err, err
    return err


SCEN, MAP, RED = "scenarios/tiny.yaml", "maps/tiny.yaml", "orders_of_battle/red.yaml"


@pytest.mark.parametrize(
    "file,old,new,expected",
    [
        (MAP, "hex_size_km: 10", "hex_size_km: !!int abc", ":5:14: (syntax): YAML tags (!!int) are not allowed"),
        (MAP, "hex_size_km: 10", "hex_size_km: !!python/object/apply:os.system [x]", ":5:14: (syntax): YAML tags"),
        (MAP, "hex_size_km: 10", "<<: {hex_size_km: 10}", ":5:1: (syntax): YAML merge keys"),
        (MAP, "cols: 8", "? !!binary cols\n: 8", ":6:3: (syntax): YAML tags (!!binary)"),
        (MAP, "hex_size_km: 10", "hex_size_km: &a 10\nx: *a", "anchors and aliases"),
        (MAP, "hex_size_km: 10", "hex_size_km: .nan", ":5:14: hex_size_km: expected a finite number"),
        (MAP, "hex_size_km: 10", "hex_size_km: 1.0e+308", ":5:14: hex_size_km: expected a number from 0.1 to 1000"),
        (
            MAP,
            '{name: Narva, hex: "0402"',
            '{name: Narva, hex: "0101"',
            "cities[1].hex: city 'Narva' stands on a sea hex",
        ),
        (
            MAP,
            '{name: Narva, hex: "0402"',
            '{name: Tallinn, hex: "0402"',
            "cities[1].name: two cities are named 'Tallinn'",
        ),
        (RED, "sorties: {day: 10, night: 4}", "sorties: {day: 10}", ":6:12: air.sorties.night: missing required key"),
        (
            RED,
            "sorties: {day: 10, night: 4}",
            "sorties: {day: 1000000000000000000000000000000, night: 4}",
            "air.sorties.day: expected a whole number from 0 to 10000",
        ),
        (RED, "units:\n", "units: []\nx:\n", "units: expected a list of at least 1 item"),
    ],
)
def test_hostile_and_nonsense_values_are_placed(tree, file, old, new, expected):
    _edit(tree / file, old, new)
    _refused(tree / file, expected)


@pytest.mark.parametrize(
    "file,old,new,expected",
    [
        (RED, 'hex: "0602"', 'hex: "0000"', "red.yaml:9:87: units[0].hex: '0000' is not a hex id"),
        (
            RED,
            "arrive: {turn: 2,",
            "arrive: {turn: 100000000000000000000,",
            "units[3].arrive.turn: expected a whole number from 1 to 10000",
        ),
        (
            RED,
            "arrive: {turn: 2,",
            "arrive: {turn: 7,",
            "units[3].arrive.turn: turn 7 is after the end of scenario tiny (6 turns)",
        ),
        (SCEN, "map: tiny", "map: nosuch", "tiny.yaml:5:6: map: maps 'nosuch'"),
        (
            SCEN,
            "map: tiny",
            "map: /dev/zero",
            "tiny.yaml:5:6: map: '/dev/zero': a data file names another by id or by a relative .yaml path",
        ),
        (SCEN, "map: tiny", "map: ../../../../etc/passwd", "tiny.yaml:5:6: map:"),
        (SCEN, "map: tiny", "map: " + "a" * 5000, "tiny.yaml:5:6: map: expected a file id or a short relative path"),
        (SCEN, "map: tiny", 'map: "tiny\\0"', "tiny.yaml:5:6: map:"),
        (
            SCEN,
            "orders_of_battle: [red, blue]",
            "orders_of_battle: [red, nosuch]",
            "tiny.yaml:6:25: orders_of_battle[1]: orders of battle 'nosuch'",
        ),
        (SCEN, "measure: [Tallinn]", "measure: []", "victory.measure: expected a list of at least 1 item"),
        (SCEN, "orders_of_battle: [red, blue]", "orders_of_battle: [red]", "blue has no units"),
    ],
)
def test_cross_file_problems_are_placed_in_the_file_that_has_them(tree, file, old, new, expected):
    _edit(tree / file, old, new)
    _refused(tree / SCEN, expected)


def test_a_map_path_to_a_device_is_never_read(tree):
    (tree / "maps" / "zero.yaml").symlink_to("/dev/zero")
    _edit(tree / SCEN, "map: tiny", "map: ../maps/zero.yaml")
    _refused(tree / SCEN, "tiny.yaml:5:6: map:")
    _edit(tree / SCEN, "map: ../maps/zero.yaml", "map: zero")
    _refused(tree / SCEN, "tiny.yaml:5:6: map: maps 'zero'", "not a regular file")


@pytest.mark.parametrize(
    "raw,place",
    [(b"title: \xff\xfe\n", ":4:8: (file): not UTF-8"), (b"title: a\x01b\n", ":4:9: (file): control character U+0001")],
)
def test_bytes_that_are_not_text_are_placed(tree, raw, place):
    p = tree / MAP
    lines = p.read_bytes().split(b"\n")
    lines[3] = raw.rstrip(b"\n")
    p.write_bytes(b"\n".join(lines))
    _refused(p, place)


@pytest.mark.parametrize("name", ["/dev/zero", "x" * 5000, "/tmp"])
def test_odd_file_names_are_refused_plainly(name):
    rc, err = _cli(["validate", name])
    assert rc == 2 and "(file): " in err and "Traceback" not in err


def test_loading_a_scenario_does_not_leak():
    sc = str(TINY / "scenarios" / "tiny.yaml")
    load_scenario(sc)
    tracemalloc.start()
    load_scenario(sc)
    before = tracemalloc.get_traced_memory()[0]
    for _ in range(10):
        load_scenario(sc)
    grown = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    assert grown < 200_000, grown  # the shared constructor kept ~20 kB of nodes per tiny load
