"""The game screen: the map, the panels, the log; humans give orders, bots think in a worker."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import work
from textual.command import Hit, Hits, Provider
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, RichLog, Static

from wargame.bots.base import Oracle, load_bot
from wargame.bots.driver import bot_seed
from wargame.game import Decision, Game
from wargame.hexgrid import Hex, distance, neighbours
from wargame.model.units import Side, Unit
from wargame.orders import AirMission, Attack, Move, Order, describe
from wargame.render import counter_legend, glyph
from wargame.saves import SaveError, write_save
from wargame.tui.dialogs import AirDialog, AttackPreview, Confirm, GameOver, Handover, HelpScreen, UmpireDialog
from wargame.tui.hexmap import HexMap

REACH = "#2fb3a3"
SELECTED = "#c8a000"
TARGET = "#b03030"
ATTACKER = "#d08000"
PATH = "#9be870"
SIDE_STYLE = {Side.RED: "bold red", Side.BLUE: "bold blue"}


def saves_dir() -> Path:
    import os

    env = os.environ.get("WARGAME_SAVES")
    base = Path(env) if env else Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "baltic-wargame"
    return base


INTERACTIVE_BUDGET = 6.0  # seconds a look-ahead bot may think per look in the TUI


class GameCommands(Provider):
    """The game's commands in the command palette (Ctrl+P)."""

    COMMANDS = [
        ("End the phase", "end_phase", "adjudicate this phase's orders"),
        ("Undo an order", "undo", "take back the order at the cursor, else the last one (and what depended on it)"),
        ("Attack the hex under the cursor", "attack", "preview the odds first"),
        ("Air mission at the cursor", "air", "interdiction, SEAD or counter-air (air phase)"),
        ("Save the game", "save", "write a save file"),
        ("Overlay: enemy zones of control", "overlay('zoc')", "toggle"),
        ("Overlay: enemy air-defence umbrellas", "overlay('ad')", "toggle"),
        ("Overlay: who holds the cities", "overlay('control')", "toggle"),
        ("Overview of the whole board", "overview", "one cell per hex"),
        ("Help: keys", "help", "the keys of this screen"),
        ("Quit", "quit_game", "asks first; the game is autosaved"),
    ]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        screen = self.screen
        for name, action, help_text in self.COMMANDS:
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), lambda a=action: screen.run_action(a), help=help_text)


BOT_SWITCH_INTERVAL = 0.0005  # seconds: while a bot thinks in its thread, hand the GIL back to the UI often


class GameScreen(Screen):
    CSS = """
    #body { height: 1fr; }
    HexMap { width: 1fr; height: 1fr; }
    #side { width: 38; min-width: 30; }
    #side Static { margin-bottom: 1; }
    #hexinfo { height: 7; }
    #unitinfo { height: 7; }
    RichLog { height: 8; border-top: solid $accent; }
    """
    COMMANDS = Screen.COMMANDS | {GameCommands}
    BINDINGS = [
        Binding("e", "end_phase", "End phase"),
        Binding("z", "overlay('zoc')", "ZOC", show=False),
        Binding("d", "overlay('ad')", "Air defence", show=False),
        Binding("c", "overlay('control')", "Control", show=False),
        Binding("a", "attack", "Attack"),
        Binding("m", "air", "Air mission"),
        Binding("x,backspace", "undo", "Undo"),
        Binding("tab", "next_unit", "Next unit"),
        Binding("escape", "cancel", "Cancel", show=False),
        Binding("ctrl+s", "save", "Save"),
        Binding("o", "overview", "Overview", show=False),
        Binding("space", "pause", "Pause", show=False),
        Binding("full_stop", "step", "Step", show=False),
        Binding("plus", "faster", "Faster", show=False),
        Binding("minus", "slower", "Slower", show=False),
        Binding("G", "to_end", "Jump to end", show=False),
        Binding("question_mark", "help", "Help"),
        Binding("q", "quit_game", "Quit"),
    ]
    KEYS = [
        ("arrows hjkl", "move the cursor (h/l west/east, k/j up/down)"), ("y u b n", "north-west, north-east, south-west, south-east"),
        ("numpad", "7 9 4 6 1 3 the six directions"), ("Enter / click", "select a unit; move it to a green hex; in combat, add it to the attack"),
        ("Tab", "next unit of yours"), ("a", "attack the enemy hex under the cursor (preview first)"),
        ("m", "air mission at the cursor (air phase)"),
        ("x", "undo the order at the cursor (else the last one) and any order that depended on it"),
        ("e", "end the phase: the orders are adjudicated"), ("Esc", "drop the selection"), ("Ctrl+S", "save the game"),
        ("z d c", "overlays: enemy zones of control, enemy air-defence umbrellas, who holds the cities"),
        ("o", "overview of the whole board"), ("Ctrl+P", "command palette: every command by name"),
        ("space . + - G", "watch mode: pause, step, faster, slower, jump to the end"), ("?", "this help"), ("q", "quit (asks first)"),
    ]

    def __init__(self, game: Game, players: dict[Side, str], name: str = "game",
                 bots: dict[Side, Any] | None = None, decisions: list[dict[str, str]] | None = None):
        super().__init__()
        self.game = game
        self.players = players
        self.bots = bots or {s: load_bot(p, s, bot_seed(game.seed, s)) for s, p in players.items() if p != "human"}
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
        self.last_human: Side | None = None
        self.save_name = name
        self.overlay: str | None = None
        self.path_hexes: list[Hex] = []

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

    @property
    def staged(self) -> tuple[Order, ...]:
        """The orders staged this phase: the engine's (`Game.stage`), not a copy kept here."""
        return self.game.staged

    @property
    def map(self) -> HexMap:
        return self.query_one(HexMap)

    def on_mount(self) -> None:
        import sys

        # a bot thinks in a thread; a short GIL switch interval keeps keys answered while it does
        self._switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(BOT_SWITCH_INTERVAL)
        sc = self.game.scenario
        self.log_line(f"{sc.title}. Seed {self.game.seed}. Red: {self.players[Side.RED]}, Blue: {self.players[Side.BLUE]}.")
        for e in self.game.events:
            self.log_event(e)
        first = next((u for u in self.game.units.values() if u.hex is not None and self.players[u.side] == "human"), None)
        capital = sc.board.city_named(sc.victory.measure[0]) if sc.victory.measure else None
        self.map.cursor = first.hex if first else (capital.hex if capital else self.map.cursor)
        if all(p != "human" for p in self.players.values()):
            self.set_interval(0.1, self._watch_tick)
        self.map.focus()
        self.call_after_refresh(self.advance)

    # --- what is shown ------------------------------------------------------------------------------

    def human_side(self) -> Side | None:
        s = self.game.active_side
        return s if s is not None and self.players[s] == "human" else None

    def visible_units(self) -> list[Unit]:
        g = self.game
        if self.viewer is None:
            units = [u.copy() for u in g.units.values() if u.hex is not None and u.alive]
        else:
            v = g.view(self.viewer)
            units = list(v.own) + list(v.enemy)
        # staged moves are shown where they will go, to the side that gave them only
        mine = self.viewer is None or self.viewer is g.active_side
        moved = {o.unit: o.path[-1] for o in self.staged if isinstance(o, Move)} if mine else {}
        for u in units:
            if u.id in moved:
                u.hex = g.parse(moved[u.id])
        return units

    def overlay_tint(self) -> dict[Hex, str]:
        """Hexes to colour for the chosen overlay, from what the viewer can see."""
        from wargame.hexgrid import within
        from wargame.rules.movement import exerts_zoc

        g = self.game
        units = self.visible_units()
        me = self.viewer or g.active_side
        out: dict[Hex, str] = {}
        if self.overlay == "zoc":
            blocked = g.terrain.zoc_blocked_pairs
            for u in units:
                if u.side is not me and exerts_zoc(u):
                    for n in [u.hex] + g.terrain.neighbours[u.hex]:
                        if n == u.hex or (u.hex, n) not in blocked:
                            out[n] = "#7a3a7a"
        elif self.overlay == "ad":
            for u in units:
                if u.side is not me and u.type.ad_strength > 0:
                    for n in within(u.hex, u.type.ad_range):
                        if n in g.board.terrain:
                            out[n] = "#8a5a20" if g.board.is_land(n) else "#5a3a20"
        elif self.overlay == "control":
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
        g = self.game
        t = Text()
        t.append(f"Turn {g.turn}/{g.scenario.clock.length_turns}  H+{g.hour}  {'night' if g.night else 'day'}\n", "bold")
        if g.over:
            t.append("Game over\n", "bold")
        else:
            side = g.active_side
            who = self.players[side]
            t.append(f"{side.value.capitalize()} {g.phase}", SIDE_STYLE[side])
            t.append(f" — {who}{' (thinking…)' if self.busy else ''}\n")
            if self.viewer is not None or all(p != "human" for p in self.players.values()):
                t.append(f"sorties left: red {g.sorties[Side.RED]}, blue {g.sorties[Side.BLUE]}\n" if self.viewer is None else
                         f"sorties left: {g.sorties[self.viewer]}\n")
        m = ", ".join(f"{c} H+{h}" for c, h in sorted(g.measure.items(), key=lambda x: x[1])) or "not reached"
        t.append(f"RAND measure: {m}\n")
        if all(p != "human" for p in self.players.values()):
            t.append(f"watch: {'paused' if self.paused else 'running'}, {self.delay:.1f} s/phase\n", "dim")
        self.query_one("#status", Static).update(t)
        o = Text("Orders this phase:\n", "bold")
        for i, order in enumerate(self.staged, 1):
            o.append(f" {i}. {self.describe_order(order)}\n", "")
        if not self.staged:
            o.append(" none\n", "dim")
        self.query_one("#orders", Static).update(o)

    def describe_order(self, o: Order) -> str:
        g = self.game
        if isinstance(o, Move):
            return f"{g.units[o.unit].name}: {o.path[-1]} ({len(o.path)} hexes)"
        if isinstance(o, Attack):
            return f"attack {o.target} with {len(o.attackers)} unit(s)" + (f", {len(o.support)} guns" if o.support else "") + (f", {o.cas} CAS" if o.cas else "")
        if isinstance(o, AirMission):
            return f"{o.mission.replace('_', ' ')} at {o.target}, {o.sorties} sorties"
        return describe(o)

    def update_hexinfo(self, h: Hex) -> None:
        b = self.game.board
        t = Text()
        t.append(f"Hex {self.game.hid(h)}: {b.terrain.get(h, '?')}", "bold")
        country = b.country.get(h)
        if country:
            t.append(f", {country}")
        city = b.cities.get(h)
        if city:
            t.append(f"\n{city.name} ({city.population:,})" + (" capital" if city.capital else ""))
            holder = self.game.control.get(city.name)
            if holder:
                t.append(f", held by {holder.value}")
        for name, hexes in b.outskirts.items():
            if h in hexes:
                t.append(f"\nOutskirts of {name} (RAND measure)", "yellow")
        rivers = sorted({b.rivers[s].name for s in (self._side(h, n) for n in neighbours(h)) if s in b.rivers})
        if rivers:
            t.append(f"\nRiver: {', '.join(rivers)}")
        if h in self.reach:
            t.append(f"\nMove here: {self.reach[h]} MP", "green")
        for u in getattr(self, "_visible", None) or self.visible_units():
            if u.hex == h:
                t.append(f"\n{glyph(u.type)} {u.type.symbol} {u.name} ({u.side.value}) {u.steps}/{u.type.steps}", SIDE_STYLE[u.side])
        self.query_one("#hexinfo", Static).update(t, layout=False)  # fixed height: no re-layout per key
        sel = self.game.units.get(self.selected) if self.selected else None
        ut = Text()
        if sel is not None:
            ut.append(f"{sel.name}\n", "bold")
            ut.append(f"{glyph(sel.type)} {sel.type.symbol} {sel.type.branch.replace('_', ' ')}\n", SIDE_STYLE[sel.side])
            ut.append(f"{sel.type.name}\n{sel.formation}\nattack {sel.attack:g}, defence {sel.defence:g}, steps {sel.steps}/{sel.type.steps}\n"
                      f"MP {sel.type.movement} ({sel.type.mobility})" + (f", fires {sel.type.range} hexes" if sel.type.range else ""))
        self.query_one("#unitinfo", Static).update(ut, layout=False)

    @staticmethod
    def _side(a: Hex, b: Hex):
        from wargame.hexgrid import hexside

        return hexside(a, b)

    def fog_side(self) -> Side | None:
        """Whose fog of war the log respects: the one human, the hotseat player at the keyboard, or
        nobody when bots play both sides."""
        humans = [s for s, p in self.players.items() if p == "human"]
        if len(humans) == 1:
            return humans[0]
        return self.viewer if humans else None

    def _shown(self, event) -> bool:
        from wargame.events import visible_to

        side = self.fog_side()
        return event is None or side is None or visible_to(event, side.value)

    def log_line(self, text: str, style: str = "", event=None) -> None:
        if not hasattr(self, "_log_entries"):
            self._log_entries = []
        self._log_entries.append((event, text, style))
        if self._shown(event):
            self.query_one(RichLog).write(Text(text, style))

    def rewrite_log(self) -> None:
        """After a hotseat hand-over: show the log as the new player may see it."""
        log = self.query_one(RichLog)
        log.clear()
        for event, text, style in getattr(self, "_log_entries", []):
            if self._shown(event):
                log.write(Text(text, style))

    def log_event(self, e) -> None:
        if e.kind == "phase":
            return
        style = {"combat": "bold", "measure": "bold yellow", "game_over": "bold", "rejected": "red", "halted": "yellow",
                 "umpire": "magenta"}.get(e.kind, "")
        self.log_line(f"T{self.game.turn} {e.describe()}", style, event=e)

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
                self.viewer = None
                self.map.blanked = True
                self.map.invalidate()
                self.app.push_screen(Handover(f"{side.value.capitalize()} ({g.scenario.sides[side].name})",
                                              f"Turn {g.turn}, {side.value} {g.phase} phase."), self._handed_over)
                return
            self.viewer = side
            self.last_human = side
            self.refresh_all()
            return
        if all(p != "human" for p in self.players.values()):
            self.viewer = None
            self.refresh_all()
            return  # watch mode: the timer steps
        self.refresh_all()
        self.busy = True
        self.run_bot(side)

    def on_unmount(self) -> None:
        import sys

        sys.setswitchinterval(self._switch_interval)

    def _handed_over(self, _: Any) -> None:
        side = self.game.active_side
        self.viewer = side
        self.last_human = side
        self.map.blanked = False
        self.map.invalidate()
        self.rewrite_log()
        self.refresh_all()

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

    def ask_umpire(self) -> None:
        p = self.game.pending
        if p.kind == "sead":
            text = f"{p.describe()}\nReplace with NE (no effect), S (suppressed) or S1 (suppressed and a step lost)."
            self.app.push_screen(UmpireDialog(text), self._umpire_ruled)
            return
        if p.kind == "air":
            m = p.order
            text = (f"{self.game.active_side.value.capitalize()} flies {m.sorties} {m.mission.replace('_', ' ')} sorties at {m.target}.\n"
                    f"Air defence covering it: loss chance {self.game.ad_loss_probability(self.game.active_side, self.game.parse(m.target)):.0%} a sortie.\n"
                    f"Proposed: [b]{p.result}[/b] sorties lost. (Replace with a number.)")
            self.app.push_screen(UmpireDialog(text), self._umpire_ruled)
            return
        a = p.assessment
        shifts = "\n".join(f"  {r}: {n:+d}" for r, n in a.shifts) or "  none"
        text = (f"{a.side.value.capitalize()} attacks {self.game.hid(a.target)}: {a.attack:g} against {a.defence:g}, "
                f"odds {a.odds} → column {a.column_name}\nShifts:\n{shifts}\nDie: {p.roll} → proposed result [b]{p.result}[/b]")
        self.app.push_screen(UmpireDialog(text), self._umpire_ruled)

    def _umpire_ruled(self, ruling) -> None:
        action, result, note = ruling or ("accept", "", "")
        try:
            events = self.game.decide(Decision(action, result, note))
        except ValueError as e:
            self.notify(str(e), severity="error")
            self.ask_umpire()
            return
        for e in events:
            self.log_event(e)
        self.autosave()
        self.advance()

    def show_result(self) -> None:
        r = self.game.result or {}
        m = f"H+{r.get('measure_hours')}" if r.get("measure_hours") is not None else "not reached"
        cities = ", ".join(f"{c}: {s}" for c, s in r.get("cities", {}).items())
        hold = r.get("hold")
        if hold:
            first = f"H+{hold['hours']}" if hold.get("hours") is not None else "never"
            cities += (f"\nScenario objective, {' and '.join(hold['cities'])}: "
                       f"{'held by Red' if hold['held'] else 'not held by Red'} at the end; first held by Red: {first}")
        text = (f"[b]Game over: {r.get('winner', '?')} wins[/b]\n\n{r.get('reason', '')}.\n\n"
                f"RAND measure (first Red unit in the outskirts of Tallinn or Riga): [b]{m}[/b]\n"
                + "".join(f"  {c}: H+{h}\n" for c, h in r.get("hours", {}).items())
                + f"\nSteps lost: Red {r.get('losses', {}).get('red')}, Blue {r.get('losses', {}).get('blue')}; "
                f"units destroyed: Red {r.get('destroyed', {}).get('red')}, Blue {r.get('destroyed', {}).get('blue')}\n"
                f"Objectives: {cities}")
        self.app.push_screen(GameOver(text))

    # --- saving ------------------------------------------------------------------------------------------

    def record(self) -> dict[str, Any]:
        rec = self.game.to_record()
        rec["players"] = {s.value: p for s, p in self.players.items()}
        return rec

    def autosave(self) -> None:
        if all(p == "replay" for p in self.players.values()):
            return  # watching a replay writes nothing
        try:
            write_save(saves_dir() / "autosave.save", self.record())
        except (OSError, SaveError) as e:
            self.log_line(f"autosave failed: {e}", "red")

    def action_save(self) -> None:
        name = time.strftime(f"{self.game.scenario.id}-%Y%m%d-%H%M%S.save")
        try:
            path = write_save(saves_dir() / name, self.record())
            n = len(self.staged)
            # a save holds committed phases only: staged orders are given again after loading
            self.notify(f"Saved: {path}" + (f"\n(the {n} order(s) staged this phase are not in the save; "
                                            "a loaded game starts this phase with none)" if n else ""))
        except (OSError, SaveError) as e:
            self.notify(f"Save failed: {e}", severity="error")

    # --- human orders -------------------------------------------------------------------------------------

    def on_hex_map_moved(self, m: HexMap.Moved) -> None:
        new_path = self.game.path(self.selected, m.hex) if self.selected and m.hex in self.reach else []
        if new_path or self.path_hexes:
            self.path_hexes = new_path[:-1]  # the path shown up to the destination (the cursor)
            self.map.set_content(tint=self.tints())
        self.update_hexinfo(m.hex)

    def on_hex_map_selected(self, m: HexMap.Selected) -> None:
        side = self.human_side()
        if side is None or self.busy:
            return
        g = self.game
        h = m.hex
        mine = [u for u in self.visible_units() if u.hex == h and u.side is side]
        if g.phase == "movement":
            if self.selected and h in self.reach:
                path = g.path(self.selected, h)
                why = g.stage(side, Move(self.selected, tuple(g.hid(x) for x in path)))
                if why:
                    self.notify(why, severity="warning")
                    return
                self.selected, self.reach, self.path_hexes = None, {}, []
            elif mine:
                staged = {o.unit for o in self.staged if isinstance(o, Move)}
                free = [u for u in mine if u.id not in staged]
                if not free:
                    self.notify("units here already have orders (x undoes)")
                    return
                ids = [u.id for u in free]
                nxt = ids[(ids.index(self.selected) + 1) % len(ids)] if self.selected in ids else ids[0]
                self.selected = nxt
                self.reach = g.reachable(nxt)
                if not self.reach:
                    self.notify(f"{g.units[nxt].name} cannot move")
            else:
                self.selected, self.reach = None, {}
        elif g.phase == "combat":
            busy = {a for o in self.staged if isinstance(o, Attack) for a in o.attackers}
            for u in mine:
                if u.attack > 0 and u.id not in busy:
                    if u.id in self.attackers:
                        self.attackers.remove(u.id)
                    else:
                        self.attackers.append(u.id)
                    self.selected = u.id
        self.refresh_all()

    def attack_targets(self) -> set[Hex]:
        g = self.game
        units = [g.units[i] for i in self.attackers]
        enemy = {u.hex for u in self.visible_units() if u.side is not g.active_side}
        return {e for e in enemy if any(distance(u.hex, e) == 1 for u in units if u.hex is not None)}

    def action_attack(self) -> None:
        side = self.human_side()
        g = self.game
        if side is None or g.phase != "combat":
            self.notify("attacks are declared in your combat phase")
            return
        target = self.map.cursor
        atk = tuple(i for i in self.attackers if distance(g.units[i].hex, target) == 1)
        if not atk:
            busy = {a for o in self.staged if isinstance(o, Attack) for a in o.attackers}
            atk = tuple(u.id for u in g.units_of(side) if u.attack > 0 and u.id not in busy and distance(u.hex, target) == 1)
        busy_fire = {s for o in self.staged if isinstance(o, Attack) for s in o.support}
        support = tuple(u.id for u in sorted(g.units_of(side), key=lambda u: (-u.type.support, u.id))
                        if u.type.support > 0 and u.id not in busy_fire and distance(u.hex, target) <= u.type.range)[: g.tables.max_support_units]
        left = g.sorties[side] - sum(o.cas for o in self.staged if isinstance(o, Attack))
        cas = min(8, left) if left >= g.tables.cas_sorties_per_shift else 0
        order = Attack(g.hid(target), atk, support, cas)
        why = g.legal(side, order)
        if why:
            self.notify(why, severity="warning")
            return
        a = g.preview(order)
        names = ", ".join(g.units[i].name for i in atk)
        shifts = "\n".join(f"  {r}: {n:+d}" for r, n in a.shifts) or "  none"
        probs = "  ".join(f"{k} {v:.0%}" for k, v in sorted(a.probabilities.items(), key=lambda kv: -kv[1]))
        text = (f"[b]Attack {g.hid(target)}[/b]\nAttackers: {names}\nSupport: {len(support)} fire units, {cas} CAS sorties\n\n"
                f"Attack {a.attack:g} : defence {a.defence:g} = {a.odds} → column {g.tables.columns[a.base_column]}\n"
                f"Shifts:\n{shifts}\nFinal column: [b]{a.column_name}[/b]\n\nResults: {probs}")
        self.app.push_screen(AttackPreview(text), lambda ok: self._stage(side, order) if ok else None)

    def _stage(self, side: Side, order: Order) -> None:
        """Stage an order with the engine; if it refuses, say why (nothing is staged)."""
        why = self.game.stage(side, order)
        if why:
            self.notify(why, severity="warning")
            return
        self.attackers = []
        self.refresh_all()

    def action_air(self) -> None:
        side = self.human_side()
        g = self.game
        if side is None or g.phase != "air":
            self.notify("air missions are flown in your air phase")
            return
        left = g.sorties[side] - sum(o.sorties for o in self.staged if isinstance(o, AirMission)) \
            - sum(o.cas for o in self.staged if isinstance(o, Attack))
        def done(res):
            if not res:
                return
            kind, n = res
            self._stage(side, AirMission(kind, g.hid(self.map.cursor), n))
        self.app.push_screen(AirDialog(g.hid(self.map.cursor), left), done)

    def staged_at(self, h: Hex) -> int:
        """Index of the latest staged order at a hex (a move ending there, an attack or air mission on
        it), or -1 (the last order) if none."""
        hid = self.game.hid(h)
        for i in range(len(self.staged) - 1, -1, -1):
            o = self.staged[i]
            if (isinstance(o, Move) and o.path and o.path[-1] == hid) or getattr(o, "target", None) == hid:
                return i
        return -1

    def action_undo(self) -> None:
        """Take back the staged order at the cursor, or else the last one. The engine also takes back
        the orders that depended on it (a move into the hex it emptied); every one removed is reported."""
        if self.human_side() is None or self.busy:
            return
        gone = self.game.unstage(self.staged_at(self.map.cursor)) if self.staged else []
        if not gone:
            self.notify("no order to undo this phase")
            return
        (first, _), rest = gone[0], gone[1:]
        lines = [f"undone: {self.describe_order(first)}"]
        lines += [f"also undone: {self.describe_order(o)} ({why})" for o, why in rest]
        self.notify("\n".join(lines), severity="warning" if rest else "information")
        self.selected, self.reach, self.attackers, self.path_hexes = None, {}, [], []
        self.refresh_all()

    def action_cancel(self) -> None:
        self.selected, self.reach, self.attackers, self.path_hexes = None, {}, [], []
        self.refresh_all()

    def action_next_unit(self) -> None:
        side = self.human_side()
        if side is None:
            return
        staged = {o.unit for o in self.staged if isinstance(o, Move)}
        units = sorted((u for u in self.game.units_of(side) if u.id not in staged), key=lambda u: u.id)
        if not units:
            return
        ids = [u.id for u in units]
        nxt = units[(ids.index(self.selected) + 1) % len(units)] if self.selected in ids else units[0]
        self.map.cursor = nxt.hex
        self.selected = nxt.id
        self.reach = self.game.reachable(nxt.id) if self.game.phase == "movement" else {}
        self.refresh_all()

    def action_end_phase(self) -> None:
        side = self.human_side()
        if side is None or self.busy:
            return
        n = len(self.staged)
        self.app.push_screen(Confirm(f"End {side.value}'s {self.game.phase} phase with {n} order(s)?"),
                             lambda ok: self.commit(side) if ok else None)

    def action_overview(self) -> None:
        self.app.push_screen(Overview(self.game.board, self.visible_units()))

    def action_help(self) -> None:
        legend = Text("\n")
        legend.append_text(counter_legend(per_line=3))
        self.app.push_screen(HelpScreen("Game", self.KEYS, legend))

    def action_quit_game(self) -> None:
        staged = f" The {len(self.staged)} order(s) staged this phase are not saved." if self.staged else ""
        self.app.push_screen(Confirm(f"Quit the game? (It is autosaved after every phase.){staged}"),
                             lambda ok: self.app.exit() if ok else None)

    # --- watch mode ----------------------------------------------------------------------------------------

    _last_step = 0.0

    def _watch_tick(self) -> None:
        if self.paused or self.busy or self.game.over or self.game.pending is not None:
            return
        if time.monotonic() - self._last_step < self.delay:
            return
        self.action_step()

    def action_step(self) -> None:
        if self.busy or self.game.over or self.human_side() is not None:
            return
        self._last_step = time.monotonic()
        self.busy = True
        self.run_bot(self.game.active_side)

    def action_pause(self) -> None:
        self.paused = not self.paused
        self.update_status()

    def action_faster(self) -> None:
        self.delay = max(0.0, round(self.delay - 0.2, 1))
        self.update_status()

    def action_slower(self) -> None:
        self.delay = round(self.delay + 0.2, 1)
        self.update_status()

    _jump_pending = False

    def action_to_end(self) -> None:
        if all(p != "human" for p in self.players.values()) and not self.game.over:
            self.paused = True
            if self.busy:
                self._jump_pending = True  # after the phase a bot is thinking about
            else:
                self._start_jump()

    def _start_jump(self) -> None:
        self.busy = True  # set here, on the UI thread, so no timer step can start meanwhile
        self._run_to_end()

    @work(thread=True, group="bot")
    def _run_to_end(self) -> None:
        g = self.game
        logs = []
        while not g.over:
            side = g.active_side
            orders = list(self.bots[side].orders(g.view(side), Oracle(g, side)))
            logs.extend(g.submit(side, orders))
            while g.pending is not None:
                d = self.decisions.pop(0) if self.decisions else {"action": "accept"}
                logs.extend(g.decide(Decision(d["action"], d.get("result", ""), d.get("note", ""))))
        def finish():
            self.busy = False
            for e in logs:
                self.log_event(e)
            self.autosave()
            self.advance()
        self.app.call_from_thread(finish)


class Overview(Screen):
    """The whole board at one cell per hex, for orientation."""

    BINDINGS = [Binding("escape,o,q", "app.pop_screen", "Back"), Binding("question_mark", "help", "Help")]

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen("Overview", [("arrows / PgUp PgDn", "scroll"), ("Esc, o or q", "back to the map"),
                                                     ("?", "this help")]))

    def __init__(self, board, units):
        super().__init__()
        self.board = board
        self.units = units

    def compose(self) -> ComposeResult:
        from wargame.hexgrid import from_offset
        from wargame.render import TERRAIN_BG, SIDE_FG

        at = {}
        for u in self.units:
            at.setdefault(u.hex, u)
        t = Text()
        for row in range(self.board.rows):
            if row & 1:
                t.append(" ")
            for col in range(self.board.cols):
                h = from_offset(col, row)
                u = at.get(h)
                city = self.board.cities.get(h)
                ch, fg = ("●", SIDE_FG[u.side]) if u else (("★" if city.capital else "•"), "#000000") if city else (" ", "#000000")
                t.append(ch + " " if col < self.board.cols - 1 else ch, f"{fg} on {TERRAIN_BG[self.board.terrain[h]]}")
            t.append("\n")
        yield VerticalScroll(Static(t))
        yield Footer()
