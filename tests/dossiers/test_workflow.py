"""The transition table, row by row: every allowed (state, action, role) and forbidden pairs."""

import datetime as dt

import pytest

from motcua.accounts.roles import Role
from motcua.dossiers.domain import workflow as wf
from motcua.dossiers.domain.errors import TransitionNotAllowed
from motcua.dossiers.domain.workflow import Action, Channel, Status, transition_check

S, A = Status, Action
ALL_ROLES = [r.value for r in Role]

# (action, from-state, role, expected to-state) — the whole table written out by hand, so a
# change to workflow.TRANSITIONS must be made twice, on purpose.
ALLOWED = [
    (A.RECEIVE, S.NEW, "mot_cua", S.RECEIVED),
    (A.REFUSE, S.NEW, "mot_cua", S.NOT_RECEIVED),
    (A.ASSIGN, S.RECEIVED, "mot_cua", S.PROCESSING),
    (A.ASSIGN, S.RECEIVED, "lanh_dao_phong", S.PROCESSING),
    (A.ASSIGN, S.PROCESSING, "mot_cua", S.PROCESSING),
    (A.ASSIGN, S.PROCESSING, "lanh_dao_phong", S.PROCESSING),
    (A.FORWARD, S.PROCESSING, "chuyen_vien", S.PROCESSING),
    (A.FORWARD, S.PROCESSING, "lanh_dao_phong", S.PROCESSING),
    (A.FORWARD, S.PROCESSING, "lanh_dao_ky", S.PROCESSING),
    (A.FORWARD, S.PROCESSING, "mot_cua", S.PROCESSING),
    (A.TRANSFER, S.PROCESSING, "chuyen_vien", S.PROCESSING),
    (A.TRANSFER, S.PROCESSING, "lanh_dao_phong", S.PROCESSING),
    (A.TRANSFER, S.PROCESSING, "mot_cua", S.PROCESSING),
    (A.TRANSFER_RETURN, S.PROCESSING, "chuyen_vien", S.PROCESSING),
    (A.TRANSFER_RETURN, S.PROCESSING, "lanh_dao_phong", S.PROCESSING),
    (A.SEND_BACK, S.PROCESSING, "chuyen_vien", S.PROCESSING),
    (A.SEND_BACK, S.PROCESSING, "lanh_dao_phong", S.PROCESSING),
    (A.SEND_BACK, S.PROCESSING, "lanh_dao_ky", S.PROCESSING),
    (A.REQUEST_SUPPLEMENT, S.PROCESSING, "chuyen_vien", S.SUPPLEMENT_REQUESTED),
    (A.REQUEST_SUPPLEMENT, S.PROCESSING, "lanh_dao_phong", S.SUPPLEMENT_REQUESTED),
    (A.REQUEST_SUPPLEMENT, S.PROCESSING, "mot_cua", S.SUPPLEMENT_REQUESTED),
    (A.RECEIVE_SUPPLEMENT, S.SUPPLEMENT_REQUESTED, "mot_cua", S.PROCESSING),
    (A.RECEIVE_SUPPLEMENT, S.SUPPLEMENT_REQUESTED, "buu_chinh", S.PROCESSING),
    (A.RECEIVE_SUPPLEMENT, S.SUPPLEMENT_REQUESTED, "cong_dan", S.PROCESSING),
    (A.RECEIVE_SUPPLEMENT, S.SUPPLEMENT_REQUESTED, "to_cong_nghe_so", S.PROCESSING),
    (A.REQUEST_PAYMENT, S.PROCESSING, "chuyen_vien", S.PAYMENT_REQUESTED),
    (A.REQUEST_PAYMENT, S.PROCESSING, "lanh_dao_phong", S.PAYMENT_REQUESTED),
    (A.REQUEST_PAYMENT, S.PROCESSING, "mot_cua", S.PAYMENT_REQUESTED),
    (A.PAYMENT_RECEIVED, S.PAYMENT_REQUESTED, "mot_cua", S.PROCESSING),
    (A.PAYMENT_RECEIVED, S.PAYMENT_REQUESTED, "buu_chinh", S.PROCESSING),
    (A.PAYMENT_RECEIVED, S.PAYMENT_REQUESTED, "cong_dan", S.PROCESSING),
    (A.APPROVE, S.PROCESSING, "lanh_dao_phong", S.PROCESSING),
    (A.SIGN, S.PROCESSING, "lanh_dao_ky", S.PROCESSING),
    (A.MARK_RESULT_READY, S.PROCESSING, "chuyen_vien", S.RESOLVED),
    (A.MARK_RESULT_READY, S.PROCESSING, "lanh_dao_phong", S.RESOLVED),
    (A.MARK_RESULT_READY, S.PROCESSING, "lanh_dao_ky", S.RESOLVED),
    *[
        (A.STOP, state, role, S.STOPPED)
        for state in (S.RECEIVED, S.PROCESSING, S.SUPPLEMENT_REQUESTED, S.PAYMENT_REQUESTED)
        for role in ("chuyen_vien", "lanh_dao_phong", "lanh_dao_ky")
    ],
    *[
        (A.WITHDRAW, state, role, S.WITHDRAWN)
        for state in (
            S.NEW,
            S.RECEIVED,
            S.PROCESSING,
            S.SUPPLEMENT_REQUESTED,
            S.PAYMENT_REQUESTED,
        )
        for role in ("cong_dan", "mot_cua")
    ],
    *[
        (A.APOLOGISE, state, role, state)
        for state in (S.RECEIVED, S.PROCESSING, S.SUPPLEMENT_REQUESTED, S.PAYMENT_REQUESTED)
        for role in ("chuyen_vien", "lanh_dao_phong", "lanh_dao_ky", "mot_cua")
    ],
    (A.RETURN_RESULT, S.RESOLVED, "mot_cua", S.RETURNED),
    (A.RETURN_RESULT, S.RESOLVED, "buu_chinh", S.RETURNED),
]

NOW = dt.datetime(2025, 3, 3, 9, 0)
LATER = NOW + dt.timedelta(days=3)


def _check(action, state, roles, **kw):
    kw.setdefault("reason", "Lý do")
    if action is A.APOLOGISE:
        kw.setdefault("now", NOW)
        kw.setdefault("due_at", LATER)
    return transition_check(state=state, action=action, roles=roles, **kw)


@pytest.mark.parametrize(("action", "state", "role", "to_state"), ALLOWED)
def test_allowed(action, state, role, to_state):
    decision = _check(action, state, [role])
    assert decision.to_state is to_state
    assert decision.from_state is state


def test_table_is_exactly_the_allowed_list():
    listed = {(a, s, r) for a, s, r, _ in ALLOWED}
    derived = {
        (a, s, r) for a, rule in wf.TRANSITIONS.items() for s in rule.sources for r in rule.roles
    }
    assert listed == derived


# Every (action, state, role) not in the table is refused: exhaustive over the product.
FORBIDDEN = [
    (a, s, r)
    for a in Action
    for s in Status
    for r in ALL_ROLES
    if (a, s, r) not in {(x, y, z) for x, y, z, _ in ALLOWED}
]


@pytest.mark.parametrize(("action", "state", "role"), FORBIDDEN)
def test_forbidden(action, state, role):
    with pytest.raises(TransitionNotAllowed):
        _check(action, state, [role])


@pytest.mark.parametrize(
    ("action", "state", "role", "fragment"),
    [
        (A.RETURN_RESULT, S.PROCESSING, "mot_cua", "khi hồ sơ ở trạng thái “Đang xử lý”"),
        (A.SIGN, S.PROCESSING, "chuyen_vien", "không có quyền thực hiện “Ký kết quả”"),
        (A.RECEIVE, S.RETURNED, "mot_cua", "“Đã trả kết quả”"),
        (A.APPROVE, S.PROCESSING, "giam_sat", "không có quyền"),
        (A.ASSIGN, S.RECEIVED, "quan_tri", "không có quyền"),
    ],
)
def test_refusal_message_is_vietnamese_and_says_why(action, state, role, fragment):
    with pytest.raises(TransitionNotAllowed) as exc:
        _check(action, state, [role])
    assert fragment in exc.value.message


@pytest.mark.parametrize(
    ("action", "state", "role"),
    [
        (A.REFUSE, S.NEW, "mot_cua"),
        (A.SEND_BACK, S.PROCESSING, "chuyen_vien"),
        (A.REQUEST_SUPPLEMENT, S.PROCESSING, "chuyen_vien"),
        (A.STOP, S.PROCESSING, "lanh_dao_phong"),
        (A.WITHDRAW, S.PROCESSING, "cong_dan"),
        (A.APOLOGISE, S.PROCESSING, "mot_cua"),
    ],
)
@pytest.mark.parametrize("reason", ["", "   "])
def test_reason_required(action, state, role, reason):
    with pytest.raises(TransitionNotAllowed, match="bắt buộc phải ghi rõ lý do"):
        _check(action, state, [role], reason=reason)


@pytest.mark.parametrize("action", [A.RECEIVE, A.FORWARD, A.APPROVE, A.RETURN_RESULT])
def test_reason_optional(action):
    rule = wf.TRANSITIONS[action]
    state = next(iter(rule.sources))
    role = next(iter(rule.roles))
    assert _check(action, state, [role], reason="").to_state is not None


def test_any_of_several_roles_is_enough():
    assert _check(A.SIGN, S.PROCESSING, ["chuyen_vien", "lanh_dao_ky"]).to_state is S.PROCESSING


def test_no_roles_no_action():
    with pytest.raises(TransitionNotAllowed):
        _check(A.RECEIVE, S.NEW, [])


def test_unknown_action():
    with pytest.raises(TransitionNotAllowed, match="không hợp lệ"):
        transition_check(state=S.NEW, action="teleport", roles=["mot_cua"])


def test_supplement_pauses_and_receiving_it_resumes():
    asked = _check(A.REQUEST_SUPPLEMENT, S.PROCESSING, ["chuyen_vien"])
    assert asked.pauses_clock and not asked.resumes_clock
    got = _check(A.RECEIVE_SUPPLEMENT, S.SUPPLEMENT_REQUESTED, ["mot_cua"])
    assert got.resumes_clock and not got.pauses_clock


@pytest.mark.parametrize(("count", "late"), [(0, False), (1, True), (2, True)])
def test_second_supplement_request_is_allowed_but_flagged(count, late):
    decision = _check(A.REQUEST_SUPPLEMENT, S.PROCESSING, ["chuyen_vien"], supplement_count=count)
    assert decision.to_state is S.SUPPLEMENT_REQUESTED
    assert decision.marks_late is late


def test_apology_before_due_instant():
    decision = _check(A.APOLOGISE, S.PROCESSING, ["mot_cua"], now=LATER - dt.timedelta(seconds=1))
    assert decision.to_state is S.PROCESSING


@pytest.mark.parametrize("now", [LATER, LATER + dt.timedelta(minutes=1)])
def test_apology_at_or_after_due_instant_is_refused(now):
    with pytest.raises(TransitionNotAllowed, match="trước thời điểm hết hạn"):
        _check(A.APOLOGISE, S.PROCESSING, ["mot_cua"], now=now)


def test_apology_needs_a_due_instant():
    with pytest.raises(TransitionNotAllowed, match="chưa có hạn"):
        _check(A.APOLOGISE, S.PROCESSING, ["mot_cua"], due_at=None)


def test_final_states_have_no_way_out():
    for state in wf.FINAL_STATES:
        assert wf.actions_available(state=state, roles=ALL_ROLES) == []


def test_actions_available_for_the_desk_on_a_resolved_dossier():
    assert wf.actions_available(state=S.RESOLVED, roles=["mot_cua"]) == [A.RETURN_RESULT]


def test_national_codes_and_labels():
    assert [s.value for s in Status] == list(range(1, 11))
    assert Status(5).label == "Yêu cầu bổ sung"
    assert Status(10).label == "Đã trả kết quả"
    assert [c.value for c in Channel] == [1, 2, 3]
    assert Channel.POSTAL.label == "Bưu chính công ích"


def test_role_codes_match_the_accounts_roles():
    values = {r.value for r in Role}
    for rule in wf.TRANSITIONS.values():
        assert rule.roles <= values
    # Supervisors and administrators read; they never move a dossier.
    assert not any({"giam_sat", "quan_tri"} & rule.roles for rule in wf.TRANSITIONS.values())
