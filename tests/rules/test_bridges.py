"""Blowing bridges and bridging again (wargame/rules/bridges.py)."""

from tests.rules.boards import BLUE, RED, H, board, scenario, to_phase, unit
from wargame.game import Accept, Game, Replace
from wargame.orders import Demolish, Move
from wargame.rules import supply

# a major river along every hexside between columns 3 and 4, a road bridge over it between 0302 and
# 0402; Estonia west, Russia east
_open = board(["." * 8] * 3)
_RIVER = [(f"{_open.hex_id(a)}/{_open.hex_id(b)}", "major") for a in _open.terrain for b in _open.neighbours(a)
          if _open.hex_id(a)[:2] == "03" and _open.hex_id(b)[:2] == "04"]
B = board(["." * 8] * 3, ["EEEEERRR"] * 3, rivers=_RIVER, roads=["0102 0202 0302 0402 0502 0602 0702 0802"])


def new(units, umpire=False) -> Game:
    return Game(scenario(B, units), seed=4, umpire=umpire)


def test_a_unit_that_stays_may_blow_a_bridge_next_to_it_and_nothing_else():
    g = new([unit("b", BLUE, "inf", "0302"), unit("b2", BLUE, "inf", "0202"), unit("r", RED, "tank", "0702")])
    to_phase(g, "movement", BLUE)
    assert "no road or railway bridge" in g.legal(BLUE, Demolish("b", "0301"))
    assert "not next to" in g.legal(BLUE, Demolish("b2", "0402"))
    assert "no unit" in g.legal(BLUE, Demolish("r", "0402"))
    assert g.stage(BLUE, Move("b", ("0202",))) is None
    assert "moves this phase" in g.legal(BLUE, Demolish("b", "0402"))
    g.unstage()
    assert g.stage(BLUE, Demolish("b", "0402")) is None
    assert "stays to blow a bridge" in g.legal(BLUE, Move("b", ("0202",)))
    assert "already has a demolition" in g.legal(BLUE, Demolish("b", "0402"))


def test_a_blown_bridge_stops_tracks_and_supply_until_the_other_side_bridges_it():
    g = new([unit("b", BLUE, "inf", "0302"), unit("r", RED, "tank", "0602")], umpire=True)
    to_phase(g, "movement", RED)
    assert H("0402") in g.reachable("r") and H("0202") in g.reachable("r")   # over the bridge while it stands
    to_phase(g, "movement", BLUE)
    g.submit(BLUE, [Demolish("b", "0402")])
    assert g.pending is not None and g.pending.chance.kind == "demolition"
    g.decide(Replace("blown", "the charges were ready"))
    e = [x for x in g.events if x.kind == "demolition"][-1]
    assert (e.hex, e.across, e.blown) == ("0302", "0402", True)
    assert (g.index.idx[H("0302")], g.index.idx[H("0402")]) in g.state.blown
    g.place(g.units["b"], None)
    while g.pending is not None:
        g.decide(Accept())
    to_phase(g, "movement", RED)
    g.place(g.units["r"], H("0402"))
    g.position.forget_routes()
    reach = g.reachable("r")
    assert reach[H("0302")] == 2 + 3            # no road across: clear 2, an assault crossing of a major river 3
    wheeled = [u for u in g.units.values() if u.id == "r"][0]
    import dataclasses
    g.units["r"].type = dataclasses.replace(wheeled.type, mobility="foot", movement=4)
    g.position.forget_routes()
    assert "cannot cross" not in (g.legal(RED, Move("r", ("0302",))) or "")
    g.units["r"].type = dataclasses.replace(wheeled.type, mobility="tracked", movement=12)
    # a Red unit on the west bank is cut off from Russia: the only road bridge is down
    g.place(g.units["r"], H("0202"))
    assert not supply.in_supply(g.position, g.units["r"])
    # two turns after, with a Red unit on one bank, Red engineers bridge it again
    g.place(g.units["r"], H("0402"))
    while g.turn < 4:
        g.submit(g.active_side, [])
        while g.pending is not None:
            g.decide(Accept())
    assert g.state.blown == {} and [x.kind for x in g.events if x.kind == "bridged"] == ["bridged"]
    g.place(g.units["r"], H("0202"))
    assert supply.in_supply(g.position, g.units["r"])


def test_the_die_decides_and_the_record_replays_it():
    outcomes = set()
    for seed in range(8):
        g = Game(scenario(B, [unit("b", BLUE, "inf", "0302"), unit("r", RED, "tank", "0702")]), seed=seed)
        to_phase(g, "movement", BLUE)
        g.submit(BLUE, [Demolish("b", "0402")])
        e = [x for x in g.events if x.kind == "demolition"][-1]
        assert e.blown == (e.die >= g.tables.demolish_on)
        outcomes.add(e.blown)
        back = Game.from_record(g.to_record(), g.scenario)
        assert back.state.blown == g.state.blown
        from wargame.records import replay
        assert replay(g.to_record(), g.scenario)[1] == []
    assert outcomes == {True, False}
