"""Save files: a versioned JSON envelope, written atomically, read strictly as data.

A save holds the game's record (scenario id and the hash of the data it used, seed, options, the
orders of every committed phase, umpire decisions, and a snapshot; see `wargame.rules.record`).
Writing goes to a temporary file in the same folder, flushed to disk, then renamed over the target:
a crash mid-write leaves the old save whole, and the next read or write removes the temporary files
such crashes leave. A save is data, never code: it names its scenario by id (never a path) and its
players by built-in name only; every field is checked before anything uses it, and a refusal says
where (file, line:column for JSON syntax, the field path for content).
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import time
from pathlib import Path
from typing import Any

from wargame.data.readfile import SAVE_LIMIT, ReadError, read_text

FORMAT = "baltic-wargame-save"
VERSION = 1
MAX_DEPTH = 64          # a record nests 6 levels; deeper is damage or an attack
MAX_INT_DIGITS = 20     # seeds and counts fit in 64 bits
STALE_SECONDS = 600     # a temp file this old is from a crash, on systems without file locks

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


class SaveError(Exception):
    """A save file cannot be read or written; the message says why and where, for a player."""


def write_save(path: str | os.PathLike[str], record: dict[str, Any]) -> Path:
    path = Path(path)
    envelope = {"format": FORMAT, "version": VERSION, "game": record}
    try:
        text = json.dumps(envelope, ensure_ascii=False, separators=(",", ":"), sort_keys=False, allow_nan=False)
    except (TypeError, ValueError) as e:
        raise SaveError(f"cannot save: the game record is not serialisable ({e})") from e
    path.parent.mkdir(parents=True, exist_ok=True)
    clean_temp_files(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)  # held while writing: a cleaner never removes a live temp file
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
            os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return path


def clean_temp_files(path: str | os.PathLike[str]) -> list[Path]:
    """Remove the temporary files that writes of `path` left when the process was killed mid-write.
    A temp file some other process is writing now is locked, and left alone. Returns what it removed."""
    path = Path(path)
    removed: list[Path] = []
    try:
        candidates = list(path.parent.glob(f".{glob_escape(path.name)}.*.tmp"))
    except OSError:
        return removed
    for tmp in candidates:
        try:
            fd = os.open(tmp, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        except OSError:
            continue
        try:
            if fcntl is not None:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except OSError:
                    continue  # being written right now
            elif time.time() - os.fstat(fd).st_mtime < STALE_SECONDS:
                continue
            tmp.unlink()
            removed.append(tmp)
        except OSError:
            pass
        finally:
            os.close(fd)
    return removed


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def read_save(path: str | os.PathLike[str]) -> dict[str, Any]:
    """The checked game record inside a save file. Raises SaveError with a located message."""
    from wargame.rules.record import RecordError, check_record

    path = Path(path)
    where = _display(path)
    try:
        text = read_text(path, SAVE_LIMIT)
    except ReadError as e:
        if e.message == "file not found":
            raise SaveError(f"{where}: no such save file") from None
        raise SaveError(
            f"{where}{f':{e.line}:{e.column}' if e.line else ''}: cannot read the save file: {e.message}"
        ) from None
    clean_temp_files(path)
    env = parse_json(text, where)
    if not isinstance(env, dict) or env.get("format") != FORMAT:
        raise SaveError(f'{where}: format: not a Baltic wargame save file (expected "format": "{FORMAT}")')
    version = env.get("version")
    if type(version) is not int or version != VERSION:
        newer = type(version) is int and version > VERSION
        raise SaveError(
            f"{where}: version: save format version {_short(version)} is not supported (this program reads version "
            f"{VERSION}"
            + ("; the save was written by a newer version of the game)" if newer else ")")
        )
    extra = set(env) - {"format", "version", "game"}
    if extra:
        raise SaveError(
            f"{where}: {sorted(extra)[0][:40]}: unknown key in the save envelope (expected format, version, game)"
        )
    game = env.get("game")
    if not isinstance(game, dict):
        raise SaveError(f"{where}: game: the save file has no game record")
    try:
        check_record(game)
    except RecordError as e:
        raise SaveError(f"{where}: game.{e}") from None
    return game


def parse_json(text: str, where: str) -> Any:
    """JSON as plain data: no NaN or Infinity, no duplicate keys, no huge numbers, bounded nesting."""

    def constant(name: str) -> Any:
        raise _Refused(f"{name} is not a number a save may hold", name)

    def integer(s: str) -> int:
        if len(s.lstrip("-")) > MAX_INT_DIGITS:
            raise _Refused(f"a whole number of {len(s)} digits is too big", s)
        return int(s)

    def real(s: str) -> float:
        v = float(s)
        if v != v or v in (float("inf"), float("-inf")):
            raise _Refused(f"{s[:20]} is not a finite number", s)
        return v

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        d: dict[str, Any] = {}
        for k, v in items:
            if k in d:
                raise _Refused(f"duplicate key {k[:40]!r}", json.dumps(k), 2)
            d[k] = v
        return d

    line, col = _too_deep(text)
    if line:
        raise SaveError(
            f"{where}:{line}:{col}: not a save file, or a damaged one (nested more than {MAX_DEPTH} levels deep)"
        )
    try:
        return json.loads(text, parse_constant=constant, parse_int=integer, parse_float=real, object_pairs_hook=pairs)
    except json.JSONDecodeError as e:
        raise SaveError(
            f"{where}:{e.lineno}:{e.colno}: not a save file, or a damaged one (invalid JSON: {e.msg})"
        ) from None
    except _Refused as e:
        # the decoder does not say where a hook refused: find the first place the text says it
        line, col = _find(text, e.needle, e.nth)
        raise SaveError(f"{where}:{line}:{col}: not a save file, or a damaged one ({e})") from None
    except (RecursionError, ValueError) as e:
        raise SaveError(f"{where}:1:1: not a save file, or a damaged one ({str(e)[:80]})") from None


class _Refused(ValueError):
    """A value the JSON hooks refuse; `needle` is its text, to find where it stands (the `nth` time)."""

    def __init__(self, message: str, needle: str, nth: int = 1):
        super().__init__(message)
        self.needle, self.nth = needle, nth


def _find(text: str, needle: str, nth: int = 1) -> tuple[int, int]:
    i = -1
    for _ in range(nth):
        i = text.find(needle, i + 1)
        if i < 0:
            break
    if i < 0:
        m = re.search(r"NaN|-?Infinity|\d{" + str(MAX_INT_DIGITS + 1) + r",}|\d[eE]\d{3,}", text)
        i = m.start() if m else 0
    return text.count("\n", 0, i) + 1, i - (text.rfind("\n", 0, i) + 1) + 1


def _too_deep(text: str) -> tuple[int, int]:
    """(line, column) where [ and { nesting first passes MAX_DEPTH outside strings, or (0, 0)."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return 0, 0
    depth = 0
    for m in re.finditer(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', text):
        t = m.group()
        if t in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                i = m.start()
                return text.count("\n", 0, i) + 1, i - (text.rfind("\n", 0, i) + 1) + 1
        elif t in "]}":
            depth -= 1
    return 0, 0


def _short(v: Any) -> str:
    r = repr(v) if isinstance(v, (int, float, str, bool, type(None))) else type(v).__name__
    return r if len(r) <= 40 else r[:37] + "..."


def _display(path: Path) -> str:
    s = str(path)
    return s if len(s) <= 120 else s[:60] + "..." + s[-40:]


def scenario_of(record: dict[str, Any], given: str | os.PathLike[str] | None = None) -> Path | str:
    """The scenario file a save was played on: the one the command line gives (`given`), else
    `<data>/scenarios/<id>.yaml` by the id the checked record holds (a save never names a path).
    SaveError if the data folder has no such scenario."""
    from wargame.data import paths

    if given:
        return Path(given) if isinstance(given, os.PathLike) else given
    sid = record.get("scenario")
    if not isinstance(sid, str) or not re.fullmatch(r"[a-z0-9][a-z0-9\-_]{0,63}", sid):
        raise SaveError("game.scenario: the save names no scenario id")
    p = paths.data_dir("scenarios") / f"{sid}.yaml"
    if not p.is_file():
        raise SaveError(
            f"game.scenario: scenario {sid!r} is not in the data folder ({paths.data_dir('scenarios')}); "
            "give its file with --scenario"
        )
    return p


def data_matches(record: dict[str, Any], scenario: Any) -> str | None:
    """None if the scenario's data are those the save was played on, else the difference in words."""
    want, have = record.get("data_sha256") or "", getattr(scenario, "data_sha256", "") or ""
    if record.get("scenario") != scenario.id:
        return f"the save is of scenario {record.get('scenario')!r}, not {scenario.id!r}"
    if not want:
        return "the save does not record the hash of the data it was played on"
    if want != have:
        return (
            f"the scenario's data have changed since the game was played (data sha256 {have[:12]}, saved {want[:12]})"
        )
    return None


def players_of(record: dict[str, Any], overrides: dict[str, str | None] | None = None) -> dict[str, str]:
    """Who plays each side of a loaded game: the command line's choice where it gives one, else the
    save's, which may only be `human` or a built-in bot (a save never makes the game import code)."""
    from wargame.bots.base import BOTS

    saved = record.get("players") or {"red": "human", "blue": "operational"}
    out = {}
    for side in ("red", "blue"):
        name = (overrides or {}).get(side) or saved.get(side, "human")
        if (overrides or {}).get(side) is None and name not in BOTS and name != "human":
            raise SaveError(
                f"game.players.{side}: {_short(name)} is not human or a built-in bot "
                f"({', '.join(BOTS)}); a plug-in bot is given on the command line (--{side} package.module:Class)"
            )
        out[side] = name
    return out
