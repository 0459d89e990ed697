"""Each doctrine of the search bot played throughout a game, and Red's unopposed floor (docs/bots.md).

For every doctrine in `wargame.bots.search` it plays SEEDS games with that doctrine on its side and
the operational bot on the other, and prints the hours Red reached its aim; then the hour Red reaches
it with Blue's units taken off the board (the fastest the operational Red can go).

    python benchmarks/bench_doctrines.py [--seeds 10] [--first-seed 0] [--workers 2] [--side red|blue]
        [--red 'pin=2,patience=0' ...] [--blue 'line_offset=10' ...] [--only] [--opponent BOT] [SCENARIO ...]

--red/--blue add doctrines of your own (the `Doctrine` fields, comma-separated) to that side's set;
--only plays just those and the standard doctrine. --opponent sets the other side's bot (default
operational; e.g. passive: does a Red doctrine exploit a Blue that gives no orders?).
"""
from __future__ import annotations

import argparse
import statistics
from concurrent.futures import ProcessPoolExecutor

SCENARIOS = ("incursion-2016", "incursion-2016-seven-brigades", "suwalki-corridor")


def aim(game):
    from wargame.rules.victory import aim_hour

    h = aim_hour(game)
    return 999 if h is None else h


def one(job):
    sid, seed, side, d, opponent = job
    from wargame.bots.driver import bot_seed, play_game
    from wargame.bots.operational import OperationalBot
    from wargame.data.scenario import load_scenario
    from wargame.model.units import Side

    s = Side(side)
    bot = OperationalBot(s, bot_seed(seed, s), d)
    g = play_game(load_scenario(sid), seed, bot if s is Side.RED else opponent,
                  bot if s is Side.BLUE else opponent).game
    return sid, side, d.name, seed, aim(g), g.losses[Side.RED], g.losses[Side.BLUE]


def doctrine(spec: str):
    """`pin=2,patience=1` -> Doctrine(name="pin=2,patience=1", pin=2, patience=1)."""
    import dataclasses

    from wargame.bots.operational import Doctrine

    kinds = {f.name: f.type for f in dataclasses.fields(Doctrine)}
    kw: dict = {}
    for part in filter(None, spec.split(",")):
        key, _, value = part.partition("=")
        key = key.strip()
        if key not in kinds or key == "name":
            raise SystemExit(
                f"--red/--blue {spec!r}: {key!r} is not a Doctrine field ({', '.join(k for k in kinds if k != 'name')})"
            )
        kind = str(kinds[key])
        if "bool" in kind:
            kw[key] = value.strip().lower() in ("1", "true", "yes")
        elif "int" in kind and "str" not in kind:
            kw[key] = int(value)
        elif "float" in kind:
            kw[key] = float(value)
        elif key == "goals":
            kw[key] = tuple(value.split("+"))
        else:
            kw[key] = value.strip()
    return Doctrine(spec, **kw)


def unopposed(sid: str):
    from wargame.bots.base import Oracle
    from wargame.bots.operational import OperationalBot
    from wargame.data.scenario import load_scenario
    from wargame.game import Game
    from wargame.model.units import Side
    from wargame.rules.victory import aim_hour

    sc = load_scenario(sid)
    g = Game(sc, seed=1)
    for u in list(g.units.values()):
        if u.side is Side.BLUE and u.hex is not None:
            g.place(u, None)
    for uid in [i for i in g.arrival if g.units[i].side is Side.BLUE]:
        del g.arrival[uid]
    bots = {s: OperationalBot(s, 1) for s in Side}
    while not g.over and aim_hour(g) is None:
        s = g.active_side
        g.submit(s, bots[s].orders(g.view(s), Oracle(g, s)))
    return aim_hour(g)


def main() -> None:
    from wargame.bots.search import BLUE_DOCTRINES, RED_DOCTRINES

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("scenarios", nargs="*", default=list(SCENARIOS))
    ap.add_argument("--seeds", type=int, default=10)
    ap.add_argument("--first-seed", type=int, default=0)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--side", choices=("red", "blue"), help="only this side's doctrines")
    ap.add_argument(
        "--red", action="append", default=[], metavar="SPEC", help="another Red doctrine, e.g. pin=2,patience=0"
    )
    ap.add_argument("--blue", action="append", default=[], metavar="SPEC", help="another Blue doctrine")
    ap.add_argument("--only", action="store_true", help="only the standard doctrine and those of --red/--blue")
    ap.add_argument("--opponent", default="operational", help="the other side's bot (default: operational)")
    a = ap.parse_args()
    red, blue = (RED_DOCTRINES[:1], BLUE_DOCTRINES[:1]) if a.only else (RED_DOCTRINES, BLUE_DOCTRINES)
    sets = {"red": red + tuple(map(doctrine, a.red)), "blue": blue + tuple(map(doctrine, a.blue))}
    if a.side:
        sets = {a.side: sets[a.side]}
    jobs = [
        (sid, seed, side, d, a.opponent)
        for sid in a.scenarios
        for side in sets
        for d in sets[side]
        for seed in range(a.first_seed, a.first_seed + a.seeds)
    ]
    with ProcessPoolExecutor(a.workers) as ex:
        rows = list(ex.map(one, jobs))
    for sid in a.scenarios:
        floor = unopposed(sid)
        print(f"\n{sid} (against the {a.opponent} bot): Red's aim reached with Blue off the board at H+{floor}")
        for side in sets:
            for d in sets[side]:
                rs = [r for r in rows if r[0] == sid and r[1] == side and r[2] == d.name]
                reached = sum(1 for r in rs if r[4] != 999)
                mean = statistics.mean(r[4] for r in rs)
                print(
                    f"  {side:4} {d.name:22} reached {reached}/{len(rs)}, mean {mean:6.1f} h (999: not reached)  "
                    f"{[r[4] for r in rs]}  Red/Blue steps lost {statistics.mean(r[5] for r in rs):.1f}/"
                    f"{statistics.mean(r[6] for r in rs):.1f}"
                )


if __name__ == "__main__":
    main()
