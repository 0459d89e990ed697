"""The position under the game (wargame/rules/position.py): copies exact at any point, mid-phase
included, without replaying; chance as data; the rules never see `Game`."""

import ast
import random
from fractions import Fraction
from pathlib import Path

import pytest

from tests.rules.boards import BLUE, RED, H, board, open_board, scenario, tables, to_phase, unit
from tests.rules.test_game import random_orders
from wargame import records
from wargame.game import Accept, Game, Replace, Reroll
from wargame.orders import AirMission, Attack, Demolish
from wargame.rules import air, sequence

T = tables()


@pytest.fixture(scope="module")
def real():
    from wargame.data.scenario import load_scenario

    return load_scenario("incursion-2016")


def paused_in_a_phase(sc, seed: int) -> Game:
    """An umpired game stopped at a proposal that is not the first of its phase, after some re-rolls."""
    g = Game(sc, seed=seed, umpire=True)
    rng = random.Random(seed)
    n = 0
    while not g.over:
        if g.pending is None:
            g.submit(g.active_side, random_orders(g, rng, bold=1.0))
            continue
        step = g.position.step
        if step is not None and step.taken and n > 3:
            return g
        n += 1
        g.decide(Reroll("again") if n % 3 == 0 else Accept())
    raise AssertionError("the game never stopped twice in one phase")


def two_attacks() -> Game:
    """Red's combat phase with two attacks, stopped at the second proposal after a re-roll."""
    units = [unit("r", RED, "tank", "0503"), unit("r2", RED, "tank", "0504"), unit("b", BLUE, "inf", "0403"),
             unit("b2", BLUE, "inf", "0404")]
    g = Game(scenario(open_board(10, 6, 4), units), seed=5, umpire=True)
    to_phase(g, "combat", RED)
    g.submit(RED, [Attack("0403", ("r",)), Attack("0404", ("r2",))])
    g.decide(Reroll("again"))
    assert g.pending is not None and g.position.step is not None and len(g.position.step.taken) == 1
    return g


def same(a: Game, b: Game) -> None:
    assert a.snapshot() == b.snapshot()
    assert a.event_log() == b.event_log() and a.events_digest() == b.events_digest()
    assert a.rng.getstate() == b.rng.getstate()
    pa, pb = a.pending, b.pending
    assert (pa is None) == (pb is None)
    if pa is not None and pb is not None:
        assert (pa.kind, pa.roll, pa.result, pa.describe(), pa.order) == (pb.kind, pb.roll, pb.result, pb.describe(),
                                                                          pb.order)


@pytest.mark.parametrize("seed", [1, 2])
def test_a_clone_at_a_proposal_equals_the_replay_and_then_goes_its_own_way(real, seed):
    g = paused_in_a_phase(real, seed)
    c = g.clone()
    r = Game.from_record(g.to_record(), real)
    same(c, r)
    same(c, g)
    assert c.to_record() == g.to_record()
    # the same ruling on all three: still the same game
    for x in (g, c, r):
        x.decide(Reroll("once more"))
    same(c, r)
    same(g, r)
    # different rulings: the clone's never reach the original
    if c.pending is not None:
        c.decide(Replace(c.pending.choices[0] if c.pending.choices else "0", "mine"))
    c.place(c.units[sorted(c.units)[0]], None)
    for x in (g, r):
        if x.pending is not None:
            x.decide(Accept())
    same(g, r)
    # and played on alike, original and replay stay identical
    rng_g, rng_r = random.Random(1), random.Random(1)
    end = g.turn + 2
    for x, rng in ((g, rng_g), (r, rng_r)):
        while not x.over and x.turn < end:
            if x.pending is not None:
                x.decide(Accept())
            else:
                x.submit(x.active_side, random_orders(x, rng, bold=1.0))
    same(g, r)


def test_a_clone_never_replays_the_game(monkeypatch):
    g = two_attacks()
    want = Game.from_record(g.to_record(), g.scenario)
    turns = []

    def no_replay(*a, **k):
        raise AssertionError("clone replayed the record")

    monkeypatch.setattr(records, "replay", no_replay)
    monkeypatch.setattr(records, "from_record", no_replay)
    start_turn = sequence.start_turn
    monkeypatch.setattr(sequence, "start_turn", lambda p: (turns.append(p), start_turn(p)))
    c = g.clone()
    assert turns == []  # only the phase in hand was run again, from its start, not a single turn
    same(c, want)
    assert c.position.step is not None and c.position.step.taken == g.position.step.taken


def test_a_copy_between_phases_shares_the_ground_and_nothing_else(tiny_scenario):
    g = Game(tiny_scenario, seed=2)
    rng = random.Random(3)
    for _ in range(5):
        g.submit(g.active_side, random_orders(g, rng))
    p = g.position
    q = p.copy()
    assert q.ground is p.ground and q.index is p.index and q.tables is p.tables
    assert q.state is not p.state and q.rng is not p.rng and q.events is not p.events
    assert q.state.to_dict(q.index.ids) == p.state.to_dict(p.index.ids)
    u = next(iter(q.units_of(RED)))
    q.place(q.state.units[u.id], None)
    assert u.id in p.state.pos and p.state.units[u.id].hex is not None


# --- chance as data -------------------------------------------------------------------------------------


def test_a_combat_chance_lists_the_crt_column_with_its_probabilities():
    g = Game(scenario(open_board(), [unit("r", RED, "tank", "0503"), unit("b", BLUE, "inf", "0403")]), seed=1,
             umpire=True)
    to_phase(g, "combat", RED)
    g.submit(RED, [Attack("0403", ("r",))])
    c = g.pending.chance
    a = g.pending.assessment
    got = dict(c.outcomes())
    assert sum(got.values()) == 1
    assert c.faces == tuple(T.crt[d][a.column] for d in range(1, 7))
    assert {k: float(v) for k, v in got.items()} == pytest.approx(a.probabilities)
    assert (g.pending.roll, g.pending.result) in [(d, c.faces[d - 1]) for d in range(1, 7)]


def test_air_and_sead_chances_follow_their_tables():
    g = Game(scenario(open_board(10, 6, 5), [unit("s", RED, "sam", "0903"), unit("r", RED, "tank", "0703")],
                      air=(10, 4, 24, 8)), seed=3)
    t = g.index.idx[H("0703")]
    strength = air.ad_strength(g.position, BLUE, t)
    c = air.loss_chance(g.position, BLUE, "interdiction", t, 12)
    assert c.faces == tuple(str(air.lost_on(g.position, d, 12, strength)) for d in range(1, 7))
    assert sum(p for _, p in c.outcomes()) == 1
    s = air.sead_chance(g.position, AirMission("sead", "0903", 12), 12)
    bonus = min(T.sead["max_bonus"], 12 // T.sead["sorties_per_bonus"])
    for die, face in enumerate(s.faces, 1):
        total = die + bonus
        assert face == ("S1" if total >= T.sead["destroy_on"] else "S" if total >= T.sead["suppress_on"] else "NE")
    assert sum(p for _, p in s.outcomes()) == 1


def test_a_demolition_comes_down_on_its_number_or_better():
    river = [("0301/0401", "major"), ("0302/0402", "major"), ("0303/0403", "major")]
    b = board(["." * 8] * 3, ["EEEEERRR"] * 3, rivers=river, roads=["0102 0202 0302 0402 0502 0602"])
    g = Game(scenario(b, [unit("b", BLUE, "inf", "0302"), unit("r", RED, "tank", "0702")]), seed=4, umpire=True)
    to_phase(g, "movement", BLUE)
    g.submit(BLUE, [Demolish("b", "0402")])
    c = g.pending.chance
    need = T.demolish_on
    assert dict(c.outcomes())[c.choices[0]] == Fraction(7 - need, 6)
    assert sum(p for _, p in c.outcomes()) == 1


def test_a_chance_draws_one_die_from_the_stream():
    g = Game(scenario(open_board(), [unit("r", RED, "tank", "0503"), unit("b", BLUE, "inf", "0403")]), seed=1,
             umpire=True)
    to_phase(g, "combat", RED)
    g.submit(RED, [Attack("0403", ("r",))])
    c = g.pending.chance
    a, b = random.Random(8), random.Random(8)
    for _ in range(50):
        die, result = c.sample(a)
        assert die == b.randint(1, 6) and result == c.faces[die - 1]


# --- the rules never see Game ---------------------------------------------------------------------------


def test_no_rules_module_imports_or_names_game():
    """docs/architecture.md: the rules are functions of a Position; `Game` sits on top of them."""
    rules = Path(__file__).resolve().parents[2] / "wargame" / "rules"
    above = {"wargame.game", "wargame.records"}
    found = []
    for path in sorted(rules.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            where = f"{path.name}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.ImportFrom):
                names = {f"{node.module}.{a.name}" for a in node.names} | {str(node.module)}
                if names & above:
                    found.append(f"{where} imports {node.module}")
            elif isinstance(node, ast.Import) and {a.name for a in node.names} & above:
                found.append(f"{where} imports the game")
            elif isinstance(node, ast.Name) and node.id == "Game":
                found.append(f"{where} names Game")  # an annotation, a cast, a call
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith("Game"):
                found.append(f"{where} annotates with {node.value!r}")  # cast("Game", ...), "Game | None"
    assert found == []


def test_every_outcome_of_a_pending_chance_can_be_tried_on_its_own_copy():
    """A chance node for search: one copy per result, each settled with it, none touching the others."""
    g = two_attacks()
    p = g.position
    before = p.state.to_dict(p.index.ids)
    chance = p.pending
    tried = {}
    for result, _ in chance.outcomes():
        q = p.copy()
        q.settle((chance.faces.index(result) + 1, result))
        tried[result] = [e.result for e in q.events if e.kind == "combat"][-1]
    assert tried == {r: r for r in tried} and len(tried) == len(set(chance.faces))
    assert p.pending is chance and p.state.to_dict(p.index.ids) == before
