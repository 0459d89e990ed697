"""The crisis screen's texts, from one side's `CrisisView` (what that side may know) or, for a watched
crisis or its end, from the whole crisis. Plain functions returning Rich text: no widgets here."""

from __future__ import annotations

from rich.text import Text

from wargame.crisis import Crisis, CrisisView
from wargame.crisis.rules import OUTCOME_TEXT

PHASE_TEXT = {
    ("signal", "red"): "Russia signals",
    ("respond", "blue"): "NATO answers",
    ("act", "red"): "Russia acts",
    ("standoff", "red"): "Stand-off: Russia chooses",
    ("standoff", "blue"): "Stand-off: NATO chooses",
}
READINESS = ("peacetime", "national readiness", "NATO reinforcement decided")
SIDE_NAME = {"red": "Russia", "blue": "NATO"}


def track_text(c: Crisis) -> Text:
    """The tension track, the day and the phase: what both sides see."""
    st, top = c.state, c.tables["track"]["max"]
    colour = "green" if st.tension < top * 0.4 else "yellow" if st.tension < top * 0.7 else "bold red"
    t = Text()
    t.append(f" {c.day_label()} ", "bold reverse")
    t.append(f" day {st.day} of {c.settings.days}   Tension ")
    t.append("■" * st.tension, colour)
    t.append("□" * (top - st.tension), "dim")
    t.append(f" {st.tension}/{top}", colour)
    t.append(" (war at the top)   ", "dim")
    if c.pending is not None:
        t.append("The umpire rules on a roll", "bold magenta")
    elif c.over:
        t.append(f"Over: {OUTCOME_TEXT[c.outcome or 'deterrence']}", "bold")
    else:
        ph, side = c.phase, c.active_side or ""
        t.append(PHASE_TEXT.get((ph, side), ph), "bold red" if side == "red" else "bold blue")
    return t


def _names(c: Crisis, actions: list[str], red: bool) -> str:
    get = c.tables.red if red else c.tables.blue
    return "; ".join(get(a)["text"] for a in actions) or "nothing"


def status_text(c: Crisis, v: CrisisView | None) -> Text:
    """What the viewer knows: its resolve, NATO's evidence and readiness, Moscow's view of the balance,
    today's actions, and (for Red) its covert actions, detected or not."""
    st = c.state
    t = Text()
    if v is None:  # watched, or over: everything
        t.append("Both sides (watching)\n", "bold")
        t.append(f"Resolve: Russia {st.resolve['red']}, NATO {st.resolve['blue']} (of {c.tables['resolve']['max']})\n")
    else:
        t.append(f"You are {SIDE_NAME[v.side]} ({v.side})\n", "bold red" if v.side == "red" else "bold blue")
        t.append(f"Your resolve: {v.resolve} of {c.tables['resolve']['max']}")
        zero = "Moscow stands down" if v.side == "red" else "the Baltic governments give in"
        t.append(f"  (0: {zero})\n", "dim")
    need = c.tables["readiness"]["reinforce_evidence"]
    t.append(f"NATO evidence: {st.evidence} (the Council needs {need} for readiness 2)\n")
    t.append(f"NATO readiness: {st.readiness}, {READINESS[min(st.readiness, 2)]}\n")
    if v is None or v.side == "blue":
        t.append(f"Warning gained: {st.warning_hours} h")
        extras = [x for x, on in (("air policing", st.air_policing), ("reserves mobilised", st.mobilised)) if on]
        t.append(("; " + ", ".join(extras) if extras else "") + "\n")
        if st.predeployed:
            t.append(f"Pre-deployed: {', '.join(st.predeployed)}\n")
    if v is None or v.side == "red":
        true, seen = c.balance()
        th = c.tables["balance"]
        t.append(f"Balance as Moscow sees it: {seen:.2f}:1", "bold")
        t.append(f" (invade at {th['invade_at']:g}, limited grab at {th['limited_at']:g})\n")
        if v is None:
            t.append(f"True balance: {true:.2f}:1\n", "dim")
    t.append("\nToday\n", "bold")
    t.append("Russia signalled: ", "red")
    t.append(_names(c, st.signals, True) + "\n")
    t.append("NATO: ", "blue")
    t.append(_names(c, st.today_blue, False) + "\n")
    if st.standoff is not None:
        t.append(f"Stand-off ({st.standoff.tier}) from the {c.tables.red(st.standoff.action)['text']}\n", "bold yellow")
    hidden = (v.hidden if v is not None else [h.to_dict() for h in st.hidden]) if (v is None or v.side == "red") else []
    if hidden:
        t.append("\nOur covert actions\n" if v is not None else "\nRussia's covert actions\n", "bold")
        for h in hidden[-8:]:
            seen_by = "detected" if h["detected"] else "not detected"
            t.append(f"  day {h['day']}: {h['action'].replace('_', ' ')} ({seen_by})\n")
    elif v is not None and v.side == "blue" and v.hidden:
        t.append("\nDetected Russian actions\n", "bold")
        for h in v.hidden[-8:]:
            t.append(f"  day {h['day']}: {h['action'].replace('_', ' ')}\n")
    return t


def prompt_text(c: Crisis, v: CrisisView) -> str:
    """What the player at the keyboard is asked to do now."""
    lim = c.tables["limits"]
    if v.phase == "signal":
        return (
            f"[b]Signal[/b] up to {lim['red_signals']} overt actions (public). Only what you signal may be carried "
            "out today.\nSpace ticks an action; e commits."
        )
    if v.phase == "respond":
        return (
            f"[b]Answer[/b] with up to {lim['blue_actions']} actions. Russia signalled: {_names(c, v.signals, True)}."
            "\nSpace ticks an action; e commits."
        )
    if v.phase == "act":
        return (
            f"[b]Act[/b]: the signalled overt actions you still want and up to {lim['red_covert']} covert ones "
            "(hidden from NATO unless detected), or a decision.\nSpace ticks; the decision is below; e commits."
        )
    if v.phase == "standoff":
        return (
            f"[b]Stand-off ({v.standoff})[/b]: stand firm (f) or back down (b)? Your choice is secret until both "
            "have chosen. Firm against firm raises the tension; backing down costs resolve."
        )
    return ""


def action_label(c: Crisis, side: str, action: str) -> str:
    if side == "red":
        row = c.tables.red(action)
        return f"{row['text']}" + (" [covert]" if row["covert"] else "")
    return c.tables.blue(action)["text"]


def outcome_text(c: Crisis) -> str:
    """The end of the crisis and what it hands to the war (everything revealed)."""
    st, s, coh = c.state, c.settings, c.tables["cohesion"]
    lines = [
        f"[b]The crisis ends on day {st.day} ({c.day_label()}): {OUTCOME_TEXT[c.outcome or 'deterrence']}[/b]",
        "",
        st.cause[:1].upper() + st.cause[1:] + ".",
        "",
        f"Tension {st.tension}; resolve Russia {st.resolve['red']}, NATO {st.resolve['blue']}; "
        f"incidents: {st.incidents['routine']} near-routine, {st.incidents['serious']} serious, "
        f"{st.incidents['high']} high-risk.",
    ]
    if st.escalated_first:
        lines.append(f"{SIDE_NAME[st.escalated_first]} escalated first ({st.escalation_how}).")
    covert = [h for h in st.hidden]
    if covert:
        lines.append(
            "Russia's covert actions: "
            + ", ".join(
                f"{h.action.replace('_', ' ')} day {h.day} ({'detected' if h.detected else 'undetected'})"
                for h in covert
            )
            + "."
        )
    if c.war:
        sf = min(st.undetected("sf_infiltration"), len(s.infiltration))
        cyber = min(st.undetected("cyber_attack"), coh["cyber_delay_max"])
        lines += [
            "",
            "[b]Into the war[/b]",
            f"  Warning NATO gained: {st.warning_hours} h (Blue's arrivals earlier, Blue dug in)",
            f"  Pre-deployed to the front on turn 1: {', '.join(st.predeployed) or 'none'}",
            f"  Baltic reserves mobilised: {'yes, arrivals earlier' if st.mobilised else 'no'}",
            f"  Undetected cyber attacks: {cyber} (Baltic arrivals {cyber} turn(s) later)",
            f"  Undetected infiltrations: Red special forces on up to {sf} hex(es) at H-hour",
        ]
        if st.escalated_first == "blue":
            n = coh["blue_first_delay_turns"]
            lines.append(f"  NATO escalated first: allied reinforcements {n} turn(s) later")
        elif st.escalated_first == "red":
            n = coh["red_first_advance_turns"]
            lines.append(f"  Russia escalated first: allied reinforcements {n} turn(s) earlier")
        if c.outcome == "limited":
            lines.append(f"  A limited grab: Red's goals are {', '.join(s.limited_goals)}")
    return "\n".join(lines)
