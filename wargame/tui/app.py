"""The Textual app: a start screen (scenario, briefing, who plays each side, seed, umpire, or load
a save) and the game screen. Rules never live here: every action goes through `wargame.game.Game`."""

from __future__ import annotations

import os
import random
import signal
import sys
import threading
from pathlib import Path

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Footer, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from wargame.bots.base import BOTS
from wargame.data.scenario import list_scenarios, load_scenario
from wargame.data.schema import DataError
from wargame.game import Game, replay
from wargame.model.units import Side
from wargame.saves import SaveError, data_matches, players_of, read_save, scenario_of
from wargame.tui.dialogs import HelpScreen
from wargame.tui.game_screen import GameScreen
from wargame.tui.players import PLAYER_HELP
from wargame.tui.saves_ui import LoadPicker

PLAYERS = [("human", "human")] + [(f"bot: {b}", b) for b in BOTS]
DEFAULT_SCENARIO = "incursion-2016"


class StartScreen(Screen):
    CSS = """
    #cols { height: 1fr; }
    #left { width: 46; height: 1fr; }
    #scenarios { height: auto; max-height: 7; min-height: 3; }
    #briefing { width: 1fr; padding: 0 1; }
    #setup { height: 1fr; }
    .row { height: 3; }
    .row Label { width: 6; padding: 1 0 0 1; }
    .row Select, .row Input { width: 1fr; }
    #umpire { width: 100%; }
    #buttons { height: 3; }
    #buttons Button { margin-right: 1; min-width: 10; }
    """
    BINDINGS = [Binding("enter", "start", "Start", priority=False), Binding("ctrl+l", "load", "Load a game"),
                Binding("question_mark", "help", "Help"), Binding("q", "app.quit", "Quit")]
    KEYS = [("up/down", "choose a scenario"), ("Tab", "next field"), ("Enter", "start the game"),
            ("Ctrl+L", "load a game: choose a save"), ("?", "this help"), ("q", "quit")]

    def __init__(self, scenario: str | None, red: str | None, blue: str | None, seed: int | None, umpire: bool):
        super().__init__()
        self.initial = scenario or DEFAULT_SCENARIO
        # a plug-in bot (module:Class) named on the command line joins the list (it was trusted there)
        self.players = PLAYERS + [(f"plug-in: {x}", x) for x in dict.fromkeys((red, blue)) if x and ":" in x]
        valid = {v for _, v in self.players}
        self.red = red if red in valid else "human"
        self.blue = blue if blue in valid else "operational"
        self.seed = seed if seed is not None else random.randrange(1, 100000)
        self.umpire = umpire
        self.scenarios = list_scenarios()

    def compose(self) -> ComposeResult:
        with Horizontal(id="cols"):
            with Vertical(id="left"):
                # one line per scenario, however long its title: a wrapped title looks like two scenarios
                yield OptionList(*[Option(title if len(title) <= 42 else title[:41] + "…", id=sid)
                                   for sid, title, _s, _p in self.scenarios], id="scenarios")
                with VerticalScroll(id="setup"):
                    with Horizontal(classes="row"):
                        yield Label("[b red]Red[/]")
                        yield Select(self.players, value=self.red, allow_blank=False, id="red")
                    with Horizontal(classes="row"):
                        yield Label("[b blue]Blue[/]")
                        yield Select(self.players, value=self.blue, allow_blank=False, id="blue")
                    with Horizontal(classes="row"):
                        yield Label("Seed")
                        yield Input(str(self.seed), id="seed", type="integer")
                    yield Checkbox("Umpire: approve each result", self.umpire, id="umpire")
                    with Horizontal(id="buttons"):
                        yield Button("Start", id="start", variant="primary")
                        yield Button("Load…", id="load")
            yield VerticalScroll(Static(id="briefing-text"), id="briefing")
        yield Footer()

    def on_mount(self) -> None:
        self.app.title = "Baltic wargame"
        ol = self.query_one(OptionList)
        ids = [s[0] for s in self.scenarios]
        ol.highlighted = ids.index(self.initial) if self.initial in ids else 0
        ol.focus()

    def on_option_list_option_highlighted(self, e: OptionList.OptionHighlighted) -> None:
        sid = e.option.id
        try:
            sc = load_scenario(sid)
        except DataError as err:
            self.query_one("#briefing-text", Static).update(Text(str(err), "red"))
            return
        t = Text()
        t.append(sc.title + "\n", "bold")
        t.append(sc.summary + "\n\n")
        t.append(f"{len(sc.units)} units; {sc.clock.length_turns} turns of {sc.clock.turn_hours} hours\n", "dim")
        if sc.crisis is not None:
            t.append(f"First a crisis of {sc.crisis.days} days before H-hour; then, perhaps, the war\n", "bold yellow")
        t.append("\n")
        for side in (Side.RED, Side.BLUE):
            t.append(f"{sc.sides[side].name} ({side.value})\n", "bold red" if side is Side.RED else "bold blue")
            paragraphs = [" ".join(p.split()) for p in sc.sides[side].briefing.split("\n\n") if p.strip()]
            t.append("\n\n".join(paragraphs) + "\n\n")
        self.query_one("#briefing-text", Static).update(t)

    def on_option_list_option_selected(self, e: OptionList.OptionSelected) -> None:
        self.action_start()

    def on_button_pressed(self, e: Button.Pressed) -> None:
        self.action_load() if e.button.id == "load" else self.action_start()

    def action_start(self) -> None:
        ol = self.query_one(OptionList)
        if ol.highlighted is None:
            return
        sid = self.scenarios[ol.highlighted][0]
        try:
            seed = int(self.query_one("#seed", Input).value or 0)
        except ValueError:
            self.notify("the seed must be a whole number", severity="error")
            return
        players = {Side.RED: self.query_one("#red", Select).value, Side.BLUE: self.query_one("#blue", Select).value}
        umpire = self.query_one("#umpire", Checkbox).value
        self.app.start_game(sid, players, seed, umpire)

    def action_load(self) -> None:
        self.app.push_screen(LoadPicker(), lambda p: self.app.load_game(p) if p else None)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen("Start", self.KEYS + [(k, v) for k, v in PLAYER_HELP.items()]))


class WargameApp(App):
    TITLE = "Baltic wargame"
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", show=False)]

    def __init__(self, scenario: str | None = None, red: str | None = None, blue: str | None = None,
                 seed: int | None = None, umpire: bool = False, load: str | None = None, replay: str | None = None):
        super().__init__()
        self.args = (scenario, red, blue, seed, umpire)
        self.load_path = load
        self.replay_path = replay

    def on_mount(self) -> None:
        self._watch_terminal()
        scenario, red, blue, seed, umpire = self.args
        if self.replay_path:
            self.push_screen(StartScreen(scenario, red, blue, seed, umpire))
            self.watch_replay(Path(self.replay_path))
        elif self.load_path:
            self.push_screen(StartScreen(scenario, red, blue, seed, umpire))
            self.load_game(Path(self.load_path))
        elif scenario and red and blue:
            self.push_screen(StartScreen(scenario, red, blue, seed, umpire))
            self.start_game(scenario, {Side.RED: red, Side.BLUE: blue}, seed if seed is not None else 1, umpire)
        else:
            self.push_screen(StartScreen(scenario, red, blue, seed, umpire))

    # --- a closed terminal ends the game process ----------------------------------------------------

    def _watch_terminal(self) -> None:
        """When the terminal goes away (window closed, ssh dropped) the process must end, not spin:
        Textual's input thread reads end-of-file forever after a hang-up that does not reach us as
        SIGHUP (e.g. under `make play`). The game is autosaved after every phase, so only the phase in
        progress is lost, as promised."""
        try:
            fd = sys.__stdin__.fileno() if sys.__stdin__ is not None else -1
        except (OSError, ValueError):
            fd = -1
        if fd < 0 or not os.isatty(fd):
            return  # headless (tests, CI): nothing to watch
        self._tty_fd = fd
        if threading.current_thread() is threading.main_thread() and hasattr(signal, "SIGHUP"):
            signal.signal(signal.SIGHUP, lambda *_: self.call_later(self.terminal_lost))
        self.set_interval(1.0, self.check_terminal)

    def check_terminal(self) -> None:
        import termios

        try:
            termios.tcgetattr(self._tty_fd)
        except (termios.error, OSError):
            self.terminal_lost()

    def terminal_lost(self) -> None:
        # exit cleanly if Textual can; if restoring a dead terminal hangs, end the process regardless
        timer = threading.Timer(3.0, os._exit, args=(0,))
        timer.daemon = True
        timer.start()
        self.exit(return_code=0)

    def make_screen(self, game: Game, players: dict[Side, str]) -> GameScreen:
        """The screen a new or loaded game is played on (the seminar's facilitator has its console)."""
        return GameScreen(game, players)

    def start_game(self, scenario_id: str, players: dict[Side, str], seed: int, umpire: bool) -> None:
        try:
            sc = load_scenario(scenario_id)
            if sc.crisis is not None:  # the crisis first, then the war (wargame.tui.crisis_screen)
                from wargame.crisis import Crisis
                from wargame.tui.crisis_screen import CrisisScreen

                self.push_screen(CrisisScreen(Crisis(sc, seed, umpire=umpire), players))
                return
            game = Game(sc, seed=seed, umpire=umpire)
            screen = self.make_screen(game, players)
        except (DataError, ValueError) as e:
            self.notify(str(e), severity="error", timeout=10)
            return
        self.push_screen(screen)

    def watch_replay(self, path: Path) -> None:
        """Watch a saved game from its start, phase by phase (watch-mode keys: space . + - G)."""
        from wargame.bots.replayer import replay_players

        try:
            rec = read_save(path)
            sc = load_scenario(scenario_of(rec, self.args[0]))
            if sc.id != rec["scenario"]:
                raise SaveError(f"the save is of scenario {rec['scenario']!r}, not {sc.id!r}")
            crisis = None
            if rec.get("crisis"):  # the war after a crisis is played on the scenario the crisis handed over
                from wargame.crisis.record import replay_crisis

                crisis, _ = replay_crisis(rec["crisis"], sc, rec["seed"])
                sc = crisis.war_scenario()
            game = Game(sc, seed=rec["seed"], umpire=bool(rec.get("umpire")))
            game.crisis = crisis
        except (SaveError, DataError, ValueError, KeyError) as e:
            self.notify(f"cannot replay {path}: {e}", severity="error", timeout=10)
            return
        self.push_screen(GameScreen(game, {Side.RED: "replay", Side.BLUE: "replay"}, bots=replay_players(rec),
                                    decisions=rec.get("decisions", [])))
        self.notify(f"Replaying {path.name}: space pauses, . steps, + and - change speed, G jumps to the end")

    def load_game(self, path: Path, replace: bool = False) -> None:
        """Load a save through the strict reader (wargame.saves): a bad save is a message, never a
        crash; its players are built-in names or the command line's choice, never code it names.
        `replace`: the game on screen gives way to it (it was autosaved after its last phase)."""
        try:
            rec = read_save(path)
            players = {Side(s): p for s, p in players_of(rec, {"red": self.args[1], "blue": self.args[2]}).items()}
            sc = load_scenario(scenario_of(rec, self.args[0]))
            if sc.id != rec["scenario"]:
                raise SaveError(f"the save is of scenario {rec['scenario']!r}, not {sc.id!r}")
            changed = data_matches(rec, sc)
            from wargame.crisis.saves import in_crisis, load_crisis

            screen: Screen
            if in_crisis(rec):  # saved during the crisis: back to the crisis screen
                from wargame.tui.crisis_screen import CrisisScreen

                crisis, problems = load_crisis(rec, sc)
                screen, where = CrisisScreen(crisis, players), f"crisis day {crisis.day}, {crisis.phase}"
            else:
                game, problems = replay(rec, sc)
                screen, where = self.make_screen(game, players), f"turn {game.turn}, {game.phase} phase"
        except (SaveError, DataError, ValueError, KeyError) as e:
            self.notify(f"cannot load {path}: {e}", severity="error", timeout=10)
            return
        if changed or problems:
            self.notify("; ".join(([changed] if changed else []) + problems), severity="warning", timeout=10)
        if replace and len(self.screen_stack) > 2:
            self.pop_screen()  # the game being left: it was autosaved after its last phase
        self.push_screen(screen)
        self.notify(f"Loaded {path.name}: {where}")
