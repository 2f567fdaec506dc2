"""Who may act on a feedback or petition: one pure function per question.

Inputs are plain facts the caller gathers (the actor's role codes, whether the petition's unit
is in the actor's unit scope, whether the actor is the person who sent it); the answer is a
`Verdict`: allowed, or the Vietnamese reason why not. No Django here; the services and views
ask these functions and nothing else decides access.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from motcua.petitions.domain.lifecycle import Action

# Role codes (values of motcua.accounts.roles.Role), repeated so the domain stays framework-free;
# tests/petitions/test_policy.py checks they match the Role enum.
MOT_CUA = "mot_cua"
CHUYEN_VIEN = "chuyen_vien"
LANH_DAO_PHONG = "lanh_dao_phong"
LANH_DAO_KY = "lanh_dao_ky"
GIAM_SAT = "giam_sat"
QUAN_TRI = "quan_tri"
CONG_DAN = "cong_dan"

# The officers who take in petitions from letters, calls, the hotline and survey forms.
INTAKE_ROLES = frozenset({MOT_CUA, CHUYEN_VIEN})
# The officers who handle them. Publishing an answer is a leader's decision.
HANDLING_ROLES: dict[Action, frozenset[str]] = {
    Action.ACCEPT: frozenset({MOT_CUA, CHUYEN_VIEN, LANH_DAO_PHONG}),
    Action.FORWARD: frozenset({MOT_CUA, CHUYEN_VIEN, LANH_DAO_PHONG}),
    Action.REFUSE: frozenset({MOT_CUA, CHUYEN_VIEN, LANH_DAO_PHONG}),
    Action.REQUEST_INFO: frozenset({CHUYEN_VIEN, LANH_DAO_PHONG}),
    Action.INFO_RECEIVED: frozenset({MOT_CUA, CHUYEN_VIEN, LANH_DAO_PHONG}),
    Action.ANSWER: frozenset({CHUYEN_VIEN, LANH_DAO_PHONG, LANH_DAO_KY}),
    Action.PUBLISH: frozenset({LANH_DAO_PHONG, LANH_DAO_KY}),
    Action.REOPEN: frozenset({CHUYEN_VIEN, LANH_DAO_PHONG, LANH_DAO_KY}),
}
# What only the sender may do (signed in as the sender, or holding the code and lookup key).
SENDER_ACTIONS = frozenset({Action.AGREE, Action.DISAGREE, Action.INFO_RECEIVED})
READ_ALL_ROLES = frozenset({MOT_CUA, CHUYEN_VIEN, LANH_DAO_PHONG, LANH_DAO_KY, GIAM_SAT, QUAN_TRI})


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    reason: str = ""

    def __bool__(self) -> bool:
        return self.allowed


YES = Verdict(True)


def _no(reason: str) -> Verdict:
    return Verdict(False, reason)


def may_act(
    *,
    action: Action | str,
    roles: Iterable[str],
    in_unit: bool,
    is_sender: bool,
    anonymous: bool = False,
) -> Verdict:
    """May this actor take `action` on the petition?

    `in_unit`: the petition's handling unit is within the actor's unit scope.
    `is_sender`: the actor sent it (signed in as its author, or proved the code + lookup key).
    `anonymous`: the petition has no contact details (it can be answered for the record and
    published, but nobody can be asked for more information or give a verdict).
    """
    action = Action(action)
    roles = {str(r) for r in roles}
    if action in SENDER_ACTIONS and is_sender:
        return YES
    if action in (Action.AGREE, Action.DISAGREE):
        return _no("Chỉ người gửi phản ánh, kiến nghị mới được đánh giá câu trả lời.")
    if action is Action.REQUEST_INFO and anonymous:
        return _no(
            "Phản ánh, kiến nghị không có thông tin liên hệ nên không thể đề nghị bổ sung "
            "thông tin."
        )
    allowed_roles = HANDLING_ROLES[action]
    if not roles & allowed_roles:
        return _no(
            f"Bạn không có quyền “{action.label}” "
            f"(vai trò được phép: {', '.join(sorted(allowed_roles))})."
        )
    if not in_unit:
        return _no("Phản ánh, kiến nghị này không thuộc phạm vi đơn vị của bạn.")
    return YES


def may_intake(*, roles: Iterable[str], in_unit: bool) -> Verdict:
    """May this officer record a petition received by letter, phone, hotline or survey form
    for the unit?"""
    if not {str(r) for r in roles} & INTAKE_ROLES:
        return _no(
            "Chỉ công chức tiếp nhận hoặc chuyên viên mới được tiếp nhận phản ánh, kiến nghị."
        )
    if not in_unit:
        return _no("Đơn vị này không thuộc phạm vi đơn vị của bạn.")
    return YES


def may_read(*, roles: Iterable[str], in_unit: bool, is_sender: bool, published: bool) -> Verdict:
    """May this person read the whole petition (with the sender's personal data)?

    A published answer is public, but only as the public page shows it (no personal data);
    this question is about the full record.
    """
    if is_sender:
        return YES
    if {str(r) for r in roles} & READ_ALL_ROLES and in_unit:
        return YES
    return _no("Bạn không có quyền xem phản ánh, kiến nghị này.")
