"""tables/<id>.yaml: the loader (wargame/data/tables.py), its errors, and that every number has a basis."""

import re
from pathlib import Path

import pytest

from wargame.data import paths
from wargame.data.schema import DataError
from wargame.data.tables import PARAMETERS_SPEC, SECTIONS, load_tables

STANDARD = paths.resolve("tables", "standard")


def test_standard_tables_load_with_their_numbers():
    t = load_tables("standard")
    assert t.id == "standard" and t.stacking == 3
    assert t.columns[0] == "1:3" and t.columns[-1] == "6:1" and t.column_ratios[3] == 1.5
    assert sorted(t.crt) == [1, 2, 3, 4, 5, 6] and all(len(r) == len(t.columns) for r in t.crt.values())
    assert t.terrain_cost["tracked"]["marsh"] == 5 and t.road_cost["wheeled"] == 1
    assert t.fires_shifts[0][0] > t.fires_shifts[-1][0]          # most points first
    assert t.concentric[0][0] > t.concentric[-1][0]              # most hexes first
    assert t.entrenchment[0][0] < t.entrenchment[-1][0]
    assert len(t.ad_effective) == len(t.ad_strengths) == len(t.ad_rows[1])


def test_every_number_says_its_source_or_that_it_is_an_assumption():
    t = load_tables()
    keys = set(t.sources)
    for section in SECTIONS:
        basis = t.raw[section]["basis"]
        fields = [k for k in t.raw[section] if k not in ("basis", "fitted")]
        assert set(t.raw[section].get("fitted") or {}) <= set(fields), section
        assert sorted(basis) == sorted(fields), section
        for name, text in basis.items():
            named = {w for w in re.findall(r"[a-z0-9]+", text.lower())} & keys
            assert text.lower().startswith("assumption") or "assumption" in text.lower() or named, (section, name, text)


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    text = STANDARD.read_text(encoding="utf-8")
    assert old in text
    p = tmp_path / "broken.yaml"
    p.write_text(text.replace(old, new, 1), encoding="utf-8")
    return p


def test_an_error_names_file_line_column_and_field(tmp_path):
    p = _broken(tmp_path, "stacking: 3 ", "stacking: 0 ")
    with pytest.raises(DataError) as e:
        load_tables(p)
    line = next(i for i, x in enumerate(p.read_text().splitlines(), 1) if x.strip().startswith("stacking: 0"))
    assert re.search(
        rf"broken.yaml:{line}:\d+: movement.stacking: expected a whole number from 1 to 20; got 0", str(e.value)
    )


def test_a_missing_basis_is_an_error(tmp_path):
    p = _broken(tmp_path, '    zoc_leave_cost: "hexwar', '    not_zoc_leave_cost: "hexwar')
    with pytest.raises(DataError) as e:
        load_tables(p)
    assert "missing basis for 'zoc_leave_cost'" in str(e.value)
    assert "basis for unknown field 'not_zoc_leave_cost'" in str(e.value)


def test_a_crt_row_of_the_wrong_length_is_an_error(tmp_path):
    p = _broken(tmp_path, '"6": [EX,   NE,', '"6": [NE,')
    with pytest.raises(DataError, match=r"combat.crt.6: expected 9 results \(one per column\), got 8"):
        load_tables(p)


def test_no_means_impassable_and_nonsense_is_refused(tmp_path):
    p = _broken(tmp_path, "major: {tracked: 3, wheeled: 4,", "major: {tracked: 3, wheeled: no,")
    assert load_tables(p).river_cost["major"]["wheeled"] is None
    p = _broken(tmp_path, "major: {tracked: 3, wheeled: 4,", "major: {tracked: 3, wheeled: maybe,")
    with pytest.raises(DataError, match="movement.river_cost.major.wheeled: expected a whole number"):
        load_tables(p)


def test_scenario_parameters_spec():
    d = PARAMETERS_SPEC.defaults()
    assert d == {"warning_hours": 0, "belarus": False, "night": True, "red_competence": 0}
    js = PARAMETERS_SPEC.json_schema()
    assert js["properties"]["warning_hours"]["type"] == "integer" and js["additionalProperties"] is False
