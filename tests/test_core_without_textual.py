"""docs/architecture.md, rule 1: the core runs without the UI. Import every core module with textual and rich
unimportable; only the terminal front ends (the TUI, the command lines, the board drawing) may use them."""

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_core_imports_with_textual_blocked():
    code = textwrap.dedent(
        """
        import importlib, pkgutil, sys

        class Block:
            names = ("textual", "rich")

            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in self.names:
                    raise ImportError(name + " is blocked in this test")
                return None

        sys.meta_path.insert(0, Block())
        import wargame
        FRONT_ENDS = {"wargame.cli", "wargame.batch_cli", "wargame.study.cli", "wargame.study.report",
                      "wargame.replay", "wargame.render"}
        seen = []
        for mod in pkgutil.walk_packages(wargame.__path__, "wargame."):
            if mod.name.startswith("wargame.tui") or mod.name.endswith("__main__") or mod.name in FRONT_ENDS:
                continue
            importlib.import_module(mod.name)
            seen.append(mod.name)
        assert "textual" not in sys.modules and "rich" not in sys.modules
        for needed in ("wargame.hexgrid", "wargame.model", "wargame.data.scenario", "wargame.game", "wargame.batch",
                       "wargame.study.runner", "wargame.bots.search", "wargame.saves"):
            assert needed in seen, needed
        Block.names = ("textual",)  # the command lines print with rich, and still run without textual
        for name in sorted(FRONT_ENDS):
            importlib.import_module(name)
        assert "textual" not in sys.modules
        print(len(seen))
        """
    )
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert int(r.stdout.strip()) >= 10
