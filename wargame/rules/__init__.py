"""The adjudicator: movement, zones of control, combat, fires and air, detection, the measure.

Functions here take the game state and the tables and return results or events; `wargame.game.Game`
sequences them. No I/O, no UI.
"""
