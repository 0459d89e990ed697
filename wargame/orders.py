"""What a side may ask for. Orders are plain frozen values naming units and hexes by id, so they
serialise to JSON as they are (saves, replays, bots, the TUI all use the same objects).

Legality lives in `wargame.game.Game.legal` (it needs the state); this module only says what an
order *is*.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Union

AIR_KINDS = ("interdiction", "sead", "counter_air")


@dataclass(frozen=True)
class Move:
    """Move a unit along a path of adjacent hexes (ids), the destination last."""

    unit: str
    path: tuple[str, ...]
    kind: str = field(default="move", init=False)


@dataclass(frozen=True)
class Attack:
    """Attack the enemy units in `target` with adjacent `attackers`; artillery in range may
    `support`; `cas` sorties of close air support; surviving attackers advance into an emptied hex
    when `advance` is true."""

    target: str
    attackers: tuple[str, ...]
    support: tuple[str, ...] = ()
    cas: int = 0
    advance: bool = True
    kind: str = field(default="attack", init=False)


@dataclass(frozen=True)
class AirMission:
    """An air mission flown in the air phase: interdiction of a hex and its ring, suppression of the
    SAM unit(s) in a hex (sead), or counter-air against the enemy's sortie pool (target ignored)."""

    mission: str
    target: str
    sorties: int
    kind: str = field(default="air", init=False)


Order = Union[Move, Attack, AirMission]


def to_dict(order: Order) -> dict[str, Any]:
    d = asdict(order)
    for k, v in d.items():
        if isinstance(v, tuple):
            d[k] = list(v)
    return d


def from_dict(d: dict[str, Any]) -> Order:
    """Inverse of to_dict. ValueError with a plain message for anything malformed."""
    if not isinstance(d, dict):
        raise ValueError(f"an order must be a mapping, got {type(d).__name__}")
    kind = d.get("kind")
    try:
        if kind == "move":
            return Move(str(d["unit"]), tuple(str(h) for h in d["path"]))
        if kind == "attack":
            return Attack(str(d["target"]), tuple(str(u) for u in d["attackers"]), tuple(str(u) for u in d.get("support", ())),
                          int(d.get("cas", 0)), bool(d.get("advance", True)))
        if kind == "air":
            return AirMission(str(d["mission"]), str(d["target"]), int(d["sorties"]))
    except (KeyError, TypeError) as e:
        raise ValueError(f"malformed {kind} order: missing or wrong field {e}") from None
    raise ValueError(f"unknown order kind {kind!r}; expected move, attack or air")
