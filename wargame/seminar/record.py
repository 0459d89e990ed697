"""The record's `seminar` section: the injects played (each with the phase it came before) and the
facilitator's notes and bookmarks.

    "seminar": {"version": 1,
                "injects": [{"at": 4, "turn": 3, "id": "jekabpils-bridge", "title": "...", "effect": "blow_bridge",
                             "args": {"hexes": ["4347", "4348"], "by": "blue"}, "audience": "all", "note": ""}],
                "notes": [{"turn": 2, "text": "Blue's counter-attack at Valga", "bookmark": true}]}

`at` is the number of committed phases (entries of the record's `log`) before the inject: a replay
plays it just before it submits log[at] (or after the last entry when `at` is the log's length).
Notes change no event: they are the White cell's own, kept with the game and shown in the report.
The section is checked as strictly as the rest of a record (`check_seminar`): a save is data from
anywhere. `drive` is the replay loop every seminar tool shares (rewind, the VCR replay).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from wargame.seminar.injects import AUDIENCES, EFFECTS, HEXID, ID, args_problem, play

if TYPE_CHECKING:
    from wargame.game import Game
    from wargame.model.scenario import Scenario

VERSION = 1
MAX_ITEMS = 10_000


@dataclass
class SeminarLog:
    injects: list[dict[str, Any]] = field(default_factory=list)
    notes: list[dict[str, Any]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.injects or self.notes)

    def to_dict(self) -> dict[str, Any]:
        return {"version": VERSION, "injects": [dict(i) for i in self.injects], "notes": [dict(n) for n in self.notes]}

    def bookmarks(self) -> list[dict[str, Any]]:
        return [n for n in self.notes if n.get("bookmark")]


def seminar_of(game: Game) -> SeminarLog:
    """The game's seminar log, made on first use (a game without injects or notes has none)."""
    log = getattr(game, "seminar", None)
    if log is None:
        log = SeminarLog()
        game.seminar = log  # type: ignore[attr-defined]
    return log


def add_note(game: Game, text: str, turn: int | None = None, bookmark: bool = False) -> dict[str, Any]:
    """A note (or bookmark) on any turn played so far; ValueError for an empty note or a future turn."""
    text = " ".join(text.split())
    t = game.turn if turn is None else turn
    if not text:
        raise ValueError("an empty note")
    if len(text) > 2000:
        raise ValueError("a note is at most 2000 characters")
    if not 1 <= t <= game.turn:
        raise ValueError(f"turn {t}: notes go on turns 1 to {game.turn}")
    note = {"turn": t, "text": text, "bookmark": bool(bookmark)}
    seminar_of(game).notes.append(note)
    return note


class SeminarRecordError(ValueError):
    """`str()` starts with the field's path, like RecordError."""


def _need(ok: bool, path: str, expected: str) -> None:
    if not ok:
        raise SeminarRecordError(f"{path}: expected {expected}")


def check_seminar(sec: Any, n_log: int) -> None:
    """Every field of a record's seminar section (types, ranges, known keys, injects in phase order)."""
    _need(isinstance(sec, dict) and set(sec) <= {"version", "injects", "notes"}, "seminar",
          "a mapping of version, injects and notes")
    _need(sec.get("version") == VERSION, "seminar.version", f"{VERSION} (this program's seminar section)")
    injects, notes = sec.get("injects", []), sec.get("notes", [])
    _need(isinstance(injects, list) and len(injects) <= MAX_ITEMS, "seminar.injects", "a list")
    last = 0
    for i, d in enumerate(injects):
        p = f"seminar.injects[{i}]"
        _need(isinstance(d, dict) and set(d) == {"at", "turn", "id", "title", "effect", "args", "audience", "note"},
              p, "a mapping of at, turn, id, title, effect, args, audience and note")
        _need(type(d["at"]) is int and last <= d["at"] <= n_log, p + ".at",
              f"a phase count from {last} to {n_log} (injects in the order they were played)")
        last = d["at"]
        _need(type(d["turn"]) is int and 1 <= d["turn"] <= 100_000, p + ".turn", "a turn number")
        _need(isinstance(d["id"], str) and ID.fullmatch(d["id"]) is not None, p + ".id", "an inject id")
        _need(isinstance(d["title"], str) and 0 < len(d["title"]) <= 200, p + ".title", "a title of 1-200 characters")
        _need(d["effect"] in EFFECTS, p + ".effect", f"one of {', '.join(EFFECTS)}")
        bad = args_problem(d["effect"], d["args"])
        if bad:
            raise SeminarRecordError(f"{p}.{bad[0]}: expected {bad[1]}")
        _need(d["audience"] in AUDIENCES, p + ".audience", "all, red or blue")
        _need(isinstance(d["note"], str) and len(d["note"]) <= 2000, p + ".note", "text of at most 2000 characters")
    _need(isinstance(notes, list) and len(notes) <= MAX_ITEMS, "seminar.notes", "a list")
    for i, n in enumerate(notes):
        p = f"seminar.notes[{i}]"
        _need(isinstance(n, dict) and set(n) == {"turn", "text", "bookmark"}, p, "a mapping of turn, text, bookmark")
        _need(type(n["turn"]) is int and 1 <= n["turn"] <= 100_000, p + ".turn", "a turn number")
        _need(isinstance(n["text"], str) and len(n["text"]) <= 2000, p + ".text", "text of at most 2000 characters")
        _need(type(n["bookmark"]) is bool, p + ".bookmark", "true or false")
    assert HEXID  # hex ids inside args are checked by args_problem


def section(game: Game) -> dict[str, Any] | None:
    """What `to_record` adds under "seminar" (None: nothing to add)."""
    log = getattr(game, "seminar", None)
    return log.to_dict() if log else None


class Injector:
    """Plays a record's injects into a replay at the phases they came before."""

    def __init__(self, game: Game, record: dict[str, Any]):
        sec = record.get("seminar") or {}
        self.game, self.todo, self.i = game, list(sec.get("injects", [])), 0
        seminar_of(game).notes = [dict(n) for n in sec.get("notes", [])]

    def due(self, at: int) -> None:
        """Play every inject recorded before log[at]."""
        while self.i < len(self.todo) and self.todo[self.i]["at"] <= at:
            d = self.todo[self.i]
            self.i += 1
            play(self.game, d, d["note"])

    @property
    def left(self) -> int:
        return len(self.todo) - self.i


def drive(record: dict[str, Any], scenario: Scenario, phases: int | None = None,
          after_phase: Callable[[Game, int], None] | None = None) -> Game:
    """Re-play a record's first `phases` committed phases (all by default) with their rulings and
    injects, calling `after_phase(game, n)` after each (n phases done, rulings given). The record must
    have been checked (wargame.rules.record.check_record). ValueError if it cannot be re-played."""
    from wargame.game import Decision, Game
    from wargame.model.units import Side
    from wargame.orders import from_dict

    if "crisis" in record:
        from wargame.crisis.record import replay_crisis

        crisis, _ = replay_crisis(record["crisis"], scenario, record["seed"])
        scenario = crisis.war_scenario()
    else:
        crisis = None
    game = Game(scenario, seed=record["seed"], umpire=bool(record.get("umpire", False)))
    game.crisis = crisis
    log = record["log"] if phases is None else record["log"][:phases]
    decisions = [Decision.from_dict(d) for d in record.get("decisions", [])]
    injector = Injector(game, record)
    di = 0

    def order(d: Any) -> Any:
        try:
            return from_dict(d)
        except ValueError:
            return d

    if after_phase is not None:
        after_phase(game, 0)
    for n, entry in enumerate(log):
        injector.due(n)
        game.submit(Side(entry["side"]), [order(d) for d in entry["orders"]])
        while game.pending is not None and di < len(decisions):
            game.decide(decisions[di])
            di += 1
        if after_phase is not None:
            after_phase(game, n + 1)
    if game.pending is None and not game.over:
        injector.due(len(log))
    return game


def rewind(record: dict[str, Any], scenario: Scenario) -> Game:
    """The game as it stood before the record's last committed phase (with the injects played before
    that phase, the rulings of the phases kept, and every note). ValueError if no phase was played."""
    if not record["log"]:
        raise ValueError("nothing to rewind: no phase has been played yet")
    return drive(record, scenario, phases=len(record["log"]) - 1)


def positions(record: dict[str, Any], scenario: Scenario) -> list[Game]:
    """The game after every committed phase of a record (0: as it opened), for stepping back and forth."""
    out: list[Game] = []
    final = drive(record, scenario, after_phase=lambda g, n: out.append(g.clone()))
    out[-1] = final  # the last with the injects played after its last phase
    return out
