"""The crisis adjudicator: Blue's responses, Red's actions, detection, incidents, stand-offs, the end
of a day, and the end of the crisis. Functions of a `Crisis` (its state, settings, tables, random
stream and event log); every number comes from the tables (tables/crisis.yaml).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wargame.crisis.handoff import balance, pre_deploy_candidates
from wargame.crisis.state import HiddenAction, Standoff
from wargame.crisis.tables import TIERS
from wargame.crisis.umpire import below, graded, roll

if TYPE_CHECKING:
    from wargame.crisis.engine import Crisis

_RANK = {t: i for i, t in enumerate(TIERS)}


def say(c: Crisis, what: str, text: str, side: str = "", to: str = "all", **data: Any) -> None:
    c.emit(what, text, side, to, data)


def change_tension(c: Crisis, delta: int, why: str, by: str | None) -> None:
    """Move the tension track; at the top, war comes whether anyone planned it or not."""
    st = c.state
    top = c.tables["track"]["max"]
    new = max(0, min(top, st.tension + delta))
    if new == st.tension:
        return
    say(c, "tension", f"Tension {st.tension} -> {new}: {why}.", by or "", before=st.tension, after=new, why=why)
    st.tension = new
    if new >= top and not st.over:
        who = {"red": "Russia", "blue": "NATO"}.get(by or "", "no one")
        end(c, "inadvertent", f"the tension track reached the top ({why}; caused by {who})", by)


def change_resolve(c: Crisis, side: str, delta: int, why: str) -> None:
    st = c.state
    new = max(0, min(c.tables["resolve"]["max"], st.resolve[side] + delta))
    if new == st.resolve[side]:
        return
    say(
        c,
        "resolve",
        f"{side.capitalize()} resolve {st.resolve[side]} -> {new}: {why}.",
        side,
        side,
        before=st.resolve[side],
        after=new,
    )
    st.resolve[side] = new
    r = c.tables["resolve"]
    if st.over:
        return
    if side == "blue" and new <= r["coercion_at"]:
        end(c, "coercion", "NATO's resolve gave way: the Baltic governments accept Moscow's demands", "red")
    elif side == "red" and new <= r["stand_down_at"]:
        end(c, "deterrence", "Moscow's resolve gave way: Red stands down", "blue")


def escalate(c: Crisis, side: str, how: str) -> None:
    """The first escalation is remembered: that side pays in alliance cohesion if war follows."""
    st = c.state
    if st.escalated_first is None:
        st.escalated_first, st.escalation_how = side, how
        say(c, "escalated", f"{'NATO' if side == 'blue' else 'Russia'} escalated first: {how}.", side, how=how)


def end(c: Crisis, outcome: str, cause: str, by: str | None) -> None:
    st = c.state
    st.over, st.outcome, st.cause, st.caused_by = True, outcome, cause, by
    hidden = [h.to_dict() for h in st.hidden if not h.detected]
    if hidden:
        say(
            c,
            "revealed",
            "Revealed: " + ", ".join(f"{h['action'].replace('_', ' ')} (day {h['day']})" for h in hidden) + ".",
            actions=hidden,
        )
    say(
        c,
        "ended",
        f"The crisis ends on day {st.day}: {OUTCOME_TEXT[outcome]} ({cause}).",
        by or "",
        outcome=outcome,
        caused_by=by,
        warning_hours=st.warning_hours,
        escalated_first=st.escalated_first,
    )


OUTCOME_TEXT = {
    "deterrence": "deterrence held",
    "coercion": "coercion succeeded",
    "limited": "limited incursion",
    "invasion": "deliberate invasion",
    "inadvertent": "inadvertent war",
}


# --- Blue's responses -------------------------------------------------------------------------------------


def blue_problem(c: Crisis, action: str, taken: list[str]) -> str | None:
    """Why Blue may not take `action` now (None: it may)."""
    st, t, s = c.state, c.tables, c.settings
    if action not in t["blue_actions"]:
        return f"{action!r} is not a Blue action ({', '.join(t['blue_actions'])})"
    if action in taken:
        return f"{action} is already ordered today"
    if len(taken) >= t["limits"]["blue_actions"]:
        return f"at most {t['limits']['blue_actions']} Blue actions a day"
    if action.startswith("cbm_") and not s.cbms:
        return "no confidence-building measures are in force in this scenario"
    if action == "raise_readiness":
        if st.readiness >= 2:
            return "readiness is already at its highest (NATO reinforcement decided)"
        need = t["readiness"]["reinforce_evidence"]
        if st.readiness == 1 and st.evidence < need:
            return f"the North Atlantic Council will not agree without evidence ({st.evidence} of {need})"
    if action == "pre_deploy":
        if st.readiness < 2:
            return "pre-deployment needs NATO readiness 2 (reinforcement decided)"
        if not pre_deploy_candidates(c.scenario, s, st.predeployed):
            return "no reinforcements are left to pre-deploy"
    if action == "mobilise_reserves":
        if st.mobilised:
            return "the reserves are already mobilised"
        if st.readiness < 1:
            return "mobilisation needs national readiness (raise readiness first)"
    if action == "attribute_publicly" and st.evidence < 1:
        return "nothing has been detected to attribute"
    if action == "air_policing" and st.air_policing:
        return "air policing is already reinforced"
    return None


def apply_blue(c: Crisis, action: str) -> None:
    st, t = c.state, c.tables
    row = t.blue(action)
    st.today_blue.append(action)
    say(c, "blue_action", f"NATO: {row['text']}.", "blue", action=action)
    if action == "raise_readiness":
        st.readiness += 1
    elif action == "pre_deploy":
        got = pre_deploy_candidates(c.scenario, c.settings, st.predeployed)[: t["readiness"]["pre_deploy_units"]]
        st.predeployed.extend(got)
        say(c, "pre_deployed", f"Pre-deployed, at the front on turn 1: {', '.join(got)}.", "blue", units=got)
    elif action == "air_policing":
        st.air_policing = True
    elif action == "mobilise_reserves":
        st.mobilised = True
    elif action == "attribute_publicly":
        change_resolve(c, "blue", 1, "public attribution rallies the Alliance")
        change_resolve(c, "red", -1, "named and shamed")
    if row["escalatory"]:
        escalate(c, "blue", row["text"])
    if row["tension"]:
        change_tension(c, row["tension"], row["text"], "blue")


# --- Red's actions ---------------------------------------------------------------------------------------


def red_problem(c: Crisis, signal: bool, actions: tuple[str, ...], decision: str | None) -> str | None:
    st, t = c.state, c.tables
    lim = t["limits"]
    if len(set(actions)) != len(actions):
        return "an action is given twice"
    for a in actions:
        if a not in t["red_actions"]:
            return f"{a!r} is not a Red action ({', '.join(t['red_actions'])})"
    overt = [a for a in actions if not t.red(a)["covert"]]
    covert = [a for a in actions if t.red(a)["covert"]]
    if signal:
        if covert:
            return f"covert actions are not signalled ({', '.join(covert)})"
        if decision is not None:
            return "decisions are taken in the act phase, not signalled"
        if len(overt) > lim["red_signals"]:
            return f"at most {lim['red_signals']} signals a day"
        return None
    unsignalled = [a for a in overt if a not in st.signals]
    if unsignalled:
        return f"only signalled overt actions may be carried out ({', '.join(unsignalled)} was not signalled)"
    if len(covert) > lim["red_covert"]:
        return f"at most {lim['red_covert']} covert actions a day"
    if decision is not None:
        if decision not in ("invade", "limited_grab", "stand_down"):
            return f"{decision!r} is not a decision (invade, limited_grab, stand_down)"
        if decision == "limited_grab" and not c.settings.limited_goals:
            return "this scenario names no goals for a limited grab"
        if decision in ("invade", "limited_grab"):
            _, seen = balance(c.scenario, c.settings, st, t)
            need = t["balance"]["invade_at" if decision == "invade" else "limited_at"]
            if seen < need:
                return (
                    f"the Kremlin will not authorise it: the correlation of forces looks {seen:.2f}:1 "
                    f"from Moscow, it wants {need:g}:1"
                )
    return None


def apply_red(c: Crisis, actions: tuple[str, ...]) -> list[tuple[str, str]]:
    """Carry out Red's actions; returns the day's encounters as (action, side that caused it)."""
    st, t = c.state, c.tables
    det = t["detection"]
    bonus = (det["intelligence_bonus"] if "intelligence" in st.today_blue else 0.0) + (
        det["observation_bonus"] if "cbm_observation" in st.today_blue else 0.0
    )
    encounters: list[tuple[str, str]] = []
    for a in actions:
        row = t.red(a)
        known = not row["covert"]
        if row["covert"]:
            p = row["detect"]
            if a == "border_buildup" and "snap_exercise" in actions:
                p *= det["exercise_cover"]
            p = min(1.0, p + bonus)
            q = p
            known = (
                roll(
                    c,
                    "detection",
                    f"Does NATO detect the Russian {row['text']}? Chance {q:.0%}: detected on a die of "
                    f"{q * 100:.0f} or less.",
                    below(q, "detected", "undetected"),
                    "red",
                )
                == "detected"
            )
            st.hidden.append(HiddenAction(st.day, a, known))
            if known:
                st.evidence += row["evidence"]
                say(c, "detected", f"Detected: Russian {row['text']} (evidence {st.evidence}).", "red", action=a)
            else:
                say(c, "hidden", f"Undetected: {row['text']}.", "red", "red", action=a)
        else:
            say(c, "red_action", f"Russia: {row['text']}.", "red", action=a)
        if a == "border_buildup":
            st.buildup += 1
        if a == "information_operation":
            st.info_ops += 1
            if not known:
                change_resolve(c, "blue", -1, "an information operation unanswered")
        if a == "cyber_attack" and not known:
            change_resolve(c, "blue", -1, "an unattributed cyber attack")
        if a == "airspace_violation" and not st.air_policing:
            change_resolve(c, "blue", -1, "an airspace violation goes unchallenged")
        elif row["encounters"]:
            encounters.extend([(a, "red")] * row["encounters"])
        fa = det["false_alarm"]
        if (
            a == "snap_exercise"
            and "cbm_observation" not in st.today_blue
            and roll(
                c,
                "false_alarm",
                f"Does NATO read the snap exercise as preparation for attack? Chance {fa:.0%}.",
                below(fa, "alarm", "no alarm"),
                "blue",
            )
            == "alarm"
        ):
            st.evidence += 1
            say(c, "false_alarm", "Alarm: NATO intelligence reads the exercise as preparation for attack.", "blue")
            change_tension(c, 1, "a false alarm", "blue")
        if known:
            if row["escalatory"]:
                escalate(c, "red", row["text"])
            delta = row["tension"] + (row["detected_tension"] if row["covert"] else 0)
            if delta:
                change_tension(c, delta, row["text"], "red")
        if st.over:
            break
    return encounters


# --- incidents and stand-offs ---------------------------------------------------------------------------


def incidents(c: Crisis, encounters: list[tuple[str, str]]) -> None:
    """Each close encounter rolls on the incident table (ELN's tiers; CBMs lower chance and severity);
    the worst serious or high-risk incident of the day becomes the day's stand-off."""
    st, t = c.state, c.tables
    inc = t["incidents"]
    shares = inc["with_cbms" if c.settings.cbms else "without_cbms"]
    worst: tuple[str, str, str] | None = None
    for action, by in encounters:
        if st.over:
            return
        lo, mid = shares["routine"], shares["routine"] + shares["serious"]
        tier = roll(
            c,
            "incident",
            f"How serious is the close encounter from the {t.red(action)['text']}? Near-routine on 1-{lo * 100:.0f}, "
            f"serious to {mid * 100:.0f}, high-risk above" + (" (CBMs in force)." if c.settings.cbms else "."),
            graded(lo, mid),
        )
        st.incidents[tier] += 1
        label = {"routine": "near-routine", "serious": "serious, with escalation risk", "high": "HIGH-RISK"}[tier]
        say(c, "incident", f"Incident ({label}) from a {t.red(action)['text']}.", by, tier=tier, action=action)
        pc = inc["high_risk_casualties"]
        if (
            tier == "high"
            and roll(
                c,
                "casualties",
                f"Does the high-risk incident kill (an aircraft lost)? Chance {pc:.0%}.",
                below(pc, "casualties", "none"),
            )
            == "casualties"
        ):
            extra = 1 if st.info_ops >= inc["trapped_by_propaganda"] else 0
            say(
                c,
                "casualties",
                "Casualties: an aircraft is lost"
                + ("; Moscow is trapped by its own propaganda" if extra else "")
                + ".",
                by,
            )
            change_tension(c, inc["casualty_tension"] + extra, "casualties in an incident", by)
        if tier != "routine" and (worst is None or _RANK[tier] > _RANK[worst[0]]):
            worst = (tier, by, action)
    if worst is not None and not st.over:
        st.standoff = Standoff(worst[0], worst[1], worst[2])
        say(
            c,
            "standoff",
            f"Stand-off ({worst[0]}): each side secretly backs down or stands firm.",
            worst[1],
            tier=worst[0],
        )


def resolve_standoff(c: Crisis) -> None:
    st, t = c.state, c.tables
    so = st.standoff
    assert so is not None
    s = t["standoff"]
    red, blue = so.choices["red"] == "firm", so.choices["blue"] == "firm"
    st.standoff = None
    say(
        c,
        "standoff_resolved",
        f"Stand-off: Russia {'stands firm' if red else 'backs down'}, NATO {'stands firm' if blue else 'backs down'}.",
        so.caused_by,
        red=so.choices["red"],
        blue=so.choices["blue"],
        tier=so.tier,
    )
    if red and blue:
        escalate(c, so.caused_by, "stood firm in a stand-off it caused")
        relief = s["hotline_relief"] if "cbm_hotline" in st.today_blue else 0
        change_tension(c, s["both_firm_tension"][so.tier] - relief, "both stood firm", so.caused_by)
    elif red or blue:
        winner, loser = ("red", "blue") if red else ("blue", "red")
        escalate(c, winner, "stood firm when the other backed down")
        change_resolve(c, winner, s["winner_resolve"], "stood firm")
        change_resolve(c, loser, -s["backer_resolve"][so.tier], "backed down")
        change_tension(c, s["firm_vs_back_tension"], "one side backed down", winner)
    else:
        change_tension(c, s["both_back_tension"], "both backed down", None)


# --- the end of a day -------------------------------------------------------------------------------------


def end_of_day(c: Crisis) -> None:
    st, t = c.state, c.tables
    if st.over:
        return
    if st.readiness >= 2:
        st.warning_hours += t["readiness"]["warning_hours_per_day"]
    today_serious = any(e.what == "standoff" and e.day == st.day for e in c.events)
    if not today_serious and t["track"]["decay_per_day"]:
        change_tension(c, -t["track"]["decay_per_day"], "a quiet day", None)
    if st.day >= c.settings.days:
        r = t["resolve"]
        if st.resolve["blue"] <= r["coerced_at_end"]:
            end(c, "coercion", "the crisis ran its course with NATO's resolve worn down", "red")
        else:
            end(c, "deterrence", "the crisis ran its course without war", None)
        return
    st.day += 1
    st.signals, st.today_blue = [], []
