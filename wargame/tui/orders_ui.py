"""A human's orders on the game screen: select and move, attack with a preview, air missions, undo.
Every order goes to the engine (`Game.stage`); a refusal is said, never swallowed."""

from __future__ import annotations

from wargame.hexgrid import Hex, distance
from wargame.model.units import Side
from wargame.orders import Airlift, AirMission, Attack, Demolish, Fallback, Move, Order
from wargame.tui.dialogs import AirDialog, AttackPreview, Confirm
from wargame.tui.hexmap import HexMap
from wargame.tui.panels import describe_order, sorties_assigned


class HumanOrders:
    """Mixed into GameScreen: the handlers of a human player's keys and clicks."""

    def on_hex_map_moved(self, m: HexMap.Moved) -> None:
        new_path = self.game.path(self.selected, m.hex) if self.selected and m.hex in self.reach else []
        if new_path or self.path_hexes:
            self.path_hexes = new_path[:-1]  # the path shown up to the destination (the cursor)
            self.map.set_content(tint=self.tints())
        self.update_hexinfo(m.hex)

    def on_hex_map_selected(self, m: HexMap.Selected) -> None:
        side = self.human_side()
        if side is None or self.busy:
            if self.game.over:
                self.notify("the game is over: r shows the report, n starts a new game")
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
                staged = {o.unit for o in self.staged if isinstance(o, (Move, Airlift))}
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
            elif self.selected:
                self.notify(
                    f"{g.units[self.selected].name} cannot reach {g.hid(h)} this phase "
                    "(out of movement points, blocked, or an enemy zone of control): the green hexes are its reach",
                    severity="warning",
                )
                return
            else:
                self.notify(f"no unit of yours at {g.hid(h)}: Tab goes to your next unit")
        elif g.phase == "combat":
            busy = {a for o in self.staged if isinstance(o, Attack) for a in o.attackers}
            added = False
            for u in mine:
                if u.attack > 0 and u.id not in busy:
                    if u.id in self.attackers:
                        self.attackers.remove(u.id)
                    else:
                        self.attackers.append(u.id)
                    self.selected = u.id
                    added = True
            if not added:
                self.notify(
                    "in combat, Enter picks your attackers; a on an enemy hex attacks it"
                    if not mine
                    else "no unit here can attack (no attack strength, or already attacking)"
                )
        else:
            self.notify(f"{g.phase} phase: m flies an air mission at the cursor, e ends the phase")
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
            atk = tuple(
                u.id for u in g.units_of(side) if u.attack > 0 and u.id not in busy and distance(u.hex, target) == 1
            )
        busy_fire = {s for o in self.staged if isinstance(o, Attack) for s in o.support}
        support = tuple(
            u.id
            for u in sorted(g.units_of(side), key=lambda u: (-u.type.support, u.id))
            if u.type.support > 0 and u.id not in busy_fire and distance(u.hex, target) <= u.type.range
        )[: g.tables.max_support_units]
        left = g.sorties[side] - sorties_assigned(self.staged)
        cas = min(8, left) if left >= g.tables.cas_sorties_per_shift else 0
        order = Attack(g.hid(target), atk, support, cas)
        why = g.legal(side, order)
        if why:
            self.notify(why, severity="warning")
            return
        a = g.preview(order)
        names = ", ".join(g.units[i].name for i in atk)
        defenders = ", ".join(u.name for u in self.visible_units() if u.hex == target and u.side is not side)
        shifts = "\n".join(f"  {r}: {n:+d}" for r, n in a.shifts) or "  none"
        probs = "  ".join(f"{k} {v:.0%}" for k, v in sorted(a.probabilities.items(), key=lambda kv: -kv[1]))
        text = (
            f"[b]Attack {g.hid(target)}[/b]: {defenders}\nAttackers: {names}\nSupport: {len(support)} fire units, "
            f"{cas} CAS sorties\n\n"
            f"Attack {a.attack:g} : defence {a.defence:g} = {a.odds} → column {g.tables.columns[a.base_column]}\n"
            f"Shifts:\n{shifts}\nFinal column: [b]{a.column_name}[/b]\n\nResults: {probs}"
        )
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
            self.notify("air missions are flown in your air phase (the first two phases of a turn)")
            return
        left = g.sorties[side] - sorties_assigned(self.staged)
        if left <= 0:
            self.notify("no sorties left this turn")
            return
        target = g.hid(self.map.cursor)

        def done(res):
            if res:
                kind, n = res
                self._stage(side, AirMission(kind, target, n))

        self.app.push_screen(AirDialog(target, left), done)

    def _movement_side(self, what: str) -> Side | None:
        side = self.human_side()
        if side is None or self.game.phase != "movement":
            self.notify(f"{what} in your movement phase")
            return None
        return side

    def action_airlift(self) -> None:
        """The selected unit flies by helicopter to the cursor (`Airlift`; the engine says if it may)."""
        side = self._movement_side("helicopter moves are made")
        if side is None:
            return
        if not self.selected:
            self.notify("select an air-assault or airborne unit first (Enter on it), put the cursor where it "
                        "should land, then A")
            return
        uid = self.selected
        self.selected, self.reach, self.path_hexes = None, {}, []
        self._stage(side, Airlift(uid, self.game.hid(self.map.cursor)))

    def action_demolish(self) -> None:
        """Blow the bridge between the cursor hex and a unit of yours beside it (the selected one
        first); the unit stays by it this phase."""
        side = self._movement_side("bridges are blown")
        if side is None:
            return
        g = self.game
        across = g.hid(self.map.cursor)
        near = [u.id for u in g.units_of(side) if u.hex is not None and distance(u.hex, self.map.cursor) == 1]
        near.sort(key=lambda i: (i != self.selected, i))
        if not near:
            self.notify(f"no unit of yours is next to {across}: put the cursor across the bridge from one")
            return
        first = None
        for uid in near:
            why = g.legal(side, Demolish(uid, across))
            if why is None:
                self._stage(side, Demolish(uid, across))
                return
            first = first or why
        self.notify(first or "no bridge to blow there", severity="warning")

    def action_fallback(self) -> None:
        """The selected unit's standing order: if a combat result makes it retreat, toward the cursor."""
        side = self._movement_side("fallback orders are given")
        if side is None:
            return
        if not self.selected:
            self.notify("select a unit first (Enter on it), put the cursor where it should fall back to, then F")
            return
        uid = self.selected
        self.selected, self.reach, self.path_hexes = None, {}, []
        self._stage(side, Fallback(uid, self.game.hid(self.map.cursor)))

    def staged_at(self, h: Hex) -> int:
        """Index of the latest staged order at a hex (a move ending there, an attack or air mission on
        it), or -1 (the last order) if none."""
        hid = self.game.hid(h)
        for i in range(len(self.staged) - 1, -1, -1):
            o = self.staged[i]
            if (
                (isinstance(o, Move) and o.path and o.path[-1] == hid)
                or getattr(o, "target", None) == hid
                or (isinstance(o, (Airlift, Demolish)) and hid in (getattr(o, "to", ""), getattr(o, "across", "")))
            ):
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
        lines = [f"undone: {describe_order(self, first)}"]
        lines += [f"also undone: {describe_order(self, o)} ({why})" for o, why in rest]
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
        staged = {o.unit for o in self.staged if isinstance(o, (Move, Airlift))}
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
        self.app.push_screen(
            Confirm(f"End {side.value}'s {self.game.phase} phase with {n} order(s)?"),
            lambda ok: self.commit(side) if ok else None,
        )
