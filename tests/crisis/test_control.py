"""The study's controlled comparison: the same war without the crisis' warning, all else handed over."""

import dataclasses

from wargame.bots.base import load_bot
from wargame.crisis import Crisis
from wargame.crisis.play import play_campaign
from wargame.crisis.state import HiddenAction
from wargame.crisis.study import controlled_lines
from wargame.model.units import Side


def test_without_warning_only_the_warning_is_left_out(crisis_scenario):
    c = Crisis(crisis_scenario, seed=2)
    st = c.state
    st.warning_hours, st.predeployed, st.mobilised = 48, ["b3"], True
    st.hidden = [HiddenAction(1, "sf_infiltration", False)]
    with_w, without = c.war_scenario(), c.war_scenario(warning=False)
    base = crisis_scenario.parameters["warning_hours"]
    assert with_w.parameters["warning_hours"] == base + 48 and without.parameters["warning_hours"] == base
    assert [(u.id, u.arrival_turn, u.hex) for u in with_w.units] == [
        (u.id, u.arrival_turn, u.hex) for u in without.units
    ]


def test_a_war_with_warning_is_played_again_without_it(crisis_scenario):
    sc = dataclasses.replace(crisis_scenario, crisis=dataclasses.replace(crisis_scenario.crisis, perception_bias=0.0))
    found = None
    for seed in range(1, 30):
        camp = play_campaign(
            sc,
            seed,
            load_bot("random", Side.RED, 1),
            load_bot("random", Side.BLUE, 2),
            intent="invade",
            posture="forward",
        )
        if camp.played is not None and camp.crisis.state.warning_hours > 0 and camp.crisis.outcome != "limited":
            found = camp
            break
    assert found is not None, "no war with warning in 30 seeds of the tiny crisis"
    row = found.row()
    assert row["measure_without_warning"] != ""  # played (None would mean Red never reached the measure)
    lines = controlled_lines([{**row, "measure_hours": found.played.game.result.measure_hours}], 240.0)
    assert any(line.startswith("| ") and " 1 | " in line for line in lines)
