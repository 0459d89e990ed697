"""Air and air defence (wargame/rules/air.py): pools, attrition table, SEAD, interdiction, recon,
cover, counter-air, close air support."""

import pytest

from tests.rules.boards import BLUE, RED, H, open_board, scenario, tables, to_phase, unit
from wargame.game import Accept, Game, Replace
from wargame.orders import AirMission, Attack
from wargame.rules import air

T = tables()


def new(units, air_pools=(10, 4, 24, 8), umpire=False, **kw) -> Game:
    return Game(scenario(open_board(10, 6, 5), units, air=air_pools, **kw), seed=3, umpire=umpire)


SAM = lambda: unit("s", RED, "sam", "0903")  # noqa: E731 - umbrella of 6 hexes, strength 4


def test_pools_fill_each_turn_by_day_and_by_night():
    g = new([unit("r", RED, "tank", "0803")])
    assert g.sorties == {RED: 10, BLUE: 24} and g.view(BLUE).sorties == 24
    while g.turn < 2:
        g.submit(g.active_side, [])
    assert g.night and g.sorties == {RED: 4, BLUE: 8}
    t = [e for e in g.events if e.kind == "turn"][-1]
    assert (t.turn, t.night, t.red_sorties, t.blue_sorties) == (2, True, 4, 8)


def test_air_missions_only_in_the_air_phase_and_within_the_pool():
    g = new([unit("r", RED, "tank", "0803")])
    g.submit(RED, [])
    assert g.legal(BLUE, AirMission("interdiction", "0803", 25)) == "25 sorties asked, 24 left this turn"
    assert g.stage(BLUE, AirMission("interdiction", "0803", 20)) is None
    assert g.legal(BLUE, AirMission("recon", "0803", 5)) == "5 sorties asked, 4 left this turn"
    assert "unknown air mission" in g.legal(BLUE, AirMission("bombing", "0803", 1))


@pytest.mark.parametrize(
    "strength,col", [(0, 0), (1, 1), (2, 1), (3, 2), (4, 2), (5, 3), (8, 4), (11, 4), (12, 5), (30, 5)]
)
def test_attrition_column_by_umbrella_strength(strength, col):
    g = new([])
    assert air.ad_column(g.position, strength) == col


@pytest.mark.parametrize("die", range(1, 7))
def test_attrition_table_percent_rounded_half_up(die):
    g = new([])
    for col, s in enumerate(T.ad_strengths):
        pct = T.ad_rows[die][col]
        assert air.lost_on(g.position, die, 8, s) == int(8 * pct / 100 + 0.5)
        assert air.lost_on(g.position, die, 30, s) == int(30 * pct / 100 + 0.5)


def test_expected_loss_and_effective_share_follow_the_table():
    g = new([SAM(), unit("b", BLUE, "inf", "0303")])
    t = g.index.idx[H("0503")]  # 4 hexes from the SAM: covered
    assert air.ad_strength(g.position, BLUE, t) == 4 and air.ad_strength(g.position, RED, t) == 0
    assert g.ad_loss_probability(BLUE, H("0503")) == pytest.approx(sum(T.ad_rows[d][2] for d in range(1, 7)) / 600)
    assert g.ad_loss_probability(BLUE, H("0203")) == 0  # 7 hexes away: outside the umbrella
    assert air.effective(g.position, 10, 4) == 10 * T.ad_effective[2] // 100


def test_a_mission_under_an_umbrella_loses_sorties_on_the_table_and_the_umpire_may_rule():
    g = new([SAM(), unit("r", RED, "tank", "0703")], umpire=True)
    g.submit(RED, [])
    g.submit(BLUE, [AirMission("interdiction", "0703", 12)])
    p = g.pending
    assert p.kind == "air" and p.order.mission == "interdiction" and p.order.sorties == 12
    assert p.result == str(air.lost_on(g.position, p.roll, 12, 4))
    with pytest.raises(ValueError, match="whole number from 0 to 12"):
        g.decide(Replace("13"))
    assert g.pending is p
    ev = g.decide(Replace("9", "a bad day"))
    lost = [e for e in ev if e.kind == "sorties_lost"][0]
    flown = [e for e in ev if e.kind == "air_mission"][0]
    assert (lost.lost, lost.ad_strength, flown.lost) == (9, 4, 9)
    assert "too few sorties got through" in flown.effect  # 3 left x 90 % = 2 effective < 4
    assert g.sorties[BLUE] == 12 and not g.state.interdicted[BLUE]


def test_no_umbrella_no_loss_roll():
    g = new([unit("r", RED, "tank", "0703")], umpire=True)
    g.submit(RED, [])
    ev = g.submit(BLUE, [AirMission("interdiction", "0703", 8)])
    assert g.pending.kind == "interdiction"  # no loss roll: straight to whether the convoys are stopped
    ev += g.decide(Accept())
    assert g.pending is None and not [e for e in ev if e.kind == "sorties_lost"]
    zone = {g.index.hexes[i] for i in g.state.interdicted[BLUE]}
    assert zone == {H("0703"), *g.board.neighbours(H("0703"))}
    assert zone <= g.view(BLUE).seen


@pytest.mark.parametrize("sorties, bonus", [(4, 1), (7, 1), (8, 2), (20, 2)])
def test_the_interdiction_roll_stops_the_convoys_only_on_the_table(sorties, bonus):
    i = T.interdiction
    assert (i["sorties_per_bonus"], i["max_bonus"]) == (4, 2)  # the bonus column below reads these
    g = new([unit("r", RED, "tank", "0703")], umpire=True)
    g.submit(RED, [])
    g.submit(BLUE, [AirMission("interdiction", "0703", sorties)])
    p = g.pending
    assert p.kind == "interdiction" and p.choices == ("SLOW", "CUT")
    assert p.chance.faces == tuple("CUT" if d + bonus >= i["cut_on"] else "SLOW" for d in range(1, 7))
    assert f"d6 +{bonus}" in p.describe()


def test_a_cut_stops_the_convoys_while_the_aircraft_are_there_and_a_slow_only_slows():
    for result, cut in (("CUT", True), ("SLOW", False)):
        g = new([unit("r", RED, "tank", "0703")], umpire=True)
        g.submit(RED, [])
        g.submit(BLUE, [AirMission("interdiction", "0703", 10)])
        with pytest.raises(ValueError, match="SLOW .* or CUT"):
            g.decide(Replace("MAYBE"))
        ev = g.decide(Replace(result, "the umpire rules"))
        flown = [e for e in ev if e.kind == "air_mission"][0]
        ends = g.state.interdiction_ends[BLUE]
        assert len(g.state.interdicted[BLUE]) == 7  # the columns are slowed either way
        if cut:
            assert "cut for supply until H+10" in flown.effect and set(ends.values()) == {10.0} and len(ends) == 7
        else:
            assert "convoys get through" in flown.effect and not ends


def test_sead_suppresses_the_umbrella_for_the_rest_of_the_turn_and_may_cost_a_step():
    g = new([SAM(), unit("r", RED, "tank", "0703")], umpire=True)
    g.submit(RED, [])
    g.submit(BLUE, [AirMission("sead", "0903", 8), AirMission("interdiction", "0703", 8)])
    assert g.pending.kind == "air"  # the SAM shoots at the SEAD package
    g.decide(Replace("0"))
    assert g.pending.kind == "sead" and g.pending.choices == ("NE", "S", "S1")
    ev = g.decide(Replace("S1", "HARMs"))
    assert [e.unit for e in ev if e.kind == "suppressed"] == ["s"]
    assert [e.unit for e in ev if e.kind == "destroyed"] == ["s"]  # one step: a lost step destroys it
    assert g.pending.kind == "interdiction"  # the interdiction flew unopposed: no loss roll
    ev += g.decide(Accept())
    assert g.pending is None and not [e for e in ev if e.kind == "sorties_lost"]
    assert g.state.interdicted[BLUE]


def test_suppression_lasts_the_turn():
    g = new([SAM(), unit("r", RED, "tank", "0703")], umpire=True)
    g.submit(RED, [])
    g.submit(BLUE, [AirMission("sead", "0903", 8)])
    g.decide(Replace("0"))
    g.decide(Replace("S"))
    assert g.suppressed == {"s"} and air.ad_strength(g.position, BLUE, g.index.idx[H("0703")]) == 0
    while g.turn < 2:
        g.submit(g.active_side, [])
    assert g.suppressed == set() and air.ad_strength(g.position, BLUE, g.index.idx[H("0703")]) == 4


def test_sead_roll_adds_one_per_four_effective_sorties():
    g = new([SAM()])
    m = AirMission("sead", "0903", 12)
    c = air.sead_chance(g.position, m, 12)
    assert "+3" in c.question
    for die in range(1, 7):
        total = die + 3
        want = "S1" if total >= T.sead["destroy_on"] else "S" if total >= T.sead["suppress_on"] else "NE"
        g.rng.seed(0)
        while True:  # draw until the die comes up
            d, code = c.sample(g.rng)
            if d == die:
                break
        assert code == want


def test_reconnaissance_reveals_enemy_units_for_the_turn():
    g = new([unit("r", RED, "tank", "0903"), unit("b", BLUE, "inf", "0103")])
    g.submit(RED, [])
    assert "r" not in {u.id for u in g.view(BLUE).enemy}
    g.submit(BLUE, [AirMission("recon", "0803", 4)])
    assert "r" in {u.id for u in g.view(BLUE).enemy}
    assert [e.unit for e in g.events if e.kind == "detected" and e.side == "blue"] == ["r"]


def test_cover_stands_by_over_a_hex():
    g = new([unit("r", RED, "tank", "0403"), unit("b", BLUE, "inf", "0303")])
    g.submit(RED, [])
    g.submit(BLUE, [AirMission("cover", "0303", 8)])
    assert g.state.cover[BLUE] == [[g.index.idx[H("0303")], 8]]
    to_phase(g, "combat", RED)
    assert dict(g.preview(Attack("0303", ("r",))).shifts)["defensive air cover (8 sorties)"] == -2


def test_counter_air_denies_the_reserve_first_then_missions_last_listed_first():
    g = new([unit("r", RED, "tank", "0803")], air_pools=(20, 4, 24, 8))
    g.submit(RED, [AirMission("counter_air", "", 20)])  # denies 10
    ev = g.submit(BLUE, [AirMission("interdiction", "0803", 8), AirMission("recon", "0803", 10)])
    d = [e for e in ev if e.kind == "sorties_denied"][0]
    assert d.side == "blue" and d.denied == 10 and d.cut == ("6 from the reserve", "recon at 0803: 10 -> 6")
    flown = {e.mission: e.sorties for e in ev if e.kind == "air_mission"}
    assert flown == {"counter_air": 20, "interdiction": 8, "recon": 6}
    assert g.sorties == {RED: 0, BLUE: 0}


def test_red_tasking_is_resolved_only_when_blue_commits():
    g = new([unit("r", RED, "tank", "0803"), unit("b", BLUE, "inf", "0203")])
    ev = g.submit(RED, [AirMission("recon", "0203", 4)])
    assert not [e for e in ev if e.kind == "air_mission"] and g.phase == "air" and g.active_side is BLUE
    assert g.view(BLUE).staged == () and g.sorties[RED] == 10  # Blue cannot see Red's tasking
    ev = g.submit(BLUE, [])
    assert [(e.side, e.mission) for e in ev if e.kind == "air_mission"] == [("red", "recon")]


def test_close_air_support_meets_the_air_defences_and_comes_out_of_the_pool():
    g = new([SAM(), unit("r", RED, "tank", "0503"), unit("b", BLUE, "tank", "0603")], umpire=True)
    to_phase(g, "combat", BLUE)
    g.submit(BLUE, [Attack("0503", ("b",), cas=8)])
    p = g.pending
    assert p.kind == "air" and p.order.mission == "close_air_support" and p.order.sorties == 8
    g.decide(Replace("2"))
    a = g.pending.assessment
    eff = (8 - 2) * T.ad_effective[2] // 100
    assert (
        g.pending.kind == "combat" and dict(a.shifts)[f"close air support ({eff} of 8 sorties got through)"] == eff // 4
    )
    assert g.sorties[BLUE] == 24 - 8 and g.index.idx[H("0503")] in g.state.seen_by_air[BLUE]
    ev = g.decide(Accept())
    assert [e.cas_lost for e in ev if e.kind == "combat"] == [2]
