"""A batch survives every bot fault: each faulty bot below is a plug-in a user could write."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from wargame.batch import run
from wargame.bots.driver import play_game
from wargame.data.scenario import load_scenario
from wargame.model.units import Side
from wargame.orders import AirMission, Move

TINY = str(Path(__file__).resolve().parents[1] / "fixtures" / "tiny" / "scenarios" / "tiny.yaml")
HERE = "tests.bots.test_faults"


class Base:
    name = "faulty"

    def __init__(self, side, seed):
        self.side = side

    def orders(self, view, oracle):
        return []


class Garbage(Base):
    def orders(self, view, oracle):
        return [object(), 42, None, "move", {"kind": "move", "unit": "r1"}, AirMission("sead", "0101", 2.5),
                AirMission("sead", "0101", float("nan")), Move(["r1"], 7), Move("r1", ("0101",) * 10_000)]


class NotAList(Base):
    def orders(self, view, oracle):
        return 12


class BadConstructor(Base):
    def __init__(self, side, seed):
        raise RuntimeError("no luck")


class ExitInConstructor(Base):
    def __init__(self, side, seed):
        sys.exit(3)


class Exits(Base):
    def orders(self, view, oracle):
        sys.exit(3)


class Dies(Base):
    def orders(self, view, oracle):
        os._exit(9)


class Sleeps(Base):
    def orders(self, view, oracle):
        time.sleep(3600)
        return []


class Spins(Base):
    def orders(self, view, oracle):
        try:
            while True:
                pass
        except Exception:  # a bot that swallows what it can: the game limit still ends it
            while True:
                pass


class Illegal(Base):
    def orders(self, view, oracle):
        return [Move("r1", to="0101"), Move("no-such-unit", to="0202")]


@pytest.fixture(scope="module")
def tiny():
    return load_scenario(TINY)


@pytest.mark.parametrize("bot,problem", [
    ("Garbage", "illegal order: not an order"), ("NotAList", "returned int"), ("Exits", "raised SystemExit"),
    ("Illegal", "illegal order"),
])
def test_faulty_orders_are_bot_problems_and_the_game_is_played_and_replays(tiny, bot, problem):
    import json

    from wargame.game import replay

    p = play_game(tiny, 3, f"{HERE}:{bot}", "random")
    assert p.game.over and any(problem in x.problem for x in p.problems), [x.problem for x in p.problems][:5]
    rec = json.loads(json.dumps(p.game.to_record(), allow_nan=False))
    assert replay(rec, tiny)[1] == []  # nothing a bot gave can break the game's replay


def test_a_hung_bot_is_stopped_at_its_order_time_limit(tiny):
    t0 = time.perf_counter()
    p = play_game(tiny, 3, f"{HERE}:Sleeps", "random", time_limit=0.05)
    assert p.game.over and time.perf_counter() - t0 < 30
    assert any("still thinking" in x.problem for x in p.problems)


def test_a_batch_survives_every_faulty_bot(tmp_path):
    res = run(TINY, 2, seed=1, red=f"{HERE}:Garbage", blue="random", workers=2, out=tmp_path / "g.csv")
    assert [r["game"] for r in res.rows] == [0, 1] and all(r["bot_problems"] > 0 for r in res.rows) and not res.failed
    for bot, why in (("BadConstructor", "could not be made: RuntimeError: no luck"),
                     ("ExitInConstructor", "could not be made: SystemExit"),
                     ("Dies", "worker playing it died"),
                     ("Spins", "time limit for a game")):
        t0 = time.perf_counter()
        res = run(TINY, 3, seed=1, red=f"{HERE}:{bot}", blue="random", workers=2, out=tmp_path / f"{bot}.csv",
                  order_seconds=None, game_seconds=1.0)
        assert time.perf_counter() - t0 < 60
        assert res.rows == [] and [r["game"] for r in res.failed] == [0, 1, 2], bot
        assert all(why in r["problem"] for r in res.failed), (bot, res.failed[0]["problem"])
        with open(tmp_path / f"{bot}.csv") as f:
            assert sorted(int(r["game"]) for r in csv.DictReader(f)) == [0, 1, 2]


def test_the_rows_do_not_depend_on_the_number_of_workers():
    one = run(TINY, 4, seed=5, red="random", blue=f"{HERE}:Illegal", workers=1)
    two = run(TINY, 4, seed=5, red="random", blue=f"{HERE}:Illegal", workers=3)
    strip = lambda rows: [{k: v for k, v in r.items() if k != "seconds"} for r in rows]  # noqa: E731
    assert strip(one.rows) == strip(two.rows) and all(r["bot_problems"] > 0 for r in one.rows)


@pytest.mark.parametrize("workers", [1, 2])
def test_ctrl_c_stops_promptly_keeps_finished_rows_and_exits_130(tmp_path, workers):
    """A real SIGINT to `wargame batch`: games 0 and 1 finish at once, the others sleep (hung)."""
    out = tmp_path / "rows.csv"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    proc = subprocess.Popen([sys.executable, "-m", "wargame", "batch", TINY, "--games", "6", "--workers", str(workers),
                             "--red", f"{HERE}:SleepsAfterTwo", "--blue", "random", "--quiet", "--out", str(out)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if out.exists() and len(out.read_text().splitlines()) >= 3:
            break
        time.sleep(0.1)
    time.sleep(0.3)
    t0 = time.monotonic()
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert time.monotonic() - t0 < 10 and "Traceback" not in err and "finished games kept" in err
    with open(out) as f:
        assert sorted(int(r["game"]) for r in csv.DictReader(f)) == [0, 1]


class SleepsAfterTwo(Base):
    """Plays games whose seed is one of the batch's first two quickly; hangs in the others."""

    def orders(self, view, oracle):
        from wargame.batch import game_seed
        from wargame.bots.driver import bot_seed

        if self.seed not in (bot_seed(game_seed(1, 0), Side.RED), bot_seed(game_seed(1, 1), Side.RED)):
            time.sleep(3600)
        return []

    def __init__(self, side, seed):
        self.seed = seed


class IllegalMove(Base):
    def orders(self, view, oracle):
        return [Move("no-such-unit", to="0202")] if view.phase == "movement" else []


def test_an_illegal_order_is_reported_in_the_phase_it_was_given(tiny):
    # the game has gone on to the next phase by the time the refusal is seen
    p = play_game(tiny, 3, f"{HERE}:IllegalMove", "random")
    refused = [x for x in p.problems if "illegal order" in x.problem]
    assert refused and {x.phase for x in refused} == {"movement"}
    assert [x.turn for x in refused] == list(range(1, len(refused) + 1))
