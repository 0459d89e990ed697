"""Injects: events the White cell puts into the game ("the Jēkabpils bridge is down", "Belarus opens
its border", "a reinforcement is delayed a day"), each with an effect the engine carries out.

An inject is played between phases (never while a result waits for the umpire). `play(game, inject)`
changes the game through the same state the rules read (a blown bridge in `state.blown`, the
hexes Red may enter, the turn a unit is due in `state.arrival`), emits an `InjectPlayed` event and
appends the inject, as played, to the game's seminar log; the record keeps it with the phase it came
before, so a replay plays it at the same point and reproduces the same events (wargame.seminar.record).

The effects are a closed list; an inject names hexes, a country and unit ids, never a file or code.
"""

from __future__ import annotations

import copy
import re
from typing import TYPE_CHECKING, Any

from wargame import events as ev
from wargame.hexgrid import neighbours
from wargame.model.units import Side

if TYPE_CHECKING:
    from wargame.game import Game

EFFECTS = {
    "blow_bridge": "a bridge is down: hexes [A, B] (the two hexes of the bridge), by: the side that blew it",
    "open_border": "a country opens its border to Red: country (BLR, the only one the rules can open)",
    "delay_arrival": "reinforcements come later: units [ids], turns (1-40)",
    "message": "news only: no effect on the board",
}
AUDIENCES = ("all", "red", "blue")
OPENABLE = ("BLR",)
ID = re.compile(r"[a-z0-9][a-z0-9_\-]{0,63}")
UNIT = re.compile(r"[a-z0-9][a-z0-9_.\-]{0,63}")
HEXID = re.compile(r"[0-9]{4,6}")
ARGS = {"blow_bridge": {"hexes", "by"}, "open_border": {"country"}, "delay_arrival": {"units", "turns"},
        "message": set()}


class InjectError(ValueError):
    """The inject cannot be played now (or is malformed); `str()` says why in plain words."""


def args_problem(effect: Any, args: Any) -> tuple[str, str] | None:
    """(field, what was expected) for the first thing wrong in an effect's arguments, else None.
    Shared by the deck loader (which places it in the YAML) and the record check."""
    if effect not in EFFECTS:
        return "effect", f"one of {', '.join(EFFECTS)}"
    if not isinstance(args, dict):
        return "args", "a mapping"
    for k in args:
        if k not in ARGS[effect]:
            takes = ", ".join(sorted(ARGS[effect])) or "none"
            return f"args.{str(k)[:40]}", f"an argument of {effect} (it takes: {takes})"
    for k in sorted(ARGS[effect]):
        if k not in args:
            return f"args.{k}", f"{effect} needs {k}: {EFFECTS[effect]}"
    if effect == "blow_bridge":
        h = args["hexes"]
        if not (isinstance(h, list) and len(h) == 2 and all(isinstance(x, str) and HEXID.fullmatch(x) for x in h)):
            return "args.hexes", "two hex ids, e.g. [\"4347\", \"4348\"]"
        if args["by"] not in ("red", "blue"):
            return "args.by", "red or blue (the other side bridges it again)"
    elif effect == "open_border":
        if args["country"] not in OPENABLE:
            return "args.country", f"one of {', '.join(OPENABLE)}"
    elif effect == "delay_arrival":
        u = args["units"]
        if not (isinstance(u, list) and 1 <= len(u) <= 50 and all(isinstance(x, str) and UNIT.fullmatch(x) for x in u)):
            return "args.units", "a list of 1 to 50 unit ids"
        t = args["turns"]
        if type(t) is not int or not 1 <= t <= 40:
            return "args.turns", "a whole number of turns from 1 to 40"
    return None


def why_not_now(game: Game) -> str | None:
    """Why no inject may be played at this moment (None: it may)."""
    if game.over:
        return "the game is over"
    if game.pending is not None:
        return "a result is waiting for the umpire: rule on it first"
    return None


def play(game: Game, inject: dict[str, Any], note: str = "") -> ev.InjectPlayed:
    """Carry out `inject` ({id, title, effect, args, audience}) now and record it; InjectError (and no
    change at all) if it cannot be played here."""
    why = why_not_now(game)
    if why:
        raise InjectError(why)
    bad = args_problem(inject.get("effect"), inject.get("args", {}))
    if bad:
        raise InjectError(f"{bad[0]}: expected {bad[1]}")
    effect, args = inject["effect"], inject.get("args", {})
    detail = _EFFECT[effect](game, args)
    played = {"at": len(game.log), "turn": game.turn, "id": inject["id"], "title": inject["title"],
              "effect": effect, "args": copy.deepcopy(args), "audience": inject.get("audience", "all"), "note": note}
    e = ev.InjectPlayed(game.turn, played["id"], played["title"], effect, detail, played["audience"], note)
    game.emit(e)
    from wargame.seminar.record import seminar_of

    seminar_of(game).injects.append(played)
    return e


def base_scenario(game: Game) -> Any:
    """The scenario as loaded, before any inject changed it: what a replay or a rewind starts from."""
    return getattr(game.scenario, "before_injects", game.scenario)


def _blow_bridge(game: Game, args: dict[str, Any]) -> str:
    from wargame.rules import bridges

    ix = game.index
    a, b = (ix.idx.get(game.board.parse_hex(x)) if _valid_hex(game, x) else None for x in args["hexes"])
    if a is None or b is None or ix.hexes[b] not in neighbours(ix.hexes[a]):
        raise InjectError(f"{args['hexes'][0]} and {args['hexes'][1]} are not two neighbouring hexes of this board")
    river = bridges.bridge_river(game.position, a, b)
    if river is None:
        raise InjectError(f"no road or railway bridge over a river between {args['hexes'][0]} and {args['hexes'][1]}")
    k = bridges.key(a, b)
    if k in game.state.blown:
        a_id, b_id = args["hexes"]
        raise InjectError(f"the bridge over the {river} between {a_id} and {b_id} is already down")
    game.state.blown[k] = [game.turn, args["by"]]
    game.forget_routes()
    other = Side(args["by"]).other.value
    return (f"The bridge over the {river} between {ix.ids[k[0]]} and {ix.ids[k[1]]} is down; {other} may bridge "
            f"it again after {game.tables.bridge_repair_turns} turn(s) holding one of its hexes.")


def _valid_hex(game: Game, text: str) -> bool:
    try:
        game.board.parse_hex(text)
    except (ValueError, KeyError):
        return False
    return True


def _open_border(game: Game, args: dict[str, Any]) -> str:
    from wargame.rules.index import allowed_hexes

    sc = game.scenario
    if sc.parameters.get("belarus"):
        raise InjectError("Belarus is already open to Red in this game")
    opened = copy.copy(sc)  # the scenario as this game now plays it (supply and movement read `belarus`)
    opened.parameters = {**sc.parameters, "belarus": True}
    opened.before_injects = base_scenario(game)  # type: ignore[attr-defined]  # what a replay starts from
    game.scenario = opened
    for s in Side:
        game.allowed_mask[s], game.allowed[s] = allowed_hexes(game.index, opened, s)
    game.invalidate()
    return "Red may now move through, and draw supply from, Belarus."


def _delay_arrival(game: Game, args: dict[str, Any]) -> str:
    arrival = game.state.arrival
    for uid in args["units"]:
        if uid not in game.state.units:
            raise InjectError(f"no unit {uid!r} in this scenario")
        if uid not in arrival:
            raise InjectError(f"{game.state.units[uid].name} is not waiting to arrive (already on the board or gone)")
    for uid in args["units"]:
        arrival[uid] += args["turns"]
    names = "; ".join(f"{game.state.units[u].name} now due turn {arrival[u]}" for u in args["units"])
    return f"Delayed {args['turns']} turn(s): {names}."


def _message(game: Game, args: dict[str, Any]) -> str:
    return "No effect on the board."


_EFFECT = {"blow_bridge": _blow_bridge, "open_border": _open_border, "delay_arrival": _delay_arrival,
           "message": _message}
