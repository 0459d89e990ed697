"""The inject deck: `injects/<scenario>.yaml` (or any file given with --injects), checked like every
data file (wargame.data.schema): each problem named with its file, line, column and field.

    format: wargame-injects/1
    scenario: incursion-2016
    injects:
      - id: jekabpils-bridge
        title: "The Jēkabpils bridge is down"
        text: "What the facilitator reads out."
        effect: blow_bridge                 # blow_bridge | open_border | delay_arrival | message
        args: {hexes: ["4347", "4348"], by: blue}
        turn: 3                             # optional: played at the start of turn 3; absent: by hand
        audience: all                       # all | red | blue: who is told (the team views' fog)
        source: "..."                       # or assumption: every inject says where it comes from

With the scenario at hand the deck is checked against it too: the bridge exists, the units are
reinforcements of the scenario, the turn is inside the game.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wargame.data import paths
from wargame.data.schema import Context, DataError, F, HexId, Int, MapOf, Record, Seq, Str, load_validated
from wargame.seminar.injects import AUDIENCES, EFFECTS, args_problem

ID = r"[a-z0-9][a-z0-9_\-]{0,63}"
FOLDER = "injects"

ARGS = Record({
    "hexes": F(Seq(HexId()), required=False, doc="blow_bridge: the bridge's two hexes"),
    "by": F(Str(choices=("red", "blue")), required=False, doc="blow_bridge: who blew it"),
    "country": F(Str(), required=False, doc="open_border: the country opened to Red"),
    "units": F(Seq(Str(pattern=r"[a-z0-9][a-z0-9_.\-]*", pattern_hint="a unit id")), required=False,
               doc="delay_arrival: the units"),
    "turns": F(Int(min=1, max=40), required=False, doc="delay_arrival: how many turns later"),
})


def _inject_check(value: dict[str, Any], ctx: Context, path: tuple, node: Any) -> None:
    if not (value.get("source") or "").strip() and not (value.get("assumption") or "").strip():
        ctx.error(node, path, "needs a 'source' or an 'assumption' (every inject says where it comes from)")
    args = {k: v for k, v in (value.get("args") or {}).items() if v is not None}
    bad = args_problem(value["effect"], args)
    if bad:
        ctx.error_at(path + tuple(bad[0].split(".")), f"expected {bad[1]}")


INJECT = Record({
    "id": F(Str(pattern=ID, pattern_hint="a lower-case id such as 'jekabpils-bridge'")),
    "title": F(Str(min_len=1)),
    "text": F(Str(), required=False, default=""),
    "effect": F(Str(choices=tuple(EFFECTS))),
    "args": F(ARGS, required=False, default={}),
    "turn": F(Int(min=1, max=10_000), required=False, doc="played at the start of this turn; absent: by hand"),
    "audience": F(Str(choices=AUDIENCES), required=False, default="all"),
    "source": F(Str(), required=False, default=""),
    "assumption": F(Str(), required=False, default=""),
}, check=_inject_check)

DECK_SPEC = Record({
    "format": F(Str(choices=("wargame-injects/1",))),
    "scenario": F(Str(pattern=ID, pattern_hint="a scenario id"), required=False),
    "sources": F(MapOf(Str()), required=False, default={}),
    "injects": F(Seq(INJECT, min_items=1)),
}, description="An inject deck for the seminar's facilitator (wargame-injects/1). See docs/seminar.md.")


@dataclass(frozen=True)
class DeckInject:
    id: str
    title: str
    text: str
    effect: str
    args: dict[str, Any]
    turn: int | None
    audience: str
    basis: str  # its source or assumption, for the facilitator

    def as_played(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "effect": self.effect, "args": self.args, "audience": self.audience}


@dataclass
class Deck:
    path: str
    scenario: str | None
    injects: list[DeckInject] = field(default_factory=list)

    def due(self, turn: int, played: set[str]) -> list[DeckInject]:
        """The scheduled injects of `turn` and earlier not played yet (in deck order)."""
        return [i for i in self.injects if i.turn is not None and i.turn <= turn and i.id not in played]


def deck_path(scenario_id: str) -> Path:
    """Where a scenario's own deck lives (it may not exist)."""
    return paths.data_root() / FOLDER / f"{scenario_id}.yaml"


def load_deck(path: str | Path, scenario: Any = None) -> Deck:
    """Read and check a deck; DataError listing every problem with its place."""
    path = Path(path)
    value, ctx = load_validated(path, DECK_SPEC, paths.display(path), partial=True)
    seen: dict[str, int] = {}
    for i, d in enumerate(value.get("injects") or []):
        if not d or not d.get("id"):
            continue
        if d["id"] in seen:
            ctx.error_at(("injects", i, "id"), f"duplicate inject id {d['id']!r} (also injects[{seen[d['id']]}])")
        seen.setdefault(d["id"], i)
    if scenario is not None and not ctx.problems:
        if value.get("scenario") and value["scenario"] != scenario.id:
            ctx.error_at(("scenario",), f"this deck is for scenario {value['scenario']!r}, not {scenario.id!r}")
        _against(value, scenario, ctx)
    ctx.raise_if_problems()
    deck = Deck(str(path), value.get("scenario"))
    for d in value["injects"]:
        args = {k: v for k, v in d["args"].items() if v is not None}
        deck.injects.append(DeckInject(d["id"], d["title"], " ".join(d["text"].split()), d["effect"], args,
                                       d["turn"], d["audience"], d["source"] or d["assumption"]))
    return deck


def _against(value: dict[str, Any], scenario: Any, ctx: Context) -> None:
    """What only the scenario can tell: the bridge is there, the units are its reinforcements."""
    from wargame.game import Game
    from wargame.rules import bridges

    game = Game(scenario, seed=0)
    ix = game.index
    waiting = set(game.state.arrival)
    for i, d in enumerate(value["injects"]):
        p = ("injects", i)
        if d["turn"] is not None and d["turn"] > scenario.clock.length_turns:
            ctx.error_at(p + ("turn",), f"turn {d['turn']} is after the game's last ({scenario.clock.length_turns})")
        if d["effect"] == "blow_bridge":
            try:
                a, b = (ix.idx[scenario.board.parse_hex(h)] for h in d["args"]["hexes"])
            except (ValueError, KeyError) as e:
                ctx.error_at(p + ("args", "hexes"), f"expected hexes of the board: {e}")
                continue
            if bridges.bridge_river(game.position, a, b) is None or ix.hexes[b] not in set(_neighbours(ix.hexes[a])):
                ctx.error_at(p + ("args", "hexes"), "expected the two hexes of a road or railway bridge over a river")
        elif d["effect"] == "delay_arrival":
            for j, u in enumerate(d["args"]["units"]):
                if u not in waiting:
                    ctx.error_at(p + ("args", "units", j),
                                 f"expected a reinforcement of {scenario.id}; {u!r} is not one")


def _neighbours(h: Any) -> Any:
    from wargame.hexgrid import neighbours

    return neighbours(h)


def find_deck(given: str | None, scenario: Any) -> Deck | None:
    """The deck given on the command line, else the scenario's own, else None. DataError if bad."""
    if given:
        return load_deck(given, scenario)
    own = deck_path(scenario.id)
    return load_deck(own, scenario) if own.is_file() else None


__all__ = ["Deck", "DeckInject", "DataError", "load_deck", "find_deck", "deck_path"]
