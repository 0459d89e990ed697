"""Records: a game as scenario + seed + options + committed orders + umpire rulings, with a snapshot.

`wargame.records.to_record(game)` is what a save holds (wargame.saves wraps it in its versioned envelope):

    {"record": 3, "scenario": "incursion-2016", "data_sha256": "...", "tables": "standard",
     "seed": 7, "umpire": false, "options": {...},
     "log": [{"turn": 1, "phase": "air", "side": "red", "orders": [...]}, ...],
     "decisions": [{"action": "replace", "result": "NE", "note": "..."}, ...],
     "n_events": 412, "events_sha256": "...", "pending": false,
     "snapshot": {"state": {...}, "rng": [...], "events": [...]}}

This module is the format: `check_record` checks a record field by field (a save is data from
anywhere) and `snapshot` writes a position's part of it. Writing a game's record and replaying one
are `wargame.records` (`to_record`, `from_record`, `replay`): they drive a `Game`, which the rules
never see. `from_record` re-runs the orders and refuses a record that does not reproduce its own
events and snapshot (a snapshot is never trusted as state: it is what the audit compares against);
`replay` re-runs the orders and rulings from the seed and reports every difference from the record.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wargame.rules.position import Position

RECORD_VERSION = 3
_HEX64 = re.compile(r"[0-9a-f]{64}")
_ID = re.compile(r"[a-z0-9][a-z0-9\-_]{0,63}")
_KEYS = {"record", "scenario", "data_sha256", "tables", "seed", "umpire", "options", "log", "decisions",
         "n_events", "events_sha256", "pending", "snapshot", "players", "crisis", "seminar"}
MAX_PHASES = 100_000
MAX_ORDERS = 10_000


class RecordError(ValueError):
    """A record field is missing or wrong; `str()` starts with the field's path."""


def _need(ok: bool, path: str, expected: str, value: Any = None) -> None:
    if not ok:
        got = type(value).__name__ if not isinstance(value, (int, float, str, bool, type(None))) else repr(value)
        raise RecordError(f"{path}: expected {expected}, got {got[:40]}")


def _int(v: Any, path: str, lo: int, hi: int) -> None:
    _need(type(v) is int and lo <= v <= hi, path, f"a whole number from {lo} to {hi}", v)


def _str(v: Any, path: str, max_len: int = 64, pattern: re.Pattern[str] | None = None, what: str = "text") -> None:
    _need(
        isinstance(v, str) and len(v) <= max_len and (pattern is None or pattern.fullmatch(v) is not None),
        path,
        what,
        v,
    )


def check_record(rec: Any) -> None:
    """Every field of a game record, strictly (types, ranges, known keys). RecordError naming the field.
    A record of another version is refused: the inner format is versioned like the envelope."""
    _need(isinstance(rec, dict), "(record)", "a mapping", rec)
    version = rec.get("record")
    if type(version) is not int or version != RECORD_VERSION:
        raise RecordError(
            f"record: record version {str(version)[:20]} is not supported (this program reads version "
            f"{RECORD_VERSION}"
            + (
                "; the save was written by an older version of the game)"
                if type(version) is int and version < RECORD_VERSION
                else ")"
            )
        )
    for k in rec:
        if k not in _KEYS:
            raise RecordError(
                f"{str(k)[:40]}: unknown key" + ("; a save never names a file" if "path" in str(k) else "")
            )
    for k in ("scenario", "seed", "log", "n_events", "events_sha256"):
        if k not in rec:
            raise RecordError(f"{k}: missing (a record names its scenario, seed, orders, event count and digest)")
    _str(rec["scenario"], "scenario", pattern=_ID, what="a scenario id (never a path)")
    if "data_sha256" in rec:
        _need(
            rec["data_sha256"] == ""
            or (isinstance(rec["data_sha256"], str) and _HEX64.fullmatch(rec["data_sha256"]) is not None),
            "data_sha256",
            "a sha256 in hex",
            rec["data_sha256"],
        )
    if "tables" in rec:
        _str(rec["tables"], "tables", pattern=_ID, what="a tables id")
    _int(rec["seed"], "seed", -(2**63), 2**63 - 1)
    for k in ("umpire", "pending"):
        if k in rec:
            _need(type(rec[k]) is bool, k, "true or false", rec[k])
    opts = rec.get("options", {})
    _need(
        isinstance(opts, dict) and set(opts) <= {"umpire"} and all(type(v) is bool for v in opts.values()),
        "options",
        'a mapping of known options ({"umpire": true/false})',
        opts,
    )
    _int(rec["n_events"], "n_events", 0, 10**9)
    _str(rec["events_sha256"], "events_sha256", pattern=_HEX64, what="a sha256 in hex")
    log = rec["log"]
    _need(isinstance(log, list) and len(log) <= MAX_PHASES, "log", f"a list of at most {MAX_PHASES} phases", log)
    for i, e in enumerate(log):
        p = f"log[{i}]"
        _need(
            isinstance(e, dict) and set(e) == {"turn", "phase", "side", "orders"},
            p,
            "a mapping of turn, phase, side and orders",
            e,
        )
        _int(e["turn"], p + ".turn", 1, 100_000)
        _str(e["phase"], p + ".phase", 32)
        _need(e["side"] in ("red", "blue"), p + ".side", "red or blue", e["side"])
        _need(
            isinstance(e["orders"], list) and len(e["orders"]) <= MAX_ORDERS,
            p + ".orders",
            f"a list of at most {MAX_ORDERS} orders",
            e["orders"],
        )
        for j, o in enumerate(e["orders"]):
            _need(
                isinstance(o, dict) and isinstance(o.get("kind"), str),
                f"{p}.orders[{j}]",
                "an order (a mapping with a kind)",
                o,
            )
    decisions = rec.get("decisions", [])
    _need(isinstance(decisions, list) and len(decisions) <= MAX_PHASES, "decisions", "a list", decisions)
    for i, d in enumerate(decisions):
        p = f"decisions[{i}]"
        _need(isinstance(d, dict) and set(d) <= {"action", "result", "note"}, p, "a mapping of action, result, note", d)
        _need(
            d.get("action") in ("accept", "reroll", "replace"),
            p + ".action",
            "accept, reroll or replace",
            d.get("action"),
        )
        _str(d.get("result", ""), p + ".result", 8)
        _str(d.get("note", ""), p + ".note", 2000)
    snap = rec.get("snapshot", {})
    _need(
        isinstance(snap, dict) and set(snap) <= {"state", "rng", "events"},
        "snapshot",
        "a mapping of state, rng, events",
        snap,
    )
    players = rec.get("players", {})
    _need(
        isinstance(players, dict) and set(players) <= {"red", "blue"}, "players", "a mapping of red and blue", players
    )
    for side, name in players.items():
        _str(name, f"players.{side}", 200, what="a player name")
    if "crisis" in rec:  # the crisis before H-hour: an optional field with its own version (wargame.crisis.record)
        from wargame.crisis.record import CrisisRecordError, check_crisis_record

        try:
            check_crisis_record(rec["crisis"])
        except CrisisRecordError as e:
            raise RecordError(str(e)) from None
    if "seminar" in rec:  # injects, notes and bookmarks: an optional, versioned field (wargame.seminar.record)
        from wargame.seminar.record import SeminarRecordError, check_seminar

        try:
            check_seminar(rec["seminar"], len(log))
        except SeminarRecordError as e:
            raise RecordError(str(e)) from None


def snapshot(game: Position, events: bool = True) -> dict[str, Any]:
    """The whole state, JSON-ready (and the event log, unless `events` is false)."""
    v, internal, gauss = game.rng.getstate()
    out: dict[str, Any] = {"state": game.state.to_dict(game.index.ids), "rng": [v, list(internal), gauss]}
    if events:
        out["events"] = [e.to_dict() for e in game.events]
    return out
