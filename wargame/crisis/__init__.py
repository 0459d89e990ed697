"""The crisis before H-hour (docs/crisis.md): daily turns of signals, hybrid actions, detection,
incidents and stand-offs, confidence-building measures and Red's decision on its perceived balance,
ending in deterrence, coercion, a limited grab, invasion or inadvertent war; and the hand-off of its
warning, pre-deployments and hybrid preparations into the war (`Crisis.start_war`).

The core of the crisis imports no UI; `Crisis` is its one door, as `Game` is the war's.
"""

from wargame.crisis.engine import PHASES, Crisis, CrisisView
from wargame.crisis.state import CrisisEvent, CrisisOrders, StandoffChoice

__all__ = ["Crisis", "CrisisView", "CrisisEvent", "CrisisOrders", "StandoffChoice", "PHASES"]
