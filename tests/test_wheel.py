"""A wheel built from the repository carries the data and works from any folder, outside the checkout."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    (whl,) = out.glob("baltic_wargame-*.whl")
    return whl


def test_wheel_carries_the_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("wargame/_data/maps/baltic.yaml", "wargame/_data/orders_of_battle/unit_types.yaml",
                   "wargame/_data/scenarios/incursion-2016.yaml", "wargame/_data/tables/standard.yaml",
                   "wargame/cli.py", "wargame/hexgrid.py"):
        assert needed in names, needed
    assert not any(n.startswith("tests/") for n in names)


def test_installed_wheel_works_from_another_folder(wheel, tmp_path):
    target = tmp_path / "site"
    r = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target), str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "WARGAME_DATA")}
    env["PYTHONPATH"] = str(target)
    code = (
        "import wargame.data.paths as p, wargame.cli as c, sys; "
        f"assert str(p.data_root()).startswith({str(target)!r}), p.data_root(); sys.exit(c.main(['scenarios']))"
    )
    r = subprocess.run(
        [sys.executable, "-c", code], cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120
    )
    assert r.returncode == 0, r.stderr
    assert "incursion-2016" in r.stdout
    r = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, wargame.cli as c; sys.exit(c.main(['oob', 'incursion-2016', '--side', 'red']))",
        ],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
