"""`wargame crisis SCENARIO`: a crisis played by bots in the terminal, day by day, and what it hands
to the war (docs/crisis.md). Players play a crisis in the TUI (`wargame play crisis-2016`); this is
how an analyst or a facilitator reads one played by bots, with the same seeds as the TUI's crisis
bots, and `--war` plays the war that follows with the operational bots."""

from __future__ import annotations

import argparse


def add_crisis_arguments(p: argparse.ArgumentParser) -> None:
    from wargame.crisis.tables import INTENTS, POSTURES

    p.add_argument("scenario", metavar="SCENARIO", help="a scenario with a crisis phase (e.g. crisis-2016)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--intent", choices=INTENTS, default=None, help="Red's intent (default: the scenario's)")
    p.add_argument("--posture", choices=POSTURES, default=None, help="Blue's posture (default: the scenario's)")
    p.add_argument("--war", action="store_true", help="play the war that follows, if one comes (operational bots)")


def cmd_crisis(args: argparse.Namespace) -> int:
    from wargame.cli import UsageError
    from wargame.crisis.play import play_campaign, play_crisis
    from wargame.data.scenario import load_scenario

    sc = load_scenario(args.scenario)
    if sc.crisis is None:
        raise UsageError(f"scenario {sc.id!r} has no crisis phase (try crisis-2016)")
    if args.war:
        camp = play_campaign(sc, args.seed, "operational", "operational", intent=args.intent, posture=args.posture)
        c = camp.crisis
    else:
        c = play_crisis(sc, args.seed, args.intent, args.posture)
        camp = None
    print(f"{sc.title}: seed {args.seed}, Red intent {c.settings.red_intent}, Blue posture {c.settings.blue_posture}")
    day = None
    for e in c.events:  # the crisis is over: everything is revealed
        if e.day != day:
            day = e.day
            print(f"\n{c.day_label(day)}")
        print(f"  {e.describe()}")
    row = camp.row() if camp is not None else None
    print(f"\nOutcome: {c.outcome}; warning gained: {c.state.warning_hours} h")
    if camp is not None and camp.played is not None:
        r = camp.played.game.result
        m = "not reached" if r is None or r.measure_hours is None else f"H+{r.measure_hours:g}"
        print(f"The war that followed: {r.winner if r else '?'} wins; RAND measure {m}")
    elif row is not None:
        print("No war followed.")
    return 0
