"""The shipped orders of battle and scenarios: they load, stand on legal hexes, are sourced, follow the
documented method for unit values, and add up to the numbers their files claim."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
import yaml

from wargame.data import paths
from wargame.data.forces import load_unit_types
from wargame.data.scenario import list_scenarios, load_scenario
from wargame.forces import (
    MANOEUVRE,
    brigade_of,
    check_claims,
    force_totals,
    forces_markdown,
    oob_totals,
    read_claims,
    totals,
)
from wargame.model.units import Side

SCENARIOS = ["incursion-2016", "incursion-2016-seven-brigades", "incursion-2025", "suwalki-corridor"]
OOBS = ["russia-2016", "nato-2016", "nato-seven-brigades", "russia-2025", "russia-belarus-2025", "nato-2025"]
DOC = Path(__file__).resolve().parents[2] / "docs" / "forces.md"


@pytest.fixture(scope="module")
def loaded():
    return {sid: load_scenario(sid) for sid in SCENARIOS}


@pytest.fixture(scope="module", params=SCENARIOS)
def scenario(request, loaded):
    return loaded[request.param]


def oob_path(oob_id: str) -> Path:
    return paths.resolve("orders_of_battle", oob_id)


# --- every scenario validates, loads, and places its units legally ----------------------------------


def test_all_four_scenarios_are_listed_and_valid():
    listed = {sid: title for sid, title, *_ in list_scenarios()}
    for sid in SCENARIOS:
        assert sid in listed and listed[sid] != "(invalid)", sid


def test_every_oob_file_is_used_by_a_scenario(loaded):
    used = {o for sc in loaded.values() for o in sc.oob_ids}
    assert used == set(OOBS)


def test_units_stand_on_land_of_their_own_side_or_arrive_in_a_real_area(scenario):
    b = scenario.board
    for u in scenario.units:
        own = scenario.sides[u.side].countries
        if u.hex is not None:
            assert u.arrival_turn == 0, u.id
            assert b.is_land(u.hex), f"{u.id} stands on {b.terrain.get(u.hex)}"
            assert b.country[u.hex] in own, f"{u.id} stands in {b.country[u.hex]}, not in {sorted(own)}"
        else:
            assert u.arrival_turn >= 1, u.id
            assert u.entry_area in b.areas, f"{u.id} arrives in unknown area {u.entry_area}"
            land = [h for h in b.areas[u.entry_area].hexes if b.is_land(h) and b.country.get(h) in own]
            assert land, f"{u.id}: area {u.entry_area} has no land of {u.side.value}'s countries"


def test_stacking_limit_at_the_start(scenario):
    limit = scenario.tables.stacking if scenario.tables is not None else 3
    count: dict = {}
    for u in scenario.units:
        if u.hex is not None:
            count[u.hex] = count.get(u.hex, 0) + 1
    over = {scenario.board.hex_id(h): n for h, n in count.items() if n > limit}
    assert not over, f"more than {limit} units in {over}"


def test_unit_ids_are_unique_within_the_scenario(scenario):
    ids = [u.id for u in scenario.units]
    dup = sorted({i for i in ids if ids.count(i) > 1})
    assert not dup, dup


def test_no_neutral_or_enemy_country_holds_a_unit_at_the_start(scenario):
    for u in scenario.units:
        if u.hex is not None:
            c = scenario.board.country[u.hex]
            assert c not in scenario.neutral and c not in scenario.sides[u.side.other].countries, u.id


# --- sources and assumptions -------------------------------------------------------------------------


def test_every_unit_type_and_side_is_sourced(scenario):
    for u in scenario.units:
        assert u.source.strip() or u.assumption.strip(), u.id
        assert u.type.source.strip() or u.type.assumption.strip(), u.type.id
        assert u.formation.strip(), f"{u.id} has no parent formation"
    for side in (Side.RED, Side.BLUE):
        pool = scenario.air.get(side)
        assert pool is not None and pool.day > pool.night > 0, side
        assert pool.source.strip() or pool.assumption.strip(), side


def test_source_keys_used_by_units_are_in_the_bibliography():
    """Each `;`-separated part of a unit's source (outside brackets) starts with a key of the file's
    `sources`, or is a URL."""
    for oob in OOBS:
        data = yaml.safe_load(oob_path(oob).read_text(encoding="utf-8"))
        keys = set(data.get("sources") or {})
        for u in data["units"]:
            for part in re.sub(r"\([^)]*\)", "", u.get("source") or "").split(";"):
                token = re.split(r"[\s(]", part.strip(), maxsplit=1)[0]
                if token and not token.startswith("http"):
                    assert token in keys, f"{oob}: {u['id']} cites {token!r}, not in the file's sources"


def test_briefings_are_a_few_paragraphs_and_tell_what_rand_found(scenario):
    for side in (Side.RED, Side.BLUE):
        text = scenario.sides[side].briefing
        paragraphs = [p for p in text.split("\n\n") if p.strip()]
        assert len(paragraphs) >= 3, (scenario.id, side)
        assert "MISSION" in text and "FORCES" in text, (scenario.id, side)
    if scenario.id.startswith("incursion"):
        assert all("RAND" in scenario.sides[s].briefing for s in (Side.RED, Side.BLUE))


# --- the method of unit values (orders_of_battle/unit_types.yaml, header) -------------------------------

# Weights per item (attack, defence), as in the header of unit_types.yaml.
WEIGHTS = {"mbt": (1.0, 0.7), "mbt_old": (0.7, 0.5), "ifv": (0.3, 0.3), "lifv": (0.25, 0.25), "apc": (0.1, 0.1),
           "ag": (0.5, 0.4), "atgm": (0.3, 0.5), "coy": (1.0, 2.0), "tube": (0.2, 0.2)}
# What a battalion of each combat type fields (the type's `source` and `assumption` say the same).
EQUIPMENT = {
    "ru_tank_btg": dict(mbt=31, ifv=10, coy=1, tube=6),
    "ru_mr_btg": dict(mbt=10, ifv=40, atgm=4, coy=3, tube=12),
    "ru_vdv_btg": dict(lifv=30, atgm=8, coy=3, tube=12),
    "ru_naval_inf": dict(lifv=30, atgm=6, coy=3, tube=6),
    "ru_tank_2025": dict(mbt=15, mbt_old=10, ifv=8, coy=1, tube=6),
    "ru_mr_2025": dict(mbt=4, mbt_old=3, ifv=15, apc=15, atgm=6, coy=3, tube=12),
    "by_mech": dict(mbt_old=10, ifv=30, atgm=4, coy=3, tube=6),
    "ru_recon": dict(ifv=10, apc=10, coy=2),
    "ru_spetsnaz": dict(coy=3),
    "us_cab": dict(mbt=29, ifv=29, coy=2, tube=4),
    "us_stryker": dict(apc=36, ag=9, atgm=18, coy=3, tube=10),
    "nato_airborne": dict(atgm=26, coy=3, tube=8),
    "nato_recon": dict(apc=30, atgm=12, coy=2),
    "nato_tank": dict(mbt=44),
    "nato_battlegroup": dict(mbt=14, ifv=28, apc=10, atgm=8, coy=3, tube=6),
    "nato_ifv": dict(ifv=44, atgm=8, coy=3, tube=8),
    "pl_mech": dict(lifv=30, atgm=6, coy=3, tube=6),
    "pl_tank": dict(mbt_old=58),
    "nato_light_inf": dict(apc=30, atgm=18, coy=4, tube=8),
    "nato_sof": dict(coy=2),
    "baltic_ifv": dict(ifv=44, atgm=9, coy=3, tube=6),
    "baltic_mech": dict(apc=40, atgm=12, coy=3, tube=6),
    "baltic_inf": dict(apc=30, atgm=12, coy=3, tube=6),
    "territorial": dict(atgm=6, coy=4, tube=4),
}


def _half_up(x: float) -> int:
    return int(Decimal(str(x)).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def firepower(equipment: dict) -> tuple[int, int, float, float]:
    a = sum(WEIGHTS[k][0] * n for k, n in equipment.items())
    d = sum(WEIGHTS[k][1] * n for k, n in equipment.items())
    return max(1, _half_up(a / 5)), max(1, _half_up(d / 5)), a, d


@pytest.fixture(scope="module")
def unit_types():
    return load_unit_types()[0]


def test_combat_values_follow_the_firepower_index(unit_types):
    for tid, eq in EQUIPMENT.items():
        t = unit_types[tid]
        attack, defence, a, d = firepower(eq)
        assert (t.attack, t.defence) == (attack, defence), f"{tid}: index {a:.1f}/{d:.1f} gives {attack}/{defence}"
        stated = f"{a:.1f}" in t.assumption and f"{d:.1f}" in t.assumption
        assert stated, f"{tid}: the assumption should state the index"


def test_every_combat_type_has_its_equipment_listed_and_support_types_have_no_attack(unit_types):
    for tid, t in unit_types.items():
        if t.category in MANOEUVRE or t.category in ("recon", "special_forces"):
            assert tid in EQUIPMENT, f"{tid}: add its equipment to EQUIPMENT (and the method to the header)"
        else:
            assert t.attack == 0 and t.defence == 1, tid
            assert (t.range > 0) == (t.category in ("artillery", "rocket_artillery")), tid
            assert (t.ad_range > 0) == (t.category == "air_defence"), tid


def test_movement_is_calibrated_to_60_to_90_km_per_turn_by_road(loaded, unit_types):
    tables = loaded["incursion-2016"].tables
    km = loaded["incursion-2016"].board.hex_size_km

    def per_mobility(value, mobility):  # the tables may give one cost for all or one per mobility class
        return value[mobility] if isinstance(value, dict) else value

    for tid, t in unit_types.items():
        road_km = t.movement // per_mobility(tables.road_cost, t.mobility) * km
        if t.category in MANOEUVRE and t.mobility in ("tracked", "wheeled"):
            assert 60 <= road_km <= 90, f"{tid}: {road_km} km by road per turn"
            clear = t.movement // tables.terrain_cost[t.mobility]["clear"] * km
            assert 30 <= clear <= 50, f"{tid}: {clear} km across open country"
        if t.mobility == "foot":
            assert t.movement <= 4, tid


# --- force totals against the numbers the files claim ---------------------------------------------------


@pytest.mark.parametrize("oob", OOBS)
def test_each_oob_adds_up_to_its_claims(oob, loaded):
    claims = read_claims(oob_path(oob))
    assert claims, f"{oob} states no claims"
    sc = next(s for s in loaded.values() if oob in s.oob_ids)
    assert check_claims(oob_totals(sc, oob), claims) == []


def test_force_totals_shape(loaded):
    t = force_totals(loaded["incursion-2016"])
    assert set(t) == {Side.RED, Side.BLUE}
    d = t[Side.RED].as_dict()
    for key in ("by_category", "by_formation", "brigades", "attack", "defence", "manoeuvre_battalions"):
        assert key in d
    assert sum(d["by_category"].values()) == d["units"]


def test_rand_2016_baseline_forces(loaded):
    sc = loaded["incursion-2016"]
    t = force_totals(sc)
    red, blue = t[Side.RED], t[Side.BLUE]
    assert red.manoeuvre_battalions == 27 and red.manoeuvre_at_start == 21  # the team's reading of RR-1253
    # "outnumbered, outranged and outgunned" (Shlapak & Johnson, 2016), at H-hour
    assert red.attack_at_start > 2 * blue.attack_at_start
    assert red.support > 2 * blue.support
    # NATO has no heavy brigade in the Baltic states at H-hour, only US company teams
    us_heavy = [u for u in sc.units if u.side is Side.BLUE and u.nation == "USA" and u.type.category == "armour"]
    assert us_heavy and all(u.steps == 1 for u in us_heavy)
    # the airborne infantry RAND's players put into Riga and Tallinn arrives at those airheads
    areas = {u.entry_area for u in sc.units if u.type.category == "airborne"}
    assert {"riga_airhead", "tallinn_airhead"} <= areas


def test_rand_seven_brigade_posture(loaded):
    sc = loaded["incursion-2016-seven-brigades"]
    t = oob_totals(sc, "nato-seven-brigades")
    brigades = t.brigades_under("RAND posture")
    assert len(brigades) == 7, sorted(brigades)
    assert len(t.heavy_under("RAND posture")) == 3, sorted(t.heavy_under("RAND posture"))
    rand = [u for u in sc.units if u.formation.startswith("RAND posture")]
    assert rand and all(u.hex is not None for u in rand)  # "ready to fight at the onset of hostilities"
    assert {brigade_of(u.formation) for u in rand if u.type.category in MANOEUVRE} == brigades
    # with fires and air: rockets, and more sorties than in 2016
    assert any(u.type.category == "rocket_artillery" for u in rand)
    assert sc.air[Side.BLUE].day > loaded["incursion-2016"].air[Side.BLUE].day
    # the Baltic and Polish forces are those of nato-2016, unit for unit
    base = {
        u.id: (u.type.id, u.hex, u.steps, u.arrival_turn)
        for u in loaded["incursion-2016"].units
        if u.side is Side.BLUE and u.nation in ("EST", "LVA", "LTU", "POL")
    }
    here = {
        u.id: (u.type.id, u.hex, u.steps, u.arrival_turn)
        for u in sc.units
        if u.side is Side.BLUE and u.nation in ("EST", "LVA", "LTU", "POL")
    }
    assert here == base


def test_2025_posture(loaded):
    sc = loaded["incursion-2025"]
    forms = {u.formation for u in sc.units}
    assert "DEU 45th Panzer Bde Litauen" in forms
    assert any("18th Gds MRD" in f for f in forms)
    assert any(f.startswith("Leningrad MD") for f in forms)
    nations = {u.nation for u in sc.units}
    assert {"FIN", "SWE", "GBR", "CAN", "DEU", "USA", "POL"} <= nations
    assert {"FIN", "SWE"} <= set(sc.sides[Side.BLUE].countries)
    blue, red = force_totals(sc)[Side.BLUE], force_totals(sc)[Side.RED]
    assert blue.manoeuvre_at_start > red.manoeuvre_at_start
    # the eFP battlegroups have grown toward brigades
    assert {"NATO Multinational Bde Latvia", "DEU 45th Panzer Bde Litauen"} <= set(blue.brigades)


def test_suwalki_corridor_makes_belarus_red(loaded):
    sc = loaded["suwalki-corridor"]
    assert "BLR" in sc.sides[Side.RED].countries and "BLR" not in sc.neutral
    assert sc.parameters["belarus"] is True
    by = [u for u in sc.units if u.nation == "BLR"]
    assert by and all(u.side is Side.RED for u in by)
    starts_in_belarus = [u for u in sc.units if u.hex is not None and sc.board.country[u.hex] == "BLR"]
    assert len(starts_in_belarus) >= 8
    # Belarusian units appear only where Belarus is Red's
    for sid in ("incursion-2016", "incursion-2016-seven-brigades", "incursion-2025"):
        assert not any(u.nation == "BLR" for u in loaded[sid].units)


def test_the_2016_scenarios_offer_belarus_as_an_option(loaded):
    for sid in ("incursion-2016", "incursion-2016-seven-brigades"):
        sc = loaded[sid]
        assert sc.parameters["belarus"] is False and "BLR" in sc.neutral
        assert sc.clock.turn_hours == 12 and sc.clock.length_turns == 20
        assert list(sc.victory.measure) == ["Tallinn", "Riga"]


def test_totals_of_no_units_are_zero():
    t = totals([])
    assert t.units == 0 and t.manoeuvre_battalions == 0 and not t.brigades


# --- docs/forces.md ---------------------------------------------------------------------------------------


def test_the_forces_document_matches_the_data():
    doc = DOC.read_text(encoding="utf-8")
    assert forces_markdown(SCENARIOS) in doc, "docs/forces.md is out of date: regenerate with python -m wargame.forces"


def test_docs_forces_covers_every_type_oob_and_scenario(unit_types):
    doc = DOC.read_text(encoding="utf-8")
    for name in [*unit_types, *OOBS, *SCENARIOS]:
        assert f"`{name}`" in doc or f"### {name}" in doc or f"| {name} |" in doc, (
            f"docs/forces.md does not mention {name}"
        )


def test_every_unit_on_the_board_at_h_hour_is_in_supply(scenario):
    # nobody begins the war cut off in his own country: before the bases' stocks (docs/rules.md,
    # Supply) the Kalev battalion at Paldiski, two territorial units and a battalion of the 2nd ABCT
    # stood off the board's road corridors, beyond a depot's range, and fought at half strength from H+24
    from wargame.game import Game
    from wargame.rules import supply

    g = Game(scenario, seed=1)
    cut = [u.id for u in g.position.state.units.values()
           if u.alive and u.hex is not None and not supply.in_supply(g.position, u)]
    assert cut == []
    assert g.position.state.out_of_supply == {}
