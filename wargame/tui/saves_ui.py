"""Saves as a player expects them: named saves, a few rotating autosaves per game, and a load picker
that shows each save's scenario, turn and date. The file format is `wargame.saves`' (unchanged);
this module only names, lists and prunes files in the saves folder."""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from wargame.saves import SaveError, read_save, write_save

AUTOSAVES_KEPT = 3      # per game: the last few turns, so a bad turn can be taken back
AUTOSAVES_MAX = 30      # in all: the oldest games' autosaves go first
AUTO = re.compile(r"^auto-(?P<game>.+)-T(?P<turn>\d+)\.save$")


def saves_dir() -> Path:
    env = os.environ.get("WARGAME_SAVES")
    if env:
        return Path(env)
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "baltic-wargame"


def game_tag(scenario_id: str, started: float | None = None) -> str:
    """The name shared by one game's autosaves: scenario and the time it was opened. A loaded game
    gets a new tag, so playing on from an old save never overwrites that game's autosaves."""
    return f"{scenario_id}-{time.strftime('%Y%m%d-%H%M%S', time.localtime(started or time.time()))}"


def autosave(record: dict[str, Any], tag: str, turn: int, folder: Path | None = None) -> Path:
    """Write this turn's autosave of the game `tag` and prune: the last AUTOSAVES_KEPT turns of this
    game, AUTOSAVES_MAX autosaves in all."""
    folder = folder or saves_dir()
    path = write_save(folder / f"auto-{tag}-T{turn:02d}.save", record)
    mine = sorted((p for p in folder.glob(f"auto-{tag}-T*.save") if AUTO.match(p.name)),
                  key=lambda p: int(AUTO.match(p.name)["turn"]))
    for old in mine[:-AUTOSAVES_KEPT]:
        old.unlink(missing_ok=True)
    every = sorted(folder.glob("auto-*.save"), key=lambda p: p.stat().st_mtime)
    for old in every[:-AUTOSAVES_MAX]:
        old.unlink(missing_ok=True)
    return path


def safe_name(text: str) -> str:
    """A player's save name as a file name: letters, digits, '-', '_' and '.', nothing that climbs
    out of the saves folder."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", text.strip()).strip(".-") or "save"
    return name if name.endswith(".save") else name + ".save"


@dataclass(frozen=True)
class SaveInfo:
    path: Path
    scenario: str
    turn: int | None
    phase: str
    players: str
    modified: float
    problem: str = ""

    @property
    def auto(self) -> bool:
        return self.path.name.startswith("auto-")

    def line(self) -> str:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.modified))
        if self.problem:
            return f"{self.path.name}  (unreadable: {self.problem})"
        turn = f"turn {self.turn}" if self.turn is not None else "turn ?"
        auto = "[auto] " if self.auto else ""
        return f"{when}  {self.scenario}, {turn}{self.phase}  {self.players}  {auto}{self.path.name}"


def list_saves(folder: Path | None = None) -> list[SaveInfo]:
    """Every save in the folder, newest first, with what a player chooses by."""
    from wargame.game import PHASES

    folder = folder or saves_dir()
    out = []
    for p in folder.glob("*.save") if folder.is_dir() else []:
        mtime = p.stat().st_mtime
        try:
            rec = read_save(p)
        except SaveError as e:
            out.append(SaveInfo(p, "?", None, "", "", mtime, str(e).split(": ", 1)[-1]))
            continue
        state = (rec.get("snapshot") or {}).get("state") or {}
        turn = state.get("turn") if isinstance(state.get("turn"), int) else None
        pi = state.get("phase")
        phase = f", {PHASES[pi][1].value} {PHASES[pi][0]}" if isinstance(pi, int) and 0 <= pi < len(PHASES) else ""
        if state.get("over"):
            phase = ", over"
        players = rec.get("players") if isinstance(rec.get("players"), dict) else {}
        who = " v ".join(f"{s}: {players[s]}" for s in ("red", "blue") if s in players)
        out.append(SaveInfo(p, str(rec.get("scenario", "?")), turn, phase, who, mtime))
    return sorted(out, key=lambda s: -s.modified)


class LoadPicker(ModalScreen):
    """Choose a save to load: newest first; Enter loads, Esc goes back."""

    DEFAULT_CSS = """
    LoadPicker { align: center middle; }
    LoadPicker > Vertical { width: 96%; max-width: 130; height: 90%; border: thick $accent; background: $surface; }
    LoadPicker OptionList { height: 1fr; }
    """
    BINDINGS = [Binding("escape,q", "dismiss_none", "Back")]

    def __init__(self, folder: Path | None = None):
        super().__init__()
        self.saves = [s for s in list_saves(folder) if not s.problem] + [s for s in list_saves(folder) if s.problem]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"[b]Load a game[/b] — {len(self.saves)} save(s) in {saves_dir()}; Enter loads, Esc goes back")
            if self.saves:
                yield OptionList(
                    *[Option(s.line(), id=str(i), disabled=bool(s.problem)) for i, s in enumerate(self.saves)]
                )
            else:
                yield Static("No saves yet: games are autosaved after every phase; Ctrl+S saves under a name.")

    def on_mount(self) -> None:
        for ol in self.query(OptionList):
            ol.highlighted = 0
            ol.focus()

    def on_option_list_option_selected(self, e: OptionList.OptionSelected) -> None:
        self.dismiss(self.saves[int(e.option.id)].path)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


class SaveAs(ModalScreen):
    """Name a save (Enter saves, Esc cancels)."""

    DEFAULT_CSS = """
    SaveAs { align: center middle; }
    SaveAs > Vertical { width: 70; max-width: 95%; height: auto;
        border: thick $accent; background: $surface; padding: 1 2; }
    """
    BINDINGS = [Binding("escape", "dismiss_none", "Cancel")]

    def __init__(self, default: str, note: str = ""):
        super().__init__()
        self.default = default
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("[b]Save the game as[/b] (Enter saves, Esc cancels)" + (f"\n{self.note}" if self.note else ""))
            yield Input(self.default, id="name")

    def on_input_submitted(self, e: Input.Submitted) -> None:
        self.dismiss(safe_name(e.value))

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
