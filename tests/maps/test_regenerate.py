"""Golden test: regenerating the board from the real data gives the committed file, byte for byte.

Needs the optional generator packages (tools/requirements-mapgen.txt), so it is marked `mapgen` and
left out of the default run; `make map-check` runs it.
"""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.mapgen
def test_regenerating_gives_the_committed_map(tmp_path):
    out = tmp_path / "baltic.yaml"
    r = subprocess.run([sys.executable, "-m", "tools.mapgen", "--out", str(out)], cwd=ROOT,
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    assert out.read_bytes() == (ROOT / "maps" / "baltic.yaml").read_bytes()
