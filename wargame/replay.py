"""`wargame replay SAVE`: rebuild a saved game from its scenario, seed and orders and check that it
reproduces the same events and final state (docs/architecture.md, rule 4: every game can be audited).

The audit is strict: the save must hold its event count and digest, the scenario's data must be
those it was played on (by content hash), and every difference is a MISMATCH (exit 1). A save that
cannot be read or replayed at all is refused with its place (exit 2).
"""

from __future__ import annotations

import argparse

from rich.console import Console
from rich.text import Text

from wargame.data.scenario import load_scenario
from wargame.game import replay
from wargame.rules.record import RecordError
from wargame.saves import SaveError, data_matches, read_save, scenario_of


def main(args: argparse.Namespace) -> int:
    if getattr(args, "vcr", False):  # the VCR controls on screen (wargame.tui.replay_ui)
        from wargame.tui.replay_ui import main as vcr

        return vcr(args)
    out = Console(highlight=False, soft_wrap=True)
    record = read_save(args.save)
    scenario = load_scenario(args.scenario if getattr(args, "scenario", None) else scenario_of(record))
    changed = data_matches(record, scenario)
    try:
        game, problems = replay(record, scenario)
    except RecordError as e:
        raise SaveError(f"{args.save}: game.{e}") from None
    if changed:
        problems.insert(0, changed)
    out.print(Text(f"{scenario.title}: seed {record['seed']}, {len(record['log'])} phases of orders, "
                   f"{len(game.events)} events, turn {game.turn}{' (over)' if game.over else ''}"))
    if game.result:
        r = game.result
        m = f"H+{r.measure_hours}" if r.measure_hours is not None else "not reached"
        out.print(
            Text(
                f"Result: {r.winner} wins ({r.reason}); RAND measure {m}; steps lost red {r.losses['red']}, "
                f"blue {r.losses['blue']}"
            )
        )
    if problems:
        for p in problems:
            out.print(Text(f"MISMATCH: {p}", style="bold red"))
        return 1
    out.print(Text("Replay matches the record: identical events and final state.", style="green"))
    return 0
