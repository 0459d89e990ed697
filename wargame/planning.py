"""The seminar's planning timer: the White cell starts, pauses and extends it; every role shows it.

Kept as wall-clock data (a deadline while running, the time left while paused) so that it can be
written beside the session save and read by the other roles' processes. No UI here.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_SECONDS = 600.0


@dataclass
class PlanningTimer:
    seconds: float = DEFAULT_SECONDS          # the length set for this phase
    left: float = DEFAULT_SECONDS             # time left when paused (or not started)
    deadline: float | None = None             # wall-clock end while running
    clock: Callable[[], float] = field(default=time.time, repr=False, compare=False)

    @property
    def running(self) -> bool:
        return self.deadline is not None

    def remaining(self) -> float:
        return max(0.0, self.deadline - self.clock()) if self.deadline is not None else max(0.0, self.left)

    @property
    def expired(self) -> bool:
        return self.remaining() <= 0.0

    def start(self) -> None:
        if self.deadline is None:
            self.deadline = self.clock() + self.left

    def pause(self) -> None:
        if self.deadline is not None:
            self.left = self.remaining()
            self.deadline = None

    def toggle(self) -> None:
        self.pause() if self.running else self.start()

    def extend(self, seconds: float) -> None:
        """More time (negative: less, never below zero)."""
        if self.deadline is not None:
            self.deadline = max(self.clock(), self.deadline + seconds)
        else:
            self.left = max(0.0, self.left + seconds)

    def reset(self, seconds: float | None = None) -> None:
        """A new phase: the full time again, stopped."""
        self.seconds = self.seconds if seconds is None else seconds
        self.left, self.deadline = self.seconds, None

    def text(self) -> str:
        r = int(round(self.remaining()))
        state = "running" if self.running else "paused"
        return f"planning {r // 60}:{r % 60:02d} {'(time is up)' if r == 0 else state}"

    def to_dict(self) -> dict[str, Any]:
        return {"seconds": self.seconds, "left": self.left, "deadline": self.deadline}

    @classmethod
    def from_dict(cls, d: Any) -> PlanningTimer | None:
        """None unless `d` holds numbers where numbers belong (the file is data from another process)."""
        if not isinstance(d, dict):
            return None
        seconds, left, deadline = d.get("seconds"), d.get("left"), d.get("deadline")
        if not (_number(seconds) and _number(left) and (deadline is None or _number(deadline))):
            return None
        end = None if deadline is None else float(deadline)
        return cls(float(seconds or 0), float(left or 0), end)


def _number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and v == v and abs(v) < 1e12


def timer_path(session: Path) -> Path:
    return session.with_name(session.name + ".timer.json")


def write_timer(session: Path, timer: PlanningTimer) -> None:
    tmp = timer_path(session).with_suffix(".tmp")
    tmp.write_text(json.dumps(timer.to_dict()), encoding="utf-8")
    tmp.replace(timer_path(session))


def read_timer(session: Path) -> PlanningTimer | None:
    try:
        text = timer_path(session).read_text(encoding="utf-8")
        if len(text) > 1000:
            return None
        return PlanningTimer.from_dict(json.loads(text))
    except (OSError, ValueError):
        return None
