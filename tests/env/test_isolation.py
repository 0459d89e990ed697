"""The env is an add-on: the core never imports it, and `import wargame` pulls in no numpy."""

import subprocess
import sys


def test_core_does_not_import_the_env_or_its_libraries():
    code = (
        "import sys, wargame, wargame.game, wargame.bots.driver, wargame.batch, wargame.cli, wargame.saves\n"
        "bad = [m for m in ('wargame.env', 'numpy', 'gymnasium', 'pettingzoo') if m in sys.modules]\n"
        "print(bad)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"
