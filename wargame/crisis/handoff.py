"""Into the war: the crisis' state turned into the scenario the war is played on, through the
existing engine (the scenario's `warning_hours`, arrival turns, units and victory goals).

- warning gained in the crisis is added to the scenario's `warning_hours` (wargame.rules.arrivals
  moves Blue's arrivals earlier and digs Blue in);
- pre-deployed Blue units arrive on turn 1; mobilised Baltic reserves come `mobilise_turns` earlier;
- undetected cyber attacks delay Baltic arrivals a turn each (at most `cyber_delay_max`); undetected
  special forces infiltrations start the war as Red special forces units on the scenario's
  `infiltration` hexes;
- the side that escalated first pays in alliance cohesion: Blue first, allied (non-Baltic)
  reinforcements come later; Red first, the Alliance rallies and they come earlier;
- without eFP the scenario's eFP units (`efp_formation`) are left out; a limited grab sets Red's goals
  to the scenario's `limited_goals`.

Also Red's perceived correlation of forces (`balance`), which reads the same war scenario, so every
step of the crisis that changes the war changes what Red sees.
"""

from __future__ import annotations

import dataclasses
import fnmatch
from typing import TYPE_CHECKING

from wargame.hexgrid import parse_hex_id
from wargame.model.scenario import Scenario
from wargame.model.units import Side, Unit

if TYPE_CHECKING:
    from wargame.crisis.state import CrisisState
    from wargame.crisis.tables import CrisisSettings, CrisisTables

_MANOEUVRE_OUT = ("artillery", "rocket_artillery", "air_defence", "headquarters")


def _shift(u: Unit, turns: int) -> Unit:
    if u.hex is not None or u.arrival_turn <= 0 or turns == 0:
        return u
    v = u.copy()
    v.arrival_turn = max(1, u.arrival_turn - turns)
    return v


def efp_units(base: Scenario, settings: CrisisSettings) -> list[str]:
    pat = settings.efp_formation
    return [u.id for u in base.units if pat and u.side is Side.BLUE and fnmatch.fnmatchcase(u.formation, pat)]


def pre_deploy_candidates(base: Scenario, settings: CrisisSettings, done: list[str]) -> list[str]:
    """Blue's allied (non-Baltic) arrivals, earliest first, not yet pre-deployed."""
    baltic = set(settings.baltic_nations)
    gone = set(done) | (set() if settings.efp else set(efp_units(base, settings)))
    units = [
        u
        for u in base.units
        if u.side is Side.BLUE and u.hex is None and u.arrival_turn > 1 and u.nation not in baltic and u.id not in gone
    ]
    return [u.id for u in sorted(units, key=lambda u: (u.arrival_turn, u.id))]


def war_scenario(
    base: Scenario,
    settings: CrisisSettings,
    state: CrisisState,
    tables: CrisisTables,
    limited: bool = False,
    warning: bool = True,
) -> Scenario:
    """The scenario the war is played on, after this crisis. `base` is never changed (a scenario that
    is already a crisis' war scenario is taken back to its own base first). `warning=False` leaves out
    only the warning gained (everything else handed over stays): the study's controlled comparison."""
    base = getattr(base, "crisis_base", None) or base
    coh = tables["cohesion"]
    baltic = set(settings.baltic_nations)
    drop = set() if settings.efp else set(efp_units(base, settings))
    pre = set(state.predeployed)
    allied_shift = 0
    if state.escalated_first == "blue":
        allied_shift = -coh["blue_first_delay_turns"]
    elif state.escalated_first == "red":
        allied_shift = coh["red_first_advance_turns"]
    baltic_shift = (tables["readiness"]["mobilise_turns"] if state.mobilised else 0) - min(
        state.undetected("cyber_attack"), coh["cyber_delay_max"]
    )
    units: list[Unit] = []
    for u in base.units:
        if u.id in drop:
            continue
        if u.side is Side.BLUE and u.hex is None and u.arrival_turn > 0:
            if u.id in pre:
                u = u.copy()
                u.arrival_turn = 1
            elif u.nation in baltic:
                u = _shift(u, baltic_shift)
            else:
                u = _shift(u, allied_shift)
        units.append(u)
    sf_type = base.unit_types.get(settings.sf_type)
    blue_at = {u.hex for u in units if u.side is Side.BLUE and u.hex is not None}
    free = [h for h in map(parse_hex_id, settings.infiltration) if h not in blue_at]  # never in a Blue hex
    n = min(state.undetected("sf_infiltration"), len(free))
    if sf_type is not None:
        for i in range(n):
            units.append(
                Unit(
                    f"crisis-sf-{i + 1}",
                    f"Infiltrated special forces {i + 1}",
                    Side.RED,
                    "RUS",
                    sf_type,
                    "Crisis / infiltrated special forces",
                    free[i],
                    sf_type.steps,
                    0,
                    None,
                    "crisis phase: an undetected infiltration",
                    "placed by the crisis (docs/crisis.md)",
                    "crisis",
                )
            )
    params = dict(base.parameters)
    gained = state.warning_hours if warning else 0
    params["warning_hours"] = min(24 * 90, int(params.get("warning_hours", 0) or 0) + gained)
    victory = base.victory
    if limited and settings.limited_goals:
        victory = dataclasses.replace(
            victory, red_goals=tuple(settings.limited_goals), hold=tuple(settings.limited_goals)
        )
    out: Scenario = dataclasses.replace(base, units=units, parameters=params, victory=victory)
    setattr(out, "crisis_base", base)  # noqa: B010 - not a field: a war scenario knows its base
    sha = getattr(base, "data_sha256", None)
    if sha is not None:
        setattr(out, "data_sha256", sha)  # noqa: B010 - what a save names: the base scenario's data
    return out


def _strength(u: Unit, attack: bool) -> float:
    if u.type.category in _MANOEUVRE_OUT:
        return 0.0
    value = u.type.attack if attack else u.type.defence
    return value * u.steps / max(1, u.type.steps)


def power(sc: Scenario, side: Side, horizon_turns: int) -> float:
    """Manoeuvre strength (attack for Red, defence for Blue) on the map at H-hour or due by the horizon,
    after the warning shift (the same as wargame.rules.arrivals, approximately: whole turns)."""
    shift = 0
    if side is Side.BLUE and sc.tables is not None:
        w = int(sc.parameters.get("warning_hours", 0) or 0) - int(getattr(sc.tables, "baseline_warning_hours", 0))
        shift = w // sc.clock.turn_hours if w >= 0 else -((-w) // sc.clock.turn_hours)
    total = 0.0
    for u in sc.units:
        if u.side is not side:
            continue
        due = 0 if u.hex is not None else max(1, u.arrival_turn - shift)
        if due <= horizon_turns:
            total += _strength(u, side is Side.RED)
    return total


def balance(base: Scenario, settings: CrisisSettings, state: CrisisState, tables: CrisisTables) -> tuple[float, float]:
    """(true, perceived) correlation of forces: Red power / Blue power in the war that would follow now;
    Red's build-ups and Blue's readiness scale them; Red perceives true x (1 + perception_bias)."""
    b = tables["balance"]
    sc = war_scenario(base, settings, state, tables)
    red = power(sc, Side.RED, b["horizon_turns"]) * (1 + b["buildup_power"] * min(state.buildup, b["buildup_max"]))
    blue = power(sc, Side.BLUE, b["horizon_turns"]) * (1 + b["readiness_power"] * state.readiness)
    true = red / blue if blue > 0 else 99.0
    return round(true, 3), round(true * (1 + settings.perception_bias), 3)
