"""The dossier policy (`domain/policy.py`) as tables: pure values in, allowed or the reason
out. No database."""

import datetime as dt

import pytest
from django.utils import translation

from motcua.accounts.roles import ROLE_LABELS, Role
from motcua.dossiers.domain.policy import (
    ANONYMOUS,
    ROLE_NAMES,
    Actor,
    Refusal,
    Situation,
    Step,
    Task,
    Via,
    actions_allowed,
    decide,
    may_read,
    read_scope,
    task_decide,
)
from motcua.dossiers.domain.workflow import Action as A
from motcua.dossiers.domain.workflow import Channel
from motcua.dossiers.domain.workflow import Status as S

WARD, TP, DESK, OTHER = 10, 11, 12, 20
OWNER, HELPER, SPEC = 100, 200, 300
DUE = dt.datetime(2026, 12, 10, 8, tzinfo=dt.UTC)
BEFORE = DUE - dt.timedelta(hours=1)
STEPS = (
    Step(1, "Tiếp nhận hồ sơ", "mot_cua"),
    Step(2, "Thẩm định hồ sơ", "chuyen_vien"),
    Step(3, "Duyệt kết quả", "lanh_dao_phong"),
    Step(4, "Ký kết quả", "lanh_dao_ky"),
    Step(5, "Trả kết quả", "mot_cua"),
)


def situation(status=S.PROCESSING, step=2, **kw):
    base = dict(
        code="H01-1",
        status=status,
        channel=Channel.COUNTER,
        unit_id=DESK,
        current_unit_id=TP,
        applicant_user_id=OWNER,
        assisted_by_id=None,
        assignee_id=SPEC,
        current_step=step,
        steps=STEPS,
        due_at=DUE,
    )
    base.update(kw)
    return Situation(**base)


def actor(role, units=(WARD, TP, DESK), id=1):
    return Actor(id=id, roles=frozenset({role}), unit_ids=frozenset(units))


OFFICER_OTHER_WARD = ("mot_cua", (OTHER,))
CITIZEN = Actor(id=OWNER, roles=frozenset({"cong_dan"}), unit_ids=frozenset())
OTHER_CITIZEN = Actor(id=OWNER + 1, roles=frozenset({"cong_dan"}), unit_ids=frozenset())
HELPER_ACTOR = Actor(id=HELPER, roles=frozenset({"to_cong_nghe_so"}), unit_ids=frozenset({WARD}))


# (who, situation, action, via) → allowed?, refusal kind, a piece of the reason
CASES = [
    # Hole 2: the citizen completes no officer step, whatever the surface but their own.
    (CITIZEN, situation(S.PAYMENT_REQUESTED), A.PAYMENT_RECEIVED, Via.DESK, Refusal.ROLE),
    (CITIZEN, situation(S.PAYMENT_REQUESTED), A.PAYMENT_RECEIVED, Via.PAYMENT, None),
    (CITIZEN, situation(S.SUPPLEMENT_REQUESTED), A.RECEIVE_SUPPLEMENT, Via.DESK, Refusal.ROLE),
    (CITIZEN, situation(S.SUPPLEMENT_REQUESTED), A.RECEIVE_SUPPLEMENT, Via.PORTAL, None),
    (OTHER_CITIZEN, situation(S.SUPPLEMENT_REQUESTED), A.RECEIVE_SUPPLEMENT, Via.PORTAL, "scope"),
    (CITIZEN, situation(S.PROCESSING), A.WITHDRAW, Via.DESK, None),
    (OTHER_CITIZEN, situation(S.PROCESSING), A.WITHDRAW, Via.DESK, Refusal.SCOPE),
    (CITIZEN, situation(S.PROCESSING), A.FORWARD, Via.DESK, Refusal.ROLE),
    # Hole 3: a step naming a role is that role's; nobody marks the result ready past it.
    (actor("chuyen_vien"), situation(step=4), A.MARK_RESULT_READY, Via.DESK, Refusal.ROLE),
    (actor("chuyen_vien"), situation(step=4), A.FORWARD, Via.DESK, Refusal.ROLE),
    (actor("lanh_dao_ky"), situation(step=4), A.SIGN, Via.DESK, None),
    (actor("lanh_dao_ky"), situation(step=4), A.MARK_RESULT_READY, Via.DESK, None),
    (actor("chuyen_vien"), situation(step=5), A.MARK_RESULT_READY, Via.DESK, None),
    (actor("chuyen_vien"), situation(step=2), A.MARK_RESULT_READY, Via.DESK, Refusal.SITUATION),
    (actor("lanh_dao_phong"), situation(step=2), A.APPROVE, Via.DESK, Refusal.ROLE),
    (actor("chuyen_vien"), situation(step=2), A.SEND_BACK, Via.DESK, Refusal.SITUATION),
    (actor("lanh_dao_phong"), situation(step=3), A.SEND_BACK, Via.DESK, None),
    # Hole 4: the digital team supports what they filed, on the portal only.
    (HELPER_ACTOR, situation(S.SUPPLEMENT_REQUESTED), A.RECEIVE_SUPPLEMENT, Via.DESK, "scope"),
    (
        HELPER_ACTOR,
        situation(S.SUPPLEMENT_REQUESTED, assisted_by_id=HELPER),
        A.RECEIVE_SUPPLEMENT,
        Via.DESK,
        Refusal.ROLE,
    ),
    (
        HELPER_ACTOR,
        situation(S.SUPPLEMENT_REQUESTED, assisted_by_id=HELPER),
        A.RECEIVE_SUPPLEMENT,
        Via.PORTAL,
        None,
    ),
    # Hole 5: reassignment in processing is the department head's.
    (actor("mot_cua"), situation(S.PROCESSING), A.ASSIGN, Via.DESK, Refusal.ROLE),
    (actor("lanh_dao_phong"), situation(S.PROCESSING), A.ASSIGN, Via.DESK, None),
    (actor("mot_cua"), situation(S.RECEIVED, step=1), A.ASSIGN, Via.DESK, None),
    (actor("lanh_dao_phong"), situation(S.RECEIVED, step=1), A.ASSIGN, Via.DESK, Refusal.ROLE),
    # Units: handling where the dossier is; the desk also where it was received.
    (actor(*OFFICER_OTHER_WARD), situation(S.PROCESSING), A.APOLOGISE, Via.DESK, Refusal.SCOPE),
    (actor("chuyen_vien", units=(OTHER,)), situation(), A.FORWARD, Via.DESK, Refusal.SCOPE),
    (actor("mot_cua", units=(DESK,)), situation(), A.APOLOGISE, Via.DESK, None),
    (actor("mot_cua", units=(DESK,)), situation(), A.REQUEST_SUPPLEMENT, Via.DESK, "scope"),
    (Actor(id=9, roles=frozenset({"mot_cua"}), unit_ids=None), situation(), A.STOP, Via.DESK,
     "role"),
    # The post: only what it carries.
    (actor("buu_chinh"), situation(S.RESOLVED, step=5), A.RETURN_RESULT, Via.DESK, "scope"),
    (
        actor("buu_chinh"),
        situation(S.RESOLVED, step=5, result_delivery="post"),
        A.RETURN_RESULT,
        Via.DESK,
        None,
    ),
    (
        actor("buu_chinh"),
        situation(S.SUPPLEMENT_REQUESTED, channel=Channel.POSTAL),
        A.RECEIVE_SUPPLEMENT,
        Via.DESK,
        None,
    ),
    # The apology: before the due instant, once.
    (actor("mot_cua"), situation(apologised=True), A.APOLOGISE, Via.DESK, Refusal.SITUATION),
    (actor("mot_cua"), situation(due_at=None), A.APOLOGISE, Via.DESK, Refusal.SITUATION),
    # Status first, whoever asks.
    (actor("mot_cua"), situation(S.RETURNED), A.RETURN_RESULT, Via.DESK, Refusal.STATE),
    (ANONYMOUS, situation(), A.FORWARD, Via.DESK, Refusal.ROLE),
    (actor("giam_sat"), situation(), A.FORWARD, Via.DESK, Refusal.ROLE),
    (actor("chuyen_vien"), situation(transfer_pending=True), A.MARK_RESULT_READY, Via.DESK,
     "situation"),
    (actor("chuyen_vien"), situation(), A.TRANSFER_RETURN, Via.DESK, Refusal.SITUATION),
]  # fmt: skip


@pytest.mark.parametrize(("who", "where", "action", "via", "refusal"), CASES)
def test_policy_table(who, where, action, via, refusal):
    verdict = decide(who, where, action, via=via, now=BEFORE)
    if refusal is None:
        assert verdict.allowed, verdict.reason
        assert verdict.reason == ""
    else:
        assert not verdict.allowed
        assert verdict.refusal == Refusal(refusal)
        assert verdict.reason  # always a Vietnamese reason


def test_apology_at_the_due_instant_is_refused():
    verdict = decide(actor("mot_cua"), situation(), A.APOLOGISE, now=DUE)
    assert not verdict and "trước thời điểm hết hạn" in verdict.reason


def test_status_is_checked_before_anything_else():
    """Why the matrix walks a state-refused action with one actor only."""
    for who in (ANONYMOUS, CITIZEN, OTHER_CITIZEN, HELPER_ACTOR, actor("mot_cua", (OTHER,))):
        verdict = decide(who, situation(S.RETURNED), A.RECEIVE)
        assert verdict.refusal in (Refusal.STATE, Refusal.ROLE)
        if who is not ANONYMOUS:
            assert verdict.refusal is Refusal.STATE


def test_actions_allowed_is_decide_over_the_table():
    s = situation(step=2)
    allowed = actions_allowed(actor("chuyen_vien"), s, now=BEFORE)
    assert A.FORWARD in allowed and A.MARK_RESULT_READY not in allowed
    assert A.APPROVE not in allowed and A.ASSIGN not in allowed
    assert actions_allowed(actor("giam_sat"), s, now=BEFORE) == []


READS = [
    (ANONYMOUS, situation(), False),
    (CITIZEN, situation(), True),
    (OTHER_CITIZEN, situation(), False),
    (HELPER_ACTOR, situation(), False),  # filed alone: not the digital team's (hole 4)
    (HELPER_ACTOR, situation(assisted_by_id=HELPER), True),
    (actor("chuyen_vien"), situation(), True),
    (actor("chuyen_vien", (OTHER,)), situation(), False),
    (actor("giam_sat", (OTHER,)), situation(), False),
    (actor("giam_sat"), situation(), True),
    (actor("buu_chinh"), situation(), False),  # counter dossier, result at the counter
    (actor("buu_chinh"), situation(channel=Channel.POSTAL), True),
    (actor("buu_chinh"), situation(result_delivery="post"), True),
    (actor("buu_chinh", (OTHER,)), situation(channel=Channel.POSTAL), False),
    (Actor(id=1, roles=frozenset({"quan_tri"}), unit_ids=None), situation(), True),
    (actor("mot_cua", (OTHER,)), situation(current_unit_id=OTHER), True),  # transferred in
]


@pytest.mark.parametrize(("who", "where", "readable"), READS)
def test_read_scope_table(who, where, readable):
    assert may_read(who, where) is readable


def test_read_scope_terms():
    assert read_scope(ANONYMOUS).nothing
    assert read_scope(HELPER_ACTOR).assisted_id == HELPER
    assert read_scope(HELPER_ACTOR).unit_ids == frozenset()
    assert read_scope(actor("buu_chinh")).postal_unit_ids == {WARD, TP, DESK}


def test_role_names_are_the_role_labels():
    with translation.override("vi"):
        assert ROLE_NAMES == {r.value: str(ROLE_LABELS[r]) for r in Role}


# The dossier page's two desk cards ask the same policy as the services (views_desk).
TASKS = [
    # who, where, task, refusal (None: allowed)
    ("mot_cua", situation(S.RESOLVED, 5), Task.RESULT_ATTACH, None),
    ("chuyen_vien", situation(), Task.RESULT_ATTACH, None),
    ("cong_dan", situation(S.RESOLVED, 5), Task.RESULT_ATTACH, Refusal.ROLE),
    ("mot_cua", situation(S.RETURNED, 5), Task.RESULT_ATTACH, Refusal.STATE),
    (
        "mot_cua",
        situation(S.RESOLVED, 5, unit_id=OTHER, current_unit_id=OTHER),
        Task.RESULT_ATTACH,
        Refusal.SCOPE,
    ),  # fmt: skip
    ("mot_cua", situation(S.PAYMENT_REQUESTED), Task.COUNTER_CASH, None),
    ("chuyen_vien", situation(S.PAYMENT_REQUESTED), Task.COUNTER_CASH, Refusal.ROLE),
    ("mot_cua", situation(S.PROCESSING), Task.COUNTER_CASH, Refusal.STATE),
    (
        "mot_cua",
        situation(S.PAYMENT_REQUESTED, unit_id=OTHER, current_unit_id=OTHER),
        Task.COUNTER_CASH,
        Refusal.SCOPE,
    ),  # fmt: skip
]


@pytest.mark.parametrize(("who", "where", "task", "refusal"), TASKS)
def test_desk_tasks_table(who, where, task, refusal):
    verdict = task_decide(actor(who), where, task)
    assert verdict.allowed is (refusal is None)
    assert verdict.refusal == refusal
    assert bool(verdict.reason) is (refusal is not None)


def test_desk_tasks_need_a_signed_in_actor():
    verdict = task_decide(ANONYMOUS, situation(S.RESOLVED, 5), Task.RESULT_ATTACH)
    assert not verdict and verdict.refusal is Refusal.ROLE
