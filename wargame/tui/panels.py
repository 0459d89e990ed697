"""The side panel's texts: the clock and whose phase, the hex under the cursor, the selected unit,
the orders staged. Plain functions of the game screen's state, so the screen stays small."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from wargame.hexgrid import Hex, hexside, neighbours
from wargame.model.units import Side
from wargame.orders import AirMission, Attack, Move, Order, describe
from wargame.render import glyph

if TYPE_CHECKING:
    from wargame.tui.game_screen import GameScreen

SIDE_STYLE = {Side.RED: "bold red", Side.BLUE: "bold blue"}


def sorties_assigned(staged: tuple[Order, ...]) -> int:
    return sum(o.sorties for o in staged if isinstance(o, AirMission)) + sum(
        o.cas for o in staged if isinstance(o, Attack)
    )


def status_text(s: GameScreen) -> Text:
    g = s.game
    t = Text()
    t.append(f"Turn {g.turn}/{g.scenario.clock.length_turns}  H+{g.hour}  {'night' if g.night else 'day'}\n", "bold")
    watching = all(p != "human" for p in s.players.values())
    if g.over:
        t.append("Game over — r: report, n: new game\n", "bold")
    else:
        side = g.active_side
        t.append(f"{side.value.capitalize()} {g.phase}", SIDE_STYLE[side])
        t.append(f" — {s.players[side]}{' (thinking…)' if s.busy else ''}\n")
        if s.viewer is None:
            t.append(f"sorties left: red {g.sorties[Side.RED]}, blue {g.sorties[Side.BLUE]}\n")
        else:
            used = sorties_assigned(s.staged) if s.viewer is g.active_side else 0
            left = g.sorties[s.viewer] - used
            t.append(f"sorties left: {left}" + (f" ({used} assigned this phase)" if used else "") + "\n")
    m = ", ".join(f"{c} H+{h:g}" for c, h in sorted(g.measure.items(), key=lambda x: x[1])) or "not reached"
    t.append(f"RAND measure: {m}\n")
    first = g.state.first_unit
    if first:
        t.append(
            "first Red unit in: "
            + ", ".join(f"{c} H+{h:g}" for c, h in sorted(first.items(), key=lambda x: x[1]))
            + "\n",
            "dim",
        )
    if s.umpire_view:
        t.append("umpire: both sides shown\n", "magenta")
    if watching:
        t.append(
            f"watch: {'PAUSED' if s.paused else 'running'}, {s.delay:.1f} s/phase (space . + - G)\n",
            "bold yellow" if s.paused else "dim",
        )
    return t


def orders_text(s: GameScreen) -> Text:
    o = Text("Orders this phase:\n", "bold")
    for i, order in enumerate(s.staged, 1):
        o.append(f" {i}. {describe_order(s, order)}\n", "")
    if not s.staged:
        o.append(" none\n", "dim")
    return o


def describe_order(s: GameScreen, o: Order) -> str:
    g = s.game
    if isinstance(o, Move):
        n = len(o.path)  # the hexes entered (the path does not hold the start)
        return f"{g.units[o.unit].name}: {o.path[-1]} ({n} hex{'es' if n != 1 else ''})"
    if isinstance(o, Attack):
        return (
            f"attack {o.target} with {len(o.attackers)} unit(s)"
            + (f", {len(o.support)} guns" if o.support else "")
            + (f", {o.cas} CAS" if o.cas else "")
        )
    if isinstance(o, AirMission):
        return f"{o.mission.replace('_', ' ')} at {o.target}, {o.sorties} sorties"
    return describe(o)


def hex_text(s: GameScreen, h: Hex) -> Text:
    g = s.game
    b = g.board
    t = Text()
    t.append(f"Hex {g.hid(h)}: {b.terrain.get(h, '?')}", "bold")
    country = b.country.get(h)
    if country:
        t.append(f", {country}")
    city = b.cities.get(h)
    if city:
        t.append(f"\n{city.name} ({city.population:,})" + (" capital" if city.capital else ""), "bold")
        holder = g.control.get(city.name)
        if holder:
            t.append(f", held by {holder.value}")
    for name, hexes in b.outskirts.items():
        if h in hexes:
            t.append(f"\nOutskirts of {name} (RAND measure)", "yellow")
    rivers = sorted({b.rivers[x].name for x in (hexside(h, n) for n in neighbours(h)) if x in b.rivers})
    if rivers:
        t.append(f"\nRiver: {', '.join(rivers)}")
    if h in s.reach:
        t.append(f"\nMove here: {s.reach[h]} MP", "green")
    for u in s.shown_units():
        if u.hex == h:
            t.append(
                f"\n{glyph(u.type)} {u.type.symbol} {u.name} ({u.side.value}) {u.steps}/{u.type.steps}",
                SIDE_STYLE[u.side],
            )
    return t


def unit_text(s: GameScreen) -> Text:
    sel = s.game.units.get(s.selected) if s.selected else None
    ut = Text()
    if sel is not None:
        ut.append(f"{sel.name}\n", "bold")
        ut.append(f"{glyph(sel.type)} {sel.type.symbol} {sel.type.branch.replace('_', ' ')}\n", SIDE_STYLE[sel.side])
        ut.append(
            f"{sel.type.name}\n{sel.formation}\nattack {sel.attack:g}, defence {sel.defence:g}, steps "
            f"{sel.steps}/{sel.type.steps}\n"
            f"MP {sel.type.movement} ({sel.type.mobility})"
            + (f", fires {sel.type.range} hexes" if sel.type.range else "")
        )
    return ut
