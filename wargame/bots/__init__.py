"""Bots: the Bot protocol, the built-in bots, and the loader for users' own (`package.module:Class`)."""

from wargame.bots.base import Bot, Oracle, load_bot, BOTS

__all__ = ["Bot", "Oracle", "load_bot", "BOTS"]
