"""`wargame replay SAVE`: rebuild a saved game from its scenario, seed and orders and check that it
reproduces the same events and final state (DESIGN rule 4: every game can be audited)."""

from __future__ import annotations

import argparse

from rich.console import Console
from rich.text import Text

from wargame.data.scenario import load_scenario
from wargame.game import replay
from wargame.saves import read_save


def main(args: argparse.Namespace) -> int:
    out = Console(highlight=False, soft_wrap=True)
    record = read_save(args.save)
    from wargame.saves import scenario_of

    scenario = load_scenario(scenario_of(record))
    try:
        game, problems = replay(record, scenario)
    except ValueError as e:
        from wargame.saves import SaveError

        raise SaveError(f"{args.save}: {e}") from None
    out.print(Text(f"{scenario.title}: seed {record.get('seed')}, {len(record.get('log', []))} phases of orders, "
                   f"{len(game.events)} events, turn {game.turn}{' (over)' if game.over else ''}"))
    if game.result:
        r = game.result
        m = f"H+{r['measure_hours']}" if r["measure_hours"] is not None else "not reached"
        out.print(Text(f"Result: {r['winner']} wins ({r['reason']}); RAND measure {m}; steps lost red {r['losses']['red']}, blue {r['losses']['blue']}"))
    if problems:
        for p in problems:
            out.print(Text(f"MISMATCH: {p}", style="bold red"))
        return 1
    out.print(Text("Replay matches the record: identical events and final state.", style="green"))
    return 0
