"""Air: sortie pools, air-defence attrition, and the air phase (counter-air, SEAD, interdiction,
reconnaissance, cover), plus the air-defence roll for close air support in an attack.

The air phase is tasked by both sides in turn (Red, then Blue, neither seeing the other's tasking)
and resolved when Blue commits: counter-air first (it denies the enemy sorties, from its reserve
first, then from its missions, last listed first), then every SEAD mission (Red's, then Blue's),
then the other missions in the order given. Each mission over a hex covered by enemy SAM umbrellas
rolls one d6 on the attrition table (a `Chance` the umpire may overrule).
"""

from __future__ import annotations

from collections.abc import Generator
from typing import TYPE_CHECKING

from wargame import events as ev
from wargame.hexgrid import Hex
from wargame.model.units import Side, Unit
from wargame.orders import AirMission, from_dict
from wargame.rules.umpire import Chance

if TYPE_CHECKING:
    from wargame.rules.position import Position

Resolution = Generator[Chance, tuple[int, str], None]
SEAD_RESULTS = ("NE", "S", "S1")
INTERDICTION_RESULTS = ("SLOW", "CUT")


def ad_units(game: Position, flying: Side, target: int) -> list[Unit]:
    """Enemy SAM units (not suppressed) whose umbrella covers hex `target`."""
    st = game.state
    dist = game.index.distance
    out = []
    pos = st.pos
    sams = game.cache.get("sams")  # every SAM unit of the state (on the board or not), scenario order
    if sams is None:
        sams = game.cache["sams"] = [u for u in st.units.values() if u.type.ad_strength > 0]
    for u in sams:  # scenario order: the same however the state was built
        h = pos.get(u.id)
        if h is not None and u.side is not flying and u.id not in st.suppressed and dist(h, target) <= u.type.ad_range:
            out.append(u)
    return out


def ad_strength(game: Position, flying: Side, target: int) -> float:
    return round(sum(u.type.ad_strength for u in ad_units(game, flying, target)), 2)


def ad_column(game: Position, strength: float) -> int:
    col = 0
    for i, s in enumerate(game.tables.ad_strengths):
        if strength + 1e-9 >= s:
            col = i
    return col


def lost_on(game: Position, die: int, sorties: int, strength: float) -> int:
    pct = game.tables.ad_rows[die][ad_column(game, strength)]
    return min(sorties, int(sorties * pct / 100 + 0.5))


def expected_loss_fraction(game: Position, strength: float) -> float:
    col = ad_column(game, strength)
    return sum(game.tables.ad_rows[d][col] for d in range(1, 7)) / 600


def loss_probability(game: Position, flying: Side, target: Hex) -> float:
    """The expected share of a package lost over `target` (what bots and the TUI show)."""
    return expected_loss_fraction(game, ad_strength(game, flying, game.index.idx[target]))


def effective(game: Position, survivors: int, strength: float) -> int:
    """Surviving sorties that still count, after the umbrellas' blunting."""
    return survivors * game.tables.ad_effective[ad_column(game, strength)] // 100


def count_parser(what: str, most: int):
    """The umpire's replacement for a count from 0 to `most` (the sorties or steps an air-defence
    roll takes), checked and in canonical form."""

    def parse(text: str) -> str:
        try:
            n = int(str(text).strip())
        except ValueError:
            n = -1
        if not 0 <= n <= most:
            raise ValueError(f"replace {what} with a whole number from 0 to {most}")
        return str(n)

    return parse


def loss_chance(game: Position, side: Side, mission: str, target: int, sorties: int) -> Chance:
    """The air-defence roll against a package: result = sorties lost (as text)."""
    strength = ad_strength(game, side, target)
    col = ad_column(game, strength)

    faces = tuple(str(lost_on(game, die, sorties, strength)) for die in range(1, 7))
    parse = count_parser("the sorties lost", sorties)
    where = game.index.ids[target]
    q = (
        f"{side.value.capitalize()} flies {sorties} {mission.replace('_', ' ')} sorties over {where}: enemy air "
        "defence "
        f"strength {strength:g} (column {game.tables.ad_strengths[col]:g}+). How many sorties are lost?"
    )
    return Chance("air", q, faces, parse, order=AirMission(mission, where, sorties))


def die_bonus(section: dict, eff: int) -> int:
    """+1 per `sorties_per_bonus` effective sorties, at most `max_bonus` (SEAD's and interdiction's d6)."""
    return int(min(section["max_bonus"], eff // section["sorties_per_bonus"]))


def sead_chance(game: Position, order: AirMission, eff: int) -> Chance:
    s = game.tables.sead
    bonus = die_bonus(s, eff)

    totals = [die + bonus for die in range(1, 7)]
    faces = tuple("S1" if t >= s["destroy_on"] else "S" if t >= s["suppress_on"] else "NE" for t in totals)

    def parse(text: str) -> str:
        t = str(text).strip().upper()
        if t not in SEAD_RESULTS:
            raise ValueError(
                "replace a SEAD result with NE (no effect), S (suppressed) or S1 (suppressed and a step lost)"
            )
        return t

    q = (
        f"SEAD at {order.target}: {eff} effective sorties, d6 +{bonus}; {s['suppress_on']}+ suppresses the SAM units "
        f"there, {s['destroy_on']}+ also costs the strongest a step."
    )
    return Chance("sead", q, faces, parse, choices=SEAD_RESULTS, order=order)


def interdiction_chance(game: Position, order: AirMission, eff: int) -> Chance:
    """Whether an interdiction mission stops the convoys through its zone (CUT: the roads are cut for
    supply while the aircraft are on station) or only slows the columns (SLOW). Either way the zone is
    interdicted for movement."""
    i = game.tables.interdiction
    bonus = die_bonus(i, eff)
    faces = tuple("CUT" if die + bonus >= i["cut_on"] else "SLOW" for die in range(1, 7))

    def parse(text: str) -> str:
        t = str(text).strip().upper()
        if t not in INTERDICTION_RESULTS:
            raise ValueError("replace an interdiction result with SLOW (columns slowed) or CUT (supply cut too)")
        return t

    q = (
        f"Interdiction at {order.target}: {eff} effective sorties, d6 +{bonus}; {i['cut_on']}+ cuts the roads "
        "for supply while the aircraft are on station, lower only slows the columns."
    )
    return Chance("interdiction", q, faces, parse, choices=INTERDICTION_RESULTS, order=order)


def apply_sead(game: Position, target: int, flying: Side, code: str) -> tuple[str, list[ev.Event]]:
    st = game.state
    sams = sorted(
        (
            st.units[i]
            for i in st.at.get(target, ())
            if st.units[i].side is not flying and st.units[i].type.ad_strength > 0
        ),
        key=lambda u: (-u.type.ad_strength, u.id),
    )
    if code == "NE" or not sams:
        return "no SAM suppressed", []
    out: list[ev.Event] = []
    for u in sams:
        st.suppressed.add(u.id)
        out.append(ev.Suppressed(u.id, u.name, u.side.value))
    text = ", ".join(u.name for u in sams) + " suppressed"
    if code == "S1":
        out += game.lose_step(sams[0], "suppression of air defences")
        text += f"; {sams[0].name} loses a step"
    return text, out


def resolve_air_phase(game: Position) -> Resolution:
    """Resolve both sides' air tasking (see the module's docstring)."""
    st = game.state
    # air_orders hold only the air missions sequence.resolve took from the plan
    tasks = {s: [o for d in st.air_orders[s] if isinstance(o := from_dict(d), AirMission)] for s in Side}
    st.air_orders = {Side.RED: [], Side.BLUE: []}
    ratio = game.tables.counter_air_ratio
    denial = {s: 0 for s in Side}
    for s in Side:
        for m in tasks[s]:
            if m.mission == "counter_air":
                st.sorties[s] -= m.sorties
                n = int(m.sorties * ratio + 1e-9)
                denial[s.other] += n
                game.emit(
                    ev.AirMissionFlown(s.value, m.mission, "-", m.sorties, 0, f"denies the enemy {n} sorties this turn")
                )
    for s in Side:
        if denial[s]:
            tasks[s] = _deny(game, s, tasks[s], denial[s])
    for kinds in (("sead",), ("interdiction", "recon", "cover")):
        for s in Side:
            for m in tasks[s]:
                if m.mission in kinds and m.sorties > 0:
                    yield from fly(game, s, m)
    from wargame.rules.victory import after_air

    for e in after_air(game):
        game.emit(e)


def _deny(game: Position, side: Side, tasks: list[AirMission], denied: int) -> list[AirMission]:
    st = game.state
    planned = sum(m.sorties for m in tasks if m.mission != "counter_air")
    reserve = max(0, st.sorties[side] - planned)
    take = min(reserve, denied)
    total, cut = take, [f"{take} from the reserve"] if take else []
    left = denied - take
    out = list(tasks)
    for i in range(len(out) - 1, -1, -1):
        m = out[i]
        if left <= 0:
            break
        if m.mission == "counter_air" or m.sorties <= 0:
            continue
        c = min(m.sorties, left)
        out[i] = AirMission(m.mission, m.target, m.sorties - c)
        cut.append(f"{m.mission.replace('_', ' ')} at {m.target}: {m.sorties} -> {m.sorties - c}")
        left -= c
        total += c
    st.sorties[side] -= total
    game.emit(ev.SortiesDenied(side.value, total, tuple(cut)))
    return out


def fly(game: Position, side: Side, m: AirMission) -> Resolution:
    """One mission: air-defence losses, then its effect."""
    st = game.state
    ix = game.index
    t = ix.idx[game.parse(m.target)]
    st.sorties[side] -= m.sorties
    strength = ad_strength(game, side, t)
    lost = 0
    if strength > 0:
        die, res = yield loss_chance(game, side, m.mission, t, m.sorties)
        lost = int(res)
        game.emit(ev.SortiesLost(side.value, m.mission, m.target, m.sorties, lost, strength, die))
    eff = effective(game, m.sorties - lost, strength)
    a = game.tables
    seen = st.seen_by_air[side]
    after: list[ev.Event] = []
    if m.mission == "sead":
        seen.add(t)
        if not any(st.units[i].side is not side and st.units[i].type.ad_strength > 0 for i in st.at.get(t, ())):
            effect = "no air defence found there"
        elif eff <= 0:
            effect = "no sortie got through"
        else:
            die, code = yield sead_chance(game, m, eff)
            effect, after = apply_sead(game, t, side, code)
            effect += f" (d6 {die}: {code})"
    elif m.mission == "interdiction":
        if eff >= a.interdiction["min_sorties"]:
            zone = [h for h in ix.ball(t, a.interdiction["radius"]) if ix.is_land[h]]
            st.interdicted[side].update(zone)
            seen.update(zone)
            die, code = yield interdiction_chance(game, m, eff)
            if code == "CUT":
                # the convoys are stopped while the aircraft are there: so many hours an effective
                # sortie, at most the turn (rules.supply reads it; movement has the zone for the turn)
                turn = game.scenario.clock.turn_hours
                until = round(game.hour + min(turn, eff * a.interdiction["hours_per_sortie"]), 1)
                ends = st.interdiction_ends[side]
                for h in zone:
                    ends[h] = max(ends.get(h, 0.0), until)
                effect = (
                    f"{len(zone)} hexes around {m.target} interdicted for the turn, its roads cut for supply "
                    f"until H+{until:g} ({eff} effective sorties, d6 {die}: CUT)"
                )
            else:
                effect = (
                    f"{len(zone)} hexes around {m.target} interdicted for the turn: columns slowed, the convoys "
                    f"get through ({eff} effective sorties, d6 {die}: SLOW)"
                )
        else:
            effect = (
                f"too few sorties got through to interdict ({eff} effective, {a.interdiction['min_sorties']} needed)"
            )
    elif m.mission == "recon":
        if eff >= a.recon["min_sorties"]:
            seen.update(ix.ball(t, a.recon["radius"]))
            effect = f"the area within {a.recon['radius']} hexes of {m.target} reconnoitred"
        else:
            effect = f"too few sorties got through to reconnoitre ({eff} effective)"
    else:  # cover
        if eff > 0:
            st.cover[side].append([t, eff])
            seen.update(ix.ball(t, a.cover_radius))
            effect = f"{eff} effective sorties stand by over {m.target} for its defence"
        else:
            effect = "no sortie got through"
    game.emit(ev.AirMissionFlown(side.value, m.mission, m.target, m.sorties, lost, effect))
    for e in after:
        game.emit(e)
