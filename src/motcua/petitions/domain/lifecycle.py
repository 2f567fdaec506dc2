"""The lifecycle of a feedback or petition (phản ánh, kiến nghị) as a transitions table.

Plain Python: the services ask `transition_check` whether an action is possible from the
petition's state, then write the new state and the audit event in one transaction. Who may
take the action is asked of `policy.py`, not of this table.

received → classified: in scope / forwarded to the competent agency / refused with reason →
more information requested (the answer clock pauses) → answered → answer published → the
citizen agrees or disagrees; a disagreement may be reopened (back in scope, new answer clock).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from motcua.core import transitions


def gettext_noop(text: str) -> str:
    """Marks a label for the translation catalogue (makemessages extracts this keyword)
    without importing Django; pages translate the label when they show it."""
    return text


class PetitionError(ValueError):
    """A refused write; `str(error)` is a Vietnamese sentence for the user."""


class TransitionNotAllowed(PetitionError):
    pass


class Status(StrEnum):
    RECEIVED = "received"
    IN_SCOPE = "in_scope"
    FORWARDED = "forwarded"
    REFUSED = "refused"
    INFO_REQUESTED = "info_requested"
    ANSWERED = "answered"
    PUBLISHED = "published"
    AGREED = "agreed"
    DISAGREED = "disagreed"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS: dict[Status, str] = {
    Status.RECEIVED: gettext_noop("Mới tiếp nhận"),
    Status.IN_SCOPE: gettext_noop("Đang xử lý"),
    Status.FORWARDED: gettext_noop("Đã chuyển cơ quan có thẩm quyền"),
    Status.REFUSED: gettext_noop("Từ chối tiếp nhận"),
    Status.INFO_REQUESTED: gettext_noop("Chờ bổ sung thông tin"),
    Status.ANSWERED: gettext_noop("Đã trả lời"),
    Status.PUBLISHED: gettext_noop("Đã công khai trả lời"),
    Status.AGREED: gettext_noop("Người gửi đồng ý với trả lời"),
    Status.DISAGREED: gettext_noop("Người gửi không đồng ý với trả lời"),
}

# The agency still owes the citizen something in these (Open311 status "open").
OPEN_STATES = frozenset({Status.RECEIVED, Status.IN_SCOPE, Status.INFO_REQUESTED, Status.DISAGREED})
# Answered states: the answer exists (answered, published, and the citizen's verdicts).
ANSWERED_STATES = frozenset({Status.ANSWERED, Status.PUBLISHED, Status.AGREED, Status.DISAGREED})


class Action(StrEnum):
    ACCEPT = "accept"  # classified: within the agency's competence
    FORWARD = "forward"  # classified: outside it, sent to the competent agency
    REFUSE = "refuse"  # classified: not a petition on regulations (complaint, denunciation...)
    REQUEST_INFO = "request_info"
    INFO_RECEIVED = "info_received"
    ANSWER = "answer"
    PUBLISH = "publish"
    AGREE = "agree"
    DISAGREE = "disagree"
    REOPEN = "reopen"

    @property
    def label(self) -> str:
        return TRANSITIONS[self].label


@dataclass(frozen=True)
class Transition:
    label: str
    sources: frozenset[Status]
    to_state: Status
    reason_required: bool = False
    pauses_clock: bool = False
    resumes_clock: bool = False
    restarts_clock: bool = False


def _t(label, sources, to_state, **flags) -> Transition:
    return Transition(label, frozenset(sources), to_state, **flags)


S = Status
TRANSITIONS: dict[Action, Transition] = {
    Action.ACCEPT: _t(
        gettext_noop("Phân loại: thuộc thẩm quyền xử lý"), {S.RECEIVED}, S.IN_SCOPE
    ),
    Action.FORWARD: _t(
        gettext_noop("Chuyển cơ quan có thẩm quyền"), {S.RECEIVED}, S.FORWARDED,
        reason_required=True,
    ),
    Action.REFUSE: _t(
        gettext_noop("Từ chối tiếp nhận"), {S.RECEIVED}, S.REFUSED, reason_required=True
    ),
    Action.REQUEST_INFO: _t(
        gettext_noop("Đề nghị bổ sung thông tin"), {S.IN_SCOPE}, S.INFO_REQUESTED,
        reason_required=True, pauses_clock=True,
    ),
    Action.INFO_RECEIVED: _t(
        gettext_noop("Nhận thông tin bổ sung"), {S.INFO_REQUESTED}, S.IN_SCOPE,
        reason_required=True, resumes_clock=True,
    ),
    Action.ANSWER: _t(gettext_noop("Trả lời"), {S.IN_SCOPE}, S.ANSWERED, reason_required=True),
    Action.PUBLISH: _t(gettext_noop("Công khai trả lời"), {S.ANSWERED}, S.PUBLISHED),
    Action.AGREE: _t(gettext_noop("Đồng ý với trả lời"), {S.ANSWERED, S.PUBLISHED}, S.AGREED),
    Action.DISAGREE: _t(
        gettext_noop("Không đồng ý với trả lời"), {S.ANSWERED, S.PUBLISHED}, S.DISAGREED,
        reason_required=True,
    ),
    Action.REOPEN: _t(
        gettext_noop("Xử lý lại"), {S.DISAGREED}, S.IN_SCOPE,
        reason_required=True, restarts_clock=True,
    ),
}  # fmt: skip
del S

# What the reason field means for each action (shown as the form's label).
REASON_LABELS: dict[Action, str] = {
    Action.FORWARD: gettext_noop("Cơ quan có thẩm quyền và lý do chuyển"),
    Action.REFUSE: gettext_noop("Lý do từ chối"),
    Action.REQUEST_INFO: gettext_noop("Thông tin cần bổ sung"),
    Action.INFO_RECEIVED: gettext_noop("Thông tin đã bổ sung"),
    Action.ANSWER: gettext_noop("Nội dung trả lời"),
    Action.DISAGREE: gettext_noop("Lý do không đồng ý"),
    Action.REOPEN: gettext_noop("Lý do xử lý lại"),
    Action.PUBLISH: gettext_noop(
        "Nội dung công khai của phản ánh, kiến nghị (không bắt buộc; để trống thì công khai "
        "nội dung gốc đã che thông tin cá nhân)"
    ),
}


@dataclass(frozen=True)
class Decision(transitions.Decision):
    restarts_clock: bool


def transition_check(*, state: Status | str, action: Action | str, reason: str = "") -> Decision:
    """What `action` does from `state`, or `TransitionNotAllowed` saying why not (Vietnamese)."""
    try:
        action = Action(action)
    except ValueError:
        raise TransitionNotAllowed(f"Thao tác không hợp lệ: {action!r}.") from None
    state = Status(state)
    rule = TRANSITIONS[action]
    if state not in rule.sources:
        allowed = ", ".join(s.label for s in Status if s in rule.sources)
        raise TransitionNotAllowed(
            f"Không thể “{rule.label}” khi phản ánh, kiến nghị ở trạng thái “{state.label}” "
            f"(chỉ thực hiện được ở trạng thái: {allowed})."
        )
    if rule.reason_required and not (reason or "").strip():
        raise TransitionNotAllowed(
            f"Thao tác “{rule.label}” cần ghi rõ: {REASON_LABELS[action].lower()}."
        )
    return Decision.of(action, state, rule, restarts_clock=rule.restarts_clock)


def actions_from(state: Status | str) -> list[Action]:
    state = Status(state)
    return [a for a, rule in TRANSITIONS.items() if state in rule.sources]


def is_open(state: Status | str) -> bool:
    return Status(state) in OPEN_STATES
