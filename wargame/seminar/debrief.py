"""What happened in a turn, read from the events (docs/architecture.md, rule 5): the turn debrief for
each team under its own fog (`events.visible_to`) and the full one for the White cell, and the
turn's moves and attacks as arrows for the projector.

Events carry no turn stamp of their own: a `TurnStarted` comes before the events of its turn, so the
stream is cut at those (`by_turn`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from wargame import events as ev
from wargame.hexgrid import Hex

if TYPE_CHECKING:
    from wargame.game import Game


def by_turn(events: list[ev.Event]) -> dict[int, list[ev.Event]]:
    """Events of each turn (phase markers left out); the opening events belong to turn 1."""
    out: dict[int, list[ev.Event]] = {}
    turn = 1
    for e in events:
        if isinstance(e, ev.TurnStarted):
            turn = e.turn
        if not isinstance(e, ev.PhaseStarted):
            out.setdefault(turn, []).append(e)
    return out


@dataclass
class Debrief:
    turn: int
    side: str | None                                  # None: the White cell's full debrief
    sections: list[tuple[str, list[str]]] = field(default_factory=list)

    def text(self) -> str:
        who = f"as {self.side.capitalize()} saw it" if self.side else "the White cell's full debrief"
        out = [f"Turn {self.turn} debrief, {who}", ""]
        for title, lines in self.sections:
            out.append(title)
            out += [f"  {line}" for line in lines]
            out.append("")
        if not self.sections:
            out.append("Nothing seen happened this turn.")
        return "\n".join(out).rstrip() + "\n"


def debrief(game: Game, turn: int, side: str | None, notes: bool = True, halts: bool = True) -> Debrief:
    """The debrief of `turn` for `side` (its fog) or for the White cell (None; with its notes unless
    `notes` is false, as on the projector). `halts`: list each move stopped short (the projector,
    read from the back of the room, leaves them out: the counts and the attacks matter there)."""
    seen = [e for e in by_turn(game.events).get(turn, []) if side is None or ev.visible_to(e, side)]
    d = Debrief(turn, side)

    def section(title: str, lines: list[str]) -> None:
        if lines:
            d.sections.append((title, lines))

    moved: dict[str, list[ev.Moved]] = {}
    for e in seen:
        if isinstance(e, ev.Moved):
            moved.setdefault(e.side, []).append(e)
    lines = [f"{s.capitalize()}: {len(m)} unit(s) moved, {sum(len(x.path) - 1 for x in m)} hexes in all"
             for s, m in sorted(moved.items())]
    section("Moves", lines + [e.describe() for e in seen if halts and isinstance(e, ev.MoveHalted)])
    section("Attacks and results", [
        f"{e.side.capitalize()} on {e.target}: {e.attack:g} v {e.defence:g}, odds {e.odds}, column {e.column}, "
        f"die {e.roll} -> {e.result}" for e in seen if isinstance(e, ev.CombatResolved)])
    steps: dict[str, int] = {}
    for e in seen:
        if isinstance(e, ev.StepLost):
            steps[e.side] = steps.get(e.side, 0) + 1
    section("Losses", [f"{s.capitalize()}: {n} step(s) lost" for s, n in sorted(steps.items())]
            + [e.describe() for e in seen if isinstance(e, ev.Destroyed)])
    ground = [e.describe() for e in seen if isinstance(e, (ev.CityTaken, ev.MeasureReached, ev.OutskirtsEntered))]
    entered = _red_entered(game, turn) if side in (None, "red") else 0
    if entered:
        ground.insert(0, f"Red entered {entered} hex(es) of the Baltic states and Poland it had not stood in")
    section("Ground gained", ground + [e.describe() for e in seen if isinstance(e, (ev.Advanced, ev.Retreated))])
    section("Arrivals", [e.describe() for e in seen if isinstance(e, (ev.Arrived, ev.ArrivalDelayed))])
    section("Air", [e.describe() for e in seen
                    if isinstance(e, (ev.AirMissionFlown, ev.SortiesLost, ev.SortiesDenied, ev.Suppressed))])
    section("Bridges and supply", [e.describe() for e in seen
                                   if isinstance(e, (ev.BridgeDemolished, ev.BridgeRepaired, ev.SupplyChanged))])
    section("Injects", [e.describe() for e in seen if isinstance(e, ev.InjectPlayed)])
    section("Umpire rulings", [e.describe() for e in seen if isinstance(e, ev.UmpireRuled)])
    if side is None and notes:
        log = getattr(game, "seminar", None)
        section("White cell notes", [("[bookmark] " if n["bookmark"] else "") + n["text"]
                                     for n in (log.notes if log else []) if n["turn"] == turn])
    return d


def _red_entered(game: Game, turn: int) -> int:
    """Hexes of Blue's countries Red's moves and advances reached in `turn` for the first time."""
    blue = game.scenario.sides.get(_side("blue"))
    if blue is None:
        return 0
    land = game.board.hexes_of(blue.countries)
    turns = by_turn(game.events)
    before = {u.hex for u in game.scenario.units if u.hex is not None and u.side.value == "red"}
    for t, es in turns.items():
        if t < turn:
            before |= _red_hexes(game, es)
    return len((_red_hexes(game, turns.get(turn, [])) & land) - before)


def _red_hexes(game: Game, events: list[ev.Event]) -> set[Hex]:
    out: set[Hex] = set()
    parse = game.board.parse_hex
    for e in events:
        if isinstance(e, ev.Moved) and e.side == "red":
            out.update(parse(p) for p in e.path[1:])
        elif isinstance(e, ev.Advanced) and game.units[e.unit].side.value == "red":
            out.add(parse(e.hex))
    return out


def _side(name: str) -> Any:
    from wargame.model.units import Side

    return Side(name)


@dataclass(frozen=True)
class Arrow:
    side: str
    kind: str              # move | retreat | advance | attack
    path: tuple[Hex, ...]
    label: str = ""        # an attack's result


def arrows(game: Game, turn: int, side: str | None = None) -> list[Arrow]:
    """The moves and attacks of `turn` as arrows, from where each unit stood at the time (seen by
    `side`, or all). Positions are followed through the whole event stream from the scenario's start."""
    parse = game.board.parse_hex
    pos: dict[str, Hex] = {u.id: u.hex for u in game.scenario.units if u.hex is not None}
    out: list[Arrow] = []
    t = 1
    for e in game.events:
        if isinstance(e, ev.TurnStarted):
            t = e.turn
        show = t == turn and (side is None or ev.visible_to(e, side))
        if isinstance(e, ev.Moved):
            path = tuple(parse(p) for p in e.path)
            if show and len(path) > 1:
                out.append(Arrow(e.side, "move", path))
            pos[e.unit] = path[-1]
        elif isinstance(e, ev.CombatResolved):
            target = parse(e.target)
            if show:
                for uid in e.attackers:
                    if uid in pos and pos[uid] != target:
                        out.append(Arrow(e.side, "attack", (pos[uid], target), e.result))
        elif isinstance(e, ev.Retreated) and e.path:
            path = tuple(parse(p) for p in e.path)
            if show and e.unit in pos:
                out.append(Arrow(game.units[e.unit].side.value, "retreat", (pos[e.unit], *path)))
            pos[e.unit] = path[-1]
        elif isinstance(e, ev.Advanced):
            to = parse(e.hex)
            if show and e.unit in pos and pos[e.unit] != to:
                out.append(Arrow(game.units[e.unit].side.value, "advance", (pos[e.unit], to)))
            pos[e.unit] = to
        elif isinstance(e, ev.Arrived):
            pos[e.unit] = parse(e.hex)
        elif isinstance(e, ev.Destroyed):
            pos.pop(e.unit, None)
    return out
