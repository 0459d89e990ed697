"""Air-mobile moves (docs/rules.md, Air-mobile moves): a unit its side's helicopters can lift flies
to a hex within range instead of moving by land, once a movement phase, through the enemy's air
defence over the landing zone.

Checked against what the side knows (like a move): the landing hex must not hold an enemy unit it
sees nor lie in the zone of control of one. Carried out on the truth: an enemy unit it did not see in
the landing hex turns the lift back (the unit stays where it was); one whose zone of control covers
the hex is met on landing. The tables (`airmobile`) give the categories, the range and the hour of
landing; the order of battle gives each side's lift (`air.lift`, battalions a phase).
"""

from __future__ import annotations

from collections.abc import Generator
from typing import TYPE_CHECKING

from wargame import events as ev
from wargame.model.units import Side
from wargame.orders import Airlift
from wargame.rules.umpire import Chance

if TYPE_CHECKING:
    from wargame.rules.position import Position


def lift(game: Position, side: Side) -> int:
    """Battalions `side`'s helicopters can lift in a movement phase."""
    pool = game.scenario.air.get(side)
    return pool.lift if pool is not None else 0


def problem(game: Position, side: Side, o: Airlift, lifted: int, moving: set[str], stack: dict[int, int]) -> str | None:
    """Why `side` may not give this air-mobile move now (None: it may). `lifted`: lifts already
    staged this phase; `moving`: units with a move or a demolition staged; `stack`: own units per hex
    once the staged moves are made."""
    st = game.state
    t = game.tables.airmobile
    u = st.units.get(o.unit)
    if u is None or u.side is not side:
        return f"no unit {o.unit!r} of {side.value}"
    if not u.alive or u.id not in st.pos:
        return f"{u.name} is not on the board"
    if u.type.category not in t["categories"]:
        cats = ", ".join(c.replace("_", " ") for c in t["categories"])
        return f"{u.name} cannot be lifted by helicopter (only {cats} units)"
    if u.id in st.moved or u.id in moving:
        return f"{u.name} already moves this phase"
    room = lift(game, side)
    if lifted >= room:
        if not room:
            return f"{side.value.capitalize()} has no helicopter lift"
        bns = "1 battalion" if room == 1 else f"{room} battalions"
        return f"{side.value.capitalize()}'s helicopters lift {bns} a phase, all taken"
    ix = game.index
    a = st.pos[u.id]
    b = ix.of_id.get(o.to)
    if b is None:
        return f"{o.to} is not a hex of the map"
    if not ix.is_land[b] or not game.allowed_mask[side][b]:
        return f"{u.name} may not land in {o.to} (water, or a country closed to {side.value})"
    if ix.distance(a, b) > t["range"]:
        return f"{o.to} is {ix.distance(a, b)} hexes away; the helicopters reach {t['range']}"
    zoc, occupied = game.known_enemy_ints(side)
    if a in zoc:
        return f"{u.name} is in an enemy zone of control: helicopters cannot lift it out under fire"
    if b in occupied:
        return f"an enemy unit holds {o.to}"
    if b in zoc:
        return f"{o.to} is in an enemy zone of control: no landing zone under fire"
    if stack.get(b, 0) >= game.tables.stacking:
        return f"{o.to} already holds {game.tables.stacking} units of {side.value}"
    return None


def resolve(game: Position, side: Side, o: Airlift) -> Generator[Chance, tuple[int, str], None]:
    """Carry out a staged lift: the air-defence roll over the landing hex (a Chance the umpire may
    overrule), the landing, the steps lost."""
    from wargame.rules.air import ad_column, ad_strength, count_parser, lost_on

    st = game.state
    ix = game.index
    u = st.units.get(o.unit)
    b = ix.of_id.get(o.to)
    if u is None or b is None or u.id not in st.pos or not u.alive:
        game.emit(ev.OrderRejected(side.value, o.to_dict(), f"{o.unit} is no longer on the board"))
        return
    a = st.pos[u.id]
    st.moved.add(u.id)
    if any(st.units[i].side is not side for i in st.at.get(b, ())):
        game.emit(ev.Airlifted(u.id, u.name, side.value, ix.ids[a], o.to, 0, "an enemy unit holds the landing zone: "
                               "the lift turns back"))
        return
    lost = 0
    strength = ad_strength(game, side, b)
    if strength > 0:
        col = ad_column(game, strength)
        steps = u.steps

        faces = tuple(str(lost_on(game, die, steps, strength)) for die in range(1, 7))
        parse = count_parser("the steps lost", steps)
        q = (
            f"{u.name} flies by helicopter to {o.to}: enemy air defence strength {strength:g} "
            f"(column {game.tables.ad_strengths[col]:g}+). How many of its {steps} steps are lost?"
        )
        _, res = yield Chance("airlift", q, faces, parse, order=o)
        lost = int(res)
    st.now = game.hour + float(game.tables.airmobile["hours"])
    game.place(u, b)
    st.entrench[u.id] = 0
    game.emit(ev.Airlifted(u.id, u.name, side.value, ix.ids[a], o.to, lost,
                           f"landed at H+{st.now:g}" + (f", {lost} step(s) lost to air defence" if lost else "")))
    for e in game.lose_steps(u, lost, f"air defence over {o.to}"):
        game.emit(e)
