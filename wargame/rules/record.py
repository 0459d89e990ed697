"""Records: a game as scenario + seed + options + committed orders + umpire rulings, with a snapshot.

`to_record(game)` is what a save holds (wargame.saves wraps it in its versioned envelope):

    {"record": 3, "scenario": "incursion-2016", "data_sha256": "...", "tables": "standard",
     "seed": 7, "umpire": false, "options": {...},
     "log": [{"turn": 1, "phase": "air", "side": "red", "orders": [...]}, ...],
     "decisions": [{"action": "replace", "result": "NE", "note": "..."}, ...],
     "n_events": 412, "events_sha256": "...", "pending": false,
     "snapshot": {"state": {...}, "rng": [...], "events": [...]}}

`from_record` re-runs the orders and refuses a record that does not reproduce its own events and
snapshot (a snapshot is never trusted as state: it is what the audit compares against); `replay`
re-runs the orders and rulings from the seed and reports every difference from the record. Both
first check the record field by field (`check_record`): a save is data from anywhere.
"""

from __future__ import annotations

import random
import re
from typing import TYPE_CHECKING, Any

from wargame.model.units import Side
from wargame.orders import from_dict
from wargame.rules.umpire import Decision

if TYPE_CHECKING:
    from wargame.game import Game
    from wargame.model.scenario import Scenario

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


def snapshot(game: Game, events: bool = True) -> dict[str, Any]:
    """The whole state, JSON-ready (and the event log, unless `events` is false)."""
    v, internal, gauss = game.rng.getstate()
    out: dict[str, Any] = {"state": game.state.to_dict(game.index.ids), "rng": [v, list(internal), gauss]}
    if events:
        out["events"] = [e.to_dict() for e in game.events]
    return out


def to_record(game: Game) -> dict[str, Any]:
    sc = game.scenario
    return {
        "record": RECORD_VERSION,
        "scenario": sc.id,
        "data_sha256": getattr(sc, "data_sha256", "") or "",
        "tables": game.tables.id,
        "seed": game.seed,
        "umpire": game.umpire,
        "options": {"umpire": game.umpire},
        "log": [dict(e) for e in game.log],
        "decisions": list(game.decisions),
        "n_events": len(game.events),
        "events_sha256": game.events_digest(),
        "pending": game.pending is not None,
        "snapshot": snapshot(game),
        **({"crisis": game.crisis.to_record()} if getattr(game, "crisis", None) is not None else {}),
        **_seminar(game),
    }


def _seminar(game: Game) -> dict[str, Any]:
    from wargame.seminar.record import section

    sec = section(game)
    return {"seminar": sec} if sec else {}


def from_record(record: dict[str, Any], scenario: Scenario) -> Game:
    """A game from its record, by re-running its orders and rulings. ValueError if the record does
    not fit the scenario or does not reproduce its own events and snapshot (damaged or tampered)."""
    game, problems = replay(record, scenario)
    if problems:
        raise ValueError("the game record does not reproduce itself: " + "; ".join(problems))
    return game


def clone(game: Game) -> Game:
    """See `Game.clone`."""
    from wargame.game import Game

    if game._proc is not None:
        return replay(to_record(game), game.scenario)[0]
    g = Game.__new__(Game)
    g.__dict__.update(game.__dict__)
    g.state = game.state.copy()
    g.events, g.log, g.decisions = list(game.events), [dict(e) for e in game.log], list(game.decisions)
    g._cache, g._changed, g._digest = {}, set(game._changed), game._digest.copy()
    g._plan = None
    if game._plan is not None:
        for o in game._plan.orders:
            g.stage(game._plan.side, o)
    g.rng = random.Random()
    g.rng.setstate(game.rng.getstate())
    return g


def _order(d: Any):
    try:
        return from_dict(d)
    except ValueError:
        return d  # the game refuses it again, with the same reason, as it did when it was played


def replay(record: dict[str, Any], scenario: Scenario) -> tuple[Game, list[str]]:
    """Re-run a recorded game from its seed, orders and rulings. Returns the game and the list of
    differences from the record (empty = identical events and final state)."""
    from wargame.game import Game
    from wargame.play import play_until
    from wargame.seminar.record import Injector

    check_record(record)
    crisis: Any = None
    problems: list[str] = []
    if "crisis" in record:  # the crisis first: the war is played on the scenario it hands over
        from wargame.crisis.record import replay_crisis

        try:
            crisis, problems = replay_crisis(record["crisis"], scenario, record["seed"])
        except ValueError as e:
            raise RecordError(f"crisis: the crisis cannot be replayed: {e}") from None
        scenario = crisis.war_scenario()
    where = "decisions"
    log = record["log"]
    at = {"entry": 0, "decision": 0}

    def recorded(game: Game, side: Side) -> list:
        """The next phase's orders from the record; the record must say they are this side's."""
        nonlocal where
        i = at["entry"]
        where = f"log[{i}]"
        if injector is not None:
            injector.due(i)  # the injects played before this phase
        entry = log[i]
        if Side(entry["side"]) is not side:
            game.submit(Side(entry["side"]), [])  # refused, with the game's own reason
        at["entry"] = i + 1
        return [_order(d) for d in entry["orders"]]

    def ruling(game: Game) -> Decision | None:
        di = at["decision"]
        if di >= len(decisions):
            return None  # the record stops at a proposal (or lacks a ruling: the next submit says so)
        at["decision"] = di + 1
        return decisions[di]

    try:
        game = Game(scenario, seed=record["seed"], umpire=bool(record.get("umpire", False)))
        game.crisis = crisis
        injector = Injector(game, record) if "seminar" in record else None
        decisions = [Decision.from_dict(d) for d in record.get("decisions", [])]
        play_until(game, {s: recorded for s in Side}, stop=lambda g: at["entry"] >= len(log), umpire=ruling)
        if at["entry"] < len(log):  # the game ended, or waits for a ruling, before the record does
            where = f"log[{at['entry']}]"
            if injector is not None:
                injector.due(at["entry"])
            entry = log[at["entry"]]
            game.submit(Side(entry["side"]), [_order(d) for d in entry["orders"]])
        where = "seminar"
        if injector is not None and game.pending is None and not game.over:
            injector.due(len(log))  # played after the last phase of the record
        where = "decisions"
        di = at["decision"]
    except (KeyError, TypeError, ValueError) as e:
        raise RecordError(f"{where}: the game record cannot be replayed: {e}") from None
    if injector is not None and injector.left:
        problems.append(f"{injector.left} inject(s) in the record were never played")
    if di < len(decisions):
        problems.append(f"{len(decisions) - di} umpire rulings in the record were never asked for")
    if record["n_events"] != len(game.events):
        problems.append(
            f"the events differ from the record ({len(game.events)} events now, {record.get('n_events')} recorded)"
        )
    elif game.events_digest() != record["events_sha256"]:
        problems.append(f"the events differ from the record (same count, {len(game.events)}, different content)")
    snap = record.get("snapshot") or {}
    if "state" in snap and game.state.to_dict(game.index.ids) != snap["state"]:
        problems.append("the final state differs from the recorded snapshot")
    if "rng" in snap and _rng(game) != snap["rng"]:
        problems.append("the random generator's state differs from the recorded snapshot")
    if "events" in snap and [e.to_dict() for e in game.events] != snap["events"]:
        problems.append("the recorded event log differs from the events the orders produce")
    return game, problems


def _rng(game: Game) -> list[Any]:
    v, internal, gauss = game.rng.getstate()
    return [v, list(internal), gauss]
