"""A player that gives, phase by phase, the orders a saved game recorded: watching a replay is
watching two of these (with the umpire's recorded rulings applied as they come)."""

from __future__ import annotations

from typing import Any

from wargame.model.units import Side
from wargame.orders import Order, from_dict


class ReplayBot:
    name = "replay"

    def __init__(self, side: Side, record: dict[str, Any]):
        self.side = side
        self.queue = [e["orders"] for e in record.get("log", []) if e.get("side") == side.value]

    def orders(self, view, oracle) -> list[Order]:
        if not self.queue:
            return []  # past the end of the record: pass
        return [from_dict(d) for d in self.queue.pop(0)]


def replay_players(record: dict[str, Any]) -> dict[Side, ReplayBot]:
    return {s: ReplayBot(s, record) for s in Side}
