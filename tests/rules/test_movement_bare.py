"""A search of reachable hexes taken from the bare board (wargame/rules/movement.py, `_search`) is the
search the rules make with every enemy unit, aircraft and blown bridge."""

from wargame.bots.base import Oracle
from wargame.bots.driver import make_bot
from wargame.data.scenario import load_scenario
from wargame.game import Game
from wargame.model.units import Side
from wargame.rules import movement


def test_a_search_from_the_bare_board_is_the_search_with_the_enemy():
    """`_search` answers from a bare-board search (kept with the board index) when no enemy unit,
    zone of control, interdicted hex or blown bridge touches what it reaches. At every movement phase
    of a bot game, for every unit of both sides, against the enemy it sees and the truth, it must give
    what the full search gives."""
    g = Game(load_scenario("incursion-2016"), seed=1)
    bots = {s: make_bot("operational", s, 1) for s in Side}
    pos = g.position
    st = pos.state
    bare = full = 0
    while not g.over and g.turn <= 9:
        if g.phase == "movement":
            for u in [*pos.units_of(Side.RED), *pos.units_of(Side.BLUE)]:
                for known in (True, False):
                    start = st.pos[u.id]
                    mp = movement.movement_points(pos, u)
                    zoc, at = movement.enemy_for(pos, u.side, known)
                    want = movement._spread(pos, u.type.mobility, mp, start, pos.allowed_mask[u.side], zoc, at,
                                            st.interdicted[u.side.other], st.blown)
                    got = movement._search(pos, u, start, known)
                    assert got == want
                    bare += got is pos.index.bare_reach[(u.type.mobility, mp, start, id(pos.allowed_mask[u.side]))][1]
                    full += 1
        side = g.active_side
        assert side is not None
        g.submit(side, bots[side].orders(g.view(side), Oracle(g, side)))
    assert full > 500 and 0 < bare < full  # both ways were taken
