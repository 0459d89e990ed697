"""The Bot protocol. A bot sees only `Game.view(side)` and may ask the rules questions through an
`Oracle` (where can this unit go, what are the odds of this attack); it returns the orders for the
current phase. It never touches the game state (docs/architecture.md, rule 2): the game checks every order.

    class MyBot:
        name = "mine"
        def __init__(self, side: Side, seed: int): ...
        def orders(self, view: View, oracle: Oracle) -> list[Order]: ...

Name it on the command line as `mypackage.mymodule:MyBot`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Protocol

from wargame.hexgrid import Hex
from wargame.model.units import Side
from wargame.orders import Attack, Order
from wargame.rules.fog import View

if TYPE_CHECKING:
    from wargame.game import Game
    from wargame.rules.combat import Assessment


class Bot(Protocol):
    name: str

    def orders(self, view: View, oracle: Oracle) -> list[Order]: ...


class Oracle:
    """The rules questions a player may ask (the answers a board-game player could work out)."""

    def __init__(self, game: Game, side: Side):
        self._game = game
        self.side = side
        self.tables = game.tables
        self.terrain = game.terrain
        self.scenario_id = game.scenario.id
        self.measure_cities = game.scenario.victory.measure
        self.red_goals = game.scenario.victory.red_goals or game.scenario.victory.measure
        self.allowed = game.allowed[side]
        self.hold = game.scenario.victory.hold

    def aim_reached(self) -> bool:
        """Whether Red has reached what the scenario judges it by (`rules.victory.aim_hour`; public: a
        measure or objective event both sides see)."""
        from wargame.rules.victory import aim_hour

        return aim_hour(self._game) is not None

    def reachable(self, unit_id: str) -> dict[Hex, int]:
        return self._game.reachable(unit_id)

    def path(self, unit_id: str, dest: Hex) -> list[Hex]:
        return self._game.path(unit_id, dest)

    def preview(self, attack: Attack) -> Assessment | None:
        try:
            return self._game.preview(attack, self.side)
        except ValueError:
            return None

    def legal(self, order: Order) -> str | None:
        return self._game.legal(self.side, order)

    def ad_loss_probability(self, target: Hex) -> float:
        return self._game.ad_loss_probability(self.side, target)

    def hid(self, h: Hex) -> str:
        return self._game.hid(h)

    def enemy_supply_route(self, h: Hex) -> list[Hex]:
        """The way an enemy unit at `h` would trace supply home over the bare map (roads, railways,
        the enemy's home countries and entry areas: all public), `h` first. Where air interdiction
        or a stay-behind unit would cut its lines."""
        from wargame.rules.supply import route_home

        g = self._game
        i = g.index.idx.get(h)
        return [] if i is None else [g.index.hexes[j] for j in route_home(g, self.side.other, i)]

    def own_supply_route(self, h: Hex) -> list[Hex]:
        """The way an own unit at `h` traces supply home over the bare map, `h` first: where the
        enemy's aircraft would cut it, and so where the side's own air defence should stand."""
        from wargame.rules.supply import route_home

        g = self._game
        i = g.index.idx.get(h)
        return [] if i is None else [g.index.hexes[j] for j in route_home(g, self.side, i)]

    def enemy_setup(self) -> dict[str, Hex]:
        """Where the enemy's units stood at H-hour: the scenario's published set-up, which both players
        read in the briefing (board-game practice). Units that arrive later are not in it."""
        return {u.id: u.hex for u in self._game.scenario.units if u.side is not self.side and u.hex is not None}

    def own_setup(self) -> dict[str, Hex]:
        """Where this side's units stood at H-hour (the scenario's set-up)."""
        return {u.id: u.hex for u in self._game.scenario.units if u.side is self.side and u.hex is not None}

    def imagine(self, seed: int, guesses: dict[str, Hex] | None = None,
                strengths: dict[str, int] | None = None) -> Game:
        """A copy of the game as this side believes it to be, for looking ahead. Enemy units it
        detects now are where they are; each undetected one is put where `guesses` says (e.g. where it
        was last seen, or its H-hour set-up) or, where the guess cannot be (a hex this side sees into,
        or holds), in the nearest hex the side cannot see (it has moved on out of sight); without a
        guess it is left out. An undetected unit has the strength `strengths` gives (e.g. as last seen)
        or else its strength in the scenario, not its true one. The enemy's reinforcement schedule is
        the scenario's, public like its set-up. Chance is reseeded; the umpire is off."""
        import random
        from collections import deque

        from wargame.rules.fog import detected

        g = self._game.clone()
        seen = detected(g, self.side)
        own = {u.hex for u in g.units.values() if u.side is self.side and u.hex is not None}
        allowed = g.allowed[self.side.other]
        nbrs = g.terrain.neighbours
        guesses = guesses or {}
        strengths = strengths or {}
        briefed = {u.id: u.steps for u in g.scenario.units}

        def out_of_sight(start: Hex) -> Hex | None:
            todo, done = deque([start]), {start}
            while todo:
                h = todo.popleft()
                if h in allowed and h not in seen and h not in own:
                    return h
                if len(done) > 400:
                    return None
                for n in sorted(nbrs.get(h, ())):
                    if n not in done:
                        done.add(n)
                        todo.append(n)
            return None

        for u in sorted(g.units.values(), key=lambda u: u.id):
            if u.side is self.side or u.hex is None or u.hex in seen:
                continue
            h = guesses.get(u.id)
            if h is not None and (h in seen or h in own or h not in allowed):
                h = out_of_sight(h)
            if h is None:
                g.place(u, None)
                continue
            if h != u.hex:
                g.place(u, h)
            u.steps = strengths.get(u.id, briefed.get(u.id, u.steps))
        # what the other side has decided and not shown: its air tasking and cover, its fallback
        # orders, its units' entrenchment and supply, what it sees, its orders and the event log
        st = g.state
        enemy = self.side.other
        st.air_orders[enemy] = []
        st.cover[enemy] = []
        st.seen_by_air[enemy] = set()
        st.detected[enemy] = set()
        for u in g.units.values():
            if u.side is enemy:
                st.fallback.pop(u.id, None)
                st.out_of_supply.pop(u.id, None)
                if u.hex is None or u.hex not in seen:
                    st.entrench.pop(u.id, None)
                    st.entered.pop(u.id, None)
        g.events, g.log, g.decisions = [], [], []
        g.reset_digest()
        g.invalidate()
        g.umpire = False
        g.pending = None
        g.rng = random.Random(seed)
        return g


BOTS = {
    "passive": "wargame.bots.passive:PassiveBot",
    "random": "wargame.bots.random_bot:RandomBot",
    "operational": "wargame.bots.operational:OperationalBot",
    "search": "wargame.bots.search:SearchBot",
}


_TRUSTED: set[str] = set()


def trust(name: str) -> None:
    """Allow the plug-in bot `package.module:Class` to be imported: only the command line (or code)
    calls this, never anything read from a file."""
    if name not in BOTS:
        _TRUSTED.add(name)


def bot_class(name: str, trusted: bool = False) -> type:
    """The class of a built-in bot, or of a plug-in the command line trusted. ValueError otherwise."""
    if not isinstance(name, str):
        raise ValueError(f"a bot is named by text, not {type(name).__name__}")
    if name not in BOTS and not (trusted or name in _TRUSTED):
        raise ValueError(f"unknown bot {name[:80]!r}: built-in bots are {', '.join(BOTS)}"
                         + (", and a plug-in bot (package.module:Class) is given on the command "
                            "line" if ":" in name else ""))
    target = BOTS.get(name, name)
    if ":" not in target:
        raise ValueError(f"unknown bot {name!r}: built-in bots are {', '.join(BOTS)}, or give package.module:Class")
    mod_name, cls_name = target.split(":", 1)
    try:
        cls = getattr(importlib.import_module(mod_name), cls_name)
    except (ImportError, AttributeError, ValueError, TypeError) as e:
        raise ValueError(f"cannot load bot {name!r}: {e}") from None
    if not isinstance(cls, type):
        raise ValueError(f"cannot load bot {name!r}: {cls_name} is not a class")
    return cls


def load_bot(name: str, side: Side, seed: int, trusted: bool = False):
    """A bot by built-in name, or a plug-in `package.module:Class` the command line named (`trust`)
    or code asks for with `trusted`. ValueError with a plain message otherwise; a constructor that
    fails raises what it raises (the batch reports it per game)."""
    return bot_class(name, trusted)(side, seed)
