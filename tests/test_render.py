"""Counters on the map: NATO (APP-6) branch glyphs, one terminal cell each, with an ASCII fallback."""

import copy

import pytest
from rich.cells import cell_len

from tests.data.test_loaders import TINY, copy_tree, edit, problems
from wargame import render
from wargame.data.forces import UNIT_TYPES_SPEC, load_unit_types
from wargame.data.scenario import load_scenario
from wargame.data.schema import DataError
from wargame.model.units import BRANCHES
from wargame.render import BRANCH_GLYPH, counter_text, glyph, legend, render_board, row_pairs, set_ascii, stacks_of


@pytest.fixture(autouse=True)
def glyph_mode():
    """Every test starts with NATO glyphs and leaves the module as it found it."""
    before = render.ascii_counters()
    set_ascii(False)
    yield
    set_ascii(before)


def test_every_branch_has_a_one_cell_glyph_and_glyphs_are_distinct():
    assert set(BRANCH_GLYPH) == set(BRANCHES)
    for branch, g in BRANCH_GLYPH.items():
        assert len(g) == 1 and cell_len(g) == 1, branch
    assert len(set(BRANCH_GLYPH.values())) == len(BRANCH_GLYPH)


def test_every_unit_type_has_a_branch_drawn_in_one_cell():
    types, _ = load_unit_types()
    assert len(types) == 38
    for t in types.values():
        assert t.branch in BRANCHES, t.id
        assert cell_len(glyph(t)) == 1 and glyph(t) == BRANCH_GLYPH[t.branch], t.id
    # spot checks that the branch says what the type is
    assert types["ru_tank_btg"].branch == "armour" and types["ru_mr_btg"].branch == "mechanised_infantry"
    assert types["nato_airborne"].branch == "airborne" and types["ru_vdv_btg"].branch == "air_assault"
    assert types["ru_rocket"].branch == "rocket_artillery" and types["nato_sam_long"].branch == "air_defence"
    assert types["territorial"].branch == "infantry" and types["nato_hq"].branch == "headquarters"


def test_an_unknown_branch_is_an_error_with_place_and_the_allowed_values(tmp_path):
    d = copy_tree(tmp_path)
    edit(d / "orders_of_battle" / "unit_types.yaml", "branch: armour", "branch: cavalry")
    with pytest.raises(DataError) as e:
        load_unit_types(d / "orders_of_battle" / "unit_types.yaml")
    (p,) = e.value.problems
    assert (p.line, p.path) == (5, "types[0].branch") and p.column > 1
    assert p.message.startswith("expected one of armour, mechanised_infantry,") and p.message.endswith("got 'cavalry'")
    assert all(b in p.message for b in BRANCHES)
    assert problems(e)[0].startswith(str(d / "orders_of_battle" / "unit_types.yaml") + ":5:")


def test_a_missing_branch_is_an_error(tmp_path):
    d = copy_tree(tmp_path)
    edit(d / "orders_of_battle" / "unit_types.yaml", "branch: infantry, ", "")
    with pytest.raises(DataError) as e:
        load_unit_types(d / "orders_of_battle" / "unit_types.yaml")
    assert any(p.path == "types[1].branch" and "missing required key 'branch'" in p.message for p in e.value.problems)


def test_the_json_schema_lists_the_branches():
    item = UNIT_TYPES_SPEC.json_schema()["properties"]["types"]["items"]
    assert item["properties"]["branch"]["enum"] == list(BRANCHES)
    assert "branch" in item["required"]


def tiny():
    sc = load_scenario(TINY / "scenarios" / "tiny.yaml")
    return sc, sc.board


def test_a_counter_shows_glyph_steps_and_stack_mark():
    sc, board = tiny()
    r1 = sc.unit("r1")  # a tank battalion, 3 steps, alone in its hex
    assert counter_text([r1]) == "▭3 "
    other = copy.copy(sc.unit("r2"))
    assert counter_text([r1, other]) == "▭3+"
    b1 = sc.unit("b1")  # infantry at 2 steps of 2
    assert counter_text([b1]) == "⊠2 "
    # on the drawn board: three cells after the hex's west edge, bold, in the side's colour
    top, _ = row_pairs(board, r1.hex.r, 0, board.cols, stacks_of([r1]), {}, {})
    i = [text for text, _ in top].index("▭3 ")
    assert top[i - 1][0] in "▏┃"
    style = top[i][1]
    assert style.color.name == render.SIDE_FG[r1.side] and style.bgcolor.name == render.COUNTER_BG and style.bold
    lines = render_board(board, None, [r1])
    assert all(cell_len(line.plain) == len(line.plain) for line in lines)
    assert any("▭3 " in line.plain for line in lines)


def test_ascii_fallback_uses_the_two_letter_codes():
    sc, board = tiny()
    r1, r2 = sc.unit("r1"), sc.unit("r2")
    set_ascii(True)
    assert glyph(r1.type) == "AR"
    assert counter_text([r1]) == "AR3" and counter_text([r1, r2]) == "AR+"
    text = "\n".join(t.plain for t in render_board(board, None, [r1]))
    assert "AR3" in text and "▭" not in text
    assert "two-letter" in legend().plain and "▭" not in legend().plain


def test_the_ascii_fallback_from_the_environment(monkeypatch):
    import importlib

    monkeypatch.setenv("WARGAME_ASCII", "1")
    mod = importlib.reload(render)
    try:
        assert mod.ascii_counters()
    finally:
        monkeypatch.delenv("WARGAME_ASCII")
        importlib.reload(render)
    assert not render.ascii_counters()


def test_the_legend_explains_every_glyph():
    text = legend().plain
    for branch, g in BRANCH_GLYPH.items():
        assert f"{g} {branch.replace('_', ' ')}" in text


def _baltic():
    from wargame.data.maps import load_map

    return load_map("baltic")


def test_ascii_mode_draws_only_ascii_and_lists_the_codes():
    sc = load_scenario(TINY / "scenarios" / "tiny.yaml")
    set_ascii(True)
    lines = render_board(sc.board, units=sc.units) + [legend(width=80, types=sc.units)]
    text = "\n".join(line.plain for line in lines)
    assert text.isascii(), sorted({c for c in text if not c.isascii()})
    for u in sc.units:
        assert f"{u.type.symbol} {u.type.name}" in text  # every two-letter code is explained
    stack = [u for u in sc.units if u.hex is not None][:2]
    assert counter_text(stack)[2] == "+"  # the legend's "+ when more units share the hex"
    assert "+ when more units share the hex" in text


def test_place_names_are_drawn_in_full_under_the_hex_and_short_forms_are_unique():
    b = _baltic()
    drawn = {text for labels in render.place_labels(b).values() for _, text, _ in labels}
    for name in ("Tallinn", "Riga", "Tartu", "Vilnius"):
        assert name in drawn  # capitals and objectives in full
    short = render.short_names(b)
    assert len(set(short.values())) == len(short)  # no "Ta" for both Tallinn and Tartu
    for s, n in render.place_key(b):
        assert short[n] == s
    # a unit on Riga does not hide the name: the name is on the lower line
    riga = b.city_named("Riga")
    sc = load_scenario("incursion-2016")
    u = next(u for u in sc.units if u.hex is not None).copy()
    u.hex = riga.hex
    col, row = render.to_offset(riga.hex)
    top, bottom = row_pairs(b, row, 0, b.cols, stacks_of([u]), {}, {})
    assert "Riga" in "".join(t for t, _ in bottom) and render.counter_text([u]) in "".join(t for t, _ in top)


def test_find_place_ignores_case_and_accents_and_suggests():
    b = _baltic()
    assert render.find_place(b, "riga")[0].name == "Riga"
    assert render.find_place(b, "CESIS")[0].name == "Cēsis"
    assert render.find_place(b, "siauliai")[0].name == "Šiauliai"
    city, near = render.find_place(b, "ta")
    assert city is None and {"Tallinn", "Tartu"} <= set(near)
    assert render.find_place(b, "rgia") == (None, ["Riga"])


def test_the_legend_wraps_at_whole_items():
    for line in legend(width=60, board=_baltic()).plain.splitlines():
        assert len(line) <= 60, line
