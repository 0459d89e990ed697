"""A game's record written and replayed: what a save holds, and the audit that re-runs it.

The format, and its field-by-field check, are `wargame.rules.record`; this module drives a `Game`
(which the rules never see): `to_record` writes one, `replay` re-runs the orders and rulings from
the seed through the one game loop (`wargame.play.play_until`) and reports every difference, and
`from_record` refuses a record that does not reproduce its own events and snapshot.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wargame.model.units import Side
from wargame.orders import from_dict
from wargame.rules.record import RECORD_VERSION, RecordError, check_record, snapshot
from wargame.rules.umpire import Decision

if TYPE_CHECKING:
    from wargame.game import Game
    from wargame.model.scenario import Scenario


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
        "snapshot": snapshot(game.position),
        **({"crisis": game.crisis.to_record()} if getattr(game, "crisis", None) is not None else {}),
        **_seminar(game),
    }


def _seminar(game: Game) -> dict[str, Any]:
    from wargame.seminar.record import section

    sec = section(game)
    return {"seminar": sec} if sec else {}


Watch = Callable[["Game", Side], None]
"""Sees the game just before each recorded phase is played on it, with the side whose phase it is
(the bots' warm-up, `wargame.bots.resume`, asks that side's bot here)."""


def from_record(record: dict[str, Any], scenario: Scenario, watch: Watch | None = None) -> Game:
    """A game from its record, by re-running its orders and rulings. ValueError if the record does
    not fit the scenario or does not reproduce its own events and snapshot (damaged or tampered)."""
    game, problems = replay(record, scenario, watch)
    if problems:
        raise ValueError("the game record does not reproduce itself: " + "; ".join(problems))
    return game


def _order(d: Any):
    try:
        return from_dict(d)
    except ValueError:
        return d  # the game refuses it again, with the same reason, as it did when it was played


def replay(record: dict[str, Any], scenario: Scenario, watch: Watch | None = None) -> tuple[Game, list[str]]:
    """Re-run a recorded game from its seed, orders and rulings. Returns the game and the list of
    differences from the record (empty = identical events and final state). `watch(game, side)` is
    called before each recorded phase is played, as a player would be asked for its orders there."""
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
        if watch is not None:
            watch(game, side)
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


def _rng(game: Game) -> list[Any]:  # as `snapshot` writes it
    v, internal, gauss = game.rng.getstate()
    return [v, list(internal), gauss]
