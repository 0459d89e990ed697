"""Study files are validated with located errors; overrides are pure and do what they say."""

from __future__ import annotations

import pytest

from wargame.cli import main
from wargame.data.schema import DataError
from wargame.model.units import Side
from wargame.study import overrides as ov
from wargame.study.spec import load_study

from .conftest import TINY_STUDY, write_study

HEAD = "format: wargame-study/1\nid: s\ntitle: S\nscenario: SCENARIO\nreplications: 2\n"


def problems(tmp_path, body):
    with pytest.raises(DataError) as e:
        load_study(write_study(tmp_path, HEAD + body))
    return [str(p) for p in e.value.problems]


def test_bad_files_are_located(tmp_path):
    got = problems(tmp_path, "cases:\n  - id: a\n    bots: {blue: mypkg.mod:Evil}\n  - id: a\n")
    assert any(":8:" in p and "cases[0].bots.blue" in p and "expected one of passive" in p for p in got), got
    got = problems(
        tmp_path,
        "cases:\n  - id: a\n    overrides:\n      - scale_air: {side: green, factor: -1}\n      - launch: {x: 1}\n",
    )
    assert any("cases[0].overrides[0].scale_air.side" in p for p in got), got
    assert any("cases[0].overrides[0].scale_air.factor" in p for p in got), got
    assert any("unknown override 'launch'" in p and ":10:" in p for p in got), got


def test_semantic_problems_are_located(tmp_path):
    got = problems(tmp_path, "baseline: nope\ncases:\n  - id: a\n  - id: a\n")
    assert any("cases[1].id" in p and "duplicate" in p for p in got), got
    got = problems(
        tmp_path, "cases:\n  - id: a\n    overrides:\n      - remove_units: {side: blue, formation: 'Nobody*'}\n"
    )
    assert any(p.startswith(str(tmp_path / "s.yaml") + ":9:") or "cases[0].overrides" in p for p in got), got
    got = problems(
        tmp_path,
        "cases:\n  - id: a\n    bots: {red: {name: operational, settings: {hold: 3, nope: 1}}}\n"
        "    overrides:\n      - set_parameters: {red_competence: 9}\n",
    )
    assert any("settings.hold" in p and "true or false" in p for p in got), got
    assert any("settings.nope" in p for p in got), got
    assert any("set_parameters.red_competence" in p for p in got), got
    got = problems(tmp_path, "cases:\n  - id: a\n    overrides:\n      - set_table: {path: combat.nothing, value: 1}\n")
    assert any("no 'nothing'" in p for p in got), got


def test_cli_exits_2_without_traceback(tmp_path, capsys):
    bad = write_study(tmp_path, HEAD + "cases: []\n")
    assert main(["study", str(bad), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert "cases" in err and "Traceback" not in err


def test_overrides_are_pure_and_do_what_they_say(tiny_study):
    base = tiny_study.case("baseline").scenario
    before = [(u.id, u.steps, u.arrival_turn, u.hex) for u in base.units]
    air = dict(base.air)
    params = dict(base.parameters)
    for c in tiny_study.cases:
        assert c.scenario is not None
    assert [(u.id, u.steps, u.arrival_turn, u.hex) for u in base.units] == before
    assert base.air == air and base.parameters == params
    sc = tiny_study.case("air-0").scenario
    assert sc.air[Side.BLUE].day == 0 and sc.air[Side.RED] == base.air[Side.RED]
    nat = tiny_study.case("national").scenario
    assert {u.nation for u in nat.units if u.side is Side.BLUE} == {"EST"}
    plus = tiny_study.case("plus-2").scenario
    assert {u.id for u in plus.units} - {u.id for u in base.units} == {"x-a1", "x-a2", "x-b1"}
    comp = tiny_study.case("competence").scenario
    assert comp.parameters["red_competence"] == -2 and comp.parameters["warning_hours"] == 24
    ns = tiny_study.case("night-shift").scenario
    assert ns.tables.night_shift == 2 and ns.tables is not base.tables and base.tables.raw["combat"]["night_shift"] != 2
    assert "r3" not in {u.id for u in ns.units}
    assert all(
        u.arrival_turn == max(2, b.arrival_turn - 1)
        for u in ns.units
        for b in base.units
        if u.id == b.id and u.side is Side.BLUE and b.arrival_turn
    )


def test_add_brigades_order_and_count(tiny_study):
    base = tiny_study.case("baseline").scenario
    oob = str(TINY_STUDY.parent / "extra-blue.yaml")
    one = ov.add_brigades(base, oob, 1, ["Bravo Bde", "Alpha Bde"])
    assert {u.id for u in one.units} - {u.id for u in base.units} == {"x-b1"}
    assert ov.add_brigades(base, oob, 0) is base
    with pytest.raises(ov.OverrideError):
        ov.add_brigades(base, oob, 1, ["Charlie Bde"])
    with pytest.raises(ov.OverrideError, match="already"):
        ov.add_brigades(one, oob, 1, ["Bravo Bde"])
    again = ov.add_brigades(one, oob, 1, ["Bravo Bde"], replace=True)
    assert sorted(u.id for u in again.units) == sorted(u.id for u in one.units)


def test_scale_manoeuvre_is_deterministic_and_spread(tiny_study):
    base = tiny_study.case("baseline").scenario
    man = [u for u in base.units if u.side is Side.RED and u.type.category == "armour"]
    half = ov.scale_manoeuvre(base, Side.RED, 0.5)
    kept = [u for u in half.units if u.side is Side.RED and u.type.category == "armour"]
    assert len(kept) == len(man) // 2
    assert [u.id for u in ov.scale_manoeuvre(base, Side.RED, 0.5).units] == [u.id for u in half.units]
    steps = ov.scale_manoeuvre(base, Side.RED, 0.5, "steps")
    assert all(u.steps == -(-b.steps // 2) for u in steps.units for b in man if u.id == b.id)
    assert ov.scale_manoeuvre(base, Side.RED, 1.0).units == base.units


def test_the_sensitivity_studies_load():
    from pathlib import Path

    for f in sorted(Path(__file__).parents[2].joinpath("studies").glob("sensitivity-*.yaml")):
        st = load_study(f)
        ids = {c.id for c in st.cases}
        assert {
            "baseline",
            "blue-passive",
            "blue-random",
            "blue-search",
            "blue-air-0x",
            "blue-air-2x",
            "red-sams-off",
            "red-half",
            "red-three-quarters",
            "blue-national-only",
        } <= ids, f
        red = [c for c in st.cases if c.id == "red-sams-off"][0].scenario
        assert not [u for u in red.units if u.side is Side.RED and u.type.category == "air_defence"]


def test_validate_and_schema_know_study_files(tmp_path, capsys):
    assert main(["validate", str(TINY_STUDY)]) == 0
    bad = write_study(tmp_path, HEAD + "cases:\n  - id: Bad Id\n")
    assert main(["validate", str(bad)]) == 2
    assert "cases[0].id" in capsys.readouterr().err
    assert main(["schema", "study"]) == 0
    assert '"cases"' in capsys.readouterr().out
