"""The seminar room's core (no UI): injects and their deck, the facilitator's notes and bookmarks, the
record's `seminar` section that makes both survive saves and replays, rewinding a phase, the turn
debrief under each side's fog, and this turn's arrows for the projector.

Everything here drives the one `Game` API and reads events (docs/architecture.md, rules 2 and 5); the
Textual screens that use it are in wargame.tui (console, projector, replay_ui)."""
