"""docs/architecture.md, rule 1: the core runs without the UI. Import every core module with textual unimportable."""

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
            def find_spec(self, name, path=None, target=None):
                if name == "textual" or name.startswith("textual."):
                    raise ImportError("textual is blocked in this test")
                return None

        sys.meta_path.insert(0, Block())
        import wargame
        seen = []
        for mod in pkgutil.walk_packages(wargame.__path__, "wargame."):
            if mod.name.startswith("wargame.tui") or mod.name.endswith("__main__"):
                continue
            importlib.import_module(mod.name)
            seen.append(mod.name)
        assert "textual" not in sys.modules
        for needed in ("wargame.hexgrid", "wargame.model", "wargame.data.scenario", "wargame.cli"):
            assert needed in seen, needed
        print(len(seen))
        """
    )
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert int(r.stdout.strip()) >= 10
