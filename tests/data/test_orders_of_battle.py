"""The shipped orders of battle and scenarios: they load, stand on legal hexes, and add up."""

import pytest

from wargame.data.scenario import list_scenarios, load_scenario
from wargame.forces import brigade_of, force_totals
from wargame.model.units import Side

SCENARIOS = ["incursion-2016", "incursion-2016-seven-brigades", "incursion-2025", "suwalki-corridor"]


@pytest.fixture(scope="module", params=SCENARIOS)
def scenario(request):
    return load_scenario(request.param)


def test_all_four_scenarios_are_listed():
    assert {sid for sid, *_ in list_scenarios()} >= set(SCENARIOS)


def test_units_stand_on_legal_land_hexes_of_their_side_or_arrive_in_a_real_area(scenario):
    b = scenario.board
    stack = {}
    for u in scenario.units:
        if u.hex is not None:
            assert b.is_land(u.hex), u.id
            assert b.country[u.hex] in scenario.sides[u.side].countries, u.id
            stack[u.hex] = stack.get(u.hex, 0) + 1
        else:
            assert u.arrival_turn >= 1 and u.entry_area in b.areas, u.id
            area = b.areas[u.entry_area]
            assert any(b.country.get(h) in scenario.sides[u.side].countries for h in area.hexes), u.id
    assert max(stack.values()) <= 3  # the stacking limit


def test_unit_ids_are_unique_and_everything_is_sourced(scenario):
    ids = [u.id for u in scenario.units]
    assert len(ids) == len(set(ids))
    for u in scenario.units:
        assert u.source.strip() or u.assumption.strip(), u.id
        assert u.type.source.strip() or u.type.assumption.strip(), u.type.id
    for side in (Side.RED, Side.BLUE):
        pool = scenario.air.get(side)
        assert pool is not None and pool.day > pool.night > 0 and (pool.source or pool.assumption)
        assert scenario.sides[side].briefing.strip()


def test_2016_baseline_forces_add_up():
    sc = load_scenario("incursion-2016")
    t = force_totals(sc)
    red, blue = t[Side.RED], t[Side.BLUE]
    # Russia: ~26 manoeuvre BTGs (the file's header), most of them at the border at H-hour
    assert 24 <= red.manoeuvre_battalions <= 30
    assert red.by_category["armour"] >= 8
    assert red.by_category["air_defence"] >= 5
    # NATO 2016: Baltic light forces, no tanks at all at the start
    assert blue.by_category["armour"] == 0
    assert red.attack > 1.8 * blue.attack and red.attack > blue.defence  # "outnumbered, outranged and outgunned"
    assert red.at_start > blue.at_start * 0.8


def test_rand_seven_brigade_posture_has_seven_brigades_three_heavy():
    sc = load_scenario("incursion-2016-seven-brigades")
    nato = [u for u in sc.units if u.oob == "nato-seven-brigades" and u.nation != "EST" and u.nation != "LVA" and u.nation != "LTU"]
    brigades = {brigade_of(u.formation) for u in nato if brigade_of(u.formation) and u.type.category not in ("artillery", "rocket_artillery", "air_defence")}
    assert len(brigades) == 7, sorted(brigades)
    heavy = force_totals(sc)[Side.BLUE].heavy_brigades & brigades
    assert len(heavy) == 3, sorted(heavy)
    assert all(u.arrival_turn == 0 for u in nato)  # "ready to fight at the onset"


def test_2025_posture_has_the_german_brigade_and_finland():
    sc = load_scenario("incursion-2025")
    forms = {u.formation for u in sc.units}
    assert "DEU 45th Panzer Bde Litauen" in forms
    assert any(u.nation == "FIN" for u in sc.units) and any(u.nation == "SWE" for u in sc.units)
    assert any("18th Gds MRD" in f for f in forms)


def test_the_forces_document_matches_the_data():
    from pathlib import Path

    from wargame.forces import forces_markdown

    doc = (Path(__file__).resolve().parents[2] / "docs" / "forces.md").read_text(encoding="utf-8")
    assert forces_markdown(SCENARIOS) in doc, "docs/forces.md is out of date: regenerate with python -m wargame.forces"
