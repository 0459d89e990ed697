"""The operational bots: how RAND's Red and Blue teams played, as rules of thumb.

Red: drive on Tallinn and Riga along the cheapest routes (roads), lead units first; artillery and
short-range air defence follow a hex behind the front; attack wherever the odds after shifts are
3:2 or better, massing every adjacent unit, the artillery in range and close air support where the
air defences allow; Kaliningrad's units drive on Riga through Lithuania and pin its defenders.

Blue: the delay. Territorial battalions hold their districts; units stand on the positions they
have dug, or where they are in contact, until enveloped, then fall back on good ground (forest,
marsh, cities, behind rivers) between the enemy and the capitals, in pairs; every outskirts hex of
a capital keeps its defender; bridges are blown at the last moment; mechanised and infantry units
counter-attack where the table expects Red to lose twice what they do; units off the enemy's axes
and out of the fight go (or fly) to the capital under the nearest threat (`reserve`); air interdicts the Red
spearhead nearest a capital when the air defences there are weak, hunts detected SAMs, and keeps
sorties for close air support.

`Doctrine` holds the knobs; the defaults are the above. The search bot also plays other settings,
among them two Red plans the default does not: pin and bypass (`pin`, `patience`: a contact that
cannot be attacked at the doctrine's odds and has held a turn is pinned by one unit and the others
go round it) and mass fires (`mass_fires`: the artillery goes into range of those contacts).
"""

from __future__ import annotations

import heapq
import math
import random
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wargame.bots import block, lines, reserve
from wargame.bots.base import FIRES, STATIC
from wargame.forces import levels_shared
from wargame.hexgrid import Hex, distance, neighbours
from wargame.model.units import Side, Unit
from wargame.orders import Airlift, AirMission, Attack, Demolish, Move, Order

if TYPE_CHECKING:
    from collections.abc import Iterator

    from wargame.bots.base import Oracle
    from wargame.rules.fog import View

HEAVY = {"armour", "mechanised", "wheeled", "motor_rifle"}
_FIELDS: dict[tuple, dict[Hex, int]] = {}


_INTO: dict[tuple[Any, str], dict[Hex, list[tuple[Hex, int]]]] = {}


def _entering(oracle: Oracle, mobility: str) -> dict[Hex, list[tuple[Hex, int]]]:
    """For each hex h, its neighbours n with the cost of entering h from n (the edges are symmetric in
    hexes, not in costs), worked out once per board and mobility class: the distance field walks
    outward from the goals, so it pays the cost of the step toward them."""
    key = (oracle.terrain, mobility)  # the board index itself: kept alive, never mistaken for another
    got = _INTO.get(key)
    if got is None:
        edges = oracle.terrain.edges[mobility]
        got = {}
        for h, out in edges.items():
            got[h] = [(n, next((x for m, x in edges.get(n, ()) if m == h), cost)) for n, cost in out]
        if len(_INTO) >= 16:
            _INTO.clear()
        _INTO[key] = got
    return got


def distance_field(oracle: Oracle, mobility: str, goals: frozenset[Hex], blocked: frozenset[Hex] = frozenset(),
                   costly: frozenset[Hex] = frozenset(), extra: int = 0, limit: int | None = None) -> dict[Hex, int]:
    """MP-cost distance from every allowed land hex to the nearest goal, cached. Units are ignored,
    except that `blocked` hexes cannot be passed and entering a `costly` one costs `extra` more (to
    route around the enemy and its zones of control). With `limit`, only the hexes within that cost."""
    # keyed by the board index itself (a cached one is kept alive, so it is never mistaken for a later
    # board at the same address) and by the hexes the side may enter (two scenarios on one board may
    # open different borders: Belarus, a seminar inject)
    key = (oracle.terrain, oracle.allowed, mobility, goals, blocked, costly, extra, limit)
    f = _FIELDS.pop(key, None)
    if f is not None:
        _FIELDS[key] = f  # the most recently used last: the oldest goes first when the cache is full
        return f
    while len(_FIELDS) >= 64:
        del _FIELDS[next(iter(_FIELDS))]
    best = {g: 0 for g in goals if g in oracle.allowed}
    for _ in _settle(oracle, mobility, best, blocked, costly, extra, limit):
        pass
    _FIELDS[key] = best
    return best


def costs_to(oracle: Oracle, mobility: str, goal: Hex, targets: set[Hex]) -> dict[Hex, int]:
    """The MP cost from each of `targets` to `goal`, as `distance_field` gives it, but searched only
    until every target is reached (a target it cannot reach is left out) and not cached: for one-off
    goals, such as an air defence battery's spot, that would crowd the fields' cache."""
    left = set(targets)
    out: dict[Hex, int] = {}
    for h, c in _settle(oracle, mobility, {goal: 0} if goal in oracle.allowed else {}):
        if h in left:
            left.discard(h)
            out[h] = c
            if not left:
                break
    return out


def _settle(oracle: Oracle, mobility: str, best: dict[Hex, int], blocked: frozenset[Hex] = frozenset(),
            costly: frozenset[Hex] = frozenset(), extra: int = 0, limit: int | None = None,
            ) -> Iterator[tuple[Hex, int]]:
    """The search behind `distance_field` and `costs_to`: outward from the hexes of `best` (their
    starting costs), over the cost of entering each hex from its neighbour, filling `best` in and
    yielding each hex with its final cost, nearest first."""
    into = _entering(oracle, mobility)
    allowed = oracle.allowed
    heap = [(c, g) for g, c in sorted(best.items())]
    heapq.heapify(heap)
    while heap:
        c, h = heapq.heappop(heap)
        if c > best[h]:
            continue
        yield h, c
        for n, back in into.get(h, ()):
            nc = c + back + (extra if h in costly else 0)
            if n in allowed and n not in blocked and nc < best.get(n, 1 << 30) and (limit is None or nc <= limit):
                best[n] = nc
                heapq.heappush(heap, (nc, n))


def _within(oracle: Oracle, centre: Hex, radius: int) -> list[Hex]:
    """The hexes of the board within `radius` of `centre` (`hexgrid.within`, less those off the board),
    from the board index's cached balls."""
    ix = oracle.terrain
    return [ix.hexes[i] for i in ix.ball(ix.idx[centre], radius)]


RECON_SORTIES = 4  # Blue: a reconnaissance flight (2 effective needed: some for the air defences)
RECON_FROM = 3  # Blue: hexes out from a goal along its avenue of approach where reconnaissance starts
RECON_SPACING = 5  # Blue: hexes between reconnaissance flights along it (a radius-2 circle is 5 across)
LINES_BEHIND = 3  # hexes back along a lead unit's supply route that line interdiction aims at
AIRLIFT_GAIN = 4  # Red: a lift must save this many movement points over going by land
COVER_DEPTH = 3  # Red: hexes back along a lead unit's supply route where a mobile SAM stands
COVER_RANGE = 6  # Red: SAMs with an umbrella this size or less move with the columns
THREAT_DEPTHS = (3, 6, 9)  # ... and along the route of a force already at the goals, one flight each


def _flight(oracle: Oracle, target: Hex, pool: int, turn_hours: float) -> int:
    """Sorties for a line-interdiction flight: enough that, after the expected air-defence losses,
    the aircraft watch the roads for the whole turn (`air.interdiction.hours_per_sortie`), at least 8,
    at most the pool."""
    per = oracle.tables.interdiction["hours_per_sortie"] or 12.0
    need = turn_hours / per / max(0.25, 1.0 - oracle.ad_loss_probability(target))
    return max(8, min(pool, math.ceil(need)))
DEMOLISH_NEAR = 4  # Blue blows a bridge beside it once enemy units are this close


def expected_exchange(oracle: Oracle, column: int) -> tuple[float, float]:
    """The steps an attack at `column` (after shifts) is expected to cost the attacker and the
    defender, over the six faces of the die (the combat results table; a retreat not counted)."""
    from wargame.rules.combat import parse_result

    faces = [parse_result(row[column]) for row in oracle.tables.crt.values()]
    return sum(f[0] for f in faces) / len(faces), sum(f[1] for f in faces) / len(faces)


@dataclass(frozen=True)
class Doctrine:
    """The knobs of the operational doctrine. The defaults are the `operational` bot; the search bot
    plays variants of them (an axis, more or less boldness, a deeper or shallower Blue line)."""

    name: str = "standard"
    goals: tuple[str, ...] | None = None  # cities Red drives on / Blue covers (None: the scenario's Red goals)
    min_column: int | None = None         # attack at this CRT column or better (None: Red 3 = 3:2, Blue 4 = 2:1)
    cas: bool = True                      # commit close air support to attacks
    advance: float = 1.0                  # Red: the share of its units that move, lead units first
    bypass: bool = False  # Red: manoeuvre units avoid ending next to the enemy when a hex as good is free
    route_around: int = 0  # Red: plan routes around detected enemy units, entering their zones
    # of control costing this many MP more (0: straight down the roads)
    line_offset: int = 6  # Blue: stand this many movement points on the capital side of the Red front
    hold: bool = False  # Blue: stand fast (dig in) instead of falling back
    keep_dug_in: bool = True  # Blue: a dug-in unit values its position by its entrenchment columns
    garrison: int = 2  # Blue: units that stay in the outskirts of each measure city
    hold_outskirts: bool = True  # Blue: ... and in each outskirts hex the best defender, and every
    # fire unit in the outskirts, stay: one empty outskirts hex is all the measure needs
    stand: bool = True  # Blue: delay: units stand on their positions until enveloped
    envelop: int = 3  # Blue: a standing unit falls back when enemy units are in this many hexes around it
    hold_contact: bool = True  # Blue: a unit in contact stands too, dug in or not (one pushed back by
    # combat holds its new hex instead of leaving the road to a line behind)
    demolish: bool = True  # Blue: blow the bridges the enemy is coming over
    demolish_last: bool = True  # Blue: ... only at the last moment (enemy units at the far bank) and
    # only when no own unit is beyond it (False: once enemy units are within 4 hexes of the far bank)
    exchange: float = 2.0  # Blue: counter-attack only where the table expects Red to lose at least
    # this many times the steps Blue does (0: at the doctrine's column alone)
    counter_advance: bool = False  # Blue: advance into the hex a counter-attack emptied (False: stay dug in)
    interdict: bool = True  # Blue: fly interdiction and SEAD in the air phase
    interdict_lines: bool = True  # Blue: interdict the lines of communication behind the lead enemy
    # units instead of the units themselves
    recon: int = 3  # Blue: reconnaissance flights over each goal's avenue of approach (the road
    # home of an enemy force standing on the goal), where the side sees nothing now (0: none)
    lines_first: bool = True  # Blue: when an enemy main force stands in a goal's outskirts and no own
    # troops stand on its road home, the flights over that road go before the cover (docs/bots.md)
    cover: int = 2  # Blue: flights of defensive air cover over the own units in contact nearest the
    # goals, flown before the interdiction (0: none)
    red_air: str = "support"  # Red: "support" (close air support only), or interdiction of the
    # Blue units in "front" of its lead units or in "depth" (nearest the goals)
    cover_lines: bool = True  # Red: mobile SAMs stand over the supply routes behind the lead units
    airlift: bool = True  # Red: helicopters lift air-assault battalions up to the spearhead
    block: bool = True  # Blue: a unit that can get across the road of an enemy column ahead of it this
    # phase does so (wargame/bots/block.py)
    reserve: bool = True  # Blue: units off the enemy's axes and out of the fight go to the goal
    # under the nearest threat (wargame/bots/reserve.py); False: they stand where they are
    clear_lines: bool = True  # Red: follow-on units go for the Blue units that cut the lines of
    # own units out of supply (wargame/bots/lines.py)
    mass_fires: bool = True  # Red: artillery moves into range of the contacts nearest the goals
    # (the spearheads' fights) instead of trailing the columns
    pin: int = 0  # Red: where a contact cannot be attacked at the doctrine's odds, one
    # unit stays to pin it and the rest go round it and its zone of
    # control (entering that zone costing this many MP more); 0: off
    patience: int = 0  # Red: ... once it has held this many turns already (0: at once)


class OperationalBot:
    name = "operational"

    def __init__(self, side: Side, seed: int, doctrine: Doctrine | None = None, remember: bool = False):
        self.side = side
        self.rng = random.Random(seed)
        self.doctrine = doctrine or Doctrine()
        self.held: dict[Hex, int] = {}  # Red: the contacts that hold, and for how many turns they have
        self.known: dict[str, reserve.Known] = {}  # Blue: the enemy units seen lately (reserve.remember)
        self.committed: dict[str, str] = {}  # Blue: units on their way as a reserve (reserve.commit)
        self.remember = remember  # Red: keep `held` up to date under every doctrine (the search bot,
        # which may change to one that uses it)

    # --- the phases ----------------------------------------------------------------------------

    def orders(self, view: View, oracle: Oracle) -> list[Order]:
        if self.side is Side.BLUE and self.doctrine.reserve:
            reserve.remember(self.known, view)  # what every phase shows (reconnaissance flights too)
        if view.phase == "movement":
            return self.move(view, oracle)
        if view.phase == "combat":
            col = self.doctrine.min_column
            return self.attack(view, oracle, min_column=col if col is not None else (3 if self.side is Side.RED else 4))
        if view.phase == "air":
            return self.air(view, oracle)
        return []

    def goals(self, view: View, oracle: Oracle) -> frozenset[Hex]:
        """Where Red drives (and Blue stands between it and): the outskirts of the measure cities, or
        the scenario's own Red goals (e.g. the towns of the Suwałki gap) with their rings."""
        return frozenset(h for hexes in self.goal_groups(view, oracle).values() for h in hexes)

    def goal_groups(self, view: View, oracle: Oracle) -> dict[str, frozenset[Hex]]:
        """`goals`, city by city."""
        b = view.board
        out: dict[str, frozenset[Hex]] = {}
        for name in self.doctrine.goals or oracle.red_goals:
            if name in b.outskirts:
                out[name] = frozenset(b.outskirts[name])
            else:
                c = b.city_named(name)
                if c is not None:
                    hexes = {c.hex}
                    if name not in oracle.hold:  # a town to hold must be entered; others, approached
                        hexes |= {n for n in oracle.terrain.neighbours[c.hex] if b.is_land(n)}
                    out[name] = frozenset(hexes)
        return out

    def move(self, view: View, oracle: Oracle) -> list[Order]:
        goals = self.goals(view, oracle)
        stack: dict[Hex, int] = {}
        for u in view.own:
            stack[u.hex] = stack.get(u.hex, 0) + 1
        limit = oracle.tables.stacking
        enemy_at = {e.hex for e in view.enemy}
        near_enemy = {n for h in enemy_at for n in neighbours(h)}
        out: list[Order] = []

        d = self.doctrine
        blocked = frozenset(enemy_at) if self.side is Side.RED and d.route_around else frozenset()
        costly = frozenset(near_enemy - enemy_at) if blocked else frozenset()
        extra = d.route_around
        track = self.side is Side.RED and (d.pin or d.mass_fires or self.remember)
        stuck = self._stuck(view, oracle) if track else frozenset()
        self.held = {h: self.held.get(h, 0) + 1 for h in stuck}
        pinners: set[str] = set()
        hold_on = frozenset(h for h in stuck if self.held[h] > d.patience)
        if d.pin and hold_on:
            # go round the contacts that hold: their hexes cannot be passed, their zones cost more
            stuck = blocked = hold_on
            costly = frozenset(n for h in stuck for n in neighbours(h)) - blocked
            extra = d.pin
            for h in sorted(stuck):  # the strongest adjacent unit stays on each to pin it
                adj = [
                    u
                    for u in view.own
                    if distance(u.hex, h) == 1
                    and u.attack > 0
                    and u.type.category not in FIRES
                    and u.type.category not in STATIC
                ]
                if adj and not pinners & {u.id for u in adj}:
                    pinners.add(max(adj, key=lambda u: (u.defence, u.steps, u.id)).id)

        detach: dict[str, frozenset[Hex]] = {}
        if self.side is Side.RED and d.clear_lines:
            detach = lines.detachments(
                view,
                oracle,
                goals,
                lambda u: u.attack > 0 and u.type.category not in FIRES | STATIC and u.hex not in goals,
                lambda u, hexes: distance_field(oracle, u.type.mobility, hexes, limit=lines.reach(u)),
            )

        def field(u: Unit) -> dict[Hex, int]:
            target = detach.get(u.id)
            if target is None:
                return distance_field(oracle, u.type.mobility, goals, blocked, costly, extra)
            # a detachment's field only within its reach (where detachments() found it): a full-board
            # field toward every new cutter each turn cost more than the rest of the bot together
            return distance_field(oracle, u.type.mobility, target, blocked, costly, extra, limit=lines.reach(u))

        # nearest the goals first; between equals, Red's line battalions before its reconnaissance and
        # support, so that these do not take the last places in a hex the line units need (in the
        # outskirts a reconnaissance battalion there kept a tank battalion out of the main force)
        line = oracle.tables.main_force_categories if self.side is Side.RED else frozenset()
        order = sorted(view.own, key=lambda u: (field(u).get(u.hex, 1 << 20), u.type.category not in line, u.id))
        fire_plan = self._fire_plan(oracle, goals, stuck) if d.mass_fires else {}
        if fire_plan:
            order = self._guns_first(order, oracle, fire_plan)
        umbrella = self._umbrella(view, oracle, order) if self.side is Side.RED and d.cover_lines else {}
        flown: set[str] = set()
        if self.side is Side.RED and d.airlift and oracle.lift:
            for o in self._airlifts(view, oracle, field, near_enemy, stack, limit):
                out.append(o)
                flown.add(o.unit)
        if self.side is Side.RED and d.advance < 1.0:
            order = order[: max(1, round(len(order) * d.advance))]
        if self.side is Side.BLUE and d.hold:
            return []
        garrison = self._garrison(view, oracle) if self.side is Side.BLUE else set()
        standing = self._standing(view, oracle, enemy_at) if self.side is Side.BLUE and d.stand else set()
        to_reserve: dict[str, frozenset[Hex]] = {}
        if self.side is Side.BLUE and (d.reserve or d.block):
            known = reserve.remember(self.known, view)
            groups = self.goal_groups(view, oracle)
        if self.side is Side.BLUE and d.reserve:
            found = reserve.reserves(
                view, known, oracle, groups, garrison, lambda mob, hexes: distance_field(oracle, mob, hexes)
            )
            self.committed = reserve.commit(found, self.committed, view, known, groups)
            to_reserve = {uid: groups[name] for uid, name in self.committed.items()}
            if oracle.lift:
                for o in self._reserve_airlifts(view, oracle, to_reserve, near_enemy, stack, limit):
                    out.append(o)
                    flown.add(o.unit)
        if self.side is Side.BLUE and d.block:
            found_blocks = block.blocks(view, known, oracle, groups, garrison | flown,
                                        lambda mob, hexes: distance_field(oracle, mob, hexes))
            at = {x.id: x.hex for x in view.own}
            for uid, h in sorted(found_blocks.items()):
                start = at[uid]
                assert start is not None
                stack[start] -= 1
                stack[h] = stack.get(h, 0) + 1
                out.append(Move(uid, tuple(oracle.hid(x) for x in oracle.path(uid, h))))
                flown.add(uid)
                self.committed.pop(uid, None)
        for u in order:
            if u.id in flown:
                continue
            if u.id in garrison:
                continue  # holds the outskirts of a capital
            if u.id in to_reserve:  # off the enemy's axes and out of the fight: to the capital threatened
                best = self._reserve_destination(u, oracle, to_reserve[u.id], near_enemy, stack, limit)
                if best is not None:
                    stack[u.hex] -= 1
                    stack[best] = stack.get(best, 0) + 1
                    out.append(Move(u.id, tuple(oracle.hid(h) for h in oracle.path(u.id, best))))
                continue
            if u.id in standing:
                continue  # holds a position it has dug (see _standing)
            cat = u.type.category
            if (cat in STATIC and u.type.ad_range > 6) or (self.side is Side.BLUE and cat == "territorial"):
                continue  # long-range SAMs stay under their umbrella; territorial battalions hold their district
            if u.id in pinners:
                continue
            reach = oracle.reachable(u.id)
            if not reach:
                continue
            f = field(u)
            here = f.get(u.hex, 1 << 20)
            cands = [h for h in reach if stack.get(h, 0) < limit]
            if self.side is Side.RED:
                if cat in FIRES or cat in STATIC:
                    cands = [h for h in cands if h not in near_enemy]
                if cat == "air_defence" and u.id in umbrella:
                    # over the lines behind the lead units: the roads Blue's aircraft would cut
                    spot = umbrella[u.id]
                    to_spot = costs_to(oracle, u.type.mobility, spot, set(cands) | {u.hex})
                    best = min(cands + [u.hex], key=lambda h: (to_spot.get(h, 1 << 20), distance(h, spot), h))
                    if best != u.hex:
                        stack[u.hex] -= 1
                        stack[best] = stack.get(best, 0) + 1
                        out.append(Move(u.id, tuple(oracle.hid(h) for h in oracle.path(u.id, best))))
                    continue
                target = self._fire_target(u, cands + [u.hex], fire_plan) if cat in FIRES and fire_plan else None
                if target is not None:  # into range of the fight it was sent to (or staying, if in range)
                    fire_plan[target] -= 1
                    best = min(
                        (h for h in cands + [u.hex] if distance(h, target) <= u.type.range),
                        key=lambda h: (f.get(h, 1 << 20), reach.get(h, 0), h),
                    )
                    if best == u.hex:
                        continue
                elif d.bypass and cat not in FIRES and cat not in STATIC:
                    # as close as the best hex, but out of contact where that costs nothing in distance
                    best = min(cands, key=lambda h: (f.get(h, 1 << 20), h in near_enemy, reach[h], h), default=None)
                else:
                    best = min(cands, key=lambda h: (f.get(h, 1 << 20), reach[h], h), default=None)
                if best is None or (target is None and f.get(best, 1 << 20) >= here):
                    continue
            else:
                best = self._blue_destination(u, view, oracle, cands + [u.hex], f, near_enemy, enemy_at, stack)
                if best is None or best == u.hex:
                    continue
            stack[u.hex] -= 1
            stack[best] = stack.get(best, 0) + 1
            out.append(Move(u.id, tuple(oracle.hid(h) for h in oracle.path(u.id, best))))
        if self.side is Side.BLUE and d.demolish:
            out += self._demolitions(view, oracle, field, {o.unit for o in out if isinstance(o, Move)}, enemy_at,
                                     d.demolish_last)
        return out

    @staticmethod
    def _airlifts(view: View, oracle: Oracle, field, near_enemy: set[Hex], stack: dict[Hex, int], limit: int):
        """Red: the air-assault battalions its helicopters can lift fly up to the spearhead: each,
        farthest behind first, to the hex within range nearest the goals that is next to an own
        manoeuvre unit and not next to an enemy unit it sees (the lift's checks are the game's), when
        that saves at least `AIRLIFT_GAIN` movement points over going by land."""
        cats = oracle.tables.airmobile["categories"]
        rng = oracle.tables.airmobile["range"]
        own_line = {u.hex for u in view.own if u.type.category in HEAVY or u.type.category in cats}
        by_line = own_line | {n for h in own_line for n in neighbours(h)}  # in or next to the line
        flyers = sorted(
            (u for u in view.own if u.type.category in cats),
            key=lambda u: (-field(u).get(u.hex, 1 << 20), u.id),
        )
        out: list[Order] = []
        for u in flyers:
            if len(out) >= oracle.lift:
                break
            f = field(u)
            here = f.get(u.hex, 1 << 20)
            cands = sorted(
                (f.get(h, 1 << 20), h)
                for h in _within(oracle, u.hex, rng)
                if h not in near_enemy
                and stack.get(h, 0) < limit
                and f.get(h, 1 << 20) <= here - AIRLIFT_GAIN
                and h in by_line
            )
            if not cands:
                continue
            by_land = min((f.get(h, 1 << 20) for h in [*oracle.reachable(u.id), u.hex]), default=here)
            best = next(
                (
                    h
                    for d, h in cands
                    if d <= by_land - AIRLIFT_GAIN and oracle.legal(Airlift(u.id, oracle.hid(h))) is None
                ),
                None,
            )
            if best is not None:
                h = best
                stack[u.hex] -= 1
                stack[h] = stack.get(h, 0) + 1
                out.append(Airlift(u.id, oracle.hid(h)))
        return out

    @staticmethod
    def _reserve_destination(u: Unit, oracle: Oracle, target: frozenset[Hex], near_enemy: set[Hex],
                             stack: dict[Hex, int], limit: int) -> Hex | None:
        """Blue: where a unit in reserve moves this phase: as near the threatened goal as it can get,
        not next to an enemy unit it sees; None when it is there already (it holds) or cannot get
        nearer."""
        if u.hex is None or u.hex in target:
            return None
        f = distance_field(oracle, u.type.mobility, target)
        here = f.get(u.hex, 1 << 20)
        reach = oracle.reachable(u.id)
        cands = [h for h in reach if stack.get(h, 0) < limit and h not in near_enemy and f.get(h, 1 << 20) < here]
        if not cands:
            return None
        return min(cands, key=lambda h: (f.get(h, 1 << 20), stack.get(h, 0), reach[h], h))

    @staticmethod
    def _reserve_airlifts(view: View, oracle: Oracle, to_reserve: dict[str, frozenset[Hex]], near_enemy: set[Hex],
                          stack: dict[Hex, int], limit: int) -> list[Airlift]:
        """Blue: the air-assault and airborne units in reserve that the side's helicopters can lift fly
        toward the threatened goal, those farthest from it first, when that saves at least
        `AIRLIFT_GAIN` movement points over going by land (the lift's checks are the game's)."""
        cats = oracle.tables.airmobile["categories"]
        rng = oracle.tables.airmobile["range"]
        flyers = []
        for u in view.own:
            if u.id in to_reserve and u.type.category in cats and u.hex is not None and u.hex not in to_reserve[u.id]:
                f = distance_field(oracle, u.type.mobility, to_reserve[u.id])
                flyers.append((-f.get(u.hex, 1 << 20), u.id, u, f))
        out: list[Airlift] = []
        for _, _, u, f in sorted(flyers, key=lambda t: (t[0], t[1])):
            if len(out) >= oracle.lift:
                break
            assert u.hex is not None
            by_land = min((f.get(h, 1 << 20) for h in [*oracle.reachable(u.id), u.hex]), default=1 << 20)
            cands = sorted(
                (f.get(h, 1 << 20), stack.get(h, 0), h)
                for h in _within(oracle, u.hex, rng)
                if h not in near_enemy and stack.get(h, 0) < limit and f.get(h, 1 << 20) <= by_land - AIRLIFT_GAIN
            )
            best = next((h for _, _, h in cands if oracle.legal(Airlift(u.id, oracle.hid(h))) is None), None)
            if best is not None:
                stack[u.hex] -= 1
                stack[best] = stack.get(best, 0) + 1
                out.append(Airlift(u.id, oracle.hid(best)))
        return out

    @staticmethod
    def _umbrella(view: View, oracle: Oracle, order: list[Unit]) -> dict[str, Hex]:
        """Red: where its mobile air defence (umbrella of `COVER_RANGE` hexes or less) stands: over
        the supply route of the lead manoeuvre unit of its own formation, `COVER_DEPTH` hexes back,
        where Blue's line interdiction aims (docs/bots.md). A division's air defence regiment covers
        its division, an army's brigade its army (the lead unit nearest the goals among those whose
        formation shares the most of the battery's own, when some share less); the other batteries
        take the spots of the lead units nearest the goals that none covers yet, each spot the battery
        that gets there soonest by the roads. SAM unit id -> its spot."""
        mobile = sorted(
            (u for u in view.own if u.type.category == "air_defence" and 0 < u.type.ad_range <= COVER_RANGE
             and u.hex is not None),
            key=lambda u: u.id,
        )
        heavy = [u for u in order if u.type.category in HEAVY and u.hex is not None]  # nearest the goals first
        spots: dict[str, Hex | None] = {}

        def spot_of(u: Unit) -> Hex | None:
            if u.id not in spots:
                route = oracle.own_supply_route(u.hex) if u.hex is not None else []
                spots[u.id] = route[COVER_DEPTH] if len(route) > COVER_DEPTH else None
            return spots[u.id]

        out: dict[str, Hex] = {}
        rest: list[Unit] = []
        for sam in mobile:
            kin = [levels_shared(sam.formation, u.formation) for u in heavy]
            most = max(kin, default=0)
            # its own formation's units: those sharing the most with it, when that is more than all do
            own = [u for u, k in zip(heavy, kin, strict=True) if k == most] if kin and most > min(kin) else []
            spot = next((h for h in map(spot_of, own) if h is not None), None)
            if spot is not None:
                out[sam.id] = spot
            else:
                rest.append(sam)
        # the others: each spot, nearest the goals first and clear of those covered, to the battery that
        # gets there soonest by the roads (the nearest in hexes may be a forest away)
        for u in heavy:
            if not rest:
                break
            spot = spot_of(u)
            if spot is None or any(distance(spot, s) <= 2 for s in out.values()):
                continue
            costs = [
                (costs_to(oracle, sam.type.mobility, spot, {sam.hex}).get(sam.hex, 1 << 20),
                 distance(sam.hex, spot), sam.id)
                for sam in rest
                if sam.hex is not None
            ]
            chosen = min(costs)[2]
            out[chosen] = spot
            rest = [sam for sam in rest if sam.id != chosen]
        return out

    @staticmethod
    def _demolitions(view: View, oracle: Oracle, field, moving: set[str], enemy_at: set[Hex],
                     last: bool = True) -> list[Order]:
        """Blue: a unit that stays blows each bridge beside it that leads toward the enemy (the far
        bank is farther from the capitals) once enemy units are within `DEMOLISH_NEAR` hexes of the far
        bank, on that side of the river; with `last` (the doctrine's `demolish_last`) only once they
        stand at the far bank, and only when no other own unit is on that side, within
        `DEMOLISH_NEAR` hexes of it (it may need the bridge to fall back or be supplied)."""
        b = view.board
        out: list[Order] = []
        chosen: set[frozenset[Hex]] = set()
        for u in view.own:
            if u.id in moving or u.attack <= 0 or not any(distance(u.hex, e) <= DEMOLISH_NEAR for e in enemy_at):
                continue
            f = field(u)
            here = f.get(u.hex, 1 << 20)
            for n in sorted(oracle.terrain.neighbours.get(u.hex, ())):
                if b.river(u.hex, n) is None or not b.road(u.hex, n) or f.get(n, 1 << 20) <= here:
                    continue
                # only a bridge the enemy is coming over: enemy units near its far bank, on that side
                # (a bridge merely farther from the capitals may carry Blue's own reinforcements and supply)
                if not any(distance(e, n) <= DEMOLISH_NEAR and distance(e, n) < distance(e, u.hex) for e in enemy_at):
                    continue
                # at the last moment: the enemy at the far bank (earlier, it only turns the enemy to
                # another crossing and may strand own units), and none of Blue's own beyond it
                if last and not any(distance(e, n) <= 1 for e in enemy_at):
                    continue
                if last and any(
                    o.id != u.id and distance(o.hex, n) <= DEMOLISH_NEAR and distance(o.hex, n) < distance(o.hex, u.hex)
                    for o in view.own
                ):
                    continue
                o = Demolish(u.id, oracle.hid(n))
                if frozenset((u.hex, n)) not in chosen and oracle.legal(o) is None:
                    chosen.add(frozenset((u.hex, n)))
                    out.append(o)
                    break  # one bridge a unit a phase
        return out

    def _standing(self, view: View, oracle: Oracle, enemy_at: set[Hex]) -> set[str]:
        """Blue's delay: the units that stand where they are this phase. A unit stands on a position it
        has dug (or, in the first turn, the position the scenario set it up on) until it is being
        enveloped (enemy units in `envelop` (3) or more hexes around it, or in one while it is out of supply);
        then it falls back to the next position. With `hold_contact` a manoeuvre unit in contact stands
        on the same terms even if it has not dug in yet (e.g. pushed back by combat): leaving the road
        for a line behind opened Red's lines of communication, which Blue's aircraft then could not
        cut. Standing units dig in, hold the roads with their zones of control and, once bypassed, cut
        the enemy's lines of communication."""
        t = oracle.tables
        first = t.entrenchment[0][0] if t.entrenchment else 1
        setup = oracle.own_setup() if view.turn == 1 else {}
        nbrs = oracle.terrain.neighbours
        out: set[str] = set()
        for u in view.own:
            settled = view.entrench.get(u.id, 0) >= first or setup.get(u.id) == u.hex
            if self.doctrine.hold_contact and u.type.category not in FIRES:
                settled = settled or any(n in enemy_at for n in nbrs.get(u.hex, ()))
            if not settled:
                continue
            contact = sum(1 for n in nbrs.get(u.hex, ()) if n in enemy_at)
            if contact >= self.doctrine.envelop or (contact and u.id in view.out_of_supply):
                continue
            out.add(u.id)
        return out

    def _garrison(self, view: View, oracle: Oracle) -> set[str]:
        """Blue: the units that stay in the outskirts of each measure city, and in each town the
        scenario's verdict turns on (`victory.hold`), up to `garrison` per place, those that defend
        best first, and with `hold_outskirts` the best defender in every hex of the place and the fire
        units there. The RAND measure needs a Red main force in one of those hexes, the verdict Red in
        the town: a unit leaving one (to pair up on better ground, or to block a road) opened it."""
        n = self.doctrine.garrison
        out: set[str] = set()
        if not n and not self.doctrine.hold_outskirts:
            return out
        b = view.board
        places = [b.outskirts.get(name, frozenset()) for name in oracle.measure_cities]
        towns = (b.city_named(name) for name in oracle.hold)  # whatever Red's goals (`goal_groups`) are
        places += [frozenset({c.hex}) for c in towns if c is not None]
        for hexes in places:
            here = sorted(
                (u for u in view.own if u.hex in hexes and u.attack > 0 and u.type.category not in FIRES),
                key=lambda u: (-u.defence, u.id),
            )
            out.update(u.id for u in here[:n])
            if self.doctrine.hold_outskirts:
                first: dict[Hex, str] = {}
                for u in here:
                    first.setdefault(u.hex, u.id)
                out.update(first.values())
                out.update(u.id for u in view.own if u.hex in hexes and u.type.category in FIRES)
        return out

    def _stuck(self, view: View, oracle: Oracle) -> frozenset[Hex]:
        """The contacts that hold: enemy hexes next to Red units where the best attack now (every
        adjacent unit, the artillery in range) is below the doctrine's odds."""
        col = self.doctrine.min_column if self.doctrine.min_column is not None else 3
        out: set[Hex] = set()
        for e_hex in sorted({e.hex for e in view.enemy}):
            adj = [u for u in view.own if u.attack > 0 and distance(u.hex, e_hex) == 1]
            if not adj:
                continue
            sup = self._fire_support(view, oracle, e_hex)
            a = oracle.preview(Attack(oracle.hid(e_hex), tuple(u.id for u in adj), tuple(u.id for u in sup)))
            if a is not None and a.column < col:
                out.add(e_hex)
        return frozenset(out)

    @staticmethod
    def _fire_support(view: View, oracle: Oracle, target: Hex) -> list[Unit]:
        """The fire units in range of `target`, strongest first, as many as may support one attack."""
        return sorted(
            (u for u in view.own if u.type.support > 0 and distance(u.hex, target) <= u.type.range),
            key=lambda u: (-u.type.support, u.id),
        )[: oracle.tables.max_support_units]

    @staticmethod
    def _fire_plan(oracle: Oracle, goals: frozenset[Hex], stuck: frozenset[Hex]) -> dict[Hex, int]:
        """Where the artillery goes: the contacts that hold, nearest the goals first, each wanting as
        many fire units as may support one attack. Ordered: the first has the first claim."""
        near = lambda h: (min((distance(h, g) for g in goals), default=99), h)  # noqa: E731
        return {h: oracle.tables.max_support_units for h in sorted(stuck, key=near)}

    @classmethod
    def _guns_first(cls, order: list[Unit], oracle: Oracle, plan: dict[Hex, int]) -> list[Unit]:
        """The fire units the plan sends to a fight move before everything else: the battalions
        following up would otherwise fill the hexes in range of it (a hex holds three units), and a
        division's artillery group takes its firing positions before the second echelon closes up.
        Without this a stronger Red was slower: in incursion-2016 the 4th Tank Division's artillery
        stood one hex out of range of the block on the A12, behind its own tank battalions."""
        left = dict(plan)
        guns: list[Unit] = []
        for u in order:
            if u.type.category not in FIRES:
                continue
            t = cls._fire_target(u, [*oracle.reachable(u.id), u.hex], left)
            if t is not None:
                left[t] -= 1
                guns.append(u)
        first = {u.id for u in guns}
        return guns + [u for u in order if u.id not in first]

    @staticmethod
    def _fire_target(u: Unit, cands: list[Hex], plan: dict[Hex, int]) -> Hex | None:
        for t, wanted in plan.items():
            if wanted > 0 and any(distance(h, t) <= u.type.range for h in cands):
                return t
        return None

    def _blue_destination(self, u, view, oracle, cands, f, near_enemy, enemy_at, stack):
        b = view.board
        t = oracle.tables
        if u.type.category == "territorial":
            return None  # holds its district
        capital_dist = lambda h: f.get(h, 1 << 20)  # noqa: E731 - Red's cost to the capitals from h
        phases = view.entrench.get(u.id, 0)
        # under the delay (`stand`) a dug-in unit gets here only when it is being enveloped: then it
        # falls back, whatever its entrenchment (weighing it kept units in place to be destroyed)
        dug = (
            max((-shift for need, _, shift in t.entrenchment if phases >= need), default=0)
            if self.doctrine.keep_dug_in and not self.doctrine.stand
            else 0
        )
        front = min((capital_dist(e) for e in enemy_at), default=None)

        nbrs = oracle.terrain.neighbours

        def score(h: Hex) -> float:
            s = -3.0 * t.terrain_shift.get(b.terrain[h], 0)
            if h in b.cities:
                s += 2
            adj = [n for n in nbrs[h] if n in enemy_at]
            if len(adj) >= 2:
                s -= 4
            if any(oracle.terrain.river_between(h, n) for n in adj):
                s += 2
            if front is not None:
                # stand between the enemy and the capitals: just on the capital side of the front
                s -= 0.15 * abs(capital_dist(h) - max(0, front - self.doctrine.line_offset))
            else:
                s -= 0.05 * capital_dist(h)
            if stack.get(h, 0) == 1:
                s += 1  # pairs defend better than singles
            if h == u.hex:
                s += 1.5 + 3.0 * dug  # staying keeps the position: each entrenchment column is worth a terrain column
            if u.type.category in FIRES and h in near_enemy:
                s -= 10
            return s

        return max(cands, key=lambda h: (score(h), -capital_dist(h), h))

    # --- combat ------------------------------------------------------------------------------

    def attack(self, view: View, oracle: Oracle, min_column: int) -> list[Order]:
        goals = self.goals(view, oracle) if self.side is Side.RED else frozenset()
        # the outskirts where Red's main force has yet to stand (the RAND measure not taken there)
        building = frozenset(
            h for name in oracle.measure_cities if name not in view.measure
            for h in view.board.outskirts.get(name, ())
        ) if self.side is Side.RED else frozenset()
        used: set[str] = set()
        fired: set[str] = set()
        sorties = view.sorties
        out: list[Order] = []
        targets = []
        for e_hex in sorted({e.hex for e in view.enemy}):
            adj = [u for u in view.own if u.attack > 0 and distance(u.hex, e_hex) == 1]
            if self.side is Side.BLUE:
                adj = [
                    u
                    for u in adj
                    if u.type.category in HEAVY
                    or u.type.category in ("airborne", "infantry", "light_infantry", "motorised_infantry")
                ]
            if adj:
                targets.append((e_hex, adj))
        scored = []
        for e_hex, adj in targets:
            sup = self._fire_support(view, oracle, e_hex)
            a = oracle.preview(Attack(oracle.hid(e_hex), tuple(u.id for u in adj), tuple(u.id for u in sup)))
            if a is not None:
                scored.append((-a.column, e_hex, adj, sup))
        for _, e_hex, adj, sup in sorted(scored, key=lambda x: (x[0], x[1])):
            atk = tuple(u.id for u in adj if u.id not in used)
            spt = tuple(u.id for u in sup if u.id not in fired)
            if not atk:
                continue
            cas = 0
            if self.doctrine.cas and sorties >= 4 and oracle.ad_loss_probability(e_hex) < 0.3:
                cas = min(sorties, 8)
            a = oracle.preview(Attack(oracle.hid(e_hex), atk, spt, cas))
            if a is None or a.column < min_column:
                continue
            if self.side is Side.BLUE and self.doctrine.exchange:
                lose, take = expected_exchange(oracle, a.column)
                if take < self.doctrine.exchange * lose:
                    continue
            used.update(atk)
            fired.update(spt)
            sorties -= cas
            # Blue's counter-attacks hit and stay: advancing would give up the position it dug. Red
            # advances, but not out of the goals: units in the outskirts that attack a hex outside
            # them stay where they are (the strongest attackers advance first); and units in the
            # outskirts of a city where the main force does not stand yet hold their hexes whatever
            # they attack, until it does (an advance deeper in took them out of supply)
            if self.side is Side.RED:
                mine = [u for u in adj if u.id in atk]
                advance = (e_hex in goals or not any(u.hex in goals for u in mine)) and not any(
                    u.hex in building for u in mine
                )
            else:
                advance = self.doctrine.counter_advance
            out.append(Attack(oracle.hid(e_hex), atk, spt, cas, advance))
        return out

    # --- air --------------------------------------------------------------------------------------

    def air(self, view: View, oracle: Oracle) -> list[Order]:
        if self.side is Side.RED:
            return self._red_air(view, oracle)
        if view.sorties < 8 or not self.doctrine.interdict:
            return []
        out: list[Order] = []
        pool = view.sorties - 8  # keep some for close air support
        if not view.enemy:
            return self._recon(view, oracle, pool)[0]
        sams = [e for e in view.enemy if e.type.ad_strength > 0]
        for s in sorted(sams, key=lambda e: -e.type.ad_strength)[:1]:
            if pool >= 8:
                out.append(AirMission("sead", oracle.hid(s.hex), 8))
                pool -= 8
        goals = self.goals(view, oracle)
        looked, pool = self._recon(view, oracle, pool)
        out += looked
        spear = sorted(view.enemy, key=lambda e: (min((distance(e.hex, g) for g in goals), default=99), e.id))
        hours = float(view.clock.turn_hours) if view.clock is not None else 12.0
        if not self.doctrine.interdict_lines:
            covered, pool = self._cover(view, oracle, goals, pool)
            return out + covered + self._interdict(spear, pool, oracle)
        # first the lines of a force already at the goals (what the measure needs in supply): a
        # second and third flight deeper along the same road close the ways round the first; before
        # the cover where that force could count (`_lines_first`), after it otherwise
        first = self._lines_first(view, oracle)
        done: set[Hex] = set()
        if first is not None:
            flights, pool, done = self._threat_flights(first, pool, oracle, hours)
            out += flights
        covered, pool = self._cover(view, oracle, goals, pool)
        out += covered
        at_goal = next((e for e in spear if e.hex in goals), None)
        if first is None and at_goal is not None:
            flights, pool, done = self._threat_flights(at_goal, pool, oracle, hours)
            out += flights
        return out + self._interdict_lines(spear, pool, oracle, hours, done)

    def _lines_first(self, view: View, oracle: Oracle) -> Unit | None:
        """The enemy force whose lines Blue's aircraft cut before anything else this turn: enough
        line troops seen in one goal's outskirts to count as a main force if in supply (the
        measure's categories and steps, public rules), while no own troops stand on or beside their
        road home beyond the first `LINES_BEHIND` hexes, whose zones of control would cut it
        already. Its heaviest unit, or None (`Doctrine.lines_first`)."""
        if not self.doctrine.lines_first:
            return None
        t = oracle.tables
        own = {u.hex for u in view.own if u.hex is not None and u.defence > 0 and u.type.category not in FIRES}
        ring = own | {n for h in own for n in neighbours(h)}
        for _name, hexes in sorted(self.goal_groups(view, oracle).items()):
            units = [e for e in view.enemy if e.hex in hexes and e.type.category in t.main_force_categories]
            if sum(e.steps for e in units) < t.main_force_steps:
                continue
            lead = min(units, key=lambda e: (-e.steps, e.id))
            if any(h in ring for h in oracle.enemy_supply_route(lead.hex)[LINES_BEHIND:]):
                continue  # own troops on its road home cut it already
            return lead
        return None

    @staticmethod
    def _threat_flights(lead: Unit, pool: int, oracle: Oracle, turn_hours: float) -> tuple[list[Order], int, set[Hex]]:
        """Flights over the road home of `lead`'s force, `THREAT_DEPTHS` hexes back, where the
        air-defence loss probability is 25 % or less, with the rings they watch: for a force at the
        goals, before the cover where it could count (`_lines_first`), after it otherwise."""
        out: list[Order] = []
        done: set[Hex] = set()
        route = oracle.enemy_supply_route(lead.hex)
        for depth in THREAT_DEPTHS:
            if pool < 8 or len(route) <= depth:
                break
            t = route[depth]
            if t in done or oracle.ad_loss_probability(t) > 0.25:
                continue
            n = _flight(oracle, t, pool, turn_hours)
            out.append(AirMission("interdiction", oracle.hid(t), n))
            done.update({t, *neighbours(t)})
            pool -= n
        return out, pool, done

    def _recon(self, view: View, oracle: Oracle, pool: int) -> tuple[list[Order], int]:
        """Flights of `RECON_SORTIES` over each goal's avenue of approach (`Doctrine.recon` per goal):
        the road home an enemy force on the goal would trace (`enemy_supply_route`, public). Only
        where no enemy unit is seen, and no own line unit stands, on or next to it beyond the first
        `RECON_FROM` hexes; from there every `RECON_SPACING` hexes, over hexes the side does not see
        now and where the air-defence loss probability is 25 % or less. A column nobody has seen
        cannot be blocked or interdicted (docs/bots.md)."""
        out: list[Order] = []
        if not self.doctrine.recon:
            return out, pool
        seen = set(view.seen)
        enemy_near = {n for e in view.enemy if e.hex is not None for n in oracle.terrain.neighbours[e.hex]}
        enemy_near |= {e.hex for e in view.enemy if e.hex is not None}
        own = [u.hex for u in view.own if u.hex is not None and u.type.category not in FIRES | STATIC]
        watched = {n for h in own for n in oracle.terrain.neighbours[h]} | set(own)
        for _name, hexes in sorted(self.goal_groups(view, oracle).items()):
            route = reserve.avenue(oracle, hexes)
            if any(h in enemy_near or h in watched for h in route[RECON_FROM:]):
                continue  # in contact on this avenue, or own troops on it: the enemy there will be found
            n = 0
            last = -RECON_SPACING
            for k, h in enumerate(route):
                if n >= self.doctrine.recon or pool < RECON_SORTIES:
                    break
                if k < RECON_FROM or k - last < RECON_SPACING or h in seen or oracle.ad_loss_probability(h) > 0.25:
                    continue
                out.append(AirMission("recon", oracle.hid(h), RECON_SORTIES))
                pool -= RECON_SORTIES
                last = k
                n += 1
        return out, pool

    def _cover(self, view: View, oracle: Oracle, goals, pool: int) -> tuple[list[Order], int]:
        """Flights of 8 sorties of defensive cover (`Doctrine.cover`) over the own units next to a
        known enemy unit, nearest the goals first, where the air-defence loss probability is 25 % or
        less; no two over the same ring. The cover shifts the first enemy attack within its radius
        this turn (docs/rules.md, Air)."""
        out: list[Order] = []
        enemy_at = {e.hex for e in view.enemy}
        near = lambda h: min((distance(h, g) for g in goals), default=99)  # noqa: E731
        contact = sorted({u.hex for u in view.own if u.hex is not None and u.defence > 0
                          and any(n in enemy_at for n in neighbours(u.hex))}, key=lambda h: (near(h), h))
        taken: list[Hex] = []
        for h in contact:
            if len(out) >= self.doctrine.cover or pool < 8:
                break
            if any(distance(h, t) < 3 for t in taken) or oracle.ad_loss_probability(h) > 0.25:
                continue
            out.append(AirMission("cover", oracle.hid(h), 8))
            taken.append(h)
            pool -= 8
        return out, pool

    @staticmethod
    def _interdict_lines(spear, pool: int, oracle: Oracle, turn_hours: float, done: set[Hex]) -> list[Order]:
        """Flights over the enemy's lines of communication: the hex `LINES_BEHIND` back along the
        supply route of each lead unit (nearest the goals first), where the air-defence loss
        probability is 25 % or less and not in `done` (the rings already flown over), each big
        enough to watch the roads all turn (`_flight`). A cut line starves every unit beyond it
        (docs/rules.md, Supply)."""
        out: list[Order] = []
        done = set(done)
        for e in spear:
            if pool < 8:
                break
            route = oracle.enemy_supply_route(e.hex)
            if len(route) <= LINES_BEHIND:
                continue
            t = route[LINES_BEHIND]
            if t in done or e.hex in done or oracle.ad_loss_probability(t) > 0.25:
                continue
            n = _flight(oracle, t, pool, turn_hours)
            out.append(AirMission("interdiction", oracle.hid(t), n))
            done.update({t, *neighbours(t), *route[:LINES_BEHIND]})
            pool -= n
        return out

    @staticmethod
    def _interdict(targets, pool: int, oracle: Oracle) -> list[Order]:
        """Flights of 8 sorties over the targets in order, one per hex and its ring, while the pool
        lasts, where the air-defence loss probability is 25 % or less."""
        out: list[Order] = []
        done: set[Hex] = set()
        for e in targets:
            if pool < 8:
                break
            if e.hex in done or oracle.ad_loss_probability(e.hex) > 0.25:
                continue
            out.append(AirMission("interdiction", oracle.hid(e.hex), 8))
            done.update({e.hex, *neighbours(e.hex)})
            pool -= 8
        return out

    def _red_air(self, view: View, oracle: Oracle) -> list[Order]:
        how = self.doctrine.red_air
        if how == "support" or view.sorties < 16 or not view.enemy:
            return []
        pool = view.sorties // 2  # half stays for close air support
        if how == "front":
            key = lambda e: (min((distance(e.hex, u.hex) for u in view.own), default=99), e.id)  # noqa: E731
        else:
            goals = self.goals(view, oracle)
            key = lambda e: (min((distance(e.hex, g) for g in goals), default=99), e.id)  # noqa: E731
        return self._interdict(sorted(view.enemy, key=key), pool, oracle)
