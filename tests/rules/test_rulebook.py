"""The rulebook's tables are generated from the data and must match it."""

from pathlib import Path

from wargame.rules.doc import BEGIN, END, generated

BOOK = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def test_rulebook_tables_match_the_data():
    text = BOOK.read_text(encoding="utf-8")
    assert BEGIN in text and END in text
    section = text[text.index(BEGIN): text.index(END) + len(END)]
    assert section == generated(), "docs/rules.md is out of date: run python -m wargame.rules.doc"


def test_rulebook_shows_every_crt_row_and_column():
    from wargame.data.tables import load_tables

    t = load_tables()
    g = generated()
    assert "| die | " + " | ".join(t.columns) + " |" in g
    for roll in range(1, 7):
        assert f"| {roll} | " + " | ".join(t.crt[roll]) + " |" in g
