"""The crisis engine on the tiny crisis scenario: sequence, legality, fog, determinism, outcomes."""

import dataclasses

import pytest

from wargame.crisis import Crisis, CrisisOrders, StandoffChoice
from wargame.crisis.play import play_crisis
from wargame.crisis.state import Standoff
from wargame.crisis.tables import INTENTS, POSTURES


def test_a_day_runs_signal_respond_act(crisis_scenario):
    c = Crisis(crisis_scenario, seed=3)
    assert (c.phase, c.active_side, c.day) == ("signal", "red", 1)
    c.submit("red", CrisisOrders(("snap_exercise",)))
    assert (c.phase, c.active_side) == ("respond", "blue")
    assert "snap_exercise" in c.view("blue").signals
    c.submit("blue", CrisisOrders(("intelligence",)))
    assert (c.phase, c.active_side) == ("act", "red")
    c.submit("red", CrisisOrders(("snap_exercise",)))
    assert c.over or c.phase in ("signal", "standoff")


def test_red_may_only_carry_out_signalled_overt_actions(crisis_scenario):
    c = Crisis(crisis_scenario, seed=1)
    assert "covert actions are not signalled" in c.legal("red", CrisisOrders(("sf_infiltration",)))
    c.submit("red", CrisisOrders(("snap_exercise",)))
    c.submit("blue", CrisisOrders())
    assert "was not signalled" in c.legal("red", CrisisOrders(("airspace_violation",)))
    assert c.legal("red", CrisisOrders(("snap_exercise", "sf_infiltration"))) is None
    assert "at most" in c.legal("red", CrisisOrders(("sf_infiltration", "cyber_attack", "border_buildup")))


def test_an_illegal_order_is_refused_with_an_event_and_counts_as_nothing(crisis_scenario):
    c = Crisis(crisis_scenario, seed=1)
    new = c.submit("red", CrisisOrders(("no_such_action",)))
    assert any(e.what == "refused" and "not a Red action" in e.text for e in new)
    assert c.phase == "respond" and c.state.signals == []


def test_nato_needs_evidence_to_reinforce(crisis_scenario):
    c = Crisis(crisis_scenario, seed=1)
    c.state.readiness = 1
    c.submit("red", CrisisOrders())
    assert "without evidence" in c.legal("blue", CrisisOrders(("raise_readiness",)))
    c.state.evidence = c.tables["readiness"]["reinforce_evidence"]
    assert c.legal("blue", CrisisOrders(("raise_readiness",))) is None
    assert "pre-deployment needs" in c.legal("blue", CrisisOrders(("pre_deploy",)))


def test_cbms_need_the_scenario_to_have_them(crisis_scenario):
    off = dataclasses.replace(crisis_scenario, crisis=dataclasses.replace(crisis_scenario.crisis, cbms=False))
    c = Crisis(off, seed=1)
    c.submit("red", CrisisOrders())
    assert "no confidence-building" in c.legal("blue", CrisisOrders(("cbm_hotline",)))


def test_the_kremlin_authorises_war_only_on_its_perceived_balance(crisis_scenario):
    seen = Crisis(crisis_scenario, seed=1).balance()[1]
    need = Crisis(crisis_scenario, seed=1).tables["balance"]["invade_at"]
    # a bias that puts the perceived balance just under, then just over, the threshold
    for bias, ok in ((need / seen * 0.9 - 1, False), (need / seen * 1.1 - 1, True)):
        sc = dataclasses.replace(
            crisis_scenario, crisis=dataclasses.replace(crisis_scenario.crisis, perception_bias=bias)
        )
        c = Crisis(sc, seed=1)
        c.submit("red", CrisisOrders())
        c.submit("blue", CrisisOrders())
        why = c.legal("red", CrisisOrders((), "invade"))
        assert (why is None) is ok, why
        if ok:
            c.submit("red", CrisisOrders((), "invade"))
            assert c.over and c.outcome == "invasion" and c.war


def test_undetected_actions_are_hidden_from_blue_until_the_end(crisis_scenario):
    for seed in range(40):
        c = Crisis(crisis_scenario, seed=seed)
        c.submit("red", CrisisOrders())
        c.submit("blue", CrisisOrders())
        c.submit("red", CrisisOrders(("sf_infiltration",)))
        if not c.state.hidden[0].detected:
            break
    else:
        pytest.fail("no infiltration went undetected in 40 seeds")
    blue = c.view("blue")
    assert not blue.hidden and not any(e.data.get("action") == "sf_infiltration" for e in blue.events)
    assert c.view("red").hidden[0]["action"] == "sf_infiltration"
    while not c.over:
        c.submit(
            c.active_side,
            StandoffChoice(False)
            if c.phase == "standoff"
            else CrisisOrders((), "stand_down")
            if c.phase == "act"
            else CrisisOrders(),
        )
    assert any(e.what == "revealed" and e.visible_to("blue") for e in c.events)


def test_a_standoff_resolves_both_choices_and_moves_track_and_resolve(crisis_scenario):
    c = Crisis(crisis_scenario, seed=1)
    c.submit("red", CrisisOrders())
    c.submit("blue", CrisisOrders())
    t0 = c.state.tension
    c.state.standoff = Standoff("serious", "red", "airspace_violation")
    c.state.phase_index = 3
    c.submit("red", StandoffChoice(True))
    assert c.phase == "standoff" and c.active_side == "blue"
    assert not any(e.what == "standoff_choice" for e in c.view("blue").events)  # Red's choice is secret
    r0, b0 = c.state.resolve["red"], c.state.resolve["blue"]
    c.submit("blue", StandoffChoice(False))
    assert c.state.resolve["red"] > r0 and c.state.resolve["blue"] < b0
    assert c.state.escalated_first == "red"
    assert c.state.tension <= t0  # firm vs back adds nothing; the quiet-day decay does not apply


def test_the_top_of_the_track_is_war_and_says_who_caused_it(crisis_scenario):
    c = Crisis(crisis_scenario, seed=1)
    c.state.tension = c.tables["track"]["max"] - 1
    c.submit("red", CrisisOrders())
    c.submit("blue", CrisisOrders(("raise_readiness",)))  # the security dilemma: readiness raises tension
    assert c.over and c.outcome == "inadvertent" and c.state.caused_by == "blue"
    assert "caused by NATO" in c.events[-1].text


@pytest.mark.parametrize("intent", INTENTS)
@pytest.mark.parametrize("posture", POSTURES)
def test_bots_play_every_crisis_to_an_end(crisis_scenario, intent, posture):
    c = play_crisis(crisis_scenario, 5, intent, posture)
    assert c.over and c.outcome in ("deterrence", "coercion", "limited", "invasion", "inadvertent")
    assert c.day <= crisis_scenario.crisis.days


def test_same_seed_same_crisis_and_seeds_differ(crisis_scenario):
    a = [play_crisis(crisis_scenario, s, "coerce", "firm").events_digest() for s in range(6)]
    b = [play_crisis(crisis_scenario, s, "coerce", "firm").events_digest() for s in range(6)]
    assert a == b
    assert len(set(a)) > 1
