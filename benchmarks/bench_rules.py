"""Adjudication speed on incursion-2016 (issue #5 targets, one core):
  - a full turn with every unit given orders: median < 10 ms;
  - a unit's reachable hexes: median < 0.3 ms;
  - a whole 20-turn game's adjudication (bots' thinking excluded): < 0.2 s.

    python benchmarks/bench_rules.py [GAMES]

Prints figures; it is not a test. The game is played to its full 20 turns (the early end when Red
holds both capitals is switched off here) so that every turn of the clock is measured. Orders are
worked out before each phase is committed and only `Game.submit` is timed.
"""

from __future__ import annotations

import dataclasses
import random
import statistics
import sys
import time

from wargame.bots.driver import play_game
from wargame.data.scenario import load_scenario
from wargame.game import Accept, Game
from wargame.hexgrid import distance
from wargame.model.units import Side
from wargame.orders import AirMission, Attack, Move, from_dict


def full_length(sc):
    """The scenario with its tables' early end switched off: games last all their turns."""
    return dataclasses.replace(sc, tables=dataclasses.replace(sc.tables, end_when_red_holds_measure=False))


def every_unit_orders(game: Game, rng: random.Random) -> list:
    """Orders for every unit that can take one this phase (legal, checked by staging)."""
    side = game.active_side
    out = []
    if game.phase == "movement":
        for u in sorted(game.units_of(side), key=lambda u: u.id):
            reach = sorted(game.reachable(u.id), key=game.hid)
            rng.shuffle(reach)
            for h in reach[:4]:
                o = Move(u.id, tuple(game.hid(x) for x in game.path(u.id, h)))
                if game.stage(side, o) is None:
                    out.append(o)
                    break
    elif game.phase == "combat":
        used, fired = set(), set()
        sorties = game.sorties[side]
        mine = list(game.units_of(side))
        for e in sorted({u.hex for u in game.units_of(side.other)}):
            atk = tuple(u.id for u in mine if u.attack > 0 and u.id not in used and distance(u.hex, e) == 1)
            if not atk:
                continue
            sup = tuple(u.id for u in mine if u.type.support > 0 and u.id not in fired
                        and distance(u.hex, e) <= u.type.range)[: game.tables.max_support_units]
            cas = 4 if sorties >= 4 else 0
            o = Attack(game.hid(e), atk, sup, cas)
            if game.stage(side, o) is None:
                out.append(o)
                used.update(atk)
                fired.update(sup)
                sorties -= cas
    else:
        enemy = sorted(u.hex for u in game.units_of(side.other))
        sams = sorted(u.hex for u in game.units_of(side.other) if u.type.ad_strength > 0)
        pool = game.sorties[side]
        plan = [
            ("counter_air", enemy[0]),
            ("sead", sams[0] if sams else enemy[0]),
            ("interdiction", enemy[len(enemy) // 2]),
            ("recon", enemy[-1]),
            ("cover", sorted(u.hex for u in game.units_of(side))[0]),
        ]
        for kind, h in plan:
            n = min(8, pool // 4)
            if n >= 1:
                o = AirMission(kind, game.hid(h), n)
                if game.stage(side, o) is None:
                    out.append(o)
                    pool -= n
    game.clear_staged()
    return out


def main() -> None:
    games = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    sc = full_length(load_scenario("incursion-2016"))
    Game(sc, seed=0)  # build the per-board index once (shared by every game on the board)

    # 1. full turns, every unit given orders
    turn_times: list[float] = []
    orders_n = 0
    for seed in range(games):
        g = Game(sc, seed=seed)
        rng = random.Random(seed)
        while not g.over:
            turn, spent = g.turn, 0.0
            while not g.over and g.turn == turn:
                orders = every_unit_orders(g, rng)
                orders_n += len(orders)
                t0 = time.perf_counter()
                g.submit(g.active_side, orders)
                spent += time.perf_counter() - t0
            turn_times.append(spent)

    # 2. reachable hexes of every unit, in both sides' movement phases of turns 1-4
    reach: list[float] = []
    g = Game(sc, seed=1)
    rng = random.Random(1)
    while g.turn <= 4 and not g.over:
        if g.phase == "movement":
            for u in list(g.units_of(g.active_side)):
                for _ in range(5):
                    g.position.cache.pop("reach", None)  # time the search itself, not the per-phase cache
                    t0 = time.perf_counter()
                    g.reachable(u.id)
                    reach.append(time.perf_counter() - t0)
        g.submit(g.active_side, every_unit_orders(g, rng))

    # 3. whole 20-turn games with the operational bots' orders, adjudication only
    records = [play_game(sc, seed).game.to_record() for seed in range(games)]
    game_times, turns = [], []
    for rec in records:
        g = Game(sc, seed=rec["seed"])
        t0 = time.perf_counter()
        for entry in rec["log"]:
            g.submit(Side(entry["side"]), [from_dict(d) for d in entry["orders"]])
            while g.pending is not None:
                g.decide(Accept())
        game_times.append(time.perf_counter() - t0)
        turns.append(g.turn)

    # 4. the questions bots and the TUI ask
    g = Game(sc, seed=2)
    g.submit(Side.RED, [])
    g.submit(Side.BLUE, [])
    red = sorted(g.units_of(Side.RED), key=lambda u: u.id)
    t0 = time.perf_counter()
    for _ in range(20):
        g.view(Side.BLUE)
    view_ms = (time.perf_counter() - t0) / 20 * 1000
    t0 = time.perf_counter()
    n = 0
    for u in red:
        for h, _c in list(g.reachable(u.id).items())[:10]:
            g.legal(Side.RED, Move(u.id, tuple(g.hid(x) for x in g.path(u.id, h))))
            n += 1
    legal_ms = (time.perf_counter() - t0) / max(n, 1) * 1000

    ms = lambda xs: statistics.median(xs) * 1000  # noqa: E731
    p90 = lambda xs: sorted(xs)[int(len(xs) * 0.9)] * 1000  # noqa: E731
    print(f"incursion-2016: {len(sc.units)} units, {games} games of {sc.clock.length_turns} turns")
    print(
        f"full turn, every unit given orders: median {ms(turn_times):.2f} ms, p90 {p90(turn_times):.2f} ms, "
        f"max {max(turn_times) * 1000:.2f} ms over {len(turn_times)} turns, {orders_n / len(turn_times):.0f} orders a "
        "turn "
        f"(target < 10 ms median)"
    )
    print(
        f"reachable hexes of a unit: median {ms(reach):.3f} ms, p90 {p90(reach):.3f} ms over {len(reach)} calls "
        "(target < 0.3 ms)"
    )
    print(
        f"whole game, operational bots' orders: median {ms(game_times):.1f} ms, max {max(game_times) * 1000:.1f} ms "
        f"for {statistics.mean(turns):.0f} turns (target < 200 ms for 20 turns)"
    )
    print(f"a side's view: {view_ms:.2f} ms; legal(move) with its path: {legal_ms:.3f} ms")


if __name__ == "__main__":
    main()
