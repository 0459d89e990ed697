"""Save files: a versioned JSON envelope, written atomically, read with clear errors.

A save holds the game's record (scenario id, seed, options, the orders of every committed phase,
umpire decisions, and a state snapshot for speed; see `wargame.game`). Writing goes to a temporary
file in the same folder, flushed to disk, then renamed over the target: a crash mid-write leaves
the old save whole. A corrupt or wrong-version save is refused with a plain message and never
overwritten by the refusal.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

FORMAT = "baltic-wargame-save"
VERSION = 1


class SaveError(Exception):
    """A save file cannot be read or written; the message says why, for a player."""


def write_save(path: str | os.PathLike[str], record: dict[str, Any]) -> Path:
    path = Path(path)
    envelope = {"format": FORMAT, "version": VERSION, "game": record}
    try:
        text = json.dumps(envelope, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    except (TypeError, ValueError) as e:
        raise SaveError(f"cannot save: the game record is not serialisable ({e})") from e
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
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


def read_save(path: str | os.PathLike[str]) -> dict[str, Any]:
    """The game record inside a save file. Raises SaveError with a plain message."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SaveError(f"{path}: no such save file") from None
    except (OSError, UnicodeDecodeError) as e:
        raise SaveError(f"{path}: cannot read the save file ({e})") from None
    try:
        env = json.loads(text)
    except json.JSONDecodeError as e:
        raise SaveError(f"{path}:{e.lineno}:{e.colno}: not a save file, or a damaged one (invalid JSON: {e.msg})") from None
    if not isinstance(env, dict) or env.get("format") != FORMAT:
        raise SaveError(f"{path}: not a Baltic wargame save file (expected \"format\": \"{FORMAT}\")")
    version = env.get("version")
    if version != VERSION:
        newer = isinstance(version, int) and version > VERSION
        raise SaveError(
            f"{path}: save format version {version!r} is not supported (this program reads version {VERSION}"
            + ("; the save was written by a newer version of the game)" if newer else ")")
        )
    game = env.get("game")
    if not isinstance(game, dict):
        raise SaveError(f"{path}: the save file has no game record")
    return game


def scenario_of(record: dict[str, Any]) -> str:
    """The scenario a save was played on: its id in the data folder, or else the file it came from."""
    from wargame.data import paths

    sid = record.get("scenario")
    if not isinstance(sid, str):
        raise SaveError("the save names no scenario")
    if paths.resolve("scenarios", sid).exists() or not record.get("scenario_path"):
        return sid
    return str(record["scenario_path"])
