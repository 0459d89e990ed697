"""Reading a file someone else wrote, safely: a regular file only, never more than a size limit, UTF-8
with the place of the first bad byte, and no control characters.

Every data file and save goes through `read_text`, so a name like `/dev/zero`, a FIFO, a folder, a
5,000-character or NUL-containing name, or a 10 GB file is a plain refusal, never a hang, a memory
blow-up or a traceback.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

DATA_LIMIT = 16 * 1024 * 1024   # the Baltic map is 70 kB; a data file 200 times bigger is not one
SAVE_LIMIT = 64 * 1024 * 1024   # a 10-day game with its event log is a few MB

# C0 controls other than tab, newline and carriage return; DEL; C1 controls; and the BOM/
# non-characters YAML and JSON cannot hold in a file that is meant to be read by people.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


class ReadError(Exception):
    """The file cannot be read as text. `line` and `column` are 1-based (0 = the file as a whole)."""

    def __init__(self, message: str, line: int = 0, column: int = 0):
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


def read_text(path: str | os.PathLike[str], limit: int = DATA_LIMIT) -> str:
    """The text of a regular file of at most `limit` bytes. ReadError with a plain message otherwise."""
    try:
        # O_NONBLOCK: opening a FIFO with no writer must not hang; it is refused just below
        fd = os.open(os.fspath(path), os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise ReadError("file not found") from None
    except IsADirectoryError:
        raise ReadError("is a folder, not a file") from None
    except PermissionError:
        raise ReadError("permission denied") from None
    except (OSError, ValueError) as e:  # ValueError: a NUL in the name; OSError: name too long, ...
        reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        raise ReadError(f"cannot open the file ({reason})") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise ReadError("not a regular file (a device, pipe, socket or folder is never read)")
        if st.st_size > limit:
            raise ReadError(f"the file is {st.st_size:,} bytes, over the {limit:,}-byte limit")
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read(limit + 1)
    except OSError as e:
        raise ReadError(f"cannot read the file ({e.strerror or e})") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise ReadError(f"the file grew over the {limit:,}-byte limit while it was read")
    return decode(data)


def decode(data: bytes) -> str:
    """UTF-8 text without control characters; ReadError placed at the first offending byte."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line, col = _place(data[: e.start].decode("utf-8", "replace"))
        raise ReadError(f"not UTF-8 text: byte 0x{data[e.start]:02x} cannot be decoded", line, col) from None
    if text.startswith("\ufeff"):
        text = text[1:]  # a byte-order mark some editors write: harmless
    m = _CONTROL.search(text)
    if m is not None:
        line, col = _place(text[: m.start()])
        raise ReadError(f"control character U+{ord(m.group()):04X} is not allowed in a text file", line, col)
    return text


def _place(before: str) -> tuple[int, int]:
    """1-based line and column of the character that follows `before`."""
    line = before.count("\n") + 1
    return line, len(before) - (before.rfind("\n") + 1) + 1


def is_regular(path: Path) -> bool:
    """Whether `path` names an existing regular file (no exception for odd names)."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False
