"""Crisis bots: Red with an intent (coerce, limited grab, invade), Blue with a posture (restrained,
firm, forward). A bot sees only `Crisis.view(side)` and keeps its own random stream; it gives the
orders a human would, through the same door (`Crisis.submit`).

Red's intents (after the essays and crisis.md):
- coerce: grind NATO's resolve with exercises, violations, information operations and cyber attacks;
  never decides on war; stands firm in stand-offs while its resolve is high; stands down when spent.
- limited: infiltrate special forces and build up, then a limited grab when Moscow sees 1.5:1.
- invade: build up under cover of snap exercises, infiltrate and cut the mobilisation systems, then
  invade when Moscow sees 3:1; avoids stand-offs that could start the war before it is ready.

Blue's postures: restrained (CBMs, intelligence, slow to raise readiness, backs down), firm (answers
each provocation in kind, raises readiness on evidence, pre-deploys when it may), forward (mobilises
and pre-deploys at once, always stands firm: the security dilemma's other half).
"""

from __future__ import annotations

import random

from wargame.crisis.engine import CrisisView
from wargame.crisis.state import CrisisOrder, CrisisOrders, StandoffChoice
from wargame.crisis.tables import INTENTS, POSTURES


class RedCrisisBot:
    def __init__(self, intent: str, seed: int = 0):
        if intent not in INTENTS:
            raise ValueError(f"unknown Red intent {intent!r} ({', '.join(INTENTS)})")
        self.intent = intent
        self.name = f"red-{intent}"
        self.rng = random.Random(seed)

    def orders(self, v: CrisisView) -> CrisisOrder:
        if v.phase == "standoff":
            return StandoffChoice(self._firm(v))
        if v.phase == "signal":
            want = ["snap_exercise", "airspace_violation"]
            if self.intent != "coerce" and self.rng.random() < 0.5:
                want = ["snap_exercise"]
            return CrisisOrders(tuple(a for a in want if a in v.actions))
        return self._act(v)

    def _firm(self, v: CrisisView) -> bool:
        margin = v.track_max - v.tension
        if self.intent == "coerce":
            return v.resolve >= 4 and margin > 3
        if self.intent == "limited":
            return v.resolve >= 5 and margin > 3
        return margin > 4 and self.rng.random() < 0.5

    def _act(self, v: CrisisView) -> CrisisOrder:
        done = [h["action"] for h in v.hidden]
        buildups = done.count("border_buildup")
        sf = done.count("sf_infiltration")
        seen = v.perceived_balance or 0.0
        last = v.day >= v.days
        if self.intent == "coerce" and v.resolve <= 1:
            return CrisisOrders((), "stand_down")
        if self.intent == "invade" and seen >= v.thresholds["invade"] and (buildups >= 2 or last):
            return CrisisOrders((), "invade")
        if self.intent == "limited" and seen >= v.thresholds["limited"] and (sf >= 1 or v.day >= 3):
            return CrisisOrders((), "limited_grab")
        overt = [a for a in v.signals if self.intent == "coerce" or a == "snap_exercise" or self.rng.random() < 0.5]
        if self.intent == "coerce":
            covert = ["information_operation", "cyber_attack"]
        elif self.intent == "limited":
            covert = ["sf_infiltration", "border_buildup" if buildups < 2 else "information_operation"]
        else:
            covert = [
                "border_buildup" if buildups < 3 else "cyber_attack",
                "sf_infiltration" if sf < 2 else "cyber_attack",
            ]
        covert = list(dict.fromkeys(covert))
        return CrisisOrders(tuple(overt + covert))


class BlueCrisisBot:
    def __init__(self, posture: str, seed: int = 0):
        if posture not in POSTURES:
            raise ValueError(f"unknown Blue posture {posture!r} ({', '.join(POSTURES)})")
        self.posture = posture
        self.name = f"blue-{posture}"
        self.rng = random.Random(seed)

    def orders(self, v: CrisisView) -> CrisisOrder:
        if v.phase == "standoff":
            return StandoffChoice(self._firm(v))
        return CrisisOrders(self._respond(v))

    def _firm(self, v: CrisisView) -> bool:
        if self.posture == "forward":
            return True
        if self.posture == "restrained":
            return False
        return v.track_max - v.tension > 3 or v.resolve >= 7

    def _respond(self, v: CrisisView) -> tuple[str, ...]:
        hot = v.track_max - v.tension <= 3
        violation = "airspace_violation" in v.signals
        exercise = "snap_exercise" in v.signals
        if self.posture == "forward":
            want = ["raise_readiness", "mobilise_reserves", "pre_deploy", "air_policing", "attribute_publicly"]
        elif self.posture == "firm":
            want = ["cbm_hotline"] if hot else []
            want += ["air_policing"] if violation else []
            want += ["pre_deploy", "raise_readiness"] if v.evidence >= 1 else ["intelligence"]
            want += ["mobilise_reserves"] if v.evidence >= 4 else []
            want += ["attribute_publicly"] if v.evidence >= 2 and v.day % 2 == 0 else []
            want += ["intelligence"]
        else:
            want = ["cbm_hotline"] if v.tension >= v.track_max - 4 else []
            want += ["cbm_observation"] if exercise else []
            want += ["raise_readiness"] if v.evidence >= 5 else []
            want += ["intelligence", "air_policing"] if violation else ["intelligence"]
        picked: list[str] = []
        for a in want:
            if a in v.actions and a not in picked and len(picked) < 3:
                picked.append(a)
        return tuple(picked)


def crisis_bots(intent: str, posture: str, seed: int) -> tuple[RedCrisisBot, BlueCrisisBot]:
    return RedCrisisBot(intent, seed * 2 + 1), BlueCrisisBot(posture, seed * 2 + 2)
