"""The game screen's session: the end of the game and what comes after it, and saving and loading."""

from __future__ import annotations

import time
from typing import Any

from wargame.saves import SaveError, write_save
from wargame.tui.dialogs import GameOver
from wargame.tui.gamelog import LogScreen
from wargame.tui.saves_ui import LoadPicker, SaveAs, autosave, saves_dir


class Session:
    """Mixed into GameScreen."""

    def show_result(self) -> None:
        r = self.game.result
        if r is None:
            return
        m = f"H+{r.measure_hours:g}" if r.measure_hours is not None else "not reached"
        f = f"H+{r.first_unit_hours:g}" if r.first_unit_hours is not None else "never"
        cities = ", ".join(f"{c}: {s}" for c, s in r.cities.items())
        hold = r.hold
        if hold:
            first = f"H+{hold.hours}" if hold.hours is not None else "never"
            cities += (f"\nScenario objective, {' and '.join(hold.cities)}: "
                       f"{'held by Red' if hold.held else 'not held by Red'} at the end; first held by Red: {first}")
        text = (f"[b]Game over: {r.winner} wins[/b]\n\n{r.reason}.\n\n"
                f"RAND measure (a Red main force, in supply, holds the outskirts of Tallinn or Riga): [b]{m}[/b]\n"
                + "".join(f"  {c}: H+{h:g}\n" for c, h in r.hours.items())
                + f"First Red unit of any kind in the outskirts: {f}\n"
                + f"\nSteps lost: Red {r.losses.get('red')}, Blue {r.losses.get('blue')}; "
                f"units destroyed: Red {r.destroyed.get('red')}, Blue {r.destroyed.get('blue')}\n"
                f"Objectives: {cities}")
        self.app.push_screen(GameOver(text), self._after_game)

    def _after_game(self, choice: Any) -> None:
        if choice == "report":
            self.action_report()
        elif choice == "new":
            self.action_new_game()
        elif choice == "quit":
            self.app.exit()

    def action_report(self) -> None:
        if self.game.over:
            self.app.push_screen(LogScreen(self.timeline.entries, None, self.game.turn))

    def action_new_game(self) -> None:
        if self.game.over:
            self.app.pop_screen()  # back to the start screen

    # --- saving ------------------------------------------------------------------------------------------

    def record(self) -> dict[str, Any]:
        rec = self.game.to_record()
        rec["players"] = {s.value: p for s, p in self.players.items()}
        return rec

    def autosave(self) -> None:
        if all(p == "replay" for p in self.players.values()):
            return  # watching a replay writes nothing
        try:
            autosave(self.record(), self.tag, self.game.turn)
        except (OSError, SaveError) as e:
            self.log_line(f"autosave failed: {e}", "red")

    def action_save(self) -> None:
        n = len(self.staged)
        note = (f"The {n} order(s) staged this phase are not saved: a save holds committed phases." if n else "")
        default = time.strftime(f"{self.game.scenario.id}-T{self.game.turn:02d}-%Y%m%d-%H%M")
        self.app.push_screen(SaveAs(default, note), self._save_as)

    def _save_as(self, name: str | None) -> None:
        if not name:
            return
        try:
            path = write_save(saves_dir() / name, self.record())
            self.notify(f"Saved: {path}")
        except (OSError, SaveError) as e:
            self.notify(f"Save failed: {e}", severity="error")

    def action_load(self) -> None:
        self.app.push_screen(LoadPicker(), lambda p: self.app.load_game(p, replace=True) if p else None)

