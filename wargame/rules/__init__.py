"""The adjudicator: RAND-style rules that turn orders into outcomes.

Small modules, each one rule family (docs/rules.md): `sequence` (the turn), `movement` and `zoc`,
`combat`, `retreat` and `fires`, `air` (air missions and air defence), `arrivals`, `fog` (what a
side may see), `victory` (cities and the RAND measure), `umpire` (proposals and rulings), `legality`
(is an order legal, and the staging plan), `state` (the mutable state), `position` (what every rule
takes: ground, state, random stream, cache, events, the phase in hand), `index` (per-board arrays),
`record` (the record format), `doc` (the rulebook's generated tables). They take a `Position` and
change its state or return events; `wargame.game.Game`, which they never see, sits on top. No I/O, no UI.
"""
