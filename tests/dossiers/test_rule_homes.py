"""Where a rule has two faces, a test ties them so that changing one place and forgetting the
other fails here (README, "Where each rule lives")."""

from motcua.dossiers.domain.workflow import (
    FINAL_STATES,
    OPEN_STATES,
    STATUS_LABELS,
    TRANSITIONS,
    Status,
    paused_states,
    running_states,
)

PAUSED_STATES = paused_states()
RUNNING_STATES = running_states()


def test_the_paused_states_are_the_states_a_pausing_action_leads_to():
    # The pause rule: `pauses_clock` on an action of the table (the service opens a pause row);
    # the paused states are read from it (tests/dossiers/test_one_place_change.py flips it).
    assert PAUSED_STATES == {Status.SUPPLEMENT_REQUESTED, Status.PAYMENT_REQUESTED}
    assert PAUSED_STATES <= OPEN_STATES and RUNNING_STATES == OPEN_STATES - PAUSED_STATES
    # ... and leaving a paused state by the table always resumes the clock.
    for t in TRANSITIONS.values():
        if t.sources <= PAUSED_STATES and t.to_state not in PAUSED_STATES:
            assert t.resumes_clock or t.to_state in FINAL_STATES, t.label


def test_every_status_has_a_label_and_a_clock():
    # Adding a status: its label, and whether the clock runs, pauses, or it is final or not yet
    # received (NEW) / resolved (RESOLVED: the clock stopped, the result not yet handed over).
    assert set(STATUS_LABELS) == set(Status)
    classified = RUNNING_STATES | PAUSED_STATES | FINAL_STATES | {Status.NEW, Status.RESOLVED}
    assert classified == set(Status)
    assert (
        not RUNNING_STATES & PAUSED_STATES and not (RUNNING_STATES | PAUSED_STATES) & FINAL_STATES
    )


def test_every_status_is_reachable_from_new():
    reached, frontier = {Status.NEW}, [Status.NEW]
    while frontier:
        state = frontier.pop()
        for t in TRANSITIONS.values():
            if state in t.sources and t.to_state is not None and t.to_state not in reached:
                reached.add(t.to_state)
                frontier.append(t.to_state)
    assert reached == set(Status)
