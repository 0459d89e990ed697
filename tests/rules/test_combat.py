"""Combat (wargame/rules/combat.py, retreat.py): odds columns, every shift, results, retreat, advance."""

from collections import Counter

import pytest

from tests.rules.boards import BLUE, RED, H, board, open_board, scenario, tables, to_phase, unit
from wargame.game import Game, Replace, Reroll
from wargame.hexgrid import neighbours
from wargame.orders import Attack, Fallback
from wargame.rules.combat import parse_result

T = tables()


def red_combat(units, b=None, umpire=False, seed=1, **kw) -> Game:
    g = Game(scenario(b or open_board(), units, **kw), seed=seed, umpire=umpire)
    to_phase(g, "combat", RED)
    return g


def shifts(g: Game, order: Attack) -> dict:
    return dict(g.preview(order).shifts)


# --- odds --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("attackers,defenders,column", [
    ([("tank", 1)], [("inf", 2), ("inf", 2)], "1:3"),            # 2 : 8, below the first column counts as it
    ([("tank", 2)], [("inf", 2), ("inf", 2)], "1:2"),            # 4 : 8
    ([("tank", 3)], [("inf", 2), ("inf", 1)], "1:1"),            # 6 : 6
    ([("tank", 3)], [("inf", 2)], "3:2"),                        # 6 : 4
    ([("tank", 3), ("mech", 1)], [("inf", 2)], "2:1"),           # 8 : 4
    ([("tank", 3), ("tank", 3)], [("inf", 2)], "3:1"),           # 12 : 4
    ([("tank", 3), ("mech", 1)], [("inf", 1)], "4:1"),           # 8 : 2
    ([("tank", 3), ("mech", 2)], [("inf", 1)], "5:1"),           # 10 : 2
    ([("tank", 3), ("tank", 3), ("tank", 3)], [("inf", 1)], "6:1"),  # 18 : 2, above the last is the last
])
def test_each_odds_column(attackers, defenders, column):
    units = [unit(f"r{i}", RED, t, "0503", steps=s) for i, (t, s) in enumerate(attackers)]
    units += [unit(f"b{i}", BLUE, t, "0403", steps=s) for i, (t, s) in enumerate(defenders)]
    g = red_combat(units)
    a = g.preview(Attack("0403", tuple(u.id for u in units if u.side is RED)))
    assert a.shifts == [] and a.column_name == column and g.tables.columns[a.base_column] == column
    assert a.attack == sum(u.attack for u in units if u.side is RED) and a.defence == sum(
        u.defence for u in units if u.side is BLUE
    )


def test_preview_gives_the_chance_of_every_result():
    g = red_combat([unit("r", RED, "tank", "0503"), unit("b", BLUE, "inf", "0403")])
    a = g.preview(Attack("0403", ("r",)))
    assert a.odds == "1.5:1" and a.column_name == "3:2"
    assert sum(a.probabilities.values()) == pytest.approx(1.0)
    expected = Counter(T.crt[r][a.column] for r in range(1, 7))
    assert a.probabilities == pytest.approx({k: v / 6 for k, v in expected.items()})


def test_an_impossible_attack_is_refused_with_a_reason():
    g = red_combat([unit("r", RED, "tank", "0603"), unit("a", RED, "arty", "0803"), unit("b", BLUE, "inf", "0403")])
    with pytest.raises(ValueError, match="is not next to 0403"):
        g.preview(Attack("0403", ("r",)))
    assert g.legal(RED, Attack("0303", ("r",))) == "no enemy unit in 0303"
    assert g.legal(RED, Attack("0403", ())) == "an attack needs at least one attacking unit"
    assert "has no attack strength" in g.legal(RED, Attack("0403", ("a",)))
    g.place(g.units["r"], H("0503"))
    assert "out of" in g.legal(RED, Attack("0403", ("r",), support=("a",)))  # range 2, distance 4
    assert g.legal(RED, Attack("0403", ("r",), cas=5)) == "5 close-air-support sorties asked, 0 left this turn"


# --- column shifts -----------------------------------------------------------------------------------


@pytest.mark.parametrize("terrain", ["forest", "mixed", "marsh", "urban"])
def test_terrain_shift(terrain):
    ch = {"forest": "f", "mixed": "m", "marsh": "b", "urban": "u"}[terrain]
    b = board(["........", "........", "..." + ch + "....", "........"], ["EEEERRRR"] * 4)
    g = red_combat([unit("r", RED, "tank", "0503"), unit("b", BLUE, "inf", "0403")], b)
    assert shifts(g, Attack("0403", ("r",))) == {f"{terrain} terrain": T.terrain_shift[terrain]}


@pytest.mark.parametrize("cls", ["minor", "major"])
def test_river_shift_when_every_attacker_crosses(cls):
    b = board(["........"] * 4, ["EEEERRRR"] * 4, rivers=[("0403/0503", cls)])
    g = red_combat([unit("r", RED, "tank", "0503"), unit("r2", RED, "tank", "0404"), unit("b", BLUE, "inf", "0403")], b)
    assert shifts(g, Attack("0403", ("r",))) == {f"attacking across a {cls} river": T.river_shift[cls]}
    assert shifts(g, Attack("0403", ("r", "r2"))) == {}  # one attacker does not cross


def test_a_bridge_halves_the_river_shift():
    b = board(["........"] * 4, ["EEEERRRR"] * 4, rivers=[("0403/0503", "major")], roads=["0403 0503"])
    g = red_combat([unit("r", RED, "tank", "0503"), unit("b", BLUE, "inf", "0403")], b)
    assert shifts(g, Attack("0403", ("r",))) == {
        "attacking across a major river by bridges": int(T.river_shift["major"] * T.bridge_factor)
    }


def test_dug_in_and_fortified_defenders():
    g = red_combat([unit("r", RED, "tank", "0503"), unit("b", BLUE, "inf", "0403"), unit("b2", BLUE, "inf", "0403")])
    (p1, n1, s1), (p2, n2, s2) = T.entrenchment
    g.state.entrench.update({"b": p1, "b2": p1})
    assert shifts(g, Attack("0403", ("r",))) == {f"defender {n1}": s1}
    g.state.entrench.update({"b": p2, "b2": p2})
    assert shifts(g, Attack("0403", ("r",))) == {f"defender {n2}": s2}
    g.state.entrench["b2"] = 0  # the lowest counts: one defender has just moved in
    assert shifts(g, Attack("0403", ("r",))) == {}


def test_units_that_have_not_moved_are_dug_in_by_the_next_enemy_attack():
    g = Game(scenario(open_board(), [unit("r", RED, "tank", "0503"), unit("b", BLUE, "inf", "0403")]), seed=1)
    to_phase(g, "combat", RED)
    assert shifts(g, Attack("0403", ("r",))) == {}  # H-hour: not dug in yet
    to_phase(g, "combat", BLUE)
    to_phase(g, "combat", RED)  # Blue did not move in its movement phase
    assert f"defender {T.entrenchment[0][1]}" in shifts(g, Attack("0403", ("r",)))


def test_night_shift():
    g = red_combat([unit("r", RED, "tank", "0503"), unit("b", BLUE, "inf", "0403")])
    assert "night" not in shifts(g, Attack("0403", ("r",)))
    to_phase(g, "combat", BLUE)
    g.submit(BLUE, [])
    to_phase(g, "combat", RED)
    assert g.night
    assert shifts(g, Attack("0403", ("r",)))["night"] == T.night_shift


@pytest.mark.parametrize("n,shift", [(2, 0), (3, 1), (5, 2), (6, 2)])
def test_attack_from_several_hexes(n, shift):
    ring = sorted(neighbours(H("0403")))[:n]
    units = [
        unit(f"r{i}", RED, "tank", f"{h.q + (h.r - (h.r & 1)) // 2 + 1:02d}{h.r + 1:02d}") for i, h in enumerate(ring)
    ]
    g = red_combat(units + [unit("b", BLUE, "inf", "0403", steps=2)])
    got = shifts(g, Attack("0403", tuple(u.id for u in units)))
    assert got == ({f"attack from {n} hexes": shift} if shift else {})


@pytest.mark.parametrize(
    "fire,points,shift",
    [(["arty"], 3, 1), (["arty", "arty"], 6, 1), (["arty", "rocket"], 7, 2), (["arty", "rocket", "rocket"], 11, 3)],
)
def test_attacker_fire_support_shifts_by_net_points(fire, points, shift):
    sup = [unit(f"f{i}", RED, t, "0603") for i, t in enumerate(fire)]
    g = red_combat([unit("r", RED, "tank", "0503"), unit("b", BLUE, "inf", "0403")] + sup)
    a = g.preview(Attack("0403", ("r",), support=tuple(u.id for u in sup)))
    assert dict(a.shifts) == {f"fire support {points:g} against 0": shift} and a.fire_points == (points, 0)


def test_the_defenders_artillery_fires_for_it_automatically():
    g = red_combat(
        [
            unit("r", RED, "tank", "0503"),
            unit("b", BLUE, "inf", "0403"),
            unit("ba", BLUE, "arty", "0303"),
            unit("ra", RED, "arty", "0603"),
        ]
    )
    assert shifts(g, Attack("0403", ("r",))) == {"fire support 0 against 3": -1}
    assert shifts(g, Attack("0403", ("r",), support=("ra",))) == {}  # 3 against 3


@pytest.mark.parametrize("cas,shift", [(3, 0), (4, 1), (8, 2), (16, 2)])
def test_close_air_support_shift(cas, shift):
    g = red_combat([unit("r", RED, "tank", "0503"), unit("b", BLUE, "inf", "0403")], air=(20, 20, 0, 0))
    got = shifts(g, Attack("0403", ("r",), cas=cas))
    assert sum(v for k, v in got.items() if k.startswith("close air support")) == shift


def test_defensive_air_cover_shifts_left_and_is_spent_on_the_first_attack():
    g = red_combat(
        [
            unit("r", RED, "tank", "0503"),
            unit("r2", RED, "tank", "0404"),
            unit("b", BLUE, "inf", "0403"),
            unit("b2", BLUE, "inf", "0304"),
        ],
        umpire=True,
    )
    g.state.cover[BLUE].append([g.index.idx[H("0403")], 8])
    assert shifts(g, Attack("0403", ("r",))) == {"defensive air cover (8 sorties)": -2}
    g.submit(RED, [Attack("0403", ("r",)), Attack("0304", ("r2",))])
    g.decide(Replace("NE"))
    assert g.pending.assessment.cover == 0 and not any("cover" in r for r, _ in g.pending.assessment.shifts)


def test_red_competence_shifts_red_attacks_right_and_blue_attacks_left():
    g = red_combat([unit("r", RED, "tank", "0503"), unit("b", BLUE, "tank", "0403")], params={"red_competence": 1})
    assert shifts(g, Attack("0403", ("r",))) == {"Red competence": 1}
    to_phase(g, "combat", BLUE)
    assert shifts(g, Attack("0503", ("b",)))["Red competence (against Blue)"] == -1


def test_the_column_stays_on_the_table():
    b = board(["........", "........", "...b....", "........"], ["EEEERRRR"] * 4, rivers=[("0403/0503", "major")])
    g = red_combat(
        [unit("r", RED, "tank", "0503", steps=1), unit("b", BLUE, "inf", "0403"), unit("b2", BLUE, "inf", "0403")], b
    )
    a = g.preview(Attack("0403", ("r",)))
    assert a.base_column == 0 and sum(n for _, n in a.shifts) < 0 and a.column == 0


# --- results ---------------------------------------------------------------------------------------


def resolve(g: Game, order: Attack, code: str) -> list:
    """Submit Red's attack and have the umpire rule `code`."""
    g.submit(RED, [order])
    assert g.pending is not None and g.pending.kind == "combat"
    return g.decide(Replace(code, "test"))


def test_result_codes():
    assert parse_result("NE") == (0, 0, 0)
    assert parse_result("EX") == (1, 1, 0)
    assert parse_result("A2") == (2, 0, 0)
    assert parse_result("D2R2") == (0, 2, 2)
    with pytest.raises(ValueError):
        parse_result("X9")


def test_attacker_losses_fall_on_the_strongest_attacker_step_by_step():
    g = red_combat(
        [unit("r1", RED, "tank", "0503"), unit("r2", RED, "mech", "0503"), unit("b", BLUE, "inf", "0403")], umpire=True
    )
    ev = resolve(g, Attack("0403", ("r1", "r2")), "A2")
    lost = [e.unit for e in ev if e.kind == "step_lost"]
    assert lost == ["r1", "r2"]  # tank 6 first; then tank 4 and mech 4 tie (and tie on defence): the later id
    assert g.units["r1"].steps == 2 and g.units["r2"].steps == 1 and g.units["b"].steps == 2


def test_exchange_costs_both_sides_a_step_and_a_unit_with_no_steps_is_destroyed():
    g = red_combat([unit("r", RED, "tank", "0503"), unit("b", BLUE, "inf", "0403", steps=1)], umpire=True)
    ev = resolve(g, Attack("0403", ("r",), advance=False), "EX")
    assert [(e.unit, e.steps_left) for e in ev if e.kind == "step_lost"] == [("r", 2), ("b", 0)]
    assert [e.unit for e in ev if e.kind == "destroyed"] == ["b"] and g.units["b"].hex is None
    assert g.losses == {RED: 1, BLUE: 1}


def test_retreat_moves_away_and_the_attackers_advance():
    g = red_combat([unit("r", RED, "tank", "0503"), unit("b", BLUE, "inf", "0403")], umpire=True)
    ev = resolve(g, Attack("0403", ("r",)), "D1R1")
    r = [e for e in ev if e.kind == "retreated"][0]
    assert r.path[0] == "0403" and g.units["b"].steps == 1
    dest = g.units["b"].hex
    assert dest in neighbours(H("0403")) and g.index.distance(g.index.idx[dest], g.index.idx[H("0503")]) == 2
    assert [e.hex for e in ev if e.kind == "advanced"] == ["0403"] and g.units["r"].hex == H("0403")


def test_a_two_hex_retreat_goes_one_hex_farther_each_time():
    g = red_combat([unit("r", RED, "tank", "0503"), unit("b", BLUE, "tank", "0403")], umpire=True)
    ev = resolve(g, Attack("0403", ("r",), advance=False), "D2R2")
    path = [e for e in ev if e.kind == "retreated"][0].path
    assert len(path) == 3
    ix = g.index
    assert [ix.distance(ix.idx[g.parse(p)], ix.idx[H("0403")]) for p in path] == [0, 1, 2]


def test_a_blocked_retreat_costs_a_step_for_each_hex():
    # Blue in a corner of sea; red units and their zones of control everywhere else
    b = board(["~~~~~~", "~.....", "~.....", "~....."], ["......", ".EERRR", ".EERRR", ".EERRR"])
    g = red_combat(
        [unit("r", RED, "tank", "0302"), unit("r2", RED, "tank", "0203"), unit("b", BLUE, "tank", "0202")],
        b,
        umpire=True,
    )
    ev = resolve(g, Attack("0202", ("r", "r2"), advance=False), "D1R1")
    assert [e.cause for e in ev if e.kind == "step_lost"] == ["defending 0202", "retreat blocked"]
    assert g.units["b"].steps == 1 and g.units["b"].hex == H("0202")


def test_a_retreat_may_enter_an_enemy_zone_only_where_a_friend_stands():
    b = board(["~~~~~~", "~.....", "~.....", "~....."], ["......", ".EERRR", ".EERRR", ".EERRR"])
    g = red_combat(
        [
            unit("r", RED, "tank", "0302"),
            unit("r2", RED, "tank", "0203"),
            unit("b", BLUE, "tank", "0202"),
            unit("b2", BLUE, "inf", "0303"),
        ],
        b,
        umpire=True,
    )
    assert H("0303") in neighbours(H("0202")) and H("0303") in g.zoc(RED)
    ev = resolve(g, Attack("0202", ("r", "r2"), advance=False), "D1R1")
    assert [e.path for e in ev if e.kind == "retreated"] == [("0202", "0303")]
    assert not [e for e in ev if e.kind == "step_lost" and e.cause == "retreat blocked"]


def test_a_fallback_order_chooses_the_way_back():
    units = [unit("r", RED, "tank", "0503"), unit("b", BLUE, "inf", "0403")]
    plain = red_combat(units, umpire=True)
    resolve(plain, Attack("0403", ("r",), advance=False), "D1R1")
    by_rule = plain.units["b"].hex
    g = Game(
        scenario(open_board(), [unit("r", RED, "tank", "0503"), unit("b", BLUE, "inf", "0403")]), seed=1, umpire=True
    )
    others = [
        h
        for h in neighbours(H("0403"))
        if g.index.distance(g.index.idx[h], g.index.idx[H("0503")]) == 2 and h != by_rule
    ]
    target = others[0]
    toward = g.hid(target)
    to_phase(g, "movement", BLUE)
    g.submit(BLUE, [Fallback("b", toward)])
    to_phase(g, "combat", RED)
    resolve(g, Attack("0403", ("r",), advance=False), "D1R1")
    assert g.units["b"].hex == target != by_rule


def test_no_advance_when_the_attack_says_so_or_the_hex_is_still_held():
    g = red_combat([unit("r", RED, "tank", "0503"), unit("b", BLUE, "inf", "0403")], umpire=True)
    ev = resolve(g, Attack("0403", ("r",), advance=False), "D1R1")
    assert not [e for e in ev if e.kind == "advanced"] and g.units["r"].hex == H("0503")
    g = red_combat([unit("r", RED, "tank", "0503"), unit("b", BLUE, "inf", "0403")], umpire=True)
    ev = resolve(g, Attack("0403", ("r",)), "D1")
    assert not [e for e in ev if e.kind == "advanced"]


def test_advance_takes_the_strongest_up_to_the_limit_and_only_units_that_can_cross():
    t = tables(
        movement={
            "river_cost": {"minor": dict(T.river_cost["minor"]), "major": {**T.river_cost["major"], "wheeled": None}}
        },
        combat={"advance_max_units": 2},
    )
    b = board(["........"] * 4, ["EEEERRRR"] * 4, rivers=[("0403/0503", "major")])
    ring = [h for h in neighbours(H("0403")) if h != H("0503")]
    units = [
        unit("t1", RED, "truck", "0503"),
        unit("t2", RED, "tank", "0503", steps=1),
        unit("t3", RED, "tank", f"{ring[0].q + (ring[0].r - (ring[0].r & 1)) // 2 + 1:02d}{ring[0].r + 1:02d}"),
        unit("b", BLUE, "inf", "0403", steps=1),
    ]
    g = red_combat(units, b, umpire=True, t=t)
    ev = resolve(g, Attack("0403", ("t1", "t2", "t3")), "D1")
    assert [e.unit for e in ev if e.kind == "advanced"] == ["t3", "t2"]  # strongest first; the trucks cannot ford
    assert g.units["t1"].hex == H("0503")


def test_each_unit_attacks_once_and_each_hex_is_attacked_once():
    g = red_combat(
        [
            unit("r", RED, "tank", "0503"),
            unit("r2", RED, "tank", "0504"),
            unit("b", BLUE, "inf", "0403"),
            unit("b2", BLUE, "inf", "0404"),
        ]
    )
    assert g.stage(RED, Attack("0403", ("r",))) is None
    assert g.stage(RED, Attack("0404", ("r",))) == "r (Tank battalion) is already in a staged attack"
    assert g.stage(RED, Attack("0403", ("r2",))) == "an attack on 0403 is already staged"
    assert g.stage(RED, Attack("0404", ("r2",))) is None


# --- the combat results table in play ------------------------------------------------------------------


def test_crt_frequencies_match_the_table_over_a_fixed_seed_sample():
    """The umpire's re-rolls use the same roll as the game: 1,800 of them at three columns must
    reproduce the table's probabilities (within 4 standard deviations for every result)."""
    for steps, column in ((1, "1:2"), (3, "3:2"), (3, "3:1")):
        extra = [unit("r2", RED, "tank", "0503")] if column == "3:1" else []
        g = red_combat(
            [unit("r", RED, "tank", "0503", steps=steps), unit("b", BLUE, "inf", "0403")] + extra,
            umpire=True,
            seed=steps,
        )
        g.submit(RED, [Attack("0403", ("r",) + tuple(u.id for u in extra))])
        a = g.pending.assessment
        assert a.column_name == column
        n = 1800
        counts = Counter(g.pending.chance.sample(g.rng)[1] for _ in range(n))
        for code, p in a.probabilities.items():
            sd = (p * (1 - p) / n) ** 0.5
            assert abs(counts[code] / n - p) < 4 * sd, (column, code, counts[code] / n, p)
        assert set(counts) == set(a.probabilities)


def test_whole_games_roll_the_table_fairly():
    """The same check through whole adjudications: 300 seeds, one attack each at 3:2."""
    counts: Counter = Counter()
    n = 300
    sc = scenario(open_board(), [unit("r", RED, "tank", "0503"), unit("b", BLUE, "inf", "0403")])
    for seed in range(n):
        g = Game(sc, seed=seed)
        to_phase(g, "combat", RED)
        ev = g.submit(RED, [Attack("0403", ("r",), advance=False)])
        counts[[e for e in ev if e.kind == "combat"][0].result] += 1
    col = T.columns.index("3:2")
    for code, k in Counter(T.crt[r][col] for r in range(1, 7)).items():
        p = k / 6
        assert abs(counts[code] / n - p) < 4 * (p * (1 - p) / n) ** 0.5, (code, counts[code], p)


def test_reroll_draws_a_new_die():
    g = red_combat([unit("r", RED, "tank", "0503"), unit("b", BLUE, "inf", "0403")], umpire=True)
    g.submit(RED, [Attack("0403", ("r",))])
    dice = {g.pending.roll}
    ev = g.decide(Reroll("smoke"))
    ruling = [e for e in ev if e.kind == "umpire"][0]
    combat = [e for e in ev if e.kind == "combat"][0]
    assert ruling.decision == "reroll" and ruling.result == combat.result and combat.roll in range(1, 7)
    assert T.crt[combat.roll][T.columns.index(combat.column)] == combat.result
    assert dice  # the first die was shown before the re-roll
