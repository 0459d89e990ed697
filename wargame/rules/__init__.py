"""The adjudicator: RAND-style rules that turn orders into outcomes.

Small modules, each one rule family (docs/rules.md): `sequence` (the turn), `movement` and `zoc`,
`combat`, `retreat` and `fires`, `air` (air missions and air defence), `arrivals`, `fog` (what a
side may see), `victory` (cities and the RAND measure), `umpire` (proposals and rulings), `legality`
(is an order legal, and the staging plan), `state` (the mutable state), `index` (per-board arrays),
`record` (saves and replays), `doc` (the rulebook's generated tables). They take the game and the
tables and change the state or return events; `wargame.game.Game` sequences them. No I/O, no UI.
"""
