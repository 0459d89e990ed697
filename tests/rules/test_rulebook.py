"""The rulebook (docs/rules.md) shows the tables generated from the data and must match them."""

from pathlib import Path

from wargame.data.tables import load_tables
from wargame.rules.doc import BEGIN, END, generated, main

BOOK = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def test_rulebook_tables_match_the_data():
    text = BOOK.read_text(encoding="utf-8")
    assert BEGIN in text and END in text
    section = text[text.index(BEGIN): text.index(END) + len(END)]
    assert section == generated(), "docs/rules.md is out of date: run python -m wargame.rules.doc"
    assert main(["--check"]) == 0


def test_rulebook_shows_every_table_row_and_basis():
    t = load_tables()
    g = generated()
    assert "| die | " + " | ".join(t.columns) + " |" in g
    for roll in range(1, 7):
        assert f"| {roll} | " + " | ".join(t.crt[roll]) + " |" in g
        assert f"| {roll} | " + " | ".join(f"{p} %" for p in t.ad_rows[roll]) + " |" in g
    for m, costs in t.terrain_cost.items():
        assert f"| {m} | " + " | ".join(str(c) for c in costs.values()) in g
    for section in ("movement", "combat", "fires", "air"):
        for name in t.raw[section]["basis"]:
            assert f"`{section}.{name}`" in g


def test_a_changed_table_changes_the_book(tmp_path):
    import dataclasses
    t = load_tables()
    changed = dataclasses.replace(t, stacking=4)
    assert generated(changed) != generated(t) and "at most **4** units" in generated(changed)
