"""The umpire at the game screen: each proposed result in a dialog that names the units, with the map
on the hex and both sides shown; a re-roll is shown before it stands."""

from __future__ import annotations

from typing import Any

from wargame.game import Decision
from wargame.orders import Attack
from wargame.tui.dialogs import RerollDialog, UmpireDialog


class UmpireFlow:
    """Mixed into GameScreen."""

    def _umpire_hex(self):
        p = self.game.pending
        if p.assessment is not None:
            return p.assessment.target
        target = getattr(p.order, "target", None)
        return self.game.parse(target) if isinstance(target, str) else None

    def _names(self, ids) -> str:
        return ", ".join(self.game.units[i].name for i in ids if i in self.game.units) or "none"

    def ask_umpire(self) -> None:
        g = self.game
        p = g.pending
        # the umpire sees everything while ruling: the map shows both sides, on the hex at stake
        self.umpire_view = True
        h = self._umpire_hex()
        if h is not None:
            self.map.cursor = h
        self.refresh_all()
        if p.kind == "sead":
            text = f"{p.describe()}\nReplace with NE (no effect), S (suppressed) or S1 (suppressed and a step lost)."
        elif p.kind == "air":
            m = p.order
            text = (
                f"{g.active_side.value.capitalize()} flies {m.sorties} {m.mission.replace('_', ' ')} sorties at "
                f"{m.target}.\n"
                f"Air defence covering it: loss chance {g.ad_loss_probability(g.active_side, g.parse(m.target)):.0%} a "
                "sortie.\n"
                f"Proposed: [b]{p.result}[/b] sorties lost. (Replace with a number.)"
            )
        elif p.assessment is None:  # interdiction, demolition, airlift: the question says it all
            options = f"\nReplace with {' or '.join(p.choices)}." if p.choices else ""
            text = f"{p.describe()}{options}"
        else:
            a = p.assessment
            order = p.order if isinstance(p.order, Attack) else None
            defenders = [u.id for u in g.units_at(a.target) if u.side is not a.side]
            shifts = "\n".join(f"  {r}: {n:+d}" for r, n in a.shifts) or "  none"
            text = (
                f"{a.side.value.capitalize()} attacks {g.hid(a.target)}: {a.attack:g} against {a.defence:g}, "
                f"odds {a.odds} → column {a.column_name}\n"
                f"Attackers: {self._names(order.attackers) if order else '?'}\n"
                + (f"Support: {self._names(order.support)}\n" if order and order.support else "")
                + f"Defenders: {self._names(defenders)}\n"
                f"Shifts:\n{shifts}\nDie: {p.roll} → proposed result [b]{p.result}[/b]"
            )
        self.app.push_screen(UmpireDialog(text, tuple(p.choices) if p.assessment is None else ()), self._umpire_choice)

    def _umpire_choice(self, ruling: Any) -> None:
        action, result, note = ruling or ("accept", "", "")
        if action != "reroll":
            self._umpire_ruled((action, result, note))
            return
        p = self.game.pending
        rng = self.game.rng
        state = rng.getstate()  # look at the re-roll without spending it: the ruling draws the same die
        try:
            die, res = p.chance.sample(rng)
        finally:
            rng.setstate(state)
        self.log_line(
            f"Umpire: re-roll shown for approval: die {die} → {res} (proposed was die {p.roll} → {p.result})", "magenta"
        )
        self.app.push_screen(
            RerollDialog(f"Re-roll: die [b]{die}[/b] → [b]{res}[/b]\n(first roll: die {p.roll} → {p.result})"),
            lambda keep: self._umpire_ruled(("reroll", "", note) if keep != "original" else ("accept", "", note)),
        )

    def _umpire_ruled(self, ruling: Any) -> None:
        action, result, note = ruling or ("accept", "", "")
        try:
            events = self.game.decide(Decision(action, result, note))
        except ValueError as e:
            self.notify(str(e), severity="error")
            self.ask_umpire()
            return
        self.umpire_view = False
        for e in events:
            self.log_event(e)
        self.autosave()
        self.advance()
