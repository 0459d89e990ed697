"""A short seeded fuzz run over every loader and the save reader (the long one: benchmarks/fuzz.py):
every mutated file is accepted, refused with a located message (exit 2), or, for a save, replayed
with its differences reported; never a traceback, never a message without a place."""

import pytest

from tests import fuzzing


@pytest.mark.parametrize("kind", fuzzing.KINDS)
def test_mutated_files_get_located_errors_never_tracebacks(kind, tmp_path):
    bad = []
    counts = fuzzing.run((kind,), 40, 2024, tmp_path, lambda k, i, o: bad.append((i, o)))[kind]
    assert bad == [] and counts["refused"] > 0, dict(counts)
