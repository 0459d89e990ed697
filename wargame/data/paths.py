"""Where the data files live: the checkout's top-level folders, or the copies inside an installed wheel.

`WARGAME_DATA` (a folder holding maps/, orders_of_battle/, scenarios/, tables/) overrides both.
"""

from __future__ import annotations

import os
from pathlib import Path

KINDS = ("maps", "orders_of_battle", "scenarios", "tables")
_PKG = Path(__file__).resolve().parent.parent  # wargame/


def data_root() -> Path:
    env = os.environ.get("WARGAME_DATA")
    if env:
        return Path(env)
    repo = _PKG.parent
    if (repo / "pyproject.toml").is_file() and (repo / "maps").is_dir():
        return repo  # a checkout (or an editable install)
    return _PKG / "_data"  # a wheel: hatch force-includes the folders here


def data_dir(kind: str) -> Path:
    if kind not in KINDS:
        raise ValueError(f"unknown data kind {kind!r}")
    return data_root() / kind


def resolve(kind: str, name_or_path: str | os.PathLike[str]) -> Path:
    """A bare id (`baltic`) -> <root>/<kind>/baltic.yaml; anything path-like is taken as a path."""
    s = str(name_or_path)
    p = Path(s)
    if p.suffix in (".yaml", ".yml") or os.sep in s or "/" in s:
        return p
    return data_dir(kind) / f"{s}.yaml"


def display(path: Path) -> str:
    """A short name for messages: relative to the data root or the current folder when possible."""
    path = Path(path)
    for base in (Path.cwd(), data_root()):
        try:
            return str(path.resolve().relative_to(base.resolve()))
        except ValueError:
            continue
    return str(path)
