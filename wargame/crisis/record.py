"""The crisis in a game record: a versioned field `crisis` beside the war's own (wargame.rules.record).

    {"version": 1, "settings": {...}, "log": [{"day": 1, "phase": "signal", "side": "red",
     "order": {...}}, ...], "n_events": 40, "events_sha256": "...", "outcome": "invasion"}

With an umpire, `umpire: true` and `decisions` (the rulings on crisis rolls, in order) are added.
A record without the field is a game without a crisis (every older save). The settings are stored
because a study may have changed them; they are plain values, checked field by field like the rest
of a save (data from anywhere: nothing in them names a file or code). Replaying re-runs the orders
from the seed and must reproduce the recorded events exactly.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import fields
from typing import TYPE_CHECKING, Any

from wargame.crisis.state import order_from_dict
from wargame.crisis.tables import INTENTS, POSTURES, CrisisSettings
from wargame.rules.umpire import Decision

if TYPE_CHECKING:
    from wargame.crisis.engine import Crisis
    from wargame.model.scenario import Scenario

VERSION = 1
MAX_ENTRIES = 10_000
_HEX64 = re.compile(r"[0-9a-f]{64}")
_ID = re.compile(r"[a-z0-9][a-z0-9\-_]{0,63}")


class CrisisRecordError(ValueError):
    """A field of the crisis record is missing or wrong; the message starts with its path."""


def to_record(c: Crisis) -> dict[str, Any]:
    return {
        "version": VERSION,
        "settings": c.settings.to_dict(),
        "log": [dict(e) for e in c.log],
        "n_events": len(c.events),
        "events_sha256": c.events_digest(),
        "outcome": c.outcome,
        **({"umpire": True, "decisions": [dict(d) for d in c.decisions]} if c.umpire else {}),
    }


def _need(ok: bool, path: str, expected: str) -> None:
    if not ok:
        raise CrisisRecordError(f"crisis.{path}: expected {expected}")


def check_settings(d: Any) -> CrisisSettings:
    _need(isinstance(d, dict), "settings", "a mapping")
    known = {f.name: f for f in fields(CrisisSettings)}
    for k in d:
        _need(k in known, f"settings.{str(k)[:40]}", f"one of {', '.join(known)}")
    _need("days" in d, "settings.days", "the number of crisis days")
    ints = {"days": (1, 60), "start_tension": (0, 50), "red_resolve": (0, 50), "blue_resolve": (0, 50)}
    for k, (lo, hi) in ints.items():
        v = d.get(k, 0 if k != "days" else None)
        if k == "start_tension" and v is None:
            continue
        _need(type(v) is int and lo <= v <= hi, f"settings.{k}", f"a whole number from {lo} to {hi}")
    bias = d.get("perception_bias", 0.0)
    _need(type(bias) in (int, float) and -0.9 <= bias <= 5, "settings.perception_bias", "a number from -0.9 to 5")
    for k in ("cbms", "efp"):
        _need(type(d.get(k, True)) is bool, f"settings.{k}", "true or false")
    _need(
        isinstance(d.get("tables", "crisis"), str) and _ID.fullmatch(d.get("tables", "crisis")) is not None,
        "settings.tables",
        "a tables id (never a path)",
    )
    for k in ("efp_formation", "sf_type"):
        _need(isinstance(d.get(k, ""), str) and len(d.get(k, "")) <= 200, f"settings.{k}", "text")
    for k in ("baltic_nations", "infiltration", "limited_goals"):
        v = d.get(k, [])
        _need(
            isinstance(v, list) and len(v) <= 50 and all(isinstance(x, str) and len(x) <= 80 for x in v),
            f"settings.{k}",
            "a list of short names",
        )
    _need(d.get("red_intent", "coerce") in INTENTS, "settings.red_intent", " or ".join(INTENTS))
    _need(d.get("blue_posture", "firm") in POSTURES, "settings.blue_posture", " or ".join(POSTURES))
    return CrisisSettings.from_dict(dict(d))


def check_crisis_record(rec: Any) -> None:
    """Every field, strictly. CrisisRecordError naming the field."""
    _need(isinstance(rec, dict), "(crisis)", "a mapping")
    v = rec.get("version")
    if type(v) is not int or v != VERSION:
        raise CrisisRecordError(
            f"crisis.version: crisis record version {str(v)[:20]} is not supported (this program reads {VERSION})"
        )
    for k in rec:
        _need(
            k in {"version", "settings", "log", "n_events", "events_sha256", "outcome", "umpire", "decisions"},
            str(k)[:40],
            "no such key",
        )
    _need(type(rec.get("umpire", False)) is bool, "umpire", "true or false")
    decisions = rec.get("decisions", [])
    _need(isinstance(decisions, list) and len(decisions) <= MAX_ENTRIES, "decisions", "a list of umpire rulings")
    for i, d in enumerate(decisions):
        p = f"decisions[{i}]"
        _need(isinstance(d, dict) and set(d) <= {"action", "result", "note"}, p, "a mapping of action, result, note")
        _need(d.get("action") in ("accept", "reroll", "replace"), p + ".action", "accept, reroll or replace")
        _need(isinstance(d.get("result", ""), str) and len(d.get("result", "")) <= 16, p + ".result", "a result")
        _need(isinstance(d.get("note", ""), str) and len(d.get("note", "")) <= 2000, p + ".note", "a note")
    check_settings(rec.get("settings"))
    log = rec.get("log")
    _need(isinstance(log, list) and len(log) <= MAX_ENTRIES, "log", f"a list of at most {MAX_ENTRIES} phases")
    for i, e in enumerate(log):
        p = f"log[{i}]"
        _need(
            isinstance(e, dict) and set(e) == {"day", "phase", "side", "order"},
            p,
            "a mapping of day, phase, side, order",
        )
        _need(type(e["day"]) is int and 1 <= e["day"] <= 60, p + ".day", "a day from 1 to 60")
        _need(e["phase"] in ("signal", "respond", "act", "standoff"), p + ".phase", "a crisis phase")
        _need(e["side"] in ("red", "blue"), p + ".side", "red or blue")
        try:
            order_from_dict(e["order"])
        except ValueError as err:
            raise CrisisRecordError(f"crisis.{p}.order: {err}") from None
    _need(type(rec.get("n_events")) is int and 0 <= rec["n_events"] <= 10**7, "n_events", "a count of events")
    _need(
        isinstance(rec.get("events_sha256"), str) and _HEX64.fullmatch(rec["events_sha256"]) is not None,
        "events_sha256",
        "a sha256 in hex",
    )
    _need(
        rec.get("outcome") in (None, "deterrence", "coercion", "limited", "invasion", "inadvertent"),
        "outcome",
        "a crisis outcome or null",
    )


def replay_crisis(
    rec: dict[str, Any],
    scenario: Scenario,
    seed: int,
    unfinished: bool = False,
    watch: Callable[[Crisis, str], None] | None = None,
) -> tuple[Crisis, list[str]]:
    """Re-run a recorded crisis, orders and umpire rulings; returns it and the differences from the
    record (empty: identical). A crisis still in progress (a save made during it) is refused unless
    `unfinished`: the war's record needs a crisis that ended. `watch(crisis, side)` is called before
    each recorded phase is played, where a player would be asked for its order (the rulings due
    before it given): the crisis bots' warm-up (wargame.crisis.resume)."""
    from wargame.crisis.engine import Crisis

    check_crisis_record(rec)
    c = Crisis(scenario, seed, check_settings(rec["settings"]), umpire=bool(rec.get("umpire", False)))
    rulings = [Decision.from_dict(d) for d in rec.get("decisions", [])]

    def rule() -> None:
        while c.pending is not None and rulings:
            try:
                c.decide(rulings.pop(0))
            except ValueError as err:
                raise CrisisRecordError(f"crisis.decisions: {err}") from None

    for i, e in enumerate(rec["log"]):
        rule()
        if c.over or e["side"] != c.active_side or e["phase"] != c.phase:
            raise CrisisRecordError(
                f"crisis.log[{i}]: the record does not fit the crisis ({c.phase} of {c.active_side} now)"
            )
        if watch is not None:
            watch(c, e["side"])
        c.submit(e["side"], order_from_dict(e["order"]))
    rule()
    if not c.over and not unfinished:
        raise CrisisRecordError(
            "crisis: the crisis is still in progress (a save made during it): load it with `wargame play --load`"
        )
    problems = []
    if rulings:
        problems.append(f"{len(rulings)} umpire rulings of the crisis were never asked for")
    if len(c.events) != rec["n_events"] or c.events_digest() != rec["events_sha256"]:
        problems.append(f"the crisis events differ from the record ({len(c.events)} now, {rec['n_events']} recorded)")
    if c.outcome != rec["outcome"]:
        problems.append(f"the crisis outcome differs ({c.outcome} now, {rec['outcome']} recorded)")
    return c, problems
