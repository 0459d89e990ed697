"""Combat: strengths, odds column, column shifts, the combat results table, losses, retreat, advance.

A combat is computed in two steps so that the TUI and bots can ask before they commit:
`assess()` gives the odds, the column, each shift with its reason and the chance of every result
(the preview); `apply()` carries out a result rolled (or ruled by the umpire).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from wargame import events as ev
from wargame.hexgrid import Hex, distance, neighbours
from wargame.model.units import Side, Unit
from wargame.orders import Attack

if TYPE_CHECKING:
    from wargame.game import Game

RESULT_RE = re.compile(r"^(?:(NE)|(EX)|A(\d)|D(\d)(?:R(\d))?|R(\d))$")


@dataclass
class Assessment:
    side: Side
    target: Hex
    attackers: list[Unit]
    defenders: list[Unit]
    support: list[Unit]
    defence_support: list[Unit]
    attack: float
    defence: float
    odds: str                      # the raw ratio, e.g. "2.4:1"
    base_column: int
    shifts: list[tuple[str, int]]  # (reason, columns)
    column: int                    # after shifts, clamped
    column_name: str
    cas: int                       # sorties committed
    cas_expected_loss: float
    probabilities: dict[str, float] = field(default_factory=dict)  # result code -> chance


def parse_result(code: str) -> tuple[int, int, int]:
    """(attacker steps lost, defender steps lost, retreat hexes) of a result code."""
    m = RESULT_RE.match(code)
    if not m:
        raise ValueError(f"{code!r} is not a combat result (expected NE, EX, A1-3, D1-3, D1R1 ...)")
    ne, ex, a, d, dr, r = m.groups()
    if ne:
        return 0, 0, 0
    if ex:
        return 1, 1, 0
    if a:
        return int(a), 0, 0
    if d:
        return 0, int(d), int(dr or 0)
    return 0, 0, int(r)


def _ratio_text(att: float, dfn: float) -> str:
    if dfn <= 0:
        return "∞"
    r = att / dfn
    return f"{r:.1f}:1" if r >= 1 else f"1:{1 / r:.1f}" if r > 0 else "0:1"


def assess(game: "Game", side: Side, order: Attack, check: bool = True) -> Assessment:
    """Compute a combat without rolling. Raises ValueError for an illegal attack when `check`."""
    t = game.tables
    target = game.parse(order.target)
    attackers = [game.units[i] for i in order.attackers if i in game.units]
    defenders = [u for u in game.units_at(target) if u.side is not side]
    support = [game.units[i] for i in order.support if i in game.units]
    if check:
        reason = game.attack_problem(side, order)
        if reason:
            raise ValueError(reason)
    attack = sum(u.attack for u in attackers) + sum(u.type.support for u in support)
    # the defender's own artillery in range supports it, strongest first, if not used this phase
    dsup = sorted((u for u in game.units_of(side.other)
                   if u.type.support > 0 and u.id not in game.fired and distance(u.hex, target) <= u.type.range),
                  key=lambda u: (-u.type.support, u.id))[: t.max_support_units]
    defence = sum(u.defence for u in defenders) + sum(u.type.support for u in dsup)
    defence = max(defence, 0.5)  # a hex with only support units still has to be cleared
    ratio = attack / defence
    base = 0
    for i, r in enumerate(t.column_ratios):
        if ratio + 1e-9 >= r:
            base = i
    shifts: list[tuple[str, int]] = []
    terr = game.board.terrain[target]
    if t.terrain_shift.get(terr):
        shifts.append((f"{terr} terrain", t.terrain_shift[terr]))
    rivers = [game.terrain.river_between(u.hex, target) for u in attackers]
    if attackers and all(r is not None for r in rivers):
        worst = "major" if any(r.cls == "major" for r in rivers) else "minor"
        n = t.river_shift[worst]
        if all(game.terrain.bridge_between(u.hex, target) for u in attackers):
            n = int(n / 2)
            why = f"attacking across a {worst} river by bridges"
        else:
            why = f"attacking across a {worst} river"
        if n:
            shifts.append((why, n))
    if defenders and all(u.id in game.dug_in for u in defenders):
        shifts.append(("defender dug in", t.dug_in_shift))
    if game.night and t.night_shift:
        shifts.append(("night", t.night_shift))
    if len({u.hex for u in attackers}) >= 3:
        shifts.append(("attack from several sides", t.concentric_shift))
    cas_loss = 0.0
    if order.cas > 0:
        p = game.ad_loss_probability(side, target)
        cas_loss = order.cas * p
        eff = order.cas - cas_loss
        n = min(t.cas_max_shift, int(eff // t.cas_sorties_per_shift))
        if n:
            shifts.append((f"close air support ({order.cas} sorties, ~{cas_loss:.1f} expected lost)", n))
    col = max(0, min(len(t.columns) - 1, base + sum(n for _, n in shifts)))
    probs: dict[str, float] = {}
    for roll in range(1, 7):
        code = t.crt[roll][col]
        probs[code] = probs.get(code, 0.0) + 1 / 6
    return Assessment(side, target, attackers, defenders, support, dsup, round(attack, 2), round(defence, 2),
                      _ratio_text(attack, defence), base, shifts, col, t.columns[col], order.cas, round(cas_loss, 2), probs)


def cas_shift(game: "Game", effective_sorties: int) -> int:
    t = game.tables
    return min(t.cas_max_shift, effective_sorties // t.cas_sorties_per_shift)


def take_losses(game: "Game", units: list[Unit], steps: int, cause: str, by: str = "attack") -> list[ev.Event]:
    """Remove `steps` steps, each from the strongest unit still alive (ties by id)."""
    out: list[ev.Event] = []
    for _ in range(steps):
        alive = [u for u in units if u.alive]
        if not alive:
            break
        u = max(alive, key=lambda x: (x.attack if by == "attack" else x.defence, x.type.defence, x.id))
        out.extend(game.lose_step(u, cause))
    return out


def retreat(game: "Game", u: Unit, hexes: int, attackers_at: set[Hex]) -> list[ev.Event]:
    """Retreat a unit `hexes` hexes away from the attackers; each hex it cannot go costs steps."""
    out: list[ev.Event] = []
    path = [game.hid(u.hex)]
    enemy_zoc = game.zoc(u.side.other)
    for _ in range(hexes):
        if not u.alive:
            break
        here = u.hex
        enemy_at = game.occupied_by(u.side.other)
        stack = game.stack_counts(u.side)
        options = []
        for n, _c in game.terrain.edges[u.type.mobility].get(here, ()):
            if n in enemy_at or n not in game.allowed[u.side] or stack.get(n, 0) >= game.tables.stacking:
                continue
            if n in enemy_zoc and stack.get(n, 0) == 0:
                continue
            away = min((distance(n, a) for a in attackers_at), default=9)
            options.append((-away, game.tables.terrain_shift.get(game.board.terrain[n], 0), n))
        if not options:
            out.extend(take_losses(game, [u], game.tables.retreat_blocked_loss, "retreat blocked", by="defence"))
            continue
        options.sort()
        dest = options[0][2]
        game.place(u, dest)
        path.append(game.hid(dest))
    if len(path) > 1 and u.alive:
        game.dug_in.discard(u.id)
        out.append(ev.Retreated(u.id, u.name, tuple(path)))
    return out


def apply(game: "Game", a: Assessment, order: Attack, roll: int, code: str, cas_lost: int) -> list[ev.Event]:
    out: list[ev.Event] = [ev.CombatResolved(
        a.side.value, game.hid(a.target), tuple(u.id for u in a.attackers), tuple(u.id for u in a.defenders),
        a.attack, a.defence, a.odds, a.column_name, tuple(f"{r} {n:+d}" for r, n in a.shifts), roll, code,
        a.cas, cas_lost)]
    for u in a.attackers:
        game.attacked.add(u.id)
    for u in a.support + a.defence_support:
        game.fired.add(u.id)
    game.targets.add(a.target)
    att_loss, def_loss, ret = parse_result(code)
    out += take_losses(game, a.attackers, att_loss, f"attacking {game.hid(a.target)}")
    out += take_losses(game, a.defenders, def_loss, f"defending {game.hid(a.target)}", by="defence")
    attackers_at = {u.hex for u in a.attackers if u.alive}
    if ret:
        for u in sorted((u for u in a.defenders if u.alive and u.hex == a.target), key=lambda x: x.id):
            out += retreat(game, u, ret, attackers_at or {a.target})
    if order.advance and not any(u.side is not a.side for u in game.units_at(a.target)):
        room = game.tables.stacking - len(game.units_at(a.target))
        for u in sorted((u for u in a.attackers if u.alive and u.attack > 0), key=lambda x: (-x.attack, x.id))[:max(0, room)]:
            if a.target in game.allowed[u.side]:
                game.place(u, a.target)
                game.dug_in.discard(u.id)
                out.append(ev.Advanced(u.id, u.name, game.hid(a.target)))
    return out
