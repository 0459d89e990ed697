"""Crisis: the days before H-hour, and the one door every player uses for them (like `Game` for the war).

    crisis = Crisis(scenario, seed=7)
    while not crisis.over:
        side = crisis.active_side
        crisis.submit(side, orders_for(crisis.view(side)))   # a bad order -> a refusal event, not a crash
    game = crisis.start_war()          # None after deterrence or coercion; else the war's Game

A day (docs/crisis.md): Red signals up to three overt actions; Blue answers (knowing the signals);
Red acts (signalled overt actions it still wants, covert actions, and perhaps a decision: invade,
limited grab, stand down); detection, incidents; a stand-off if an incident was serious (each side
chooses secretly: Red's choice is hidden until Blue's is in); the end of the day. Chance comes from
the crisis' own stream, derived from the game seed: same scenario, seed and orders, same events.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from wargame.crisis import rules
from wargame.crisis.handoff import balance, war_scenario
from wargame.crisis.state import CrisisEvent, CrisisOrder, CrisisOrders, CrisisState, StandoffChoice
from wargame.crisis.tables import CrisisSettings, CrisisTables, load_crisis_tables
from wargame.crisis.umpire import CrisisProposal, NeedRuling, check_decision
from wargame.model.scenario import Scenario
from wargame.rules.umpire import Decision

if TYPE_CHECKING:
    from wargame.game import Game

PHASES: tuple[tuple[str, str], ...] = (
    ("signal", "red"),
    ("respond", "blue"),
    ("act", "red"),
    ("standoff", "red"),
    ("standoff", "blue"),
)
WAR_OUTCOMES = ("limited", "invasion", "inadvertent")


def crisis_seed(seed: int) -> int:
    """The crisis' random stream, apart from the war's (which starts from `seed` itself)."""
    return (seed * 0x9E3779B1 + 0x7F4A7C15) & 0xFFFFFFFFFFFFFFFF


def settings_of(scenario: Scenario) -> CrisisSettings | None:
    return getattr(scenario, "crisis", None)


@dataclass
class CrisisView:
    """What one side may know: the track, its own resolve, signals, Blue's overt actions, the evidence,
    the events it may see (Red's undetected actions only for Red), and what it may order now."""

    side: str
    day: int
    days: int
    phase: str
    active: str | None
    tension: int
    track_max: int
    resolve: int
    evidence: int
    readiness: int
    warning_hours: int
    signals: list[str]
    today_blue: list[str]
    standoff: str | None
    perceived_balance: float | None  # Red only: the correlation of forces as Moscow sees it
    thresholds: dict[str, float]
    intent: str
    posture: str
    cbms: bool
    actions: list[str]
    events: list[CrisisEvent] = field(default_factory=list)
    hidden: list[dict[str, Any]] = field(default_factory=list)  # Red only: its covert actions, detected or not


class Crisis:
    def __init__(self, scenario: Scenario, seed: int = 0, settings: CrisisSettings | None = None, umpire: bool = False):
        scenario = getattr(scenario, "crisis_base", None) or scenario  # a war scenario: back to its base
        s = settings or settings_of(scenario)
        if s is None:
            raise ValueError(f"scenario {scenario.id} has no crisis phase (a `crisis:` section)")
        self.scenario = scenario
        self.settings = s
        self.seed = seed
        self.tables: CrisisTables = load_crisis_tables(s.tables)
        self.rng = random.Random(crisis_seed(seed))
        t = self.tables
        bonus = t["resolve"]["efp_bonus"] if s.efp and s.efp_formation else 0
        start = s.start_tension if s.start_tension is not None else t["track"]["start"]
        self.state = CrisisState(
            tension=min(start, t["track"]["max"] - 1),
            resolve={"red": s.red_resolve, "blue": min(t["resolve"]["max"], s.blue_resolve + bonus)},
        )
        self.events: list[CrisisEvent] = []
        self.log: list[dict[str, Any]] = []
        # the umpire (wargame.crisis.umpire): rulings in order, the roll waiting, the phase being resolved
        self.umpire = umpire
        self.decisions: list[dict[str, str]] = []
        self.pending: CrisisProposal | None = None
        self._begin: tuple[CrisisState, Any, int, str, CrisisOrder] | None = None
        self._rulings: list[Decision] = []
        self._roll_index = 0
        self._start_day()

    # --- the clock ---------------------------------------------------------------------------------

    over = property(lambda self: self.state.over)
    outcome = property(lambda self: self.state.outcome)
    day = property(lambda self: self.state.day)

    @property
    def war(self) -> bool:
        return self.state.outcome in WAR_OUTCOMES

    @property
    def phase(self) -> str:
        return "over" if self.state.over else PHASES[self.state.phase_index][0]

    @property
    def active_side(self) -> str | None:
        if self.pending is not None:
            return None  # the umpire rules first
        return None if self.state.over else PHASES[self.state.phase_index][1]

    def day_label(self, day: int | None = None) -> str:
        return f"D-{self.settings.days - (day or self.state.day) + 1}"

    def emit(self, what: str, text: str, side: str, to: str, data: dict[str, Any]) -> None:
        self.events.append(CrisisEvent(what, self.state.day, side, to, text, data))

    def _start_day(self) -> None:
        st = self.state
        rules.say(
            self,
            "day",
            f"Day {self.day_label()} ({st.day} of {self.settings.days}): tension {st.tension}.",
            tension=st.tension,
        )

    # --- questions --------------------------------------------------------------------------------

    def actions_for(self, side: str) -> list[str]:
        """The actions `side` may name in the current phase (for menus and bots)."""
        t = self.tables
        if self.over or side != self.active_side:
            return []
        ph = self.phase
        if ph == "signal":
            return [a for a in t["red_actions"] if not t.red(a)["covert"]]
        if ph == "act":
            return list(self.state.signals) + [a for a in t["red_actions"] if t.red(a)["covert"]]
        if ph == "respond":
            return [a for a in t["blue_actions"] if rules.blue_problem(self, a, []) is None]
        return []

    def balance(self) -> tuple[float, float]:
        """(true, perceived by Red) correlation of forces for the war that would follow now."""
        return balance(self.scenario, self.settings, self.state, self.tables)

    def view(self, side: str) -> CrisisView:
        st, t = self.state, self.tables
        red = side == "red"
        so = st.standoff
        return CrisisView(
            side=side,
            day=st.day,
            days=self.settings.days,
            phase=self.phase,
            active=self.active_side,
            tension=st.tension,
            track_max=t["track"]["max"],
            resolve=st.resolve[side],
            evidence=st.evidence,
            readiness=st.readiness,
            warning_hours=st.warning_hours,
            signals=list(st.signals),
            today_blue=list(st.today_blue),
            standoff=so.tier if so is not None else None,
            perceived_balance=self.balance()[1] if red else None,
            thresholds={"invade": t["balance"]["invade_at"], "limited": t["balance"]["limited_at"]},
            intent=self.settings.red_intent,
            posture=self.settings.blue_posture,
            cbms=self.settings.cbms,
            actions=self.actions_for(side),
            events=[e for e in self.events if e.visible_to(side)],
            hidden=[h.to_dict() for h in st.hidden] if red else [h.to_dict() for h in st.hidden if h.detected],
        )

    def legal(self, side: str, order: CrisisOrder) -> str | None:
        """None if `side` may give this order now, else why, in plain words."""
        if self.over:
            return "the crisis is over"
        if side != self.active_side:
            return f"it is {self.active_side}'s {self.phase} phase, not {side}'s"
        ph = self.phase
        if ph == "standoff":
            return None if isinstance(order, StandoffChoice) else "a stand-off needs a choice: stand firm or back down"
        if not isinstance(order, CrisisOrders):
            return "expected actions, not a stand-off choice"
        if ph == "respond":
            if order.decision is not None:
                return "Blue takes no decision; it answers with actions"
            taken: list[str] = []
            for a in order.actions:
                why = rules.blue_problem(self, a, taken)
                if why:
                    return why
                taken.append(a)
            return None
        return rules.red_problem(self, ph == "signal", order.actions, order.decision)

    # --- playing ------------------------------------------------------------------------------------

    def submit(self, side: str, order: CrisisOrder) -> list[CrisisEvent]:
        """Commit `side`'s order for this phase and run on. An order that is not legal is refused (an
        event says why) and counts as doing nothing. Returns the new events."""
        if self.over:
            raise ValueError("the crisis is over")
        if self.pending is not None:
            raise ValueError("the umpire must rule on the roll first")
        if side != self.active_side:
            raise ValueError(f"it is {self.active_side}'s {self.phase} phase, not {side}'s")
        start = len(self.events)
        self.log.append({"day": self.state.day, "phase": self.phase, "side": side, "order": order.to_dict()})
        why = self.legal(side, order)
        if why:
            rules.say(self, "refused", f"Refused: {why}.", side, side, order=order.to_dict())
            order = StandoffChoice(False) if self.phase == "standoff" else CrisisOrders()
        if not self.umpire:
            self._resolve(side, order)
            return self.events[start:]
        self._begin = (self.state.copy(), self.rng.getstate(), len(self.events), side, order)
        self._rulings = []
        self._attempt()
        return self.events[start:]

    def decide(self, decision: Decision) -> list[CrisisEvent]:
        """The umpire's ruling on `pending`; the phase runs on (perhaps to the next roll). Returns the
        phase's events so far (those shown before the roll were taken back, and come again)."""
        why = check_decision(self, decision)
        if why:
            raise ValueError(why)
        assert self._begin is not None
        self.decisions.append(decision.to_dict())
        self._rulings.append(decision)
        self.pending = None
        n = self._begin[2]
        self._attempt()
        return self.events[n:]

    def _attempt(self) -> None:
        """Resolve the phase from its snapshot with the rulings so far; stop at a roll without one."""
        assert self._begin is not None
        state, rng, n, side, order = self._begin
        self.state = state.copy()
        self.rng.setstate(rng)
        del self.events[n:]
        self._roll_index = 0
        try:
            self._resolve(side, order)
        except NeedRuling as e:
            self.state = state.copy()
            self.rng.setstate(rng)
            del self.events[n:]
            self.pending = e.proposal
            return
        self._begin, self._rulings = None, []

    def _resolve(self, side: str, order: CrisisOrder) -> None:
        st = self.state
        ph = self.phase
        if ph == "signal":
            assert isinstance(order, CrisisOrders)
            st.signals = list(order.actions)
            text = ", ".join(self.tables.red(a)["text"] for a in order.actions) or "nothing"
            rules.say(self, "signals", f"Russia signals: {text}.", "red", actions=list(order.actions))
            st.phase_index = 1
        elif ph == "respond":
            assert isinstance(order, CrisisOrders)
            for a in order.actions:
                if st.over:
                    break
                rules.apply_blue(self, a)
            st.phase_index = 2
        elif ph == "act":
            assert isinstance(order, CrisisOrders)
            self._act(order)
        else:
            assert isinstance(order, StandoffChoice) and st.standoff is not None
            st.standoff.choices[side] = "firm" if order.firm else "back"
            rules.say(
                self,
                "standoff_choice",
                f"{side.capitalize()} has chosen (hidden until both have).",
                side,
                side,
                firm=order.firm,
            )
            if side == "red":
                st.phase_index = 4
            else:
                rules.resolve_standoff(self)
                self._end_day()

    def _act(self, order: CrisisOrders) -> None:
        st = self.state
        if order.decision == "stand_down":
            rules.end(self, "deterrence", "Moscow stands down", "red")
            return
        if order.decision in ("invade", "limited_grab"):
            true, seen = self.balance()
            outcome = "invasion" if order.decision == "invade" else "limited"
            rules.end(
                self,
                outcome,
                f"Moscow decided on a {'deliberate invasion' if outcome == 'invasion' else 'limited grab'}"
                f" at a perceived correlation of {seen:.2f}:1 (true {true:.2f}:1)",
                "red",
            )
            return
        encounters = rules.apply_red(self, order.actions)
        if not st.over:
            rules.incidents(self, encounters)
        if st.standoff is not None and not st.over:
            st.phase_index = 3
        else:
            self._end_day()

    def _end_day(self) -> None:
        rules.end_of_day(self)
        if not self.state.over:
            self.state.phase_index = 0
            self._start_day()

    # --- into the war, and the record -----------------------------------------------------------------

    def war_scenario(self, warning: bool = True) -> Scenario:
        """The scenario the war is played on after this crisis (as it stands now); `warning=False`: the
        same without the warning gained (a controlled comparison)."""
        return war_scenario(
            self.scenario, self.settings, self.state, self.tables, limited=self.outcome == "limited", warning=warning
        )

    def start_war(self, umpire: bool | None = None) -> Game | None:
        """The war's Game after a crisis that ended in war (None after deterrence or coercion); it
        carries this crisis (`game.crisis`), so its record, saves and replays cover both phases."""
        if not self.over:
            raise ValueError("the crisis is not over")
        if not self.war:
            return None
        from wargame.game import Game

        game = Game(self.war_scenario(), seed=self.seed, umpire=self.umpire if umpire is None else umpire)
        game.crisis = self
        return game

    def events_digest(self) -> str:
        h = hashlib.sha256()
        for e in self.events:
            h.update(e.to_json().encode())
            h.update(b"\n")
        return h.hexdigest()

    def to_record(self) -> dict[str, Any]:
        from wargame.crisis.record import to_record

        return to_record(self)
