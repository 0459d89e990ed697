"""A saved game's history, turn by turn: replay the record through the `Game` API (DESIGN rule 4)
and take a frame at every turn's end (where each unit stood, control, losses, the measure, this
turn's moves and attacks), plus the event stream with the turn each event happened in.

Replaying (rather than trusting the events in the save) means the report shows what the rules make
of the record; when the replay differs from the record the differences are kept and shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wargame import events as ev
from wargame.game import Decision, Game
from wargame.hexgrid import Hex, distance
from wargame.model.scenario import Scenario
from wargame.model.units import Side
from wargame.orders import from_dict as order_from_dict
from wargame.rules.record import RecordError, check_record
from wargame.seminar.record import Injector, SeminarLog, seminar_of


@dataclass(frozen=True)
class Mark:
    """A unit on the map in one frame."""

    id: str
    name: str
    side: str
    hex: Hex
    steps: int
    max_steps: int
    branch: str


@dataclass(frozen=True)
class Arrow:
    side: str
    path: tuple[Hex, ...]
    kind: str        # move | retreat | advance | attack
    label: str = ""  # an attack's result


@dataclass
class Frame:
    """The board at the end of `turn` (0: as the game opens), and what moved in that turn."""

    turn: int
    label: str
    hour: float
    units: list[Mark]
    control: dict[str, str]
    losses: dict[str, int]
    measure: dict[str, float]
    blown: list[tuple[Hex, Hex]]
    arrows: list[Arrow] = field(default_factory=list)
    closest: dict[str, int] = field(default_factory=dict)   # measure city -> hexes to the nearest Red unit
    ground: int = 0                                          # Blue-country hexes Red has entered so far


@dataclass
class History:
    scenario: Scenario
    record: dict[str, Any]
    frames: list[Frame]
    timeline: list[tuple[int, ev.Event]]   # (turn, event), phase markers left out
    problems: list[str]
    result: dict[str, Any] | None
    turn: int
    over: bool
    seminar: SeminarLog = field(default_factory=SeminarLog)  # injects played, notes and bookmarks


class _Recorder:
    """Watches the events a replay emits; keeps the turn stamps and this turn's arrows."""

    def __init__(self, game: Game):
        self.game = game
        self.turn = 1
        self.timeline: list[tuple[int, ev.Event]] = []
        self.arrows: list[Arrow] = []
        self.frames: list[Frame] = []
        self.entered: set[Hex] = set()
        blue = game.scenario.sides.get(Side.BLUE)
        self.blue_land = game.board.hexes_of(blue.countries) if blue else set()
        self.targets = _measure_targets(game)
        self.last: dict[str, Hex] = {}
        self.frames.append(self.frame(0, "Opening"))
        self.arrows = []

    def emit(self, e: ev.Event, original: Any) -> None:
        if isinstance(e, ev.TurnStarted) and e.turn != self.turn:
            self.frames.append(self.frame(self.turn, f"End of turn {self.turn}"))
            self.arrows = []
            self.turn = e.turn
        self.watch(e)
        original(e)
        if not isinstance(e, ev.PhaseStarted):
            self.timeline.append((self.turn, e))

    def watch(self, e: ev.Event) -> None:
        b = self.game.board
        if isinstance(e, ev.Moved) and len(e.path) > 1:
            path = tuple(b.parse_hex(p) for p in e.path)
            self.arrows.append(Arrow(e.side, path, "move"))
            if e.side == "red":
                self.entered.update(h for h in path if h in self.blue_land)
        elif isinstance(e, ev.Retreated) and e.path:
            start = self.position(e.unit)
            path = tuple(b.parse_hex(p) for p in e.path)
            self.arrows.append(Arrow(self.side_of(e.unit), ((start,) if start else ()) + path, "retreat"))
        elif isinstance(e, ev.Advanced):
            start, to = self.position(e.unit), b.parse_hex(e.hex)
            if start is not None and start != to:
                self.arrows.append(Arrow(self.side_of(e.unit), (start, to), "advance"))
            if self.side_of(e.unit) == "red" and to in self.blue_land:
                self.entered.add(to)
        elif isinstance(e, ev.CombatResolved):
            target = b.parse_hex(e.target)
            for uid in e.attackers:
                at = self.position(uid)
                if at is not None and at != target:
                    self.arrows.append(Arrow(e.side, (at, target), "attack", e.result))

    def position(self, uid: str) -> Hex | None:
        i = self.game.state.pos.get(uid)
        return self.game.index.hexes[i] if i is not None else None

    def side_of(self, uid: str) -> str:
        u = self.game.units.get(uid)
        return u.side.value if u is not None else "red"

    def frame(self, turn: int, label: str, hour: float | None = None) -> Frame:
        g, st = self.game, self.game.state
        hexes = g.index.hexes
        marks = []
        for uid, i in st.pos.items():
            u = st.units[uid]
            marks.append(Mark(uid, u.name, u.side.value, hexes[i], u.steps, u.type.steps, _branch(u.type)))
        red = [m.hex for m in marks if m.side == "red"]
        self.entered.update(h for h in red if h in self.blue_land)
        closest = {c: min((distance(r, t) for r in red for t in ts), default=-1) for c, ts in self.targets.items()}
        blown = [(hexes[k[0]], hexes[k[1]]) for k in st.blown]
        if hour is None:
            hour = float(g.scenario.clock.hour(1 if turn == 0 else turn + 1))
        control = {c: s.value for c, s in st.control.items()}
        return Frame(turn, label, hour, marks, control, {s.value: n for s, n in st.losses.items()},
                     dict(st.measure), blown, list(self.arrows), closest, len(self.entered))


def _branch(t: Any) -> str:
    """A short code for the counter: the type's two-letter symbol, else its id."""
    return str(getattr(t, "symbol", "") or getattr(t, "id", ""))[:3]


def _measure_targets(game: Game) -> dict[str, list[Hex]]:
    b = game.board
    out: dict[str, list[Hex]] = {}
    for name in game.scenario.victory.measure:
        hexes = list(b.outskirts.get(name, ()))
        city = b.city_named(name)
        if city is not None:
            hexes.append(city.hex)
        if hexes:
            out[name] = hexes
    return out


def history(record: dict[str, Any], scenario: Scenario) -> History:
    """Replay `record` on `scenario`, frame by frame. RecordError if it cannot be replayed at all."""
    check_record(record)
    game = Game(scenario, seed=record["seed"], umpire=bool(record.get("umpire", False)))
    rec = _Recorder(game)
    for e in game.events:   # the first turn's opening events, emitted while the game was built
        if not isinstance(e, ev.PhaseStarted):
            rec.timeline.append((1, e))
    original = game.position.emit  # the sink every rule emits into
    game.position.emit = lambda e: rec.emit(e, original)  # type: ignore[method-assign]
    decisions = [Decision.from_dict(d) for d in record.get("decisions", [])]
    injector = Injector(game, record)  # the White cell's injects, at the phases they came before
    di = 0
    where = "decisions"
    try:
        for i, entry in enumerate(record["log"]):
            where = f"log[{i}]"
            while game.pending is not None and di < len(decisions):
                game.decide(decisions[di])
                di += 1
            injector.due(i)
            game.submit(Side(entry["side"]), [_order(d) for d in entry["orders"]])
        where = "decisions"
        while game.pending is not None and di < len(decisions):
            game.decide(decisions[di])
            di += 1
        where = "seminar"
        if game.pending is None and not game.over:
            injector.due(len(record["log"]))
    except (KeyError, TypeError, ValueError) as e:
        raise RecordError(f"{where}: the game record cannot be replayed: {e}") from None
    if game.over:
        rec.frames.append(rec.frame(rec.turn, f"End of turn {rec.turn} (game over)"))
    elif rec.frames[-1].turn != rec.turn:
        # stopped inside a turn: stamped with the hour the turn began, not the hour it would have ended
        where = f"{game.active_side.value}'s {game.phase} phase" if game.active_side else "its first phase"
        rec.frames.append(rec.frame(rec.turn, f"Turn {rec.turn} so far (the record stops in {where})",
                                    float(game.hour)))
    problems = []
    if record["n_events"] != len(game.events) or game.events_digest() != record["events_sha256"]:
        problems.append(f"the replay's events differ from the record ({len(game.events)} events now, "
                        f"{record['n_events']} recorded): the rules or data changed since the game was played")
    result = game.result.to_dict() if game.result is not None else None
    return History(scenario, record, rec.frames, rec.timeline, problems, result, game.turn, game.over,
                   seminar_of(game))


def _order(d: Any) -> Any:
    try:
        return order_from_dict(d)
    except ValueError:
        return d
