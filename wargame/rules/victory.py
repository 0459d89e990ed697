"""Victory: who holds the cities, the RAND measure, and the end of the game.

- Control: a city belongs at the start to the side whose country it is in; afterwards to the last
  side to have a unit in its hex (checked whenever units move, retreat, advance or arrive).
- The measure: a main force (Red manoeuvre units in supply, `victory.main_force` steps between them)
  in the outskirts hexes of a measure city (`board.outskirts`) sets that city's hour, inside the turn
  from the movement points spent (`rules.sequence`). The first Red unit of any kind in an outskirts
  hex is kept as a secondary figure (`first_unit`). "Not reached" otherwise. A force cut off only
  by Blue's aircraft over its roads counts from the hour they leave (`when_lines_open`); at the
  start of a turn the measure is taken once this turn's air missions are flown (`after_air`).
- The end: after the scenario's last turn, or (tables `victory`) at the end of a turn in which Red
  holds every measure city once the measure is taken. Red wins if it reached the outskirts of a
  measure city or holds every measure city at the end; Blue otherwise.
- A scenario's own objective (`victory.hold`, e.g. the two towns of the Suwałki gap) replaces that
  verdict: Red wins if it holds every one of those cities at the end, Blue otherwise. The first turn
  at whose end Red holds them all gives the scenario's own measure (`hold_hour`, an `ObjectiveHeld`
  event): the hour inside that turn Red came to hold the last of them (`held_since`, from
  `state.taken_at`); the RAND measure is still taken.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wargame import events as ev
from wargame.model.result import Hold, Result
from wargame.model.units import Side

if TYPE_CHECKING:
    from wargame.model.scenario import Scenario
    from wargame.rules.index import BoardIndex
    from wargame.rules.position import Position


def places(ix: BoardIndex, scenario: Scenario) -> tuple[dict[int, Any], dict[int, list[str]]]:
    """Hex int -> city there; hex int -> the measure cities whose outskirts it is part of."""
    board = scenario.board
    city_at = {ix.idx[c.hex]: c for c in board.cities.values() if c.hex in ix.idx}
    outskirts_at: dict[int, list[str]] = {}
    for name in scenario.victory.measure:
        for h in sorted(board.outskirts.get(name, ())):
            if h in ix.idx:
                outskirts_at.setdefault(ix.idx[h], []).append(name)
    return city_at, outskirts_at


def initial_control(game: Position) -> dict[str, Side]:
    red = game.scenario.sides[Side.RED].countries
    return {c.name: (Side.RED if c.country in red else Side.BLUE) for c in game.board.cities.values()}


def after_moves(game: Position, hexes: set[int]) -> list[ev.Event]:
    """Cities change hands in the hexes units have entered, and the measure is taken: the first Red
    unit in an outskirts hex (secondary), and a main force holding the outskirts (the RAND measure)."""
    st = game.state
    out: list[ev.Event] = []
    first: list[tuple[float, str, str]] = []
    for h in sorted(hexes):
        ids = st.at.get(h)
        if not ids:
            continue
        side = st.units[ids[0]].side
        city = game.city_at.get(h)
        if city is not None and st.control.get(city.name) is not side:
            st.control[city.name] = side
            st.taken_at[city.name] = round(min(st.entered.get(i, st.now) for i in ids), 1)
            if city.name in game.scenario.victory.objectives or city.capital:
                out.append(ev.CityTaken(city.name, side.value))
        if side is Side.RED:
            for name in game.outskirts_at.get(h, ()):
                if name not in st.first_unit:
                    for i in ids:
                        first.append((st.entered.get(i, st.now), i, name))
    for hour, uid, name in sorted(first):  # the earliest arrival per city, wherever it stands
        if name not in st.first_unit:
            st.first_unit[name] = round(hour, 1)
            out.append(ev.OutskirtsEntered(name, round(hour, 1), uid))
    # at the start of a turn the measure waits for the air phase: the aircraft that watch Red's
    # roads this turn are over them from its first hour (`after_air`)
    return out + ([] if game.state.phase_index < 2 else main_force(game))


def after_air(game: Position) -> list[ev.Event]:
    """The end of the air phase: the measure, at the start of the turn, with this turn's aircraft
    over the roads (a force whose supply the start of the turn restored counts from then only if
    Blue's aircraft do not cut it again)."""
    return main_force(game, floor=float(game.hour))


def main_force(game: Position, floor: float | None = None) -> list[ev.Event]:
    """The RAND measure, for each measure city not reached yet: Red manoeuvre units (tables
    `victory.main_force.categories`), each in supply now, with at least `min_steps` steps between them
    in the city's outskirts hexes. Its hour is the hour the unit that completed the force entered its
    hex (units counted in order of arrival), never earlier than the start of what is being carried
    out (a force whose supply was restored counts from then)."""
    st = game.state
    if not st.first_unit:
        return []  # no Red unit has been in any outskirts yet
    from wargame.rules.supply import supplied_at

    t = game.tables
    out: list[ev.Event] = []
    for name in game.scenario.victory.measure:
        if name in st.measure or name not in st.first_unit:
            continue
        here: list[tuple[int, list]] = []
        for h, cities in game.outskirts_at.items():
            ids = st.at.get(h)
            if not ids or name not in cities or st.units[ids[0]].side is not Side.RED:
                continue
            line = [st.units[i] for i in ids if st.units[i].type.category in t.main_force_categories]
            if line:
                here.append((h, line))
        if sum(u.steps for _, line in here for u in line) < t.main_force_steps:
            continue  # not enough line troops there, in supply or not: no need to trace
        # supply is traced at the hour the force stood there complete (the aircraft over the roads
        # then, not at the hour of whatever was carried out last)
        low = _floor(game) if floor is None else floor
        arrived = sorted((st.entered.get(u.id, 0.0), u.steps) for _, line in here for u in line)
        total, when = 0, low
        for at, steps in arrived:
            total, when = total + steps, at
            if total >= t.main_force_steps:
                break
        now = st.now
        st.now = max(low, when)
        units = [u for h, line in here if supplied_at(game, Side.RED, h) for u in line]
        st.now = now
        if sum(u.steps for u in units) < t.main_force_steps:
            continue
        units.sort(key=lambda u: (st.entered.get(u.id, 0.0), u.id))
        total, counted = 0, []
        for u in units:
            total += u.steps
            counted.append(u)
            if total >= t.main_force_steps:
                break
        last = counted[-1]
        hour = round(max(st.entered.get(last.id, 0.0), low), 1)
        if hour >= game.hour + game.scenario.clock.turn_hours:
            continue  # at the very end of the turn (an advance after combat): the next turn's air phase decides
        st.measure[name] = hour
        out.append(ev.MeasureReached(name, hour, last.id, tuple(u.id for u in counted), total))
    return out


def when_lines_open(game: Position) -> list[ev.Event]:
    """End of turn: a Red force that stood in the outskirts cut off only by Blue's aircraft over its
    roads counts from the hour the last of them left (`air.interdiction.hours_per_sortie`), not from
    the start of the next turn. Each hour an interdiction ends in this turn is tried in order."""
    st = game.state
    if not st.first_unit or all(n in st.measure for n in game.scenario.victory.measure):
        return []
    start = float(game.hour)
    end = start + game.scenario.clock.turn_hours
    out: list[ev.Event] = []
    # aircraft on station to the end of the turn: the next turn's air phase decides (`after_air`)
    for t in sorted({e for e in st.interdiction_ends[Side.BLUE].values() if start < e < end}):
        st.now = t
        out += main_force(game, floor=t)
    return out


def _floor(game: Position) -> float:
    """The earliest hour a measure taken now can have: the start of the turn in the air and movement
    phases (and at the start of a turn); in a combat phase, the hour of the attack being resolved (a
    force whose supply an attack restored counts from then)."""
    return game.state.now if game.phase == "combat" else float(game.hour)


def aim_hour(game: Position) -> float | None:
    """The hour Red reached what the scenario judges it by: every `victory.hold` city held where the
    scenario has an objective, else the outskirts of a measure city (the RAND measure). None: not yet."""
    st = game.state
    if game.scenario.victory.hold:
        return st.hold_hour
    return min(st.measure.values()) if st.measure else None


def held_since(game: Position, names: tuple[str, ...]) -> float:
    """The hour inside this turn at which Red came to hold the last of `names` (checked at the end
    of the turn that they are all held): the latest hour at which Red took one of them
    (`state.taken_at`), at the earliest the start of the turn."""
    st = game.state
    end = float(st.turn * game.scenario.clock.turn_hours)
    start = end - game.scenario.clock.turn_hours
    last = max((st.taken_at.get(n, start) for n in names), default=end)
    return round(min(end, max(start, last)), 1)


def end_of_turn(game: Position) -> list[ev.Event]:
    """Is the game over? Sets `state.over` and `state.result` and says so with an event."""
    st = game.state
    sc = game.scenario
    length = sc.clock.length_turns
    capitals = sc.victory.measure
    all_held = bool(capitals) and all(st.control.get(n) is Side.RED for n in capitals)
    out: list[ev.Event] = when_lines_open(game)
    # Red holding the cities ends the game only once the measure is taken: a Red that has rushed into
    # both capitals with its lines cut has not yet brought a main force there in supply, and ending
    # the game then would record it as never arriving (the best a Blue could do).
    early = all_held and game.tables.end_when_red_holds_measure and bool(st.measure)
    hold = sc.victory.hold
    if hold and st.hold_hour is None and all(st.control.get(n) is Side.RED for n in hold):
        st.hold_hour = held_since(game, hold)
        out.append(ev.ObjectiveHeld(tuple(hold), st.hold_hour))
    if st.turn < length and not early:
        return out
    st.over = True
    st.result = result(game, all_held)
    r = st.result
    return out + [ev.GameEnded(r.winner, r.reason, r.measure_hours)]


def result(game: Position, all_held: bool = False) -> Result:
    st = game.state
    sc = game.scenario
    capitals = sc.victory.measure
    hours = min(st.measure.values()) if st.measure else None
    winner = "red" if hours is not None or all_held else "blue"
    hold = sc.victory.hold
    held = bool(hold) and all(st.control.get(n) is Side.RED for n in hold)
    if hold:
        winner = "red" if held else "blue"
        if held:
            reason = "Red holds " + " and ".join(hold)
        else:
            kept = [n for n in hold if st.control.get(n) is not Side.RED]
            reason = "Blue holds " + " and ".join(kept)
    elif all_held and hours is None:
        reason = "Red holds " + " and ".join(capitals) + ", but no main force of it there is in supply"
    elif all_held:
        reason = "Red holds " + " and ".join(capitals)
    elif hours is not None:
        first = min(st.measure, key=lambda n: (st.measure[n], n))
        reason = f"Red reached the outskirts of {first}"
    else:
        reason = f"Red did not reach {' or '.join(capitals)} in {st.turn * sc.clock.turn_hours} hours"
    return Result(
        winner=winner,
        reason=reason,
        measure_hours=hours,
        hours=dict(sorted(st.measure.items())),
        first_unit_hours=min(st.first_unit.values()) if st.first_unit else None,
        first_unit=dict(sorted(st.first_unit.items())),
        turns=st.turn,
        losses={s.value: st.losses[s] for s in Side},
        destroyed={s.value: sum(1 for u in st.units.values() if u.side is s and u.steps <= 0) for s in Side},
        cities={n: st.control[n].value for n in sc.victory.objectives if n in st.control},
        hold=Hold(tuple(hold), held, st.hold_hour) if hold else None,
    )
