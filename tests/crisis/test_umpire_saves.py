"""The umpire on crisis rolls, and saves made mid-crisis: determinism and replay identity across a
save, a load and the war that follows; refusals of damaged records with the field they name."""

import pytest

from wargame.crisis import Crisis
from wargame.crisis.bots import crisis_bots
from wargame.crisis.record import CrisisRecordError, replay_crisis
from wargame.crisis.saves import crisis_save_record, in_crisis, load_crisis
from wargame.crisis.state import order_from_dict
from wargame.records import replay
from wargame.rules.record import RecordError
from wargame.rules.umpire import Decision
from wargame.saves import SaveError, read_save, write_save


def play(c, rulings=None, stop=None):
    """Bots on both sides (Red invades); rulings cycle through `rulings` when the umpire is asked."""
    red, blue = crisis_bots("invade", "firm", c.seed)
    n = 0
    while not c.over and (stop is None or len(c.log) < stop):
        if c.pending is not None:
            d = rulings[n % len(rulings)]
            if d.action == "replace":
                d = Decision("replace", c.pending.choices[-1], "umpire's call")
            c.decide(d)
            n += 1
            continue
        side = c.active_side
        c.submit(side, (red if side == "red" else blue).orders(c.view(side)))
    return c


def test_accepting_every_roll_gives_the_crisis_without_an_umpire(crisis_scenario):
    for seed in (1, 2, 3):
        plain = play(Crisis(crisis_scenario, seed))
        ruled = play(Crisis(crisis_scenario, seed, umpire=True), [Decision("accept")])
        assert ruled.decisions and all(d["action"] == "accept" for d in ruled.decisions)
        assert [e for e in ruled.events if e.what != "umpire"] == plain.events
        assert ruled.outcome == plain.outcome


def test_a_pending_roll_stops_the_crisis_and_a_replacement_stands(crisis_scenario):
    c = Crisis(crisis_scenario, 3, umpire=True)
    red, blue = crisis_bots("invade", "firm", 3)
    while c.pending is None:
        side = c.active_side
        c.submit(side, (red if side == "red" else blue).orders(c.view(side)))
    p = c.pending
    assert c.active_side is None and p.kind in ("detection", "false_alarm", "incident", "casualties")
    with pytest.raises(ValueError, match="umpire must rule"):
        c.submit("red", red.orders(c.view("red")))
    with pytest.raises(ValueError, match="not a result of this roll"):
        c.decide(Decision("replace", "D1R1"))
    other = next(x for x in p.choices if x != p.proposed)
    c.decide(Decision("replace", other, "seen from the ground"))
    while c.pending is not None:  # the phase may hold more rolls: its events stand once it is resolved
        c.decide(Decision("accept"))
    ruled = [e for e in c.events if e.what == "umpire"]
    assert ruled[0].data["result"] == other and "seen from the ground" in ruled[0].text


@pytest.mark.parametrize("umpire", [False, True])
def test_a_mid_crisis_save_loads_and_plays_on_as_if_never_saved(crisis_scenario, tmp_path, umpire):
    rulings = [Decision("accept"), Decision("reroll"), Decision("replace")]
    whole = play(Crisis(crisis_scenario, 5, umpire=umpire), rulings)
    for stop in (2, 4, 7):
        part = play(Crisis(crisis_scenario, 5, umpire=umpire), rulings, stop=stop)
        if part.over:
            continue
        path = write_save(tmp_path / f"mid-{stop}.save", crisis_save_record(part, {"red": "human", "blue": "human"}))
        rec = read_save(path)
        assert in_crisis(rec)
        loaded, problems = load_crisis(rec, crisis_scenario)
        assert problems == [] and loaded.events_digest() == part.events_digest()
        assert loaded.decisions == part.decisions and (loaded.pending is None) == (part.pending is None)
        # play on with the uninterrupted run's remaining orders and rulings: the same crisis
        orders, rules = whole.log[len(part.log) :], whole.decisions[len(part.decisions) :]
        while not loaded.over:
            if loaded.pending is not None:
                loaded.decide(Decision.from_dict(rules.pop(0)))
                continue
            e = orders.pop(0)
            loaded.submit(e["side"], order_from_dict(e["order"]))
        assert loaded.events_digest() == whole.events_digest() and loaded.outcome == whole.outcome
        with pytest.raises(RecordError, match="still in progress"):
            replay(rec, crisis_scenario)  # the war's replay refuses a crisis that has not ended
    assert whole.over


def test_a_save_at_the_end_of_the_crisis_hands_over_the_same_war(crisis_scenario, tmp_path):
    c = play(Crisis(crisis_scenario, 4, umpire=True), [Decision("reroll"), Decision("accept")])
    rec = read_save(write_save(tmp_path / "end.save", crisis_save_record(c)))
    assert in_crisis(rec)
    loaded, problems = load_crisis(rec, crisis_scenario)
    assert problems == [] and loaded.outcome == c.outcome
    if c.war:
        a, b = c.start_war(), loaded.start_war()
        assert a.umpire and b.umpire  # the umpire of the crisis rules the war too
        assert [u.id for u in a.scenario.units] == [u.id for u in b.scenario.units]
        assert a.events_digest() == b.events_digest()


@pytest.mark.parametrize(
    "field, value, message",
    [
        (("crisis", "umpire"), "yes", "crisis.umpire"),
        (("crisis", "decisions"), [{"action": "exec", "result": ""}], "crisis.decisions[0].action"),
        (("crisis", "decisions"), [{"action": "replace", "result": "x" * 40}], "crisis.decisions[0].result"),
        (("crisis", "settings", "tables"), "/etc/passwd", "crisis.settings.tables"),
        (
            ("crisis", "log"),
            [{"day": 1, "phase": "signal", "side": "red", "order": {"kind": "import os"}}],
            "crisis.log[0].order",
        ),
    ],
)
def test_a_damaged_mid_crisis_save_is_refused_naming_the_field(crisis_scenario, tmp_path, field, value, message):
    c = play(Crisis(crisis_scenario, 2, umpire=True), [Decision("accept")], stop=3)
    rec = crisis_save_record(c)
    d = rec
    for k in field[:-1]:
        d = d[k]
    d[field[-1]] = value
    with pytest.raises(SaveError, match=message.replace("[", r"\[").replace("]", r"\]")):
        read_save(write_save(tmp_path / "bad.save", rec))


def test_rulings_the_crisis_never_asked_for_are_reported(crisis_scenario):
    c = play(Crisis(crisis_scenario, 2, umpire=True), [Decision("accept")])
    rec = c.to_record()
    rec["decisions"] = rec["decisions"] + [{"action": "accept", "result": "", "note": ""}]
    _, problems = replay_crisis(rec, crisis_scenario, 2)
    assert problems == ["1 umpire rulings of the crisis were never asked for"]
    rec["umpire"] = False
    rec.pop("decisions")
    with pytest.raises(CrisisRecordError):
        rec["log"] = rec["log"] + rec["log"][:1]
        replay_crisis(rec, crisis_scenario, 2)
