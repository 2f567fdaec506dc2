"""The dossier lifecycle as a table (domain.md §3): who may do what, from which state, to which.

Plain Python, no Django: the services load a dossier, ask `transition_check` whether the actor
may take the action now, then write the new state and the audit event in one transaction.

Status codes are the national portal's (keep them: they are synchronised as numbers). Actions
that keep the status (forward to the next step, transfer, approve, sign, apologise...) have
`to_state=None` in the table: the dossier stays where it is and only its step or unit moves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum, StrEnum

from motcua.clock.domain.worktime import repeated_supplements
from motcua.core import transitions
from motcua.dossiers.domain.errors import TransitionNotAllowed


class Status(IntEnum):
    """Trạng thái hồ sơ, mã đồng bộ với Cổng Dịch vụ công quốc gia."""

    NEW = 1
    RECEIVED = 2
    NOT_RECEIVED = 3
    PROCESSING = 4
    SUPPLEMENT_REQUESTED = 5
    PAYMENT_REQUESTED = 6
    WITHDRAWN = 7
    STOPPED = 8
    RESOLVED = 9
    RETURNED = 10

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS: dict[Status, str] = {
    Status.NEW: "Mới đăng ký",
    Status.RECEIVED: "Được tiếp nhận",
    Status.NOT_RECEIVED: "Không được tiếp nhận",
    Status.PROCESSING: "Đang xử lý",
    Status.SUPPLEMENT_REQUESTED: "Yêu cầu bổ sung",
    Status.PAYMENT_REQUESTED: "Yêu cầu thực hiện nghĩa vụ tài chính",
    Status.WITHDRAWN: "Công dân rút hồ sơ",
    Status.STOPPED: "Dừng xử lý",
    Status.RESOLVED: "Đã xử lý xong",
    Status.RETURNED: "Đã trả kết quả",
}

# No action leads out of these.
FINAL_STATES = frozenset({Status.NOT_RECEIVED, Status.WITHDRAWN, Status.STOPPED, Status.RETURNED})
# The agency is still working on these (the clock runs, or is paused, and the dossier can be late).
# Which of them pause the clock is the table's `pauses_clock` flag: `paused_states()` below.
OPEN_STATES = frozenset(
    {Status.RECEIVED, Status.PROCESSING, Status.SUPPLEMENT_REQUESTED, Status.PAYMENT_REQUESTED}
)


class Channel(IntEnum):
    """Kênh thực hiện, mã của Cổng Dịch vụ công quốc gia."""

    COUNTER = 1
    ONLINE = 2
    POSTAL = 3

    @property
    def label(self) -> str:
        return CHANNEL_LABELS[self]


CHANNEL_LABELS: dict[Channel, str] = {
    Channel.COUNTER: "Trực tiếp",
    Channel.ONLINE: "Trực tuyến",
    Channel.POSTAL: "Bưu chính công ích",
}


class Action(StrEnum):
    RECEIVE = "receive"
    REFUSE = "refuse"
    ASSIGN = "assign"
    FORWARD = "forward"
    TRANSFER = "transfer"
    TRANSFER_RETURN = "transfer_return"
    SEND_BACK = "send_back"
    REQUEST_SUPPLEMENT = "request_supplement"
    RECEIVE_SUPPLEMENT = "receive_supplement"
    REQUEST_PAYMENT = "request_payment"
    PAYMENT_RECEIVED = "payment_received"
    APPROVE = "approve"
    SIGN = "sign"
    MARK_RESULT_READY = "mark_result_ready"
    STOP = "stop"
    WITHDRAW = "withdraw"
    APOLOGISE = "apologise"
    RETURN_RESULT = "return_result"

    @property
    def label(self) -> str:
        return TRANSITIONS[self].label


# Role codes (values of motcua.accounts.roles.Role), repeated here so the domain stays
# framework-free; tests/dossiers/test_workflow.py checks they match the Role enum.
MOT_CUA = "mot_cua"
CHUYEN_VIEN = "chuyen_vien"
LANH_DAO_PHONG = "lanh_dao_phong"
LANH_DAO_KY = "lanh_dao_ky"
BUU_CHINH = "buu_chinh"
TO_CONG_NGHE_SO = "to_cong_nghe_so"
CONG_DAN = "cong_dan"

HANDLERS = frozenset({CHUYEN_VIEN, LANH_DAO_PHONG, LANH_DAO_KY})


@dataclass(frozen=True)
class Transition:
    label: str
    sources: frozenset[Status]
    to_state: Status | None  # None: the status does not change
    roles: frozenset[str]
    reason_required: bool = False
    pauses_clock: bool = False
    resumes_clock: bool = False


def _t(label, sources, to_state, roles, **flags) -> Transition:
    return Transition(label, frozenset(sources), to_state, frozenset(roles), **flags)


S = Status
TRANSITIONS: dict[Action, Transition] = {
    # Reception (Mẫu 01). A counter or postal intake goes straight from "new" to "received";
    # an online filing waits in NEW until the desk checks it.
    Action.RECEIVE: _t("Tiếp nhận hồ sơ", {S.NEW}, S.RECEIVED, {MOT_CUA}),
    # Out of scope or ineligible (Mẫu 03): reasons are mandatory.
    Action.REFUSE: _t(
        "Từ chối tiếp nhận", {S.NEW}, S.NOT_RECEIVED, {MOT_CUA}, reason_required=True
    ),
    # The desk hands the dossier to the department; the department head (re)assigns it.
    Action.ASSIGN: _t(
        "Chuyển xử lý / phân công", {S.RECEIVED, S.PROCESSING}, S.PROCESSING,
        {MOT_CUA, LANH_DAO_PHONG},
    ),
    Action.FORWARD: _t(
        "Chuyển bước tiếp theo", {S.PROCESSING}, None, HANDLERS | {MOT_CUA}
    ),
    # Liên thông: to another department or agency, and back.
    Action.TRANSFER: _t(
        "Chuyển liên thông", {S.PROCESSING}, None, {CHUYEN_VIEN, LANH_DAO_PHONG, MOT_CUA}
    ),
    Action.TRANSFER_RETURN: _t(
        "Trả lại đơn vị chuyển liên thông", {S.PROCESSING}, None, {CHUYEN_VIEN, LANH_DAO_PHONG}
    ),
    Action.SEND_BACK: _t(
        "Trả lại bước trước", {S.PROCESSING}, None, HANDLERS, reason_required=True
    ),
    # The clock stops from the request until the complete supplement arrives (Mẫu 02).
    Action.REQUEST_SUPPLEMENT: _t(
        "Yêu cầu bổ sung hồ sơ", {S.PROCESSING}, S.SUPPLEMENT_REQUESTED,
        {CHUYEN_VIEN, LANH_DAO_PHONG, MOT_CUA}, reason_required=True, pauses_clock=True,
    ),
    Action.RECEIVE_SUPPLEMENT: _t(
        "Nhận hồ sơ bổ sung", {S.SUPPLEMENT_REQUESTED}, S.PROCESSING,
        {MOT_CUA, BUU_CHINH, CONG_DAN, TO_CONG_NGHE_SO}, resumes_clock=True,
    ),
    # (check) Whether time waiting for the citizen's financial obligation counts depends on the
    # procedure (land procedures exclude it); we pause, as for a supplement.
    Action.REQUEST_PAYMENT: _t(
        "Yêu cầu thực hiện nghĩa vụ tài chính", {S.PROCESSING}, S.PAYMENT_REQUESTED,
        {CHUYEN_VIEN, LANH_DAO_PHONG, MOT_CUA}, pauses_clock=True,
    ),
    Action.PAYMENT_RECEIVED: _t(
        "Đã thực hiện nghĩa vụ tài chính", {S.PAYMENT_REQUESTED}, S.PROCESSING,
        {MOT_CUA, BUU_CHINH, CONG_DAN}, resumes_clock=True,
    ),
    Action.APPROVE: _t("Duyệt kết quả", {S.PROCESSING}, None, {LANH_DAO_PHONG}),
    Action.SIGN: _t("Ký kết quả", {S.PROCESSING}, None, {LANH_DAO_KY}),
    Action.MARK_RESULT_READY: _t(
        "Có kết quả, chuyển Bộ phận Một cửa", {S.PROCESSING}, S.RESOLVED, HANDLERS
    ),
    Action.STOP: _t(
        "Dừng xử lý",
        {S.RECEIVED, S.PROCESSING, S.SUPPLEMENT_REQUESTED, S.PAYMENT_REQUESTED},
        S.STOPPED, HANDLERS, reason_required=True,
    ),
    # The citizen withdraws online, or the desk records the written request at the counter.
    Action.WITHDRAW: _t(
        "Công dân rút hồ sơ",
        {S.NEW, S.RECEIVED, S.PROCESSING, S.SUPPLEMENT_REQUESTED, S.PAYMENT_REQUESTED},
        S.WITHDRAWN, {CONG_DAN, MOT_CUA}, reason_required=True,
    ),
    # Mẫu 04: only before the due instant (checked by `transition_check`); the dossier stays late.
    Action.APOLOGISE: _t(
        "Xin lỗi và hẹn lại ngày trả kết quả", OPEN_STATES, None, HANDLERS | {MOT_CUA},
        reason_required=True,
    ),
    Action.RETURN_RESULT: _t("Trả kết quả", {S.RESOLVED}, S.RETURNED, {MOT_CUA, BUU_CHINH}),
}  # fmt: skip
del S


def paused_states() -> frozenset[Status]:
    """The states in which the legal clock is paused: those an action flagged `pauses_clock` in
    the table leads to — today waiting for the citizen's supplement or financial obligation
    (Decree 61/2018 art. 19 as amended; Decree 118/2025). Not late while waiting, unless it
    already was when the pause began (see `dossiers.domain.clockstate`). The flag is the rule's
    one home: the service's pause row, the clock state, the querysets and the reports all read
    it through this function, at call time."""
    return frozenset(t.to_state for t in TRANSITIONS.values() if t.pauses_clock)


def running_states() -> frozenset[Status]:
    """The legal clock runs in these: the dossier is late once its due instant has passed."""
    return OPEN_STATES - paused_states()


@dataclass(frozen=True)
class Decision(transitions.Decision):
    """What an allowed action does to the dossier."""

    # A second (or later) supplement request: allowed, but the dossier counts as late.
    marks_late: bool = False


def transition_check(
    *,
    state: Status | int,
    action: Action | str,
    roles: Iterable[str],
    reason: str = "",
    now: dt.datetime | None = None,
    due_at: dt.datetime | None = None,
    supplement_count: int = 0,
) -> Decision:
    """Return what `action` does from `state`, or raise `TransitionNotAllowed` saying why not.

    `roles` are role codes ("mot_cua", ...). `now` and `due_at` are needed for an apology, which
    is only possible before the due instant. `supplement_count` is the number of supplement
    requests already made on the dossier.
    """
    state = Status(state)
    try:
        action = Action(action)
    except ValueError:
        raise TransitionNotAllowed(f"Thao tác không hợp lệ: {action!r}.") from None
    rule = TRANSITIONS[action]
    if state not in rule.sources:
        allowed = ", ".join(s.label for s in sorted(rule.sources))
        raise TransitionNotAllowed(
            f"Không thể thực hiện “{rule.label}” khi hồ sơ ở trạng thái “{state.label}” "
            f"(chỉ thực hiện được khi hồ sơ ở trạng thái: {allowed})."
        )
    if not rule.roles & {str(r) for r in roles}:
        raise TransitionNotAllowed(
            f"Bạn không có quyền thực hiện “{rule.label}” "
            f"(vai trò được phép: {', '.join(sorted(rule.roles))})."
        )
    if rule.reason_required and not (reason or "").strip():
        raise TransitionNotAllowed(f"Thao tác “{rule.label}” bắt buộc phải ghi rõ lý do.")
    if action is Action.APOLOGISE:
        if now is None or due_at is None:
            raise TransitionNotAllowed("Hồ sơ chưa có hạn trả kết quả nên không thể xin lỗi.")
        if now >= due_at:
            raise TransitionNotAllowed(
                "Văn bản xin lỗi và hẹn lại ngày trả kết quả phải được ban hành trước thời "
                "điểm hết hạn giải quyết; hồ sơ này đã quá hạn."
            )
    marks_late = action is Action.REQUEST_SUPPLEMENT and repeated_supplements(supplement_count + 1)
    return Decision.of(action, state, rule, marks_late=marks_late)


def actions_available(*, state: Status | int, roles: Iterable[str]) -> list[Action]:
    """The actions these roles may take from `state` (before reason and deadline checks)."""
    state, roles = Status(state), {str(r) for r in roles}
    return [a for a, rule in TRANSITIONS.items() if state in rule.sources and rule.roles & roles]
