"""Game.submit takes anything a player hands in: every malformed item is refused with a reason,
nothing crashes the game, and the saved game always replays."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wargame.data.scenario import load_scenario
from wargame.game import Game, replay
from wargame.model.units import Side
from wargame.orders import AirMission, Attack, Fallback, Move, from_dict, problem

TINY = Path(__file__).resolve().parent / "fixtures" / "tiny" / "scenarios" / "tiny.yaml"


class Weird(str):
    def __eq__(self, other):
        raise RuntimeError("boom")

    __hash__ = str.__hash__


MALFORMED = [
    (AirMission("sead", "0602", 2.5), "sorties must be a whole number"),
    (AirMission("sead", "0602", float("nan")), "not a number"),
    (AirMission("sead", "0602", True), "whole number"),
    (AirMission("sead", "0602", 10**30), "from 1 to 10000"),
    (AirMission("nuke", "0602", 2), "unknown air mission"),
    (AirMission("sead", 602, 2), "must be text"),
    (Move("r1", ["0502"]), "tuple of ids"),
    (Move("r1", ("0502",) * 1000), "1000"),
    (Move("r1", ("xx",)), "not a hex id"),
    (Move(None, to="0502"), "must be text"),
    (Move("r1"), "needs a path or a destination"),
    (Move(Weird("r1"), to="0502"), "must be text"),
    (Move("r1\x00", to="0502"), "not an id"),
    (Attack("0502", ("r1",), cas=float("inf")), "not a number"),
    (Attack("0502", ("r1",), cas=-1), "from 0 to 10000"),
    (Attack("0502", ("r1",), advance="yes"), "advance must be true or false"),
    (Attack("0502", "r1"), "tuple of ids"),
    (Fallback("b1", 3010), "must be text"),
    (object(), "not an order"), (None, "not an order"), ({"kind": "move", "unit": "r1", "to": "0502"}, "not an order"),
    ("move r1", "not an order"), (42, "not an order"),
]


@pytest.fixture(scope="module")
def sc():
    return load_scenario(TINY)


@pytest.mark.parametrize("item,why", MALFORMED)
def test_every_malformed_item_is_refused_with_a_reason(sc, item, why):
    g = Game(sc, seed=1)
    while g.phase != "movement":
        g.submit(g.active_side, [])
    assert why in (g.legal(Side.RED, item) or "")
    assert why in (g.stage(Side.RED, item) or "")
    events = g.submit(Side.RED, [item])
    rejected = [e for e in events if e.kind == "rejected"]
    assert rejected and why in rejected[0].reason
    while not g.over:
        g.submit(g.active_side, [item])
    rec = json.loads(json.dumps(g.to_record(), allow_nan=False))  # always serialisable, strict JSON
    assert replay(rec, sc)[1] == []


@pytest.mark.parametrize("d", [
    {"kind": "air", "mission": "sead", "target": "0602", "sorties": 2.5},
    {"kind": "move", "unit": 7, "to": "0502"}, {"kind": "move", "unit": "r1", "to": "0502", "extra": 1},
    {"kind": "attack", "target": "0502", "attackers": "r1"}, {"kind": "fallback"}, {"kind": ["x"]},
])
def test_from_dict_is_strict(d):
    with pytest.raises(ValueError):
        from_dict(d)


def test_well_formed_orders_pass():
    for o in (Move("r1", to="0502"), Move("r1", ("0502", "0402")), Attack("0502", ("r1", "r2"), ("r3",), 2, False),
              AirMission("counter_air", "", 4), AirMission("recon", "0602", 1), Fallback("b1"), Fallback("b1", "0101")):
        assert problem(o) is None and from_dict(o.to_dict()) == o
