"""Bots: the Bot protocol, the built-in bots, and the loader for users' own (`package.module:Class`)."""

from wargame.bots.base import BOTS, Bot, Oracle, load_bot

__all__ = ["Bot", "Oracle", "load_bot", "BOTS"]
