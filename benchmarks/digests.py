"""Event digests of seeded bot games: the yardstick for refactors that must not change play.

    python benchmarks/digests.py                # print name, digests, one line a game
    python benchmarks/digests.py --write FILE   # write them to FILE
    python benchmarks/digests.py --check FILE   # compare with FILE; exit 1 on any difference

Each line holds the event digest (`Game.events_digest()`), a digest of the game record as JSON
(what a save holds; saves must stay byte-compatible) and a digest of the result. The games:
operational v operational, seeds 0-4, on every scenario; a random-bot game; an umpired game with
some re-rolls and a replacement; a search-bot game; a replay of a record; a clone played on.
Digests depend on the rules model too: write a fresh file after any intended change to play.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterator

from wargame.bots.base import Oracle
from wargame.bots.driver import make_bot, play_game
from wargame.data.scenario import load_scenario
from wargame.game import Accept, Game, Reroll
from wargame.model.units import Side

SCENARIOS = ("incursion-2016", "incursion-2016-seven-brigades", "incursion-2025", "suwalki-corridor")


def _sha(obj: object) -> str:
    return hashlib.sha256(json.dumps(obj, sort_keys=True, default=str).encode()).hexdigest()[:16]


def _line(name: str, game: Game) -> str:
    res = game.result
    result = res.to_dict() if hasattr(res, "to_dict") else res
    return f"{name} events={game.events_digest()[:16]} record={_sha(game.to_record())} result={_sha(result)}"


def _umpired(sc_id: str, seed: int) -> Game:
    """Operational bots under an umpire who re-rolls every third proposal."""
    sc = load_scenario(sc_id)
    game = Game(sc, seed=seed, umpire=True)
    bots = {s: make_bot("operational", s, seed) for s in (Side.RED, Side.BLUE)}
    n = 0
    while not game.over:
        side = game.active_side
        game.submit(side, bots[side].orders(game.view(side), Oracle(game, side)))
        while game.pending is not None:
            n += 1
            game.decide(Reroll("digest check") if n % 3 == 0 else Accept())
    return game


def games() -> Iterator[tuple[str, Game]]:
    for sc_id in SCENARIOS:
        sc = load_scenario(sc_id)
        for seed in range(5):
            yield f"{sc_id}/op-op/{seed}", play_game(sc, seed).game
    sc = load_scenario("incursion-2016")
    yield "incursion-2016/random-op/3", play_game(sc, 3, red="random", blue="operational").game
    yield "incursion-2016/op-random/4", play_game(sc, 4, red="operational", blue="random").game
    yield "incursion-2016/passive-op/1", play_game(sc, 1, red="passive", blue="operational").game
    umpired = _umpired("incursion-2016", 2)
    yield "incursion-2016/umpire-reroll/2", umpired
    yield "incursion-2016/umpire-replayed/2", Game.from_record(json.loads(json.dumps(umpired.to_record())), sc)
    yield "incursion-2016/op-search/0", play_game(sc, 0, blue="search").game
    half = Game(sc, seed=6)
    bots = {s: make_bot("operational", s, 6) for s in (Side.RED, Side.BLUE)}
    while not half.over and half.state.turn < 4:
        side = half.active_side
        half.submit(side, bots[side].orders(half.view(side), Oracle(half, side)))
    copy = half.clone()
    while not copy.over:
        side = copy.active_side
        copy.submit(side, bots[side].orders(copy.view(side), Oracle(copy, side)))
    yield "incursion-2016/clone-at-turn-4/6", copy


def main(argv: list[str]) -> int:
    lines = []
    for name, game in games():
        lines.append(_line(name, game))
        print(lines[-1], flush=True)
    text = "\n".join(lines) + "\n"
    if len(argv) == 2 and argv[0] == "--write":
        with open(argv[1], "w") as f:
            f.write(text)
        return 0
    if len(argv) == 2 and argv[0] == "--check":
        with open(argv[1]) as f:
            want = f.read().splitlines()
        diff = [f"- {a}\n+ {b}" for a, b in zip(want, lines) if a != b]
        if len(want) != len(lines):
            diff.append(f"{len(want)} games in {argv[1]}, {len(lines)} played")
        print("\n".join(diff) if diff else f"all {len(lines)} digests match {argv[1]}")
        return 1 if diff else 0
    if argv:
        print("usage: digests.py [--write FILE | --check FILE]", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
