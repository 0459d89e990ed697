"""Fires (wargame/rules/fires.py): range, once per phase, the fire limit, defensive fire."""

from tests.rules.boards import BLUE, RED, H, open_board, scenario, tables, to_phase, unit
from wargame.game import Game
from wargame.orders import Attack
from wargame.rules import fires

T = tables()


def red_combat(units, **kw) -> Game:
    g = Game(scenario(open_board(), units), seed=1, **kw)
    to_phase(g, "combat", RED)
    return g


def test_a_fire_unit_reaches_only_its_range():
    g = red_combat([unit("r", RED, "tank", "0503"), unit("a", RED, "arty", "0703"), unit("k", RED, "rocket", "0803"),
                    unit("b", BLUE, "inf", "0403")])
    assert (
        g.legal(RED, Attack("0403", ("r",), support=("a",)))
        == "0403 is out of a (Artillery battalion)'s range (2 hexes)"
    )
    assert g.legal(RED, Attack("0403", ("r",), support=("k",))) is None  # rockets: 5 hexes


def test_a_fire_unit_fires_once_per_phase_and_at_most_the_limit_per_attack():
    fire = [unit(f"a{i}", RED, "arty", "0603") for i in range(3)] + [unit("a3", RED, "arty", "0604")]
    g = red_combat(
        [
            unit("r", RED, "tank", "0503"),
            unit("r2", RED, "tank", "0504"),
            unit("b", BLUE, "inf", "0403"),
            unit("b2", BLUE, "inf", "0404"),
        ]
        + fire
    )
    assert (
        g.legal(RED, Attack("0403", ("r",), support=("a0", "a1", "a2", "a3")))
        == f"at most {T.max_support_units} fire units may support one attack"
    )
    assert g.stage(RED, Attack("0403", ("r",), support=("a0",))) is None
    assert (
        g.stage(RED, Attack("0404", ("r2",), support=("a0",)))
        == "a0 (Artillery battalion) already supports a staged attack"
    )
    g.clear_staged()
    g.submit(
        RED,
        [
            Attack("0403", ("r",), support=("a0",), advance=False),
            Attack("0404", ("r2",), support=("a1",), advance=False),
        ],
    )
    assert g.phase == "movement" and {"a0", "a1"} <= g.state.fired and "a2" not in g.state.fired


def test_defensive_fire_strongest_first_up_to_the_limit_and_once_per_phase():
    blue_fire = [
        unit("ba", BLUE, "arty", "0303"),
        unit("bk", BLUE, "rocket", "0203"),
        unit("bk2", BLUE, "rocket", "0103"),
        unit("ba2", BLUE, "arty", "0302"),
    ]
    g = red_combat(
        [
            unit("r", RED, "tank", "0503"),
            unit("r2", RED, "tank", "0504"),
            unit("b", BLUE, "inf", "0403"),
            unit("b2", BLUE, "inf", "0404"),
        ]
        + blue_fire
    )
    dsup = fires.defence_fires(g.position, BLUE, g.index.idx[H("0403")])
    assert [u.id for u in dsup] == ["bk", "bk2", "ba"]  # rockets (4) before guns (3), then by id; limit 3
    a = g.preview(Attack("0403", ("r",)))
    assert a.fire_points == (0, 11) and dict(a.shifts)["fire support 0 against 11"] == -3
    ev = g.submit(RED, [Attack("0403", ("r",), advance=False), Attack("0404", ("r2",), advance=False)])
    second = [e for e in ev if e.kind == "combat"][1]
    assert "fire support 0 against 3" in " ".join(second.shifts)  # only ba2 is left to fire


def test_fires_shift_table_both_ways():
    g = red_combat([unit("r", RED, "tank", "0503"), unit("b", BLUE, "inf", "0403")])
    assert [fires.fires_shift(g.position, p, 0) for p in (0, 2.9, 3, 6.9, 7, 10.9, 11, 40)] == [0, 0, 1, 1, 2, 2, 3, 3]
    assert [fires.fires_shift(g.position, 0, p) for p in (3, 7, 11)] == [-1, -2, -3]
    assert fires.fires_shift(g.position, 7, 4) == 1


def test_fire_support_scales_with_steps():
    u = unit("k", RED, "rocket", "0803")
    assert fires.points([u]) == 4
    from tests.rules.boards import replace_type

    replace_type(u, steps=2)
    u.steps = 1
    assert fires.points([u]) == 2
