"""Orders, one door for every player: staging with validation, undo, commit; bots' illegal orders."""

import pytest

from tests.rules.boards import BLUE, RED, H, open_board, scenario, to_phase, unit
from wargame import orders as O
from wargame.game import Game
from wargame.orders import AirMission, Attack, Fallback, Move


def new(**kw) -> Game:
    units = [unit("r1", RED, "tank", "0603"), unit("r2", RED, "tank", "0604"), unit("r3", RED, "tank", "0602"),
             unit("r4", RED, "tank", "0703"), unit("b", BLUE, "inf", "0203")]
    return Game(scenario(open_board(), units, air=(8, 4, 8, 4)), seed=2, **kw)


def test_orders_round_trip_through_json():
    for o in (Move("r1", ("0503", "0403")), Move("r1", to="0403"), Attack("0203", ("r1", "r2"), ("a",), 4, False),
              AirMission("recon", "0203", 2), Fallback("b", "0103"), Fallback("b")):
        d = o.to_dict()
        assert O.from_dict(d) == o and O.to_dict(o) == d and d["kind"] == o.kind
        assert O.describe(o)
    with pytest.raises(ValueError, match="unknown order kind"):
        O.from_dict({"kind": "nuke"})
    with pytest.raises(ValueError, match="malformed attack order"):
        O.from_dict({"kind": "attack", "target": "0203"})
    with pytest.raises(ValueError, match="a move's path must be a list"):
        O.from_dict({"kind": "move", "unit": "r1", "path": "0503"})


def test_staging_checks_each_order_against_those_already_staged():
    g = new()
    to_phase(g, "movement", RED)
    assert g.stage(RED, Move("r1", ("0503",))) is None
    assert g.stage(RED, Move("r1", ("0502",))) == "r1 (Tank battalion) already has a move staged this phase"
    assert g.legal(RED, Move("r1", ("0502",))) == "r1 (Tank battalion) already has a move staged this phase"
    assert g.reachable("r1") == {}                          # it has its orders
    assert g.stage(RED, Move("r2", ("0504", "0503"))) is None
    assert g.stage(RED, Move("r3", ("0502", "0503"))) is None
    assert g.stage(RED, Move("r4", ("0603", "0503"))) == "0503 already holds 3 units (the stacking limit)"
    assert g.staged == (Move("r1", ("0503",)), Move("r2", ("0504", "0503")), Move("r3", ("0502", "0503")))
    assert g.stage(RED, Fallback("r4", "0803")) is None


def test_taking_back_a_staged_order_takes_back_what_depended_on_it():
    g = new()
    to_phase(g, "movement", RED)
    assert g.stage(RED, Move("r1", ("0503",))) is None
    assert g.stage(RED, Move("r2", ("0504",))) is None
    assert g.unstage() == [(Move("r2", ("0504",)), "taken back")] and g.staged == (Move("r1", ("0503",)),)
    g.clear_staged()
    # 0703 full (r2, r3, r4): r1 may come in only because r4 leaves
    g.place(g.units["r2"], H("0703"))
    g.place(g.units["r3"], H("0703"))
    assert g.stage(RED, Move("r1", ("0703",))) == "0703 already holds 3 units (the stacking limit)"
    assert g.stage(RED, Move("r4", ("0803",))) is None
    assert g.stage(RED, Move("r1", ("0703",))) is None
    gone = g.unstage(0)
    assert gone == [(Move("r4", ("0803",)), "taken back"),
                    (Move("r1", ("0703",)), "0703 already holds 3 units (the stacking limit)")]
    assert g.staged == ()


def test_commit_carries_out_the_staged_orders_and_a_list_replaces_them():
    g = new()
    to_phase(g, "movement", RED)
    g.stage(RED, Move("r1", ("0503",)))
    ev = g.commit(RED)
    assert g.units["r1"].hex == H("0503") and [e.unit for e in ev if e.kind == "moved"] == ["r1"]
    assert g.log[-1] == {"turn": 1, "phase": "movement", "side": "red", "orders": [Move("r1", ("0503",)).to_dict()]}
    g2 = new()
    to_phase(g2, "movement", RED)
    g2.stage(RED, Move("r1", ("0503",)))
    g2.submit(RED, [Move("r2", ("0504",))])
    assert g2.units["r1"].hex == H("0603") and g2.units["r2"].hex == H("0504")


def test_illegal_orders_from_a_bot_are_dropped_and_reported():
    g = new()
    to_phase(g, "movement", RED)
    ev = g.submit(RED, [Move("b", ("0303",)), Move("r1", ("0503",)), Attack("0203", ("r1",)), "nonsense"])
    rejected = [(e.order.get("kind"), e.reason) for e in ev if e.kind == "rejected"]
    assert rejected == [("move", "no unit 'b' of red"),
                        ("attack", "attacks are made only in the combat phase (this is the movement phase)"),
                        ("invalid", "not an order")]
    assert g.units["r1"].hex == H("0503")


def test_submit_is_refused_out_of_turn_and_after_the_end():
    g = new()
    with pytest.raises(ValueError, match="it is red's air phase, not blue's"):
        g.submit(BLUE, [])
    g.state.over = True
    with pytest.raises(ValueError, match="the game is over"):
        g.submit(RED, [])
