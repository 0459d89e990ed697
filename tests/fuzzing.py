"""A seeded mutator over every data-file kind and the save reader, shared by the suite's short fuzz
test (tests/test_hostile_fuzz.py) and the long run (benchmarks/fuzz.py).

Each case mutates one good file (the tiny fixture tree, the standard tables, or a save of a short
tiny game), then runs what a user runs on it in-process (`wargame validate`, `wargame replay`, the
TUI's load path, `Game.from_save`) and classifies the outcome:

    ok          accepted (the mutation left it valid)          exit 0
    refused     exit 2, every message placed (file:line:col, or file: field path)
    mismatch    replay ran and reported differences            exit 1 (saves only)
    unlocated   exit 2 but a message without a place
    traceback   anything escaped (or a wrong exit code)
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import random
import re
import shutil
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TINY = ROOT / "tests" / "fixtures" / "tiny"
KINDS = ("map", "unit-types", "oob", "scenario", "tables", "save")

HOSTILE = [
    "!!int abc",
    "!!python/object/apply:os.system ['echo hi']",
    "<<: {a: 1}",
    "&a [1, 2]",
    "*a",
    ".nan",
    "-.inf",
    ".inf",
    "1e308",
    "-1",
    "0",
    "10000000000000000000000000",
    "''",
    "[]",
    "{}",
    "null",
    "~",
    "yes",
    "0101",
    "'0000'",
    "'999999'",
    '"\\0"',
    "/dev/zero",
    "../../../../etc/passwd",
    "/etc/passwd",
    "'" + "x" * 300 + "'",
    "{a: {b: {c: [[[[1]]]]}}}",
    "!binary aGVsbG8=",
    "? complex key",
    "- item",
    "2016-01-01",
    "'a\\tb'",
    '"\\x01"',
    "[" * 80 + "]" * 80,
]
RAW = [
    b"\x00",
    b"\xff\xfe",
    b"\xc3\x28",
    b"\x1b[31m",
    b"\t",
    b"\r",
    b"\x7f",
    b"\xe2\x80\xae",
    b"---\n",
    b"...\n",
    b"%YAML 1.1\n",
]


def mutate_text(data: bytes, rng: random.Random) -> bytes:
    """One to three random edits of a YAML or JSON file's bytes."""
    for _ in range(rng.randint(1, 3)):
        lines = data.split(b"\n")
        i = rng.randrange(len(lines))
        op = rng.randrange(11)
        if op == 0 and len(lines) > 1:
            del lines[i]
        elif op == 1:
            lines.insert(i, lines[rng.randrange(len(lines))])
        elif op == 2:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op in (3, 4, 5):  # replace a value after a colon, or an item, with a hostile token
            line = lines[i].decode("utf-8", "replace")
            m = re.search(r"(:\s+|-\s+|\[|,\s*)([^,\]\}\n]*)", line)
            tok = rng.choice(HOSTILE)
            if m:
                line = line[: m.start(2)] + tok + line[m.end(2) :]
            else:
                line = line + ": " + tok
            lines[i] = line.encode()
        elif op == 6:
            pos = rng.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:pos] + rng.choice(RAW) + lines[i][pos:]
        elif op == 7:
            lines = lines[: i + 1]
        elif op == 8:
            lines[i] = b" " * rng.randint(1, 4) + lines[i]
        elif op == 9 and lines[i]:
            pos = rng.randrange(len(lines[i]))
            lines[i] = lines[i][:pos] + bytes([rng.randrange(32, 127)]) + lines[i][pos + 1 :]
        else:
            indent = re.match(rb"\s*", lines[i]).group()
            lines.insert(i, indent + rng.choice([b"extra: 1", b"id: x", b"hex: '0000'", b"turn: 100000", b"<<: *a"]))
        data = b"\n".join(lines)
    return data


def mutate_save(text: str, rng: random.Random) -> str:
    """A structural edit of a save's JSON (a value replaced, a key removed or added) or a text edit."""
    if rng.random() < 0.3:
        return mutate_text(text.encode(), rng).decode("utf-8", "replace")
    env = json.loads(text)
    for _ in range(rng.randint(1, 2)):
        parent, key = _random_slot(env, rng)
        r = rng.random()
        if r < 0.15 and isinstance(parent, dict) and len(parent) > 1:
            del parent[key]
        elif r < 0.25 and isinstance(parent, dict):
            parent[rng.choice(["scenario_path", "x", "players", "snapshot"])] = copy.deepcopy(rng.choice(_SAVE_VALUES))
        else:
            parent[key] = copy.deepcopy(rng.choice(_SAVE_VALUES))  # a copy: a later edit must not make a cycle
    out = json.dumps(env)
    return out.replace('"__NaN__"', "NaN").replace('"__Inf__"', "Infinity").replace('"__big__"', "9" * 5000)


_SAVE_VALUES: list[Any] = [
    None,
    True,
    1.0,
    -1,
    0,
    2**70,
    "__NaN__",
    "__Inf__",
    "__big__",
    "",
    "x" * 5000,
    "/dev/zero",
    "../../etc/passwd",
    "shutil:rmtree",
    "this:x",
    [],
    {},
    json.loads("[" * 100 + "]" * 100),
    {"kind": "move", "unit": "r1", "path": ["0101"]},
    {"kind": "air", "mission": "sead", "target": "0101", "sorties": 2.5},
    {"red": "os:system", "blue": "human"},
    "0" * 64,
    {"action": "replace", "result": "ZZ"},
    {"state": {}, "rng": [1, [], None], "events": []},
]


def _random_slot(root: Any, rng: random.Random) -> tuple[Any, Any]:
    parent, key = root, "game"
    node = root["game"] if isinstance(root, dict) and "game" in root and rng.random() < 0.9 else root
    if node is not root:
        parent, key = root, "game"
    for _ in range(rng.randint(1, 5)):
        if isinstance(node, dict) and node:
            k = rng.choice(list(node))
            parent, key, node = node, k, node[k]
        elif isinstance(node, list) and node:
            k = rng.randrange(len(node))
            parent, key, node = node, k, node[k]
        else:
            break
    if parent is root and key == "game" and isinstance(root, dict):
        key = rng.choice(list(root))
    return parent, key


# --- running a case ------------------------------------------------------------------------------

LOCATED_DATA = re.compile(r"^.+?:\d+:\d+: \S.*$")
LOCATED_SAVE = re.compile(r"^wargame: .+?(:\d+:\d+: |: (game\.)?[A-Za-z_][\w\[\].]*: )")


_PARSER: list[Any] = []


def _cli(args: list[str]) -> tuple[int, str]:
    """`wargame ARGS` in this process: (exit code, stderr). The module's consoles and parser are put
    back afterwards, so other tests in the same process see the CLI as it was."""
    from rich.console import Console

    import wargame.cli as cli

    saved = cli.err, cli.out, cli.build_parser
    if not _PARSER:
        _PARSER.append(saved[2]())
    err = io.StringIO()
    cli.err = Console(file=err, highlight=False, soft_wrap=True, width=10_000)
    cli.out = Console(file=io.StringIO(), highlight=False, soft_wrap=True)
    cli.build_parser = lambda: _PARSER[0]  # one parser for every case: 3x faster
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            try:
                rc = cli.main(args)
            except SystemExit as e:  # argparse
                rc = e.code if isinstance(e.code, int) else 1
    finally:
        cli.err, cli.out, cli.build_parser = saved
    return rc, err.getvalue()


def classify_data(rc: int, err: str) -> str:
    if rc == 0:
        return "ok"
    if rc != 2:
        return "traceback"
    lines = [x for x in err.splitlines() if x and not re.match(r"^\d+ of \d+ file\(s\) have problems$", x)]
    return "refused" if lines and all(LOCATED_DATA.match(x) for x in lines) else "unlocated"


class Harness:
    """A scratch copy of the tiny tree (with the standard tables) and a good save, in `work`."""

    def __init__(self, work: Path):
        self.work = work
        tree = work / "tree"
        if tree.exists():
            shutil.rmtree(tree)
        shutil.copytree(TINY, tree)
        (tree / "tables").mkdir()
        shutil.copy(ROOT / "tables" / "standard.yaml", tree / "tables" / "standard.yaml")
        self.tree = tree
        self.files = {
            "map": tree / "maps" / "tiny.yaml",
            "unit-types": tree / "orders_of_battle" / "unit_types.yaml",
            "oob": tree / "orders_of_battle" / "red.yaml",
            "scenario": tree / "scenarios" / "tiny.yaml",
            "tables": tree / "tables" / "standard.yaml",
        }
        self.good = {k: p.read_bytes() for k, p in self.files.items()}
        self.save_path = work / "case.save"
        self.good_save = self._make_save()

    def _make_save(self) -> str:
        from wargame.bots.driver import play_game
        from wargame.data.scenario import load_scenario

        self.scenario = load_scenario(self.files["scenario"])
        p = play_game(self.scenario, 5, "random", "random")
        p.game.to_save(self.save_path)
        return self.save_path.read_text()

    def case(self, kind: str, rng: random.Random) -> str:
        if kind == "save":
            return self._save_case(rng)
        path = self.files[kind]
        try:
            path.write_bytes(mutate_text(self.good[kind], rng))
            outcome = classify_data(*_cli(["validate", str(path)]))
            if outcome in ("ok", "refused") and kind != "scenario" and rng.random() < 0.25:
                cross = classify_data(*_cli(["validate", str(self.files["scenario"])]))  # the file in its scenario
                outcome = cross if cross in ("unlocated", "traceback") else outcome
            return outcome
        except Exception:  # noqa: BLE001 - the harness reports, it does not stop
            traceback.print_exc()
            return "traceback"
        finally:
            path.write_bytes(self.good[kind])

    def _save_case(self, rng: random.Random) -> str:
        from wargame.game import Game
        from wargame.saves import SaveError

        self.save_path.write_text(mutate_save(self.good_save, rng), encoding="utf-8")
        try:
            rc, err = _cli(["replay", str(self.save_path), "--scenario", str(self.files["scenario"])])
            lines = [x for x in err.splitlines() if x]
            if rc == 2:
                outcome = "refused" if lines and all(LOCATED_SAVE.match(x) for x in lines) else "unlocated"
            else:
                outcome = {0: "ok", 1: "mismatch"}.get(rc, "traceback")
            try:  # the other two doors a save comes in by
                Game.from_save(self.save_path, self.scenario)
            except (SaveError, ValueError):
                pass
            self._tui_path()
            return outcome
        except Exception:  # noqa: BLE001
            traceback.print_exc()
            return "traceback"

    def _tui_path(self) -> None:
        """What the TUI's load_game does, without the screen."""
        from wargame.data.schema import DataError
        from wargame.game import replay
        from wargame.saves import SaveError, players_of, read_save

        try:
            rec = read_save(self.save_path)
            players_of(rec)
            replay(rec, self.scenario)
        except (SaveError, DataError, ValueError, KeyError):
            pass


def run(
    kinds: tuple[str, ...], n: int, seed: int, work: Path, on_bad: Callable[[str, int, str], None] | None = None
) -> dict[str, Counter]:
    h = Harness(work)
    counts: dict[str, Counter] = {}
    for kind in kinds:
        c: Counter = Counter()
        for i in range(n):
            rng = random.Random(f"{seed}-{kind}-{i}")
            outcome = h.case(kind, rng)
            c[outcome] += 1
            if outcome in ("unlocated", "traceback") and on_bad is not None:
                on_bad(kind, i, outcome)
        counts[kind] = c
    return counts
