"""Loaders: every class of error names file, line, column, field and what was expected."""

from pathlib import Path

import pytest

from wargame.data.forces import load_oob, load_unit_types
from wargame.data.maps import load_map
from wargame.data.scenario import load_scenario
from wargame.data.schema import DataError
from wargame.hexgrid import parse_hex_id

TINY = Path(__file__).parent.parent / "fixtures" / "tiny"


def copy_tree(tmp_path: Path) -> Path:
    import shutil

    dst = tmp_path / "tiny"
    shutil.copytree(TINY, dst)
    return dst


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"fixture changed: {old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))


def problems(exc: pytest.ExceptionInfo) -> list[str]:
    return [str(p) for p in exc.value.problems]


def test_tiny_scenario_loads_with_everything_in_place():
    sc = load_scenario(TINY / "scenarios" / "tiny.yaml")
    assert sc.id == "tiny" and sc.board.cols == 8 and sc.board.rows == 6
    assert {u.id for u in sc.units} == {"r1", "r2", "r3", "r4", "b1", "b2", "b3"}
    r4 = sc.unit("r4")
    assert r4.hex is None and r4.arrival_turn == 2 and r4.entry_area == "red_entry"
    assert sc.unit("b2").steps == 1 and sc.unit("b1").steps == 2
    assert sc.unit("r1").hex == parse_hex_id("0602")
    assert sc.air[sc.unit("r1").side].day == 10
    assert sc.clock.is_night(2) and not sc.clock.is_night(1) and sc.clock.hour(3) == 24
    b = sc.board
    assert b.city_named("Tallinn").capital
    assert len(b.outskirts["Tallinn"]) == 7
    # derived: the Narva river hexsides that are also EST-RUS borders, and a bridge where the road crosses
    assert b.bridges == {s for s in b.roads if s in b.rivers} and len(b.bridges) == 1
    assert ("EST", "RUS") in set(b.borders.values())


def test_typo_key_is_an_error_with_a_suggestion(tmp_path):
    d = copy_tree(tmp_path)
    edit(d / "orders_of_battle" / "red.yaml", "formation:", "formaton:")
    with pytest.raises(DataError) as e:
        load_oob(d / "orders_of_battle" / "red.yaml")
    assert problems(e)[0].endswith("units[0].formaton: unknown key 'formaton'; did you mean 'formation'?")
    assert e.value.problems[0].line == 9 and e.value.problems[0].file.endswith("red.yaml")


def test_wrong_type(tmp_path):
    d = copy_tree(tmp_path)
    edit(d / "orders_of_battle" / "unit_types.yaml", "movement: 8", "movement: fast")
    with pytest.raises(DataError) as e:
        load_unit_types(d / "orders_of_battle" / "unit_types.yaml")
    (p,) = e.value.problems
    assert (p.line, p.path) == (5, "types[0].movement")
    assert p.message == "expected a whole number, got text 'fast'"


def test_hex_off_the_board_and_unknown_type_and_typo_all_reported_at_once(tmp_path):
    d = copy_tree(tmp_path)
    red = d / "orders_of_battle" / "red.yaml"
    edit(red, 'hex: "0602"', 'hex: "2020"')
    edit(red, "type: artillery", "type: artilery")
    edit(red, "source: test}\n  - {id: r4", "sourc: test}\n  - {id: r4")
    with pytest.raises(DataError) as e:
        load_scenario(d / "scenarios" / "tiny.yaml")
    msgs = problems(e)
    assert any(m.endswith("units[0].hex: hex 2020 is off the board (8x6)") for m in msgs), msgs
    assert any(
        m.endswith(
            "units[2].type: unknown unit type 'artilery' (see " + str(d / "orders_of_battle" / "unit_types.yaml") + ")"
        )
        or "units[2].type: unknown unit type 'artilery'" in m
        for m in msgs
    ), msgs
    assert any("units[2].sourc: unknown key 'sourc'; did you mean 'source'?" in m for m in msgs), msgs
    assert all(":" in m.split(" ")[0] for m in msgs)  # file:line:col first


def test_malformed_yaml_gives_line_and_column(tmp_path):
    d = copy_tree(tmp_path)
    edit(d / "orders_of_battle" / "blue.yaml", "units:\n", "units: [\n")
    with pytest.raises(DataError) as e:
        load_oob(d / "orders_of_battle" / "blue.yaml")
    (p,) = e.value.problems
    assert p.path == "(syntax)" and p.message.startswith("malformed YAML") and p.line > 0


def test_unquoted_hex_id_asks_for_quotes(tmp_path):
    d = copy_tree(tmp_path)
    edit(d / "orders_of_battle" / "blue.yaml", 'hex: "0302"', "hex: 0302")
    with pytest.raises(DataError) as e:
        load_oob(d / "orders_of_battle" / "blue.yaml")
    assert "expected a hex id in quotes, e.g. '0302'" in problems(e)[0]


def test_unit_on_water_or_wrong_side_is_refused(tmp_path):
    d = copy_tree(tmp_path)
    edit(d / "orders_of_battle" / "blue.yaml", 'hex: "0302"', 'hex: "0101"')  # sea
    edit(d / "orders_of_battle" / "red.yaml", 'hex: "0603"', 'hex: "0303"')  # Estonia
    with pytest.raises(DataError) as e:
        load_scenario(d / "scenarios" / "tiny.yaml")
    msgs = problems(e)
    assert any("units[0].hex: hex 0101 is sea, not land" in m for m in msgs), msgs
    assert any("units[1].hex: hex 0303 is in EST, not in red's countries (RUS)" in m for m in msgs), msgs


def test_duplicates_and_missing_fields(tmp_path):
    d = copy_tree(tmp_path)
    edit(d / "orders_of_battle" / "blue.yaml", "{id: b2,", "{id: r1,")
    edit(d / "orders_of_battle" / "blue.yaml", "side: blue\n", "side: blue\nside: red\n")
    with pytest.raises(DataError) as e:
        load_oob(d / "orders_of_battle" / "blue.yaml")
    assert "duplicate key 'side' (first at line 4)" in problems(e)[0]
    edit(d / "orders_of_battle" / "blue.yaml", "side: blue\nside: red\n", "side: blue\n")
    with pytest.raises(DataError) as e:
        load_scenario(d / "scenarios" / "tiny.yaml")
    assert any("duplicate unit id 'r1'" in m for m in problems(e))
    edit(d / "orders_of_battle" / "blue.yaml", "title: Blue test force\n", "")
    with pytest.raises(DataError) as e:
        load_oob(d / "orders_of_battle" / "blue.yaml")
    assert problems(e)[0].endswith("title: missing required key 'title'")


def test_every_unit_needs_a_source_or_an_assumption(tmp_path):
    d = copy_tree(tmp_path)
    edit(d / "orders_of_battle" / "red.yaml", ", source: test}\n  - {id: r2", "}\n  - {id: r2")
    with pytest.raises(DataError) as e:
        load_oob(d / "orders_of_battle" / "red.yaml")
    assert problems(e)[0].endswith(
        "units[0]: needs a 'source' or an 'assumption' (every value is sourced or marked as assumed)"
    )


def test_map_grid_errors_point_at_the_row_and_column(tmp_path):
    d = copy_tree(tmp_path)
    edit(d / "maps" / "tiny.yaml", "~.b.....", "~.X.....")
    with pytest.raises(DataError) as e:
        load_map(d / "maps" / "tiny.yaml")
    (p,) = e.value.problems
    assert (p.path, p.line, p.column) == ("terrain row 4 column 3", 17, 5)  # 2 spaces of indent + 3
    assert "character 'X' is not in legend.terrain" in p.message
    edit(d / "maps" / "tiny.yaml", "~.X.....", "~.b....")
    with pytest.raises(DataError) as e:
        load_map(d / "maps" / "tiny.yaml")
    assert "expected 8 characters (one per hex), got 7" in problems(e)[0]


def test_unknown_area_and_measure_city(tmp_path):
    d = copy_tree(tmp_path)
    edit(d / "orders_of_battle" / "red.yaml", "area: red_entry", "area: red_entri")
    edit(d / "scenarios" / "tiny.yaml", "measure: [Tallinn]", "measure: [Riga]")
    with pytest.raises(DataError) as e:
        load_scenario(d / "scenarios" / "tiny.yaml")
    msgs = problems(e)
    assert any("units[3].arrive.area: 'red_entri' is not an area of map tiny" in m for m in msgs), msgs
    assert any("victory.measure[0]: 'Riga' has no outskirts on map tiny (known: Tallinn)" in m for m in msgs), msgs


def test_json_schema_matches_the_validator_on_unknown_keys():
    from wargame.data.forces import OOB_SPEC

    js = OOB_SPEC.json_schema()
    assert js["additionalProperties"] is False
    assert set(js["required"]) == {"format", "id", "title", "side", "units"}
    unit = js["properties"]["units"]["items"]
    assert unit["properties"]["hex"]["pattern"] == "^(?:\\d{4}|\\d{6})$"


def test_scenario_objective_cities_are_checked_against_the_map(tmp_path):
    d = copy_tree(tmp_path)
    edit(
        d / "scenarios" / "tiny.yaml",
        "  objectives: [Tallinn, Narva, Pskov]",
        "  objectives: [Tallinn, Narva, Pskov]\n  hold: [Narva, Narvaa]",
    )
    with pytest.raises(DataError) as e:
        load_scenario(d / "scenarios" / "tiny.yaml")
    (p,) = e.value.problems
    assert p.path == "victory.hold[1]" and p.line == 16 and "'Narvaa' is not a city on map" in p.message


def test_scenario_objective_loads():
    sc = load_scenario("suwalki-corridor")
    assert sc.victory.hold == ("Marijampolė", "Suwałki") and sc.victory.red_goals == sc.victory.hold
    assert load_scenario("incursion-2016").victory.hold == ()
