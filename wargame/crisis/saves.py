"""Saves made during the crisis, before the war exists: a game record (wargame.rules.record) whose
war log is empty and whose `crisis` field holds a crisis still in progress (outcome null). It goes
through wargame.saves' strict envelope and checks like every save (ids, never paths; no code); a
program that only knows the war's records refuses it with a message (the crisis is not over), never
a wrong game.

    rec = crisis_save_record(crisis, {"red": "human", "blue": "operational"})
    write_save(path, rec)
    ...
    rec = read_save(path)
    if in_crisis(rec):
        crisis, problems = load_crisis(rec, scenario)   # re-run from the seed, orders and rulings
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from wargame.crisis.record import replay_crisis

if TYPE_CHECKING:
    from wargame.crisis.engine import Crisis
    from wargame.model.scenario import Scenario

_EMPTY = hashlib.sha256(b"").hexdigest()


def crisis_save_record(c: Crisis, players: dict[str, str] | None = None) -> dict[str, Any]:
    """The record of a crisis in progress (or just ended, before its war begins)."""
    from wargame.rules.record import RECORD_VERSION

    sc = c.scenario
    rec: dict[str, Any] = {
        "record": RECORD_VERSION,
        "scenario": sc.id,
        "data_sha256": getattr(sc, "data_sha256", "") or "",
        "seed": c.seed,
        "umpire": c.umpire,
        "options": {"umpire": c.umpire},
        "log": [],
        "decisions": [],
        "n_events": 0,
        "events_sha256": _EMPTY,
        "pending": c.pending is not None,
        "crisis": c.to_record(),
    }
    if sc.tables is not None:
        rec["tables"] = sc.tables.id
    if players:
        rec["players"] = dict(players)
    return rec


def in_crisis(rec: dict[str, Any]) -> bool:
    """True for a checked record saved before its war began (no war orders, a crisis not yet ended or
    ended without the war started)."""
    cr = rec.get("crisis")
    return isinstance(cr, dict) and (cr.get("outcome") is None or (not rec.get("log") and rec.get("n_events") == 0))


def load_crisis(rec: dict[str, Any], scenario: Scenario) -> tuple[Crisis, list[str]]:
    """The crisis of a record saved during it, re-run from its seed, orders and rulings."""
    return replay_crisis(rec["crisis"], scenario, rec["seed"], unfinished=True)


def crisis_day(rec: dict[str, Any]) -> int | None:
    """The crisis day a save was made on (for the load picker), from its last logged phase."""
    log = (rec.get("crisis") or {}).get("log") or []
    return log[-1]["day"] if log else 1
