"""Who can play a side, in words: shared by `wargame play --help` and the start screen. Imports
nothing from Textual, so the command line can read it without loading the UI."""

from __future__ import annotations

PLAYER_HELP: dict[str, str] = {
    "human": "you, at the keyboard",
    "passive": "gives no orders, units stand and dig in; the floor every bot is measured against",
    "random": "random legal orders",
    "operational": "plays RAND's teams by rules of thumb: drive on Tallinn and Riga by road, attack at 3:2 "
                   "or better with guns and air; Blue holds a line and the capitals",
    "search": "chooses among several doctrines by playing the game forward; thinks a few seconds a phase",
}


def player_help(name: str) -> str:
    return PLAYER_HELP.get(name, "a bot given as package.module:Class")
