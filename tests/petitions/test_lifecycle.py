"""The transitions table and the policy of who may act, as tables."""

import pytest

from motcua.accounts.roles import Role
from motcua.petitions.domain import policy
from motcua.petitions.domain.lifecycle import (
    Action,
    Status,
    TransitionNotAllowed,
    actions_from,
    transition_check,
)

S, A = Status, Action

# from state, action, reason, to state (None: refused)
TABLE = [
    (S.RECEIVED, A.ACCEPT, "", S.IN_SCOPE),
    (S.RECEIVED, A.FORWARD, "Sở Tư pháp", S.FORWARDED),
    (S.RECEIVED, A.FORWARD, "", None),
    (S.RECEIVED, A.REFUSE, "Là đơn khiếu nại", S.REFUSED),
    (S.RECEIVED, A.REFUSE, "  ", None),
    (S.RECEIVED, A.ANSWER, "Trả lời", None),  # must be classified first
    (S.IN_SCOPE, A.REQUEST_INFO, "Số hồ sơ?", S.INFO_REQUESTED),
    (S.INFO_REQUESTED, A.INFO_RECEIVED, "Số hồ sơ là ...", S.IN_SCOPE),
    (S.INFO_REQUESTED, A.ANSWER, "Trả lời", None),  # paused: wait for the information
    (S.IN_SCOPE, A.ANSWER, "Nội dung trả lời", S.ANSWERED),
    (S.IN_SCOPE, A.ANSWER, "", None),
    (S.ANSWERED, A.PUBLISH, "", S.PUBLISHED),
    (S.PUBLISHED, A.AGREE, "", S.AGREED),
    (S.PUBLISHED, A.DISAGREE, "Chưa rõ", S.DISAGREED),
    (S.ANSWERED, A.AGREE, "", S.AGREED),
    (S.DISAGREED, A.REOPEN, "Xem xét lại", S.IN_SCOPE),
    (S.AGREED, A.REOPEN, "Xem xét lại", None),
    (S.REFUSED, A.ACCEPT, "", None),
    (S.FORWARDED, A.ANSWER, "x", None),
]


@pytest.mark.parametrize("state, action, reason, to", TABLE)
def test_transition(state, action, reason, to):
    if to is None:
        with pytest.raises(TransitionNotAllowed):
            transition_check(state=state, action=action, reason=reason)
    else:
        assert transition_check(state=state, action=action, reason=reason).to_state == to


def test_clock_flags():
    assert transition_check(state=S.IN_SCOPE, action=A.REQUEST_INFO, reason="x").pauses_clock
    assert transition_check(
        state=S.INFO_REQUESTED, action=A.INFO_RECEIVED, reason="x"
    ).resumes_clock
    assert transition_check(state=S.DISAGREED, action=A.REOPEN, reason="x").restarts_clock


def test_refusal_messages_are_vietnamese():
    with pytest.raises(TransitionNotAllowed, match="Không thể “Trả lời” khi phản ánh"):
        transition_check(state=S.RECEIVED, action=A.ANSWER, reason="x")
    with pytest.raises(TransitionNotAllowed, match="Thao tác không hợp lệ"):
        transition_check(state=S.RECEIVED, action="xoa", reason="x")
    assert actions_from(S.RECEIVED) == [A.ACCEPT, A.FORWARD, A.REFUSE]


def test_role_codes_match_the_role_enum():
    for code in (policy.MOT_CUA, policy.CHUYEN_VIEN, policy.LANH_DAO_PHONG, policy.LANH_DAO_KY,
                 policy.GIAM_SAT, policy.QUAN_TRI, policy.CONG_DAN):  # fmt: skip
        assert Role(code)


# action, roles, in_unit, is_sender, anonymous, allowed?, words of the reason
POLICY = [
    (A.ACCEPT, {"mot_cua"}, True, False, False, True, ""),
    (A.ACCEPT, {"mot_cua"}, False, False, False, False, "không thuộc phạm vi đơn vị"),
    (A.ACCEPT, {"cong_dan"}, True, False, False, False, "không có quyền"),
    (A.ANSWER, {"chuyen_vien"}, True, False, False, True, ""),
    (A.ANSWER, {"mot_cua"}, True, False, False, False, "không có quyền"),
    (A.PUBLISH, {"chuyen_vien"}, True, False, False, False, "không có quyền"),
    (A.PUBLISH, {"lanh_dao_phong"}, True, False, False, True, ""),
    (A.REQUEST_INFO, {"chuyen_vien"}, True, False, True, False, "không có thông tin liên hệ"),
    (A.AGREE, set(), False, True, False, True, ""),
    (A.AGREE, {"lanh_dao_phong"}, True, False, False, False, "Chỉ người gửi"),
    (A.DISAGREE, {"cong_dan"}, False, False, False, False, "Chỉ người gửi"),
    (A.INFO_RECEIVED, set(), False, True, False, True, ""),
    (A.INFO_RECEIVED, {"mot_cua"}, True, False, False, True, ""),
    (A.REOPEN, {"giam_sat"}, True, False, False, False, "không có quyền"),
]


@pytest.mark.parametrize("action, roles, in_unit, sender, anonymous, allowed, words", POLICY)
def test_policy(action, roles, in_unit, sender, anonymous, allowed, words):
    verdict = policy.may_act(
        action=action, roles=roles, in_unit=in_unit, is_sender=sender, anonymous=anonymous
    )
    assert bool(verdict) is allowed
    assert words in verdict.reason


@pytest.mark.parametrize(
    "roles, in_unit, sender, published, allowed",
    [
        ({"cong_dan"}, False, True, False, True),
        ({"cong_dan"}, False, False, False, False),
        ({"cong_dan"}, False, False, True, False),  # published: only the public page's fields
        ({"chuyen_vien"}, True, False, False, True),
        ({"chuyen_vien"}, False, False, False, False),
        ({"giam_sat"}, True, False, False, True),
    ],
)
def test_read_policy(roles, in_unit, sender, published, allowed):
    assert (
        bool(policy.may_read(roles=roles, in_unit=in_unit, is_sender=sender, published=published))
        is allowed
    )


def test_intake_policy():
    assert policy.may_intake(roles={"mot_cua"}, in_unit=True)
    assert not policy.may_intake(roles={"mot_cua"}, in_unit=False)
    assert "Chỉ công chức" in policy.may_intake(roles={"cong_dan"}, in_unit=True).reason


def test_navigation_offers_the_worklist_exactly_to_those_policy_lets_read():
    from motcua.core.context_processors import NAVIGATION

    (roles,) = [allowed for _, url, allowed in NAVIGATION if url == "petitions:worklist"]
    assert {r.value for r in roles} == set(policy.READ_ALL_ROLES)
