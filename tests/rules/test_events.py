"""Events (wargame/events.py): every kind serialises, reads back and reads aloud."""

import json
import random

from tests.rules.test_game import play_random
from wargame import events as ev
from wargame.game import Game


def test_every_event_kind_is_unique_and_registered():
    kinds = [c.__dataclass_fields__["kind"].default for c in ev.EVENT_TYPES.values()]
    assert len(kinds) == len(set(kinds)) and "event" not in kinds


def test_events_of_real_games_round_trip_and_describe_themselves(tiny_scenario):
    seen = set()
    for seed in range(6):
        g = Game(tiny_scenario, seed=seed, umpire=seed % 2 == 1)
        play_random(g, random.Random(seed))
        for e in g.events:
            d = json.loads(e.to_json())
            assert ev.from_dict(d) == e and d["kind"] == e.kind
            text = e.describe()
            assert text and not text[0].islower() and text.endswith((".", ")")), text
            seen.add(e.kind)
    assert {"turn", "phase", "moved", "attack", "combat", "step_lost", "arrived", "game_over", "detected",
            "umpire", "city"} <= seen


def test_an_unknown_or_incomplete_event_is_refused():
    import pytest
    with pytest.raises(ValueError, match="unknown event kind"):
        ev.from_dict({"kind": "nope"})
    with pytest.raises(ValueError, match="without 'hour'"):
        ev.from_dict({"kind": "turn", "turn": 1, "night": False})
