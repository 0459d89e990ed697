"""Baltic wargame: a RAND-style hex-and-counter game of a Russian incursion into the Baltic states.

The core (hexgrid, model, data, rules, game, bots, batch) never imports the terminal UI.
"""

__version__ = "0.1.0"
