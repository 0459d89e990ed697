"""Autosave under kill -9: whatever instant the writer dies, the save reads whole, the game resumes,
and the temporary files such deaths leave are removed by the next read or write."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from wargame.data.scenario import load_scenario
from wargame.game import Game
from wargame.saves import clean_temp_files, write_save

TINY = Path(__file__).resolve().parent / "fixtures" / "tiny" / "scenarios" / "tiny.yaml"

WRITER = """
import sys
from wargame.data.scenario import load_scenario
from wargame.bots.driver import play_game
sc = load_scenario(sys.argv[2])
rec = play_game(sc, 3, "random", "random").game.to_record()
from wargame.saves import write_save
write_save(sys.argv[1], rec)
print("ready", flush=True)
while True:
    write_save(sys.argv[1], rec)
"""


def _temps(folder: Path) -> list[Path]:
    return sorted(folder.glob(".autosave.save.*.tmp"))


def test_kill_9_mid_write_never_damages_the_save_and_leaves_no_temp_files(tmp_path):
    save = tmp_path / "autosave.save"
    rng = random.Random(14)
    sc = load_scenario(TINY)
    for _ in range(12):
        p = subprocess.Popen([sys.executable, "-c", WRITER, str(save), str(TINY)], stdout=subprocess.PIPE, text=True)
        assert p.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.05))
        p.send_signal(signal.SIGKILL)
        p.wait()
        game = Game.from_save(save, sc)  # resume: the save is whole (the last complete write)
        assert game.over
        assert _temps(tmp_path) == []  # the read removed what the killed writer left


def test_only_dead_writers_temp_files_are_removed(tmp_path):
    import fcntl

    save = tmp_path / "autosave.save"
    rec = {"x": 1}
    write_save(save, rec)
    fd, dead = tempfile.mkstemp(prefix=".autosave.save.", suffix=".tmp", dir=tmp_path)
    os.close(fd)  # a writer killed before it finished: nobody holds its lock
    fd, live = tempfile.mkstemp(prefix=".autosave.save.", suffix=".tmp", dir=tmp_path)
    fcntl.flock(fd, fcntl.LOCK_EX)  # a writer in another process, writing now
    try:
        assert clean_temp_files(save) == [Path(dead)]
        assert _temps(tmp_path) == [Path(live)]
    finally:
        os.close(fd)
    write_save(save, rec)  # the next write cleans up too
    assert _temps(tmp_path) == []
