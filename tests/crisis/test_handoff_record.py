"""Into the war and back: the hand-off through the scenario, the record of both phases, saves,
replay identity, and refusals of damaged crisis records."""

import copy
import dataclasses

import pytest

from wargame.bots.base import load_bot
from wargame.crisis import Crisis, CrisisOrders
from wargame.crisis.handoff import war_scenario
from wargame.crisis.play import play_campaign
from wargame.crisis.state import HiddenAction
from wargame.data.schema import DataError
from wargame.game import Game
from wargame.model.units import Side
from wargame.records import replay
from wargame.rules.record import RecordError


def _crisis(sc, **state):
    c = Crisis(sc, seed=2)
    for k, v in state.items():
        setattr(c.state, k, v)
    return c


def test_warning_gained_moves_blue_arrivals_through_the_scenario(crisis_scenario):
    c = _crisis(crisis_scenario, warning_hours=48)
    war = c.war_scenario()
    assert war.parameters["warning_hours"] == crisis_scenario.parameters["warning_hours"] + 48
    assert crisis_scenario.parameters["warning_hours"] == 0  # the base is never changed
    g0, g1 = Game(crisis_scenario, seed=1), Game(war, seed=1)
    assert "b3" in g1.state.pos and "b3" not in g0.state.pos  # due on turn 3, here at H-hour


def test_pre_deployed_units_arrive_on_turn_one_and_blue_escalation_delays_allies(crisis_scenario):
    war = _crisis(crisis_scenario, predeployed=["b3"]).war_scenario()
    assert war.unit("b3").arrival_turn == 1
    late = _crisis(crisis_scenario, escalated_first="blue").war_scenario()
    early = _crisis(crisis_scenario, escalated_first="red").war_scenario()
    base = crisis_scenario.unit("b3").arrival_turn
    assert late.unit("b3").arrival_turn > base > early.unit("b3").arrival_turn


def test_undetected_infiltrations_start_the_war_as_red_special_forces(crisis_scenario):
    hidden = [
        HiddenAction(1, "sf_infiltration", False),
        HiddenAction(2, "sf_infiltration", True),
        HiddenAction(2, "sf_infiltration", False),
    ]
    war = _crisis(crisis_scenario, hidden=hidden).war_scenario()
    sf = [u for u in war.units if u.id.startswith("crisis-sf")]
    assert len(sf) == 1  # two undetected, but 0302 holds a Blue unit: never placed there
    assert sf[0].side is Side.RED and war.board.hex_id(sf[0].hex) == "0402"
    Game(war, seed=1)  # a legal start


def test_a_war_scenario_is_not_handed_over_twice(crisis_scenario):
    c = _crisis(crisis_scenario, warning_hours=24, hidden=[HiddenAction(1, "sf_infiltration", False)])
    once = c.war_scenario()
    twice = war_scenario(once, c.settings, c.state, c.tables)
    assert [u.id for u in once.units] == [u.id for u in twice.units]
    assert once.parameters == twice.parameters


def test_a_limited_grab_sets_reds_goals(crisis_scenario):
    c = _crisis(crisis_scenario)
    c.state.over, c.state.outcome = True, "limited"
    assert c.war_scenario().victory.hold == ("Narva",)


def _campaign(sc, seed=4):
    sc = dataclasses.replace(sc, crisis=dataclasses.replace(sc.crisis, perception_bias=4.0))  # Red sees its chance
    camp = play_campaign(sc, seed, load_bot("random", Side.RED, 1), load_bot("random", Side.BLUE, 2), intent="invade")
    assert camp.played is not None, camp.crisis.outcome
    return sc, camp


def test_record_and_replay_cover_both_phases(crisis_scenario):
    sc, camp = _campaign(crisis_scenario)
    game = camp.played.game
    rec = game.to_record()
    assert rec["crisis"]["version"] == 1 and rec["crisis"]["outcome"] == camp.crisis.outcome
    again, problems = replay(rec, sc)
    assert problems == []
    assert again.crisis.events_digest() == camp.crisis.events_digest()
    assert again.events_digest() == game.events_digest()


def test_a_save_round_trips_and_replays(crisis_scenario, tmp_path):
    sc, camp = _campaign(crisis_scenario, seed=6)
    path = camp.played.game.to_save(tmp_path / "c.save")
    loaded = Game.from_save(path, sc)
    assert loaded.crisis is not None and loaded.crisis.outcome == camp.crisis.outcome
    assert loaded.events_digest() == camp.played.game.events_digest()
    assert loaded.clone().crisis is loaded.crisis


def test_a_tampered_crisis_record_is_refused(crisis_scenario):
    sc, camp = _campaign(crisis_scenario)
    rec = camp.played.game.to_record()
    bad = copy.deepcopy(rec)
    bad["crisis"]["settings"]["perception_bias"] = 0.0  # another crisis: the events differ
    _, problems = replay(bad, sc)
    assert any("crisis" in p for p in problems)
    for field, value, where in (
        ("version", 2, "crisis.version"),
        ("settings", {"days": "x"}, "crisis.settings.days"),
        ("log", [{"day": 1}], "crisis.log[0]"),
        ("sneaky", 1, "sneaky"),
    ):
        bad = copy.deepcopy(rec)
        bad["crisis"][field] = value
        with pytest.raises(RecordError, match=where.replace("[", r"\[")):
            replay(bad, sc)
    bad = copy.deepcopy(rec)
    bad["crisis"]["settings"]["tables"] = "../../etc/passwd"
    with pytest.raises(RecordError, match="never a path"):
        replay(bad, sc)


def test_a_record_without_crisis_is_a_plain_war(crisis_scenario):
    g = Game(crisis_scenario, seed=1)
    assert "crisis" not in g.to_record()


def test_the_crisis_section_is_checked_against_the_scenario(tmp_path, crisis_scenario):
    from tests.crisis.conftest import TINY_CRISIS

    text = (
        TINY_CRISIS.read_text()
        .replace('infiltration: ["0402", "0302"]', 'infiltration: ["0602"]')
        .replace("limited_goals: [Narva]", "limited_goals: [Atlantis]")
        .replace("red_intent: invade", "red_intent: conquer")
    )
    root = tmp_path / "data"
    for d in ("maps", "orders_of_battle", "scenarios"):
        (root / d).mkdir(parents=True)
        for f in (TINY_CRISIS.parent.parent / d).glob("*.yaml"):
            (root / d / f.name).write_text(f.read_text())
    (root / "scenarios" / "bad.yaml").write_text(text)
    from wargame.data.scenario import load_scenario

    with pytest.raises(DataError) as e:
        load_scenario(root / "scenarios" / "bad.yaml")
    msg = str(e.value)
    assert "crisis.red_intent" in msg and "bad.yaml:" in msg
    text2 = text.replace("red_intent: conquer", "red_intent: invade")
    (root / "scenarios" / "bad.yaml").write_text(text2)
    with pytest.raises(DataError) as e:
        load_scenario(root / "scenarios" / "bad.yaml")
    msg = str(e.value)
    assert "crisis.infiltration[0]" in msg and "crisis.limited_goals[0]" in msg


def test_the_crisis_stream_is_apart_from_the_war(crisis_scenario):
    c = Crisis(crisis_scenario, seed=9)
    c.submit("red", CrisisOrders(("snap_exercise",)))
    c.submit("blue", CrisisOrders())
    c.submit("red", CrisisOrders(("snap_exercise",)))
    g = Game(crisis_scenario, seed=9)
    assert g.rng.getstate() != c.rng.getstate()
