"""What a side may ask for. Orders are plain frozen values naming units and hexes by id, so they
serialise to JSON as they are: the TUI, bots, saves and replays use the same objects (DESIGN rule 2).

    Move("ru-6-1", ("6524", "6424"))            # along a path of adjacent hexes, destination last
    Move("ru-6-1", to="6424")                    # or to a destination by the cheapest path
    Attack("6324", ("ru-6-1", "ru-6-2"), support=("ru-art-1",), cas=8)
    AirMission("sead", "4530", 8)                # interdiction | sead | counter_air | recon | cover
    Fallback("ee-1-1", "3010")                   # where this unit retreats to, if it must
    Demolish("lv-1-1", "3242")                   # blow the bridge between the unit's hex and 3242

Whether an order is legal *now* is for `wargame.game.Game.legal` (it needs the state); this module
only says what an order is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Union

#: Air missions flown in the air phase (close air support of an attack is `Attack.cas`).
AIR_KINDS = ("interdiction", "sead", "counter_air", "recon", "cover")


def _ids(value: Any, what: str) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise ValueError(f"{what} must be a list of ids")
    return tuple(str(x) for x in value)


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


Order = Union[Move, Attack, AirMission, Fallback, Demolish]
ORDER_TYPES = (Move, Attack, AirMission, Fallback, Demolish)


def to_dict(order: Order) -> dict[str, Any]:
    """The order as a JSON-ready mapping with its `kind`."""
    return order.to_dict()


def from_dict(d: dict[str, Any]) -> Order:
    """Inverse of to_dict. ValueError with a plain message for anything malformed."""
    if not isinstance(d, dict):
        raise ValueError(f"an order must be a mapping, got {type(d).__name__}")
    kind = d.get("kind")
    try:
        if kind == "move":
            return Move(str(d["unit"]), _ids(d.get("path", ()), "a move's path"), str(d.get("to", "")))
        if kind == "attack":
            return Attack(str(d["target"]), _ids(d["attackers"], "attackers"), _ids(d.get("support", ()), "support"),
                          int(d.get("cas", 0)), bool(d.get("advance", True)))
        if kind == "air":
            return AirMission(str(d["mission"]), str(d.get("target", "")), int(d["sorties"]))
        if kind == "fallback":
            return Fallback(str(d["unit"]), str(d.get("toward", "")))
        if kind == "demolish":
            return Demolish(str(d["unit"]), str(d["across"]))
    except (KeyError, TypeError) as e:
        raise ValueError(f"malformed {kind} order: missing or wrong field {e}") from None
    raise ValueError(f"unknown order kind {kind!r}; expected move, attack, air, fallback or demolish")


def describe(order: Order) -> str:
    """A short phrase for logs and the TUI's list of staged orders."""
    if isinstance(order, Move):
        return f"move {order.unit} to {order.destination}" + (f" ({len(order.path)} hexes)" if order.path else "")
    if isinstance(order, Attack):
        extra = (f", {len(order.support)} fire units" if order.support else "") + (f", {order.cas} CAS sorties" if order.cas else "")
        return f"attack {order.target} with {', '.join(order.attackers)}{extra}"
    if isinstance(order, AirMission):
        where = "" if order.mission == "counter_air" else f" at {order.target}"
        return f"{order.sorties} {order.mission.replace('_', ' ')} sorties{where}"
    if isinstance(order, Demolish):
        return f"{order.unit} blows the bridge toward {order.across}"
    return f"{order.unit} falls back toward {order.toward}" if order.toward else f"{order.unit} falls back by the rule"
