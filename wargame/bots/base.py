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

FIRES = frozenset({"artillery", "rocket_artillery"})  # unit categories that fire and do not hold ground
STATIC = frozenset({"air_defence", "headquarters"})  # ... that stay under their umbrella or in the rear


class Bot(Protocol):
    name: str

    def orders(self, view: View, oracle: Oracle) -> list[Order]: ...


class Oracle:
    """The rules questions a player may ask (the answers a board-game player could work out).

    Every answer is worked out on the game as the side believes it to be (`wargame.bots.belief`):
    its own units and orders, the enemy units it detects, public facts and the briefing; never the
    enemy's hidden units, strengths, orders, entrenchment or supply. So `preview` and
    `ad_loss_probability` count only the enemy artillery, SAMs and air cover the side has seen."""

    def __init__(self, game: Game, side: Side):
        self._truth = game  # read through `belief.believed` only (and its clock, to rebuild that)
        self._belief: Game | None = None
        self._key: tuple = ()
        self.side = side
        self.tables = game.tables
        self.terrain = game.terrain
        self.scenario_id = game.scenario.id
        self.measure_cities = game.scenario.victory.measure
        self.red_goals = game.scenario.victory.red_goals or game.scenario.victory.measure
        self.allowed = game.allowed[side]
        self.hold = game.scenario.victory.hold
        pool = game.scenario.air.get(side)
        self.lift = pool.lift if pool is not None else 0  # own helicopter lift, battalions a phase
        self._scenario = game.scenario
        self._board = game.board

    def _game(self) -> Game:
        """The believed game, built once per phase and kept in step with the orders the side stages
        in the real game (the TUI and the env stage as they go)."""
        from wargame.bots.belief import believed

        t = self._truth
        staged = t.staged if t.active_side is self.side else ()
        key = (t.state.turn, t.state.phase_index, t.state.over, len(t.events))
        b = self._belief
        if b is not None and key == self._key:
            have = b.staged
            if have == staged:
                return b
            if have == staged[: len(have)]:
                for o in staged[len(have):]:
                    b.stage(self.side, o)
                return b
        self._belief = b = believed(t, self.side)
        self._key = key
        return b

    def aim_reached(self) -> bool:
        """Whether Red has reached what the scenario judges it by (`rules.victory.aim_hour`; public: a
        measure or objective event both sides see)."""
        from wargame.rules.victory import aim_hour

        return aim_hour(self._game().position) is not None

    def reachable(self, unit_id: str) -> dict[Hex, int]:
        return self._game().reachable(unit_id)

    def path(self, unit_id: str, dest: Hex) -> list[Hex]:
        return self._game().path(unit_id, dest)

    def preview(self, attack: Attack) -> Assessment | None:
        """The odds of an attack against what the side sees: the defenders in the hex, the enemy fire
        units and air cover it has seen (none unseen), the defenders in supply."""
        try:
            return self._game().preview(attack, self.side)
        except ValueError:
            return None

    def legal(self, order: Order) -> str | None:
        return self._game().legal(self.side, order)

    def ad_loss_probability(self, target: Hex) -> float:
        """The expected share of a package lost over `target` to the enemy SAMs the side has seen."""
        return self._game().ad_loss_probability(self.side, target)

    def hid(self, h: Hex) -> str:
        return self._board.hex_id(h)

    def enemy_supply_route(self, h: Hex) -> list[Hex]:
        """The way an enemy unit at `h` would trace supply home over the bare map (roads, railways,
        the enemy's home countries and entry areas: all public), `h` first. Where air interdiction
        or a stay-behind unit would cut its lines."""
        from wargame.rules.supply import route_home

        g = self._game()
        i = g.index.idx.get(h)
        return [] if i is None else [g.index.hexes[j] for j in route_home(g.position, self.side.other, i)]

    def own_supply_route(self, h: Hex) -> list[Hex]:
        """The way an own unit at `h` traces supply home over the bare map, `h` first: where the
        enemy's aircraft would cut it, and so where the side's own air defence should stand."""
        from wargame.rules.supply import route_home

        g = self._game()
        i = g.index.idx.get(h)
        return [] if i is None else [g.index.hexes[j] for j in route_home(g.position, self.side, i)]

    def enemy_setup(self) -> dict[str, Hex]:
        """Where the enemy's units stood at H-hour: the scenario's published set-up, which both players
        read in the briefing (board-game practice). Units that arrive later are not in it."""
        return {u.id: u.hex for u in self._scenario.units if u.side is not self.side and u.hex is not None}

    def own_setup(self) -> dict[str, Hex]:
        """Where this side's units stood at H-hour (the scenario's set-up)."""
        return {u.id: u.hex for u in self._scenario.units if u.side is self.side and u.hex is not None}

    def imagine(self, seed: int, guesses: dict[str, Hex] | None = None,
                strengths: dict[str, int] | None = None) -> Game:
        """A copy of the game as this side believes it to be, for looking ahead (`belief.believed`).
        Enemy units it detects now are where they are; each undetected one is put where `guesses`
        says (e.g. where it was last seen, or its H-hour set-up) or, where the guess cannot be (a hex
        this side sees into, or holds), in the nearest hex the side cannot see (it has moved on out of
        sight); without a guess it is left out. An undetected unit has the strength `strengths` gives
        (e.g. as last seen) or else its strength in the scenario, not its true one. The enemy's
        reinforcement schedule is the scenario's, public like its set-up. Chance is reseeded; the
        umpire is off."""
        from wargame.bots.belief import believed

        return believed(self._truth, self.side, guesses, strengths, seed)


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
