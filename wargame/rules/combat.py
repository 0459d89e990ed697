"""Combat: strengths, odds column, column shifts, the combat results table, losses.

A combat is computed in two steps so that the TUI and bots can ask before they commit: `assess()`
gives the odds, the column, each shift with its reason and the chance of every result (the
preview); `resolve_attack()` carries an attack out: the close-air-support package meets the air
defences, the die is rolled on the CRT (each a `Chance` the umpire may overrule), and `apply()`
carries out the result: losses, retreats (`wargame.rules.retreat`), advance after combat.
"""

from __future__ import annotations

import re
from collections.abc import Generator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from wargame import events as ev
from wargame.hexgrid import Hex
from wargame.model.units import Side, Unit
from wargame.orders import Attack
from wargame.rules import air, fires, supply
from wargame.rules.retreat import advance, retreat
from wargame.rules.umpire import Chance

if TYPE_CHECKING:
    from wargame.rules.position import Position

RESULT_RE = re.compile(r"^(?:(NE)|(EX)|A(\d)|D(\d)(?:R(\d))?|R(\d))$")


@dataclass
class Assessment:
    """Everything about a combat before the die: what the preview shows."""

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
    shifts: list[tuple[str, int]]  # (reason, columns), in the order applied
    column: int                    # after the shifts, kept on the table
    column_name: str
    cas: int                       # sorties committed
    cas_expected_loss: float       # expected sorties lost to air defence
    probabilities: dict[str, float] = field(default_factory=dict)  # result code -> chance
    fire_points: tuple[float, float] = (0.0, 0.0)                  # attacker's, defender's
    cover: int = 0                 # defensive air cover standing by (effective sorties)
    target_index: int = -1


def parse_result(code: str) -> tuple[int, int, int]:
    """(attacker steps lost, defender steps lost, retreat hexes) of a result code."""
    m = RESULT_RE.match(str(code))
    if not m:
        raise ValueError(f"{code!r} is not a combat result (expected NE, EX, A1-A3, D1-D3, D1R1 ...)")
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


def ratio_text(att: float, dfn: float) -> str:
    if dfn <= 0:
        return "∞"
    r = att / dfn
    return f"{r:.1f}:1" if r >= 1 else (f"1:{1 / r:.1f}" if r > 0 else "0:1")


def base_column(game: Position, attack: float, defence: float) -> int:
    ratio = attack / defence
    col = 0
    for i, r in enumerate(game.tables.column_ratios):
        if ratio + 1e-9 >= r:
            col = i
    return col


def assess(game: Position, side: Side, order: Attack, check: bool = True,
           cas_effective: int | None = None) -> Assessment:
    """Compute a combat without rolling. Raises ValueError for an illegal attack when `check`.
    `cas_effective`: the close-air-support sorties that got through (None: expected, for a preview)."""
    from wargame.rules.legality import attack_problem

    if check:
        reason = attack_problem(game, side, order)
        if reason:
            raise ValueError(reason)
    t = game.tables
    st = game.state
    ix = game.index
    target_hex = game.parse(order.target)
    target = ix.idx[target_hex]
    attackers = [st.units[i] for i in order.attackers if i in st.units]
    defenders = [st.units[i] for i in st.at.get(target, ()) if st.units[i].side is not side]
    support = fires.attack_fires(game, side, target, order.support)
    dsup = fires.defence_fires(game, side.other, target)
    attack = round(sum(supply.attack(game, u) for u in attackers), 2)
    # a hex of support units still has to be cleared
    defence = max(round(sum(supply.defence(game, u) for u in defenders), 2), 0.5)
    base = base_column(game, attack, defence)
    shifts: list[tuple[str, int]] = []
    terr = ix.terrain[target]
    if t.terrain_shift.get(terr):
        shifts.append((f"{terr} terrain", t.terrain_shift[terr]))
    shifts += _river_shift(game, attackers, target_hex)
    level = entrenchment_level(game, defenders)
    if level is not None:
        shifts.append((f"defender {level[1]}", level[2]))
    if game.night and t.night_shift:
        shifts.append(("night", t.night_shift))
    sides = len({st.pos[u.id] for u in attackers if u.id in st.pos})
    for n, s in t.concentric:
        if sides >= n and s:
            shifts.append((f"attack from {sides} hexes", s))
            break
    ap, dp = fires.points(support), fires.points(dsup)
    fs = fires.fires_shift(game, ap, dp)
    if fs:
        shifts.append((f"fire support {ap:g} against {dp:g}", fs))
    cas_loss = 0.0
    if order.cas > 0:
        strength = air.ad_strength(game, side, target)
        cas_loss = round(order.cas * air.expected_loss_fraction(game, strength), 2)
        eff = cas_effective if cas_effective is not None else air.effective(game, int(order.cas - cas_loss), strength)
        n = min(t.cas_max_shift, eff // t.cas_sorties_per_shift)
        if n:
            how = "got through" if cas_effective is not None else f"expected to count, ~{cas_loss:g} lost"
            shifts.append((f"close air support ({eff} of {order.cas} sorties {how})", n))
    cover = best_cover(game, side.other, target)
    if cover:
        n = min(t.cas_max_shift, cover[1] // t.cas_sorties_per_shift)
        if n:
            shifts.append((f"defensive air cover ({cover[1]} sorties)", -n))
    comp = int(game.scenario.parameters.get("red_competence", 0) or 0)
    if comp:
        shifts.append(
            (
                "Red competence" if side is Side.RED else "Red competence (against Blue)",
                comp if side is Side.RED else -comp,
            )
        )
    col = max(0, min(len(t.columns) - 1, base + sum(n for _, n in shifts)))
    probs: dict[str, float] = {}
    for roll in range(1, 7):
        code = t.crt[roll][col]
        probs[code] = probs.get(code, 0.0) + 1 / 6
    return Assessment(
        side,
        target_hex,
        attackers,
        defenders,
        support,
        dsup,
        attack,
        defence,
        ratio_text(attack, defence),
        base,
        shifts,
        col,
        t.columns[col],
        order.cas,
        cas_loss,
        probs,
        (ap, dp),
        cover[1] if cover else 0,
        target,
    )


def _river_shift(game: Position, attackers: list[Unit], target: Hex) -> list[tuple[str, int]]:
    """A shift only when every attacker attacks across a river; halved (toward 0) over bridges that
    stand (a blown bridge is no bridge)."""
    if not attackers:
        return []
    ix = game.index
    rivers, bridged = [], True
    for u in attackers:
        h = u.hex
        r = ix.river_between(h, target) if h is not None else None
        if r is None or h is None:
            return []
        rivers.append(r)
        a, b = ix.idx[h], ix.idx[target]
        bridged = bridged and ix.bridge_between(h, target) and ((a, b) if a < b else (b, a)) not in game.state.blown
    worst = "major" if any(r.cls == "major" for r in rivers) else "minor"
    n = game.tables.river_shift[worst]
    if bridged:
        n = int(n * game.tables.bridge_factor)
        return [(f"attacking across a {worst} river by bridges", n)] if n else []
    return [(f"attacking across a {worst} river", n)] if n else []


def entrenchment_level(game: Position, defenders: list[Unit]) -> tuple[int, str, int] | None:
    """The entrenchment level every defender has reached (the lowest among them), or None."""
    if not defenders:
        return None
    unmoved = min(game.state.entrench.get(u.id, 0) for u in defenders)
    level = None
    for lv in game.tables.entrenchment:
        if unmoved >= lv[0]:
            level = lv
    return level


def best_cover(game: Position, defender: Side, target: int) -> list[int] | None:
    """The defender's air cover standing by within reach of `target` (the strongest), or None."""
    r = game.tables.cover_radius
    best = None
    for c in game.state.cover[defender]:
        if c[1] > 0 and game.index.distance(c[0], target) <= r and (best is None or c[1] > best[1]):
            best = c
    return best


def combat_chance(game: Position, a: Assessment, order: Attack) -> Chance:
    crt = game.tables.crt
    faces = tuple(crt[die][a.column] for die in range(1, 7))

    def parse(code: str) -> str:
        code = str(code).strip().upper()
        parse_result(code)
        return code

    shifts = ", ".join(f"{r} {n:+d}" for r, n in a.shifts) or "none"
    q = (
        f"{a.side.value.capitalize()} attacks {order.target}: {a.attack:g} against {a.defence:g}, odds {a.odds}, "
        f"column {game.tables.columns[a.base_column]}; shifts: {shifts}; final column {a.column_name}."
    )
    choices = tuple(sorted({c for row in crt.values() for c in row}))
    return Chance("combat", q, faces, parse, choices=choices, order=order, assessment=a)


def resolve_attack(game: Position, side: Side, order: Attack) -> Generator[Chance, tuple[int, str], None]:
    """Carry out one attack (checked again now: earlier combats may have changed the situation)."""
    from wargame.rules.legality import attack_problem

    why = attack_problem(game, side, order)
    if why:
        game.emit(ev.OrderRejected(side.value, order.to_dict(), why))
        return
    st = game.state
    game.emit(ev.AttackDeclared(side.value, order.target, tuple(order.attackers), tuple(order.support), order.cas))
    cas_lost, cas_eff = 0, None
    if order.cas:
        t = game.index.idx[game.parse(order.target)]
        st.sorties[side] -= order.cas
        strength = air.ad_strength(game, side, t)
        if strength > 0:
            die, res = yield air.loss_chance(game, side, "close_air_support", t, order.cas)
            cas_lost = int(res)
            game.emit(ev.SortiesLost(side.value, "close_air_support", order.target, order.cas, cas_lost, strength, die))
        cas_eff = air.effective(game, order.cas - cas_lost, strength)
        st.seen_by_air[side].add(t)
    a = assess(game, side, order, check=False, cas_effective=cas_eff)
    die, code = yield combat_chance(game, a, order)
    st.now = assault_hour(game, a.attackers)
    for e in apply(game, a, order, die, code, cas_lost):
        game.emit(e)
    for e in game.after_moves():
        game.emit(e)


def assault_hour(game: Position, attackers: list[Unit]) -> float:
    """The hour an attack is decided (and its advance made): `combat.assault_hours` after the last
    attacker arrived where it attacks from (the start of the turn for those that were there before),
    at the latest the end of the turn. It times the RAND measure of a force that fights its way in."""
    st = game.state
    start = float(game.hour)
    ready = max((st.entered.get(u.id, start) for u in attackers), default=start)
    end = start + game.scenario.clock.turn_hours
    return min(end, max(start, ready) + game.tables.assault_hours)


def take_losses(game: Position, units: list[Unit], steps: int, cause: str, by: str = "attack") -> list[ev.Event]:
    """Remove `steps` steps, each from the strongest unit still alive (ties by id)."""
    out: list[ev.Event] = []
    for _ in range(steps):
        alive = [u for u in units if u.alive]
        if not alive:
            break
        u = max(alive, key=lambda x: (x.attack if by == "attack" else x.defence, x.type.defence, x.id))
        out.extend(game.lose_step(u, cause))
    return out


def apply(game: Position, a: Assessment, order: Attack, roll: int, code: str, cas_lost: int) -> list[ev.Event]:
    """Carry out result `code` (rolled `roll`, or ruled by the umpire): losses, retreat, advance."""
    st = game.state
    tid = game.index.ids[a.target_index]
    out: list[ev.Event] = [
        ev.CombatResolved(
            a.side.value,
            tid,
            tuple(u.id for u in a.attackers),
            tuple(u.id for u in a.defenders),
            a.attack,
            a.defence,
            a.odds,
            a.column_name,
            tuple(f"{r} {n:+d}" for r, n in a.shifts),
            roll,
            code,
            a.cas,
            cas_lost,
        )
    ]
    st.attacked.update(u.id for u in a.attackers)
    st.fired.update(u.id for u in a.support + a.defence_support)
    st.targets.add(a.target_index)
    if a.cover:
        cover = best_cover(game, a.side.other, a.target_index)
        if cover is not None:
            cover[1] = 0  # the cover flew its mission
    att_loss, def_loss, ret = parse_result(code)
    out += take_losses(game, a.attackers, att_loss, f"attacking {tid}")
    out += take_losses(game, a.defenders, def_loss, f"defending {tid}", by="defence")
    attackers_at = {st.pos[u.id] for u in a.attackers if u.id in st.pos}
    if ret:
        for u in sorted((u for u in a.defenders if u.alive and st.pos.get(u.id) == a.target_index), key=lambda x: x.id):
            out += retreat(game, u, ret, attackers_at or {a.target_index}, a.target_index)
    if order.advance:
        out += advance(game, a)
    return out
