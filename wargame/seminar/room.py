"""The room's state beside the session save, for the other roles' processes: whether the White cell has
paused the game. Plain JSON, read defensively (it is data from another process)."""

from __future__ import annotations

import json
from pathlib import Path


def room_path(session: Path) -> Path:
    return session.with_name(session.name + ".room.json")


def write_paused(session: Path, paused: bool) -> None:
    tmp = room_path(session).with_suffix(".tmp")
    tmp.write_text(json.dumps({"paused": bool(paused)}), encoding="utf-8")
    tmp.replace(room_path(session))


def read_paused(session: Path) -> bool:
    try:
        text = room_path(session).read_text(encoding="utf-8")
        return len(text) < 200 and json.loads(text).get("paused") is True
    except (OSError, ValueError, AttributeError):
        return False


def branch_path(session: Path, turn: int, phases: int) -> Path:
    """Where a rewound branch is kept: beside the session, never pruned, never overwritten."""
    n = 1
    while True:
        p = session.with_name(f"{session.stem}-branch-T{turn:02d}-p{phases:03d}-{n}.save")
        if not p.exists():
            return p
        n += 1
