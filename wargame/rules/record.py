"""Records: a game as scenario + seed + options + committed orders + umpire rulings, with a snapshot.

`to_record(game)` is what a save holds (wargame.saves wraps it in its versioned envelope):

    {"record": 2, "scenario": "incursion-2016", "scenario_path": ..., "tables": "standard",
     "seed": 7, "umpire": false, "options": {...},
     "log": [{"turn": 1, "phase": "air", "side": "red", "orders": [...]}, ...],
     "decisions": [{"action": "replace", "result": "NE", "note": "..."}, ...],
     "n_events": 412, "events_sha256": "...", "pending": false,
     "snapshot": {"state": {...}, "rng": [...], "events": [...]}}

`from_record` restores the snapshot when it can (fast), else replays; `replay` always re-runs the
orders and rulings from the seed and reports every difference from the record (an audit).
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any

from wargame import events as ev
from wargame.model.units import Side
from wargame.orders import from_dict
from wargame.rules.state import State
from wargame.rules.umpire import Decision

if TYPE_CHECKING:
    from wargame.game import Game
    from wargame.model.scenario import Scenario

RECORD_VERSION = 2


def snapshot(game: "Game", events: bool = True) -> dict[str, Any]:
    """The whole state, JSON-ready (and the event log, unless `events` is false)."""
    v, internal, gauss = game.rng.getstate()
    out: dict[str, Any] = {"state": game.state.to_dict(game.index.ids), "rng": [v, list(internal), gauss]}
    if events:
        out["events"] = [e.to_dict() for e in game.events]
    return out


def to_record(game: "Game") -> dict[str, Any]:
    sc = game.scenario
    return {
        "record": RECORD_VERSION, "scenario": sc.id, "scenario_path": str(sc.path) if sc.path else None,
        "tables": game.tables.id, "seed": game.seed, "umpire": game.umpire, "options": {"umpire": game.umpire},
        "log": [dict(e) for e in game.log], "decisions": list(game.decisions),
        "n_events": len(game.events), "events_sha256": game.events_digest(),
        "pending": game.pending is not None, "snapshot": snapshot(game),
    }


def from_record(record: dict[str, Any], scenario: "Scenario") -> "Game":
    """A game from its record: the snapshot restored when it has one and no ruling is pending,
    otherwise the orders replayed. ValueError if the record does not fit the scenario."""
    from wargame.game import Game

    snap = record.get("snapshot") or {}
    if record.get("pending") or not {"state", "rng", "events"} <= set(snap):
        game, _ = replay(record, scenario)
        return game
    try:
        game = Game(scenario, seed=int(record["seed"]), umpire=bool(record.get("umpire", False)))
        ix = game.index
        units = {u.id: u.copy() for u in scenario.units}
        game.state = State.from_dict(snap["state"], units, {h: i for i, h in enumerate(ix.ids)}, ix.hexes)
        v, internal, gauss = snap["rng"]
        game.rng.setstate((v, tuple(internal), gauss))
        game.events = []
        game.reset_digest()
        for d in snap["events"]:
            game.emit(ev.from_dict(d))
        game.log = [dict(e) for e in record["log"]]
        game.decisions = list(record.get("decisions", []))
        game.invalidate()
    except (KeyError, TypeError, ValueError, IndexError) as e:
        raise ValueError(f"the game record's snapshot does not fit scenario {scenario.id}: {e}") from None
    if record.get("events_sha256") and game.events_digest() != record["events_sha256"]:
        raise ValueError("the game record's snapshot does not match its event digest")
    return game


def clone(game: "Game") -> "Game":
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


def replay(record: dict[str, Any], scenario: "Scenario") -> tuple["Game", list[str]]:
    """Re-run a recorded game from its seed, orders and rulings. Returns the game and the list of
    differences from the record (empty = identical events and final state)."""
    from wargame.game import Game

    try:
        game = Game(scenario, seed=int(record["seed"]), umpire=bool(record.get("umpire", False)))
        decisions = [Decision.from_dict(d) for d in record.get("decisions", [])]
        di = 0
        for entry in record["log"]:
            while game.pending is not None and di < len(decisions):
                game.decide(decisions[di])
                di += 1
            game.submit(Side(entry["side"]), [_order(d) for d in entry["orders"]])
        while game.pending is not None and di < len(decisions):
            game.decide(decisions[di])
            di += 1
    except (KeyError, TypeError, ValueError) as e:
        raise ValueError(f"the game record cannot be replayed: {e}") from None
    problems = []
    if di < len(decisions):
        problems.append(f"{len(decisions) - di} umpire rulings in the record were never asked for")
    if record.get("n_events") is not None and record["n_events"] != len(game.events):
        problems.append(f"the events differ from the record ({len(game.events)} events now, {record.get('n_events')} recorded)")
    elif record.get("events_sha256") and game.events_digest() != record["events_sha256"]:
        problems.append(f"the events differ from the record (same count, {len(game.events)}, different content)")
    snap = record.get("snapshot") or {}
    if "state" in snap and game.state.to_dict(game.index.ids) != snap["state"]:
        problems.append("the final state differs from the recorded snapshot")
    elif "state" not in snap and snap and _legacy_snapshot(game) != snap:
        problems.append("the final state differs from the recorded snapshot")
    return game, problems


def _legacy_snapshot(game: "Game") -> dict[str, Any]:
    """The snapshot of records written by the first engine (record version 1)."""
    st = game.state
    ids = game.index.ids
    return {
        "turn": st.turn, "phase": st.phase_index, "over": st.over,
        "units": {i: [ids[st.pos[i]] if i in st.pos else None, u.steps] for i, u in sorted(st.units.items())},
        "measure": dict(sorted(st.measure.items())), "losses": {s.value: n for s, n in st.losses.items()},
        "control": {n: s.value for n, s in sorted(st.control.items())},
    }
