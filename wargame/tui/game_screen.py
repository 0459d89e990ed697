"""The game screen: the map, the panels, the log; humans give orders, bots think in a worker.

The screen is split by concern: `orders_ui` (a human's orders), `watch` (bots on both sides),
`umpire_ui` (rulings), `panels` (the side panel's texts), `gamelog` (the log and turn summaries),
`overview`, `commands` (palette, go to) and `saves_ui` (saves and the load picker)."""

from __future__ import annotations

import sys
import time
from typing import Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, RichLog, Static

from wargame.bots.base import Oracle, load_bot
from wargame.bots.driver import bot_seed
from wargame.bots.resume import resume
from wargame.game import Game
from wargame.hexgrid import Hex
from wargame.model.units import Side, Unit
from wargame.orders import Airlift, Move, Order
from wargame.render import counter_legend
from wargame.seminar.injects import base_scenario
from wargame.tui import panels
from wargame.tui.commands import GameCommands, GoTo
from wargame.tui.dialogs import Confirm, Handover, HelpScreen
from wargame.tui.forecast_ui import Forecasting
from wargame.tui.gamelog import LogView, Timeline
from wargame.tui.hexmap import HexMap
from wargame.tui.orders_ui import HumanOrders
from wargame.tui.overview import Overview
from wargame.tui.players import PLAYER_HELP
from wargame.tui.saves_ui import game_tag
from wargame.tui.session import Session
from wargame.tui.umpire_ui import UmpireFlow
from wargame.tui.watch import WatchMode

REACH, SELECTED, TARGET, ATTACKER, PATH = "#2fb3a3", "#c8a000", "#b03030", "#d08000", "#9be870"
OVERLAY = {"zoc": "#7a3a7a", "ad": "#8a5a20"}
INTERACTIVE_BUDGET = 6.0  # seconds a look-ahead bot may think per look in the TUI
BOT_SWITCH_INTERVAL = 0.0005  # seconds: while a bot thinks in its thread, hand the GIL back to the UI often
# (terminal width or height below which, side panel width, log lines)
SIDE_WIDTHS, LOG_LINES = ((100, 30), (160, 40), (10**6, 52)), ((30, 4), (45, 8), (10**6, 12))


class GameScreen(HumanOrders, WatchMode, UmpireFlow, LogView, Session, Forecasting, Screen):
    CSS = """
    #body { height: 1fr; }
    HexMap { width: 1fr; height: 1fr; }
    #side { width: 38; }
    #side Static { margin-bottom: 1; }
    #log { height: 8; border-top: solid $accent; }
    """
    COMMANDS = Screen.COMMANDS | {GameCommands}
    BINDINGS = [
        Binding("e", "end_phase", "End phase"),
        Binding("a", "attack", "Attack"),
        Binding("x,backspace", "undo", "Undo"),
        Binding("g,slash", "goto", "Go to"),
        Binding("question_mark", "help", "Help"),
        Binding("q", "quit_game", "Quit"),
        Binding("m", "air", "Air mission", show=False),
        Binding("A", "airlift", "Helicopter move", show=False),
        Binding("w", "demolish", "Blow bridge", show=False),
        Binding("F", "fallback", "Fallback", show=False),
        Binding("tab", "next_unit", "Next unit", show=False),
        Binding("z", "overlay('zoc')", "ZOC", show=False),
        Binding("d", "overlay('ad')", "Air defence", show=False),
        Binding("c", "overlay('control')", "Control", show=False),
        Binding("escape", "cancel", "Cancel", show=False),
        Binding("ctrl+s", "save", "Save", show=False),
        Binding("ctrl+l", "load", "Load", show=False),
        Binding("o", "overview", "Overview", show=False),
        Binding("L", "full_log", "Log", show=False),
        Binding("t", "summary", "Turn summary", show=False),
        Binding("r", "report", "Report", show=False),
        Binding("n", "new_game", "New game", show=False),
        Binding("space", "space", "Pause", show=False),
        Binding("full_stop", "step", "Step", show=False),
        Binding("plus", "faster", "Faster", show=False),
        Binding("minus", "slower", "Slower", show=False),
        Binding("G", "to_end", "Jump to end", show=False),
        Binding("f", "forecast", "Forecast", show=False),
    ]
    KEYS = [
        ("arrows hjkl", "move the cursor (h/l west/east, k/j up/down)"),
        ("y u b n", "north-west, north-east, south-west, south-east"),
        ("numpad", "7 9 4 6 1 3 the six directions"),
        ("Enter / click", "select a unit; move it to a green hex; in combat, add it to the attack"),
        ("Tab", "next unit of yours"),
        ("a", "attack the enemy hex under the cursor (preview first)"),
        ("m", "air mission at the cursor (air phase)"),
        ("A", "fly the selected air-assault or airborne unit by helicopter to the cursor (movement phase)"),
        ("w", "blow the bridge between the cursor hex and your unit beside it (movement phase; it stays)"),
        ("F", "the selected unit falls back toward the cursor if a combat result makes it retreat"),
        ("x", "undo the order at the cursor (else the last one) and any order that depended on it"),
        ("e", "end the phase: the orders are adjudicated"),
        ("Esc", "drop the selection"),
        ("g or /", "go to a city or hex (riga, tallinn, 3110)"),
        ("o", "overview of the whole theatre"),
        ("L", "the whole log (scroll, filter)"),
        ("t", "last turn's summary"),
        ("f", "forecast from here (from what your side believes)"),
        ("z d c", "overlays: enemy zones of control, enemy air-defence umbrellas, who holds the cities"),
        ("Ctrl+S / Ctrl+L", "save under a name / load a save"),
        ("Ctrl+P", "command palette: every command, go to any city"),
        ("space . + - G", "watch mode: pause, step a phase, faster, slower, jump to the end"),
        ("r n", "after the game: the report, a new game"),
        ("?", "this help"),
        ("q", "quit (asks first)"),
    ]

    def __init__(
        self,
        game: Game,
        players: dict[Side, str],
        name: str = "game",
        bots: dict[Side, Any] | None = None,
        decisions: list[dict[str, str]] | None = None,
    ):
        super().__init__()
        self.game = game
        self.players = players
        self.bots = bots or {s: load_bot(p, s, bot_seed(game.seed, s)) for s, p in players.items() if p != "human"}
        # bots built here for a game with a history (a loaded save, a rewound phase) catch up on it
        # first (`wargame.bots.resume`): they remember what they would have, had it never stopped
        self.warming = bots is None and bool(self.bots) and bool(game.log)
        for bot in self.bots.values():
            # a bot that looks ahead (the search bot) gets a time cap at the keyboard: a player should not
            # wait more than a few seconds; batch runs keep it uncapped and so deterministic
            if getattr(bot, "budget", 0) is None:
                bot.budget = INTERACTIVE_BUDGET
        self.decisions = list(decisions or [])  # recorded umpire rulings, applied in order (replays)
        self.selected: str | None = None
        self.attackers: list[str] = []
        self.reach: dict[Hex, int] = {}
        self.busy = False
        self.paused = False
        self.delay = 0.6
        self.viewer: Side | None = None  # whose eyes the map shows; None = all (watch mode)
        self.umpire_view = False  # the umpire is ruling: both sides are shown
        self.last_human: Side | None = None
        self.cursors: dict[Side, Hex] = {}  # hotseat: where each player left the cursor
        self.tag = game_tag(game.scenario.id)
        self.save_name = name
        self.overlay: str | None = None
        self.path_hexes: list[Hex] = []
        self.timeline = Timeline()
        self.summarised: dict[Side, int] = {}
        self._visible: list[Unit] | None = None

    # --- layout -----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="body"):
            yield HexMap(self.game.board, id="map")
            with VerticalScroll(id="side"):
                yield Static(id="status")
                yield Static(id="hexinfo")
                yield Static(id="unitinfo")
                yield Static(id="orders")
        yield RichLog(id="log", wrap=True, markup=False)
        yield Footer()

    def on_resize(self) -> None:
        """Small terminals keep the map; large ones get a wider panel and a longer log."""
        w, h = self.app.size
        self.query_one("#side").styles.width = next(v for lim, v in SIDE_WIDTHS if w < lim)
        self.query_one("#log").styles.height = next(v for lim, v in LOG_LINES if h < lim)

    @property
    def staged(self) -> tuple[Order, ...]:
        """The orders staged this phase: the engine's (`Game.stage`), not a copy kept here."""
        return self.game.staged

    @property
    def map(self) -> HexMap:
        return self.query_one(HexMap)

    def on_mount(self) -> None:
        # a bot thinks in a thread; a short GIL switch interval keeps keys answered while it does
        self._switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(BOT_SWITCH_INTERVAL)
        self.on_resize()
        sc = self.game.scenario
        self.log_line(
            f"{sc.title}. Seed {self.game.seed}. Red: {self.players[Side.RED]}, Blue: {self.players[Side.BLUE]}."
        )
        for e in self.game.events:
            self.log_event(e)
        humans = [s for s, p in self.players.items() if p == "human"]
        side = self.game.active_side if self.game.active_side in humans else (humans[0] if humans else None)
        self.map.cursor = self.home_hex(side)
        if self.watching():
            self.set_interval(0.1, self._watch_tick)
        self.map.focus()
        if self.warming:
            self.busy = True  # no phase ends, and no bot is asked, until the bots have caught up
            self.notify(f"The bots catch up on the {len(self.game.log)} phases played so far…")
            self.warm_bots(self.game.to_record(), base_scenario(self.game))
        else:
            self.call_after_refresh(self.advance)

    @work(thread=True, group="bot")
    def warm_bots(self, record: dict[str, Any], scenario: Any) -> None:
        """The warm-up, in a worker (a search bot looks ahead again as it did): the game is replayed
        from its own record on a copy; this screen's game is not touched."""
        t0 = time.perf_counter()
        try:
            resume(record, scenario, self.bots)
            problem = None
        except Exception as e:  # noqa: BLE001 - cannot happen for a game's own record; never crash the game
            problem = f"the bots could not catch up on the game ({type(e).__name__}: {e}); they play on regardless"
        self.app.call_from_thread(self._warmed, time.perf_counter() - t0, problem)

    def _warmed(self, seconds: float, problem: str | None) -> None:
        self.warming = self.busy = False
        if problem:
            self.log_line(problem, "red")
        elif seconds >= 1.0:
            self.notify(f"The bots have caught up ({seconds:.0f} s)", timeout=3)
        self.advance()
        if self._jump_pending and not self.game.over and not self.busy:
            self._jump_pending = False
            self._start_jump()

    def home_hex(self, side: Side | None) -> Hex:
        """Where a player's cursor starts: where they left it, else their first unit, else the capital."""
        if side in self.cursors:
            return self.cursors[side]
        first = next((u for u in self.game.units_of(side)), None) if side is not None else None
        sc = self.game.scenario
        capital = sc.board.city_named(sc.victory.measure[0]) if sc.victory.measure else None
        return first.hex if first else (capital.hex if capital else self.map.cursor)

    # --- what is shown ------------------------------------------------------------------------------

    def human_side(self) -> Side | None:
        s = self.game.active_side
        return s if s is not None and self.players[s] == "human" else None

    def visible_units(self) -> list[Unit]:
        g = self.game
        if self.viewer is None or self.umpire_view:
            units = [u.copy() for u in g.units.values() if u.hex is not None and u.alive]
        else:
            v = g.view(self.viewer)
            units = list(v.own) + list(v.enemy)
        # staged moves are shown where they will go, to the side that gave them only
        mine = self.viewer is None or self.viewer is g.active_side
        moved = {o.unit: o.path[-1] for o in self.staged if isinstance(o, Move)} if mine else {}
        moved.update({o.unit: o.to for o in self.staged if isinstance(o, Airlift)} if mine else {})
        for u in units:
            if u.id in moved:
                u.hex = g.parse(moved[u.id])
        return units

    def shown_units(self) -> list[Unit]:
        return self._visible if self._visible is not None else self.visible_units()

    def overlay_tint(self) -> dict[Hex, str]:
        """Hexes to colour for the chosen overlay, from the viewer's `View` (what it can know)."""
        g = self.game
        me = self.viewer or g.active_side
        if self.overlay in OVERLAY and me is not None:
            v = g.view(me)
            hexes = v.enemy_zoc if self.overlay == "zoc" else v.enemy_ad
            return {h: OVERLAY[self.overlay] for h in hexes}
        out: dict[Hex, str] = {}
        if self.overlay == "control":
            for c in g.board.cities.values():
                holder = g.control.get(c.name)
                if holder is not None:
                    out[c.hex] = "#b02020" if holder is Side.RED else "#2050c0"
        return out

    def action_overlay(self, kind: str) -> None:
        self.overlay = None if self.overlay == kind else kind
        self.notify(f"overlay: {kind if self.overlay else 'off'}")
        self.refresh_all()

    def tints(self) -> dict[Hex, str]:
        tint: dict[Hex, str] = self.overlay_tint() if self.overlay else {}
        tint.update({h: REACH for h in self.reach})
        for h in self.path_hexes:
            tint[h] = PATH
        for uid in self.attackers:
            u = self.game.units[uid]
            if u.hex is not None:
                tint[u.hex] = ATTACKER
        if self.game.phase == "combat" and self.attackers:
            for t in self.attack_targets():
                tint[t] = TARGET
        if self.selected and self.game.units[self.selected].hex is not None:
            tint[self.game.units[self.selected].hex] = SELECTED
        return tint

    def refresh_all(self) -> None:
        self._visible = self.visible_units()
        self.map.set_content(self._visible, self.tints())
        self.update_status()
        self.update_hexinfo(self.map.cursor)

    def update_status(self) -> None:
        self.query_one("#status", Static).update(panels.status_text(self))
        self.query_one("#orders", Static).update(panels.orders_text(self))

    def update_hexinfo(self, h: Hex) -> None:
        self.query_one("#hexinfo", Static).update(panels.hex_text(self, h))
        self.query_one("#unitinfo", Static).update(panels.unit_text(self))

    def go_to(self, h: Hex) -> None:
        self.map.cursor = h
        self.map.scroll_to_region(self.map._region(h).grow((8, 16, 8, 16)), animate=False, center=True)

    def action_goto(self) -> None:
        self.app.push_screen(GoTo(self.game.board), lambda h: self.go_to(h) if h is not None else None)

    # --- the flow of play ----------------------------------------------------------------------------

    def advance(self) -> None:
        """Run on until a human has to act (or the game ends)."""
        g = self.game
        if g.over:
            self.refresh_all()
            self.show_result()
            return
        if g.pending is not None:
            if self.decisions:
                d = self.decisions.pop(0)
                self._umpire_ruled((d["action"], d.get("result", ""), d.get("note", "")))
            else:
                self.ask_umpire()
            return
        side = g.active_side
        if self.players[side] == "human":
            humans = [s for s, p in self.players.items() if p == "human"]
            if len(humans) == 2 and self.last_human is not None and self.last_human is not side:
                self.cursors[self.last_human] = self.map.cursor
                self.viewer = None
                self.map.blanked = True
                self.map.invalidate()
                self.app.push_screen(
                    Handover(
                        f"{side.value.capitalize()} ({g.scenario.sides[side].name})",
                        f"Turn {g.turn}, {side.value} {g.phase} phase.",
                    ),
                    self._handed_over,
                )
                return
            first = self.last_human is None
            self.viewer = side
            self.last_human = side
            if first:
                self.rewrite_log()
            self.refresh_all()
            if self._summary_due(side):
                self.action_summary(g.turn - 1)
            return
        if self.watching():
            self.viewer = None
            self.refresh_all()
            return  # watch mode: the timer steps
        self.refresh_all()
        self.busy = True
        self.run_bot(side)

    def on_unmount(self) -> None:
        sys.setswitchinterval(self._switch_interval)

    def _handed_over(self, _: Any) -> None:
        side = self.game.active_side
        self.viewer = side
        self.last_human = side
        self.map.blanked = False
        self.map.cursor = self.home_hex(side)
        self.map.invalidate()
        self.rewrite_log()
        self.refresh_all()
        if self._summary_due(side):
            self.action_summary(self.game.turn - 1)

    @work(thread=True, group="bot")
    def run_bot(self, side: Side) -> None:
        self.app.call_from_thread(self.update_status)
        g = self.game
        try:
            orders = list(self.bots[side].orders(g.view(side), Oracle(g, side)))
            problem = None
        except Exception as e:  # noqa: BLE001 - a bot must not crash the game
            orders, problem = [], f"{side.value} bot failed: {type(e).__name__}: {e}; it passes this phase"
        self.app.call_from_thread(self._bot_done, side, orders, problem)

    def _bot_done(self, side: Side, orders: list[Order], problem: str | None) -> None:
        self.busy = False
        if problem:
            self.log_line(problem, "red")
        self.commit(side, orders)
        if self._jump_pending and not self.game.over and not self.busy:
            self._jump_pending = False
            self._start_jump()

    def commit(self, side: Side, orders: list[Order] | None = None) -> None:
        """End `side`'s phase: a bot's orders as given, or (None) the orders staged in the engine."""
        events = self.game.commit(side) if orders is None else self.game.submit(side, orders)
        for e in events:
            self.log_event(e)
        self.selected, self.attackers, self.reach, self.path_hexes = None, [], {}, []
        self.autosave()
        self.advance()

    def action_space(self) -> None:
        """Space pauses a watched game; at the keyboard it selects, like Enter."""
        if self.watching():
            self.action_pause()
        else:
            self.map.action_select()

    # --- other screens ---------------------------------------------------------------------------------

    def window(self) -> tuple[int, int, int, int]:
        """The main map's visible window as (first column, first row, columns, rows)."""
        sx, sy = self.map.scroll_offset
        w, h = self.map.size
        return sx // 4, sy // 2, max(1, w // 4), max(1, h // 2)

    def action_overview(self) -> None:
        self.app.push_screen(
            Overview(self.game.board, self.shown_units(), self.window(), self.map.cursor),
            lambda h: self.go_to(h) if h is not None else None,
        )

    def action_help(self) -> None:
        legend = Text("\n")
        legend.append_text(counter_legend(per_line=3, types=self.game.scenario.units))
        self.app.push_screen(HelpScreen("Game", self.KEYS, legend))

    def action_bots(self) -> None:
        self.app.push_screen(HelpScreen("Players", list(PLAYER_HELP.items())))

    def action_quit_game(self) -> None:
        staged = f" The {len(self.staged)} order(s) staged this phase are not saved." if self.staged else ""
        self.app.push_screen(
            Confirm(f"Quit the game? (It is autosaved after every phase.){staged}"),
            lambda ok: self.app.exit() if ok else None,
        )
