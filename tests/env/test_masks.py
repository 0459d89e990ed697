"""The mask is exactly what the game allows (through the side's own view), kept right action by action."""

import numpy as np
import pytest

from wargame.bots.base import Oracle
from wargame.env import END, Session

from .conftest import random_actions


def movement_rows_from_scratch(ses: Session) -> dict[int, set[int]]:
    """Each unit slot's legal actions, computed afresh from Game.reachable (staged moves counted)."""
    g, lay = ses.game, ses.layout
    side = g.active_side
    oracle = Oracle(g, side)
    out = {}
    for uid in lay.spec.slots[side.value]:
        if uid not in g.state.pos:
            continue
        frm = g.state.pos[uid]
        s = lay.slot_of[uid]
        acts = {lay.unit_action(s, lay.offset(frm, g.index.idx[h])) for h in oracle.reachable(uid)}
        if acts:
            out[s] = acts
    return out


def movement_rows_of_mask(ses: Session) -> dict[int, set[int]]:
    lay = ses.layout
    m = ses.mask(ses.active)
    out: dict[int, set[int]] = {}
    for a in np.flatnonzero(m[2:lay.hex0]) + 2:
        out.setdefault((a - 2) // lay.K, set()).add(int(a))
    return out


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_incremental_movement_mask_equals_a_fresh_one(tiny_scenario, seed):
    ses = Session(tiny_scenario)
    ses.reset(seed)
    rng = np.random.default_rng(seed)
    checked = 0
    while not ses.game.over:
        if ses.game.phase == "movement":
            assert movement_rows_of_mask(ses) == movement_rows_from_scratch(ses)
            checked += 1
        random_actions(ses, rng, 1)
    assert checked > 5


def test_incremental_mask_on_the_real_board():
    ses = Session("incursion-2016")
    ses.reset(5)
    rng = np.random.default_rng(5)
    while ses.game.phase != "movement":
        random_actions(ses, rng, 1)
    for _ in range(25):  # stacking fills hexes as units move in
        assert movement_rows_of_mask(ses) == movement_rows_from_scratch(ses)
        m = ses.mask(ses.active).copy()
        m[END] = 0
        if not m.any():
            break
        assert ses.step(int(rng.choice(np.flatnonzero(m)))) is None


@pytest.mark.parametrize("seed", range(6))
def test_every_masked_action_is_accepted_and_phases_end(tiny_scenario, seed):
    """Whole random episodes: the game never refuses a masked order (Session raises if it does) and
    every committed phase's orders pass the game's checks (no OrderRejected)."""
    ses = Session(tiny_scenario)
    ses.reset(seed)
    random_actions(ses, np.random.default_rng(seed), 10_000)
    assert ses.game.over
    assert not [e for e in ses.game.events if type(e).__name__ == "OrderRejected"]
    kinds = {o["kind"] for entry in ses.game.log for o in entry["orders"]}
    assert {"move", "air"} <= kinds


def test_attacks_are_planned_and_carried_out(tiny_scenario):
    seen_attack = False
    for seed in range(6):
        ses = Session(tiny_scenario)
        ses.reset(seed)
        random_actions(ses, np.random.default_rng(100 + seed), 10_000)
        seen_attack |= any(o["kind"] == "attack" for e in ses.game.log for o in e["orders"])
    assert seen_attack


def test_an_illegal_action_changes_nothing(tiny_scenario):
    ses = Session(tiny_scenario)
    ses.reset(1)
    m = ses.mask(ses.active)
    bad = int(np.flatnonzero(m == 0)[-1])
    before = (ses.game.events_digest(), m.copy(), ses.game.staged)
    why = ses.step(bad)
    assert why and "not legal" in why
    assert (ses.game.events_digest(), ses.game.staged) == (before[0], before[2])
    assert np.array_equal(ses.mask(ses.active), before[1])
    assert ses.step(ses.layout.n + 5) is not None


def test_the_other_side_has_no_legal_action(tiny_scenario):
    ses = Session(tiny_scenario)
    ses.reset(1)
    assert not ses.mask(ses.active.other).any() and ses.mask(ses.active)[END] == 1


def test_masks_and_observations_ignore_what_the_side_cannot_see(tiny_scenario):
    """Moving an enemy unit the side does not see, to another hex it does not see, changes neither
    the side's observation nor its mask (fog of war holds in the env)."""
    from wargame.rules.fog import coverage

    found = False
    for seed in range(8):
        ses = Session(tiny_scenario)
        ses.reset(seed)
        rng = np.random.default_rng(seed)
        for _ in range(200):
            if ses.game.over:
                break
            g = ses.game
            side = g.active_side
            seen = coverage(g.position, side)
            hidden = [
                u
                for u in g.units.values()
                if u.side is not side and u.id in g.state.pos and g.state.pos[u.id] not in seen
            ]
            spots = [
                i for i in range(g.index.n) if g.allowed_mask[side.other][i] and i not in seen and i not in g.state.at
            ]
            if hidden and spots and not ses.planner.orders:
                obs, mask = ses.observe(side), ses.mask(side).copy()
                other = ses.clone()
                other.game.place(other.game.units[hidden[0].id], spots[-1])
                other._new_phase()
                o2 = other.observe(side)
                assert all(np.array_equal(obs[k], o2[k]) for k in obs)
                assert np.array_equal(mask, other.mask(side))
                found = True
                break
            random_actions(ses, rng, 1)
        if found:
            break
    assert found
