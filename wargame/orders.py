"""What a side may ask for. Orders are plain frozen values naming units and hexes by id, so they
serialise to JSON as they are: the TUI, bots, saves and replays use the same objects (docs/architecture.md, rule 2).

    Move("ru-6-1", ("6524", "6424"))            # along a path of adjacent hexes, destination last
    Move("ru-6-1", to="6424")                    # or to a destination by the cheapest path
    Attack("6324", ("ru-6-1", "ru-6-2"), support=("ru-art-1",), cas=8)
    AirMission("sead", "4530", 8)                # interdiction | sead | counter_air | recon | cover
    Fallback("ee-1-1", "3010")                   # where this unit retreats to, if it must
    Demolish("lv-1-1", "3242")                   # blow the bridge between the unit's hex and 3242
    Airlift("ru-76-104-1", "3840")               # an air-mobile unit flies by helicopter to a hex

Whether an order is legal *now* is for `wargame.game.Game.legal` (it needs the state); this module
only says what an order is.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

#: Air missions flown in the air phase (close air support of an attack is `Attack.cas`).
AIR_KINDS = ("interdiction", "sead", "counter_air", "recon", "cover")


MAX_ID = 64           # unit and hex ids are short
MAX_LIST = 200        # a path or a list of attackers is never longer
MAX_SORTIES = 10_000  # more than any air force flies in a turn
_HEX = re.compile(r"\d{4}|\d{6}")


def _ids(value: Any, what: str) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise ValueError(f"{what} must be a list of ids")
    return tuple(value)


@dataclass(frozen=True)
class Move:
    """Move `unit` along `path` (adjacent hex ids, the destination last), or, with no path, `to` a
    destination by the cheapest legal path (worked out when the order is carried out)."""

    unit: str
    path: tuple[str, ...] = ()
    to: str = ""
    kind: str = field(default="move", init=False)

    @property
    def destination(self) -> str:
        return self.path[-1] if self.path else self.to

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"kind": "move", "unit": self.unit, "path": list(self.path)}
        if self.to:
            d["to"] = self.to
        return d


@dataclass(frozen=True)
class Attack:
    """Attack the enemy units in `target` with adjacent `attackers`; fire units in range `support`
    it; `cas` close-air-support sorties from the pool; surviving attackers advance into an emptied
    hex when `advance` is true."""

    target: str
    attackers: tuple[str, ...]
    support: tuple[str, ...] = ()
    cas: int = 0
    advance: bool = True
    kind: str = field(default="attack", init=False)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "attack", "target": self.target, "attackers": list(self.attackers),
                "support": list(self.support), "cas": self.cas, "advance": self.advance}


@dataclass(frozen=True)
class AirMission:
    """An air mission flown in the air phase: `interdiction` of a hex and its ring, `sead` against
    the SAM units in a hex, `counter_air` against the enemy's sortie pool (target ignored), `recon`
    of an area, or `cover`: sorties standing by over a hex to support its defence this turn."""

    mission: str
    target: str
    sorties: int
    kind: str = field(default="air", init=False)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "air", "mission": self.mission, "target": self.target, "sorties": self.sorties}


@dataclass(frozen=True)
class Fallback:
    """Where `unit` should retreat if a combat result forces it to: toward hex `toward` ("" = by the
    rule). Given in the side's movement phase; it stands until changed; it costs nothing."""

    unit: str
    toward: str = ""
    kind: str = field(default="fallback", init=False)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "fallback", "unit": self.unit, "toward": self.toward}


@dataclass(frozen=True)
class Demolish:
    """In its side's movement phase, `unit` (which does not move this phase) blows the bridge that
    carries a road or railway over the river between its hex and the adjacent hex `across`. A die
    decides whether the charges bring it down (docs/rules.md, Bridges)."""

    unit: str
    across: str
    kind: str = field(default="demolish", init=False)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "demolish", "unit": self.unit, "across": self.across}


@dataclass(frozen=True)
class Airlift:
    """In its side's movement phase, an air-mobile `unit` (one its side's helicopters can lift)
    flies to hex `to` instead of moving by land, within the lift's range and capacity, through the
    enemy's air defence over the landing zone (docs/rules.md, Air-mobile moves)."""

    unit: str
    to: str
    kind: str = field(default="airlift", init=False)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "airlift", "unit": self.unit, "to": self.to}


Order = Move | Attack | AirMission | Fallback | Demolish | Airlift
ORDER_TYPES = (Move, Attack, AirMission, Fallback, Demolish, Airlift)


def to_dict(order: Order) -> dict[str, Any]:
    """The order as a JSON-ready mapping with its `kind`."""
    return order.to_dict()


_KEYS = {"move": {"kind", "unit", "path", "to"}, "attack": {"kind", "target", "attackers", "support", "cas", "advance"},
         "air": {"kind", "mission", "target", "sorties"}, "fallback": {"kind", "unit", "toward"},
         "demolish": {"kind", "unit", "across"}, "airlift": {"kind", "unit", "to"}}


def from_dict(d: dict[str, Any]) -> Order:
    """Inverse of to_dict, strictly: exact types, known keys, every field checked (`problem`).
    ValueError with a plain message for anything malformed."""
    if not isinstance(d, dict):
        raise ValueError(f"an order must be a mapping, got {type(d).__name__}")
    kind = d.get("kind")
    if not isinstance(kind, str) or kind not in _KEYS:
        raise ValueError(
            f"unknown order kind {_short(kind)}; expected move, attack, air, fallback, demolish or airlift"
        )
    extra = set(d) - _KEYS[kind]
    if extra:
        raise ValueError(f"unknown field {_short(sorted(map(str, extra))[0])} in a {kind} order")
    try:
        if kind == "move":
            o: Order = Move(d["unit"], _ids(d.get("path", ()), "a move's path"), d.get("to", ""))
        elif kind == "attack":
            o = Attack(d["target"], _ids(d["attackers"], "attackers"), _ids(d.get("support", ()), "support"),
                       d.get("cas", 0), d.get("advance", True))
        elif kind == "air":
            o = AirMission(d["mission"], d.get("target", ""), d["sorties"])
        elif kind == "demolish":
            o = Demolish(d["unit"], d["across"])
        elif kind == "airlift":
            o = Airlift(d["unit"], d["to"])
        else:
            o = Fallback(d["unit"], d.get("toward", ""))
    except KeyError as e:
        raise ValueError(f"malformed {kind} order: missing field {e}") from None
    why = problem(o)
    if why:
        raise ValueError(f"malformed {kind} order: {why}")
    return o


def _short(v: Any) -> str:
    r = repr(v) if isinstance(v, (str, int, float, bool, type(None))) else f"a {type(v).__name__}"
    return r if len(r) <= 40 else r[:37] + "..."


def _id(v: Any, what: str, empty: bool = False, hex_: bool = False) -> str | None:
    if type(v) is not str:
        return f"{what} must be text, not {_short(v)}"
    if not v:
        return None if empty else f"{what} is empty"
    if len(v) > MAX_ID or not v.isprintable():
        return f"{what} is not an id: {_short(v)}"
    if hex_ and not _HEX.fullmatch(v):
        return f"{what}: {_short(v)} is not a hex id (expected e.g. '3736')"
    return None


def _id_list(v: Any, what: str, hex_: bool = False, min_len: int = 0) -> str | None:
    if type(v) is not tuple:
        return f"{what} must be a tuple of ids, not {_short(v)}"
    if not min_len <= len(v) <= MAX_LIST:
        return f"{what} must hold {min_len} to {MAX_LIST} ids, not {len(v)}"
    for x in v:
        why = _id(x, f"each of {what}", hex_=hex_)
        if why:
            return why
    return None


def _count(v: Any, what: str, lo: int, hi: int) -> str | None:
    if type(v) is not int:  # not bool, not 2.5, not nan
        bad = "not a number" if isinstance(v, float) and not math.isfinite(v) else _short(v)
        return f"{what} must be a whole number, not {bad}"
    return None if lo <= v <= hi else f"{what} must be from {lo} to {hi}, not {v}"


def problem(order: Any) -> str | None:
    """None if `order` is a well-formed order (every field of the right type, finite, in range),
    else why not. Whether it is legal now is the game's question (`Game.legal`)."""
    if type(order) not in ORDER_TYPES:
        return "not an order"
    try:
        if order.kind != {Move: "move", Attack: "attack", AirMission: "air", Fallback: "fallback",
                          Demolish: "demolish", Airlift: "airlift"}[type(order)]:
            return "the order's kind does not match its type"
        if isinstance(order, Move):
            return (_id(order.unit, "the unit") or _id_list(order.path, "the path", hex_=True)
                    or _id(order.to, "the destination", empty=True, hex_=True)
                    or (None if order.path or order.to else "a move needs a path or a destination"))
        if isinstance(order, Attack):
            return (_id(order.target, "the target", hex_=True) or _id_list(order.attackers, "the attackers")
                    or _id_list(order.support, "the support") or _count(order.cas, "the CAS sorties", 0, MAX_SORTIES)
                    or (None if type(order.advance) is bool else f"advance must be true or false, not "
                                                                 f"{_short(order.advance)}"))
        if isinstance(order, AirMission):
            return (
                (
                    None
                    if order.mission in AIR_KINDS
                    else f"unknown air mission {_short(order.mission)}; expected one of {', '.join(AIR_KINDS)}"
                )
                or _id(order.target, "the target", empty=order.mission == "counter_air", hex_=True)
                or _count(order.sorties, "the sorties", 1, MAX_SORTIES)
            )
        if isinstance(order, Demolish):
            return _id(order.unit, "the unit") or _id(order.across, "the hex across the bridge", hex_=True)
        if isinstance(order, Airlift):
            return _id(order.unit, "the unit") or _id(order.to, "the landing hex", hex_=True)
        return _id(order.unit, "the unit") or _id(order.toward, "the fallback hex", empty=True, hex_=True)
    except Exception as e:  # noqa: BLE001 - a hostile subclass of str or a broken __eq__ is still only a refusal
        return f"malformed order ({type(e).__name__})"


def screen(item: Any) -> tuple[Order | None, dict[str, Any], str | None]:
    """What `Game.submit` does with one item a player handed in: (the order or None, what the log
    records, why it is refused or None). The log entry of a refused item is a small plain stub
    with the reason, so a save always serialises and a replay refuses it again for the same reason."""
    if (
        isinstance(item, dict)
        and item.get("kind") == "invalid"
        and set(item) == {"kind", "why"}
        and type(item["why"]) is str
    ):
        return None, {"kind": "invalid", "why": item["why"][:200]}, item["why"][:200]  # a refusal, replayed
    why = problem(item)
    if why is not None:
        return None, {"kind": "invalid", "why": why}, why
    return item, item.to_dict(), None


def describe(order: Order) -> str:
    """A short phrase for logs and the TUI's list of staged orders."""
    if isinstance(order, Move):
        return f"move {order.unit} to {order.destination}" + (f" ({len(order.path)} hexes)" if order.path else "")
    if isinstance(order, Attack):
        extra = (f", {len(order.support)} fire units" if order.support else "") + (
            f", {order.cas} CAS sorties" if order.cas else ""
        )
        return f"attack {order.target} with {', '.join(order.attackers)}{extra}"
    if isinstance(order, AirMission):
        where = "" if order.mission == "counter_air" else f" at {order.target}"
        return f"{order.sorties} {order.mission.replace('_', ' ')} sorties{where}"
    if isinstance(order, Demolish):
        return f"{order.unit} blows the bridge toward {order.across}"
    if isinstance(order, Airlift):
        return f"{order.unit} flies by helicopter to {order.to}"
    return f"{order.unit} falls back toward {order.toward}" if order.toward else f"{order.unit} falls back by the rule"
