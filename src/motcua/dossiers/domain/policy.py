"""Who may do what on a dossier: the one authority (issue 9).

Plain Python, no Django. Given an actor (roles, unit scope, who they are), a dossier's
situation (status, channel, units, owner, helper, steps, pending transfer, deadline) and an
action, `decide` answers allowed, or the Vietnamese reason why not; `may_read` / `read_scope`
answer who may see a dossier. Everything else asks these functions:

- the services (`dossiers/services.py`) call `decide` before writing and raise its refusal;
- the dossier page offers exactly the actions `decide` allows, and `dossier_action` refuses
  the others; the REST API's `actions` field and its transition endpoints ask the same;
- the selectors (page, worklists, API list, XLSX log, admin) filter with `read_scope`.

The workflow table (`workflow.TRANSITIONS`: states an action starts from, roles that may take
it) is the first layer; this module narrows it by the actor's relation to the dossier:

- officers act on dossiers of the units in their scope (the handling actions only where the
  dossier is now, `current_unit`; the desk's actions also on what its unit received);
- a step of the internal process that names a role (approve: department head; sign: signing
  leader) is done by that role only, and nobody marks the result ready past it (hole 3);
- a citizen acts on their own dossier only: withdraws it; sends a supplement through the
  portal's supplement form (with the files asked for); their payment is recorded by the
  payment gateway's verified answer. The officer surfaces (`/ho-so/`, the API) never let a
  citizen complete an officer's step (hole 2);
- a digital-team member sees and supports only the dossiers they filed for a citizen (hole 4);
- a postal clerk sees and handles only what the post carries: dossiers sent by post (channel
  3) and results delivered by post;
- a supervisor reads their area and changes nothing (no role of the table is theirs).

Legal basis: Decree 61/2018/ND-CP art. 19 (as amended by Decree 107/2021/ND-CP): the apology
with a new appointment is issued before the deadline and a new appointment is given once
(domain.md §3); Circular 01/2018/TT-VPCP, Mẫu 05 (control sheet: every step is handed over and
signed off by the person in charge of it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from motcua.dossiers.domain.apology import apology_refusal
from motcua.dossiers.domain.workflow import (
    BUU_CHINH,
    CHUYEN_VIEN,
    CONG_DAN,
    HANDLERS,
    LANH_DAO_KY,
    LANH_DAO_PHONG,
    MOT_CUA,
    TO_CONG_NGHE_SO,
    TRANSITIONS,
    Action,
    Channel,
    Status,
    actions_available,
)

GIAM_SAT = "giam_sat"
QUAN_TRI = "quan_tri"

# Role names as the refusals say them (the same words as accounts.roles.ROLE_LABELS; a test
# checks they agree).
ROLE_NAMES: dict[str, str] = {
    MOT_CUA: "Công chức tiếp nhận (Bộ phận Một cửa)",
    CHUYEN_VIEN: "Chuyên viên xử lý",
    LANH_DAO_PHONG: "Lãnh đạo phòng",
    LANH_DAO_KY: "Lãnh đạo UBND ký kết quả",
    BUU_CHINH: "Nhân viên bưu chính công ích",
    TO_CONG_NGHE_SO: "Thành viên Tổ công nghệ số cộng đồng",
    GIAM_SAT: "Giám sát (HĐND, thanh tra)",
    QUAN_TRI: "Quản trị hệ thống",
    CONG_DAN: "Công dân, tổ chức",
}

# Officers who read the dossiers received or handled in the units of their scope.
UNIT_READERS = frozenset(HANDLERS | {MOT_CUA, GIAM_SAT, QUAN_TRI})

# Actions on the work itself: only the unit holding the dossier now may take them. The other
# actions (supplement received, payment, apology, withdrawal, result) also belong to the desk
# of the receiving unit.
HANDLING_ACTIONS = frozenset(
    {
        Action.ASSIGN,
        Action.FORWARD,
        Action.TRANSFER,
        Action.TRANSFER_RETURN,
        Action.SEND_BACK,
        Action.REQUEST_SUPPLEMENT,
        Action.REQUEST_PAYMENT,
        Action.APPROVE,
        Action.SIGN,
        Action.MARK_RESULT_READY,
        Action.STOP,
    }
)

# Actions done by whoever holds the current step: a step naming a role cannot be skipped.
STEP_ACTIONS = frozenset(
    {Action.FORWARD, Action.APPROVE, Action.SIGN, Action.SEND_BACK, Action.MARK_RESULT_READY}
)

# Postal clerks act on what the post carries.
POSTAL_DOSSIER_ACTIONS = frozenset({Action.RECEIVE_SUPPLEMENT, Action.PAYMENT_RECEIVED})
POST = "post"  # Dossier.ResultDelivery.POST


class Via(StrEnum):
    """Where the request comes from."""

    DESK = "desk"  # the officer pages (/ho-so/) and the REST API (/api/v1/)
    PORTAL = "portal"  # the citizen's own dossier page on the portal (supplement with files)
    PAYMENT = "payment"  # the payment service: gateway's verified answer, counter receipt


class Refusal(StrEnum):
    """Why an action is refused; the surfaces map it to an HTTP status."""

    STATE = "state"  # not from this status (409)
    ROLE = "role"  # no role of the actor may (403)
    SCOPE = "scope"  # not this actor's dossier / unit (403)
    SITUATION = "situation"  # where the dossier stands: step, transfer, deadline (409)


@dataclass(frozen=True)
class Actor:
    id: int | None
    roles: frozenset[str]
    # The units whose dossiers the actor works on; None: every unit (superuser, central
    # administrator or supervisor).
    unit_ids: frozenset[int] | None = frozenset()
    authenticated: bool = True

    def in_scope(self, *unit_ids: int | None) -> bool:
        if self.unit_ids is None:
            return True
        return any(u in self.unit_ids for u in unit_ids if u is not None)


ANONYMOUS = Actor(id=None, roles=frozenset(), unit_ids=frozenset(), authenticated=False)


@dataclass(frozen=True)
class Step:
    order: int
    name: str
    role: str = ""


@dataclass(frozen=True)
class Situation:
    code: str
    status: Status
    channel: Channel
    unit_id: int
    current_unit_id: int
    result_delivery: str = ""
    applicant_user_id: int | None = None
    assisted_by_id: int | None = None
    assignee_id: int | None = None
    current_step: int = 0
    steps: tuple[Step, ...] = ()
    transfer_pending: bool = False
    due_at: dt.datetime | None = None
    apologised: bool = False

    @property
    def step(self) -> Step | None:
        return next((s for s in self.steps if s.order == self.current_step), None)

    @property
    def next_step(self) -> Step | None:
        return next((s for s in self.steps if s.order > self.current_step), None)

    @property
    def previous_step(self) -> Step | None:
        return next((s for s in reversed(self.steps) if s.order < self.current_step), None)

    @property
    def handler_steps_left(self) -> bool:
        """A later step of the internal process is not the desk's own (return) step."""
        return any(s.order > self.current_step and s.role != MOT_CUA for s in self.steps)


class Task(StrEnum):
    """Desk tasks on a dossier that are not workflow transitions (the dossier page's cards)."""

    RESULT_ATTACH = "result_attach"  # attach the electronic result (kết quả điện tử)
    COUNTER_CASH = "counter_cash"  # record fees paid in cash at the counter


# The electronic result is attached while the dossier is processed or resolved.
RESULT_STATES = frozenset({Status.PROCESSING, Status.RESOLVED})


@dataclass(frozen=True)
class Verdict:
    action: Action | Task
    allowed: bool
    reason: str = ""
    refusal: Refusal | None = None

    def __bool__(self) -> bool:
        return self.allowed


def _no(action: Action | Task, refusal: Refusal, reason: str) -> Verdict:
    return Verdict(action=action, allowed=False, reason=reason, refusal=refusal)


def _role_name(code: str) -> str:
    return ROLE_NAMES.get(code, code)


def _grant(role: str, actor: Actor, s: Situation, action: Action, via: Via) -> Verdict | None:
    """None when `role` lets `actor` take `action` on this dossier; else the refusal."""
    if role == CONG_DAN:
        if s.applicant_user_id is None or s.applicant_user_id != actor.id:
            return _no(action, Refusal.SCOPE, f"Hồ sơ {s.code} không phải hồ sơ của bạn.")
        if action is Action.RECEIVE_SUPPLEMENT and via is not Via.PORTAL:
            return _no(
                action,
                Refusal.ROLE,
                "Công dân gửi hồ sơ bổ sung tại trang hồ sơ của mình trên Cổng dịch vụ công "
                "(kèm tệp các giấy tờ được yêu cầu); việc nhận bổ sung không thực hiện ở đây.",
            )
        if action is Action.PAYMENT_RECEIVED and via is not Via.PAYMENT:
            return _no(
                action,
                Refusal.ROLE,
                "Việc thực hiện nghĩa vụ tài chính được ghi nhận khi cổng thanh toán xác nhận "
                "giao dịch hoặc khi Bộ phận Một cửa ghi nhận khoản nộp tại quầy; công dân "
                "không tự xác nhận.",
            )
        return None
    if role == TO_CONG_NGHE_SO:
        if s.assisted_by_id is None or s.assisted_by_id != actor.id:
            return _no(
                action,
                Refusal.SCOPE,
                f"Hồ sơ {s.code} không do bạn hỗ trợ nộp: thành viên Tổ công nghệ số cộng "
                "đồng chỉ hỗ trợ các hồ sơ mình đã nộp thay công dân.",
            )
        if via is not Via.PORTAL:
            return _no(
                action,
                Refusal.ROLE,
                "Hồ sơ bổ sung được gửi tại trang hồ sơ trên Cổng dịch vụ công (kèm tệp các "
                "giấy tờ được yêu cầu); việc nhận bổ sung không thực hiện ở đây.",
            )
        return None
    # Officers: their units first.
    units = (s.current_unit_id,) if action in HANDLING_ACTIONS else (s.current_unit_id, s.unit_id)
    if not actor.in_scope(*units):
        return _no(action, Refusal.SCOPE, f"Hồ sơ {s.code} không thuộc phạm vi đơn vị của bạn.")
    if role == BUU_CHINH:
        carried = (
            s.channel == Channel.POSTAL
            if action in POSTAL_DOSSIER_ACTIONS
            else s.result_delivery == POST or s.channel == Channel.POSTAL
        )
        if not carried:
            return _no(
                action,
                Refusal.SCOPE,
                "Nhân viên bưu chính công ích chỉ thao tác trên hồ sơ gửi hoặc kết quả trả qua "
                "dịch vụ bưu chính công ích.",
            )
        return None
    if action is Action.ASSIGN:
        if s.status == Status.RECEIVED and role != MOT_CUA:
            return _no(
                action,
                Refusal.ROLE,
                "Hồ sơ vừa tiếp nhận do Bộ phận Một cửa chuyển cho phòng chuyên môn.",
            )
        if s.status == Status.PROCESSING and role != LANH_DAO_PHONG:
            return _no(
                action,
                Refusal.ROLE,
                "Phân công lại chuyên viên khi hồ sơ đang xử lý do lãnh đạo phòng thực hiện.",
            )
    return None


def decide(
    actor: Actor,
    situation: Situation,
    action: Action | str,
    *,
    via: Via = Via.DESK,
    now: dt.datetime | None = None,
) -> Verdict:
    """May `actor` take `action` on the dossier now? (A reason, when the action needs one, is
    checked by `workflow.transition_check` with the rest of the input.)"""
    try:
        action = Action(action)
    except ValueError:
        return Verdict(
            action=Action.RECEIVE,
            allowed=False,
            reason=f"Thao tác không hợp lệ: {action!r}.",
            refusal=Refusal.STATE,
        )
    s = situation
    rule = TRANSITIONS[action]
    if not actor.authenticated:
        return _no(action, Refusal.ROLE, "Bạn cần đăng nhập để thao tác trên hồ sơ.")
    if s.status not in rule.sources:
        allowed = ", ".join(st.label for st in sorted(rule.sources))
        return _no(
            action,
            Refusal.STATE,
            f"Không thể thực hiện “{rule.label}” khi hồ sơ ở trạng thái “{s.status.label}” "
            f"(chỉ thực hiện được khi hồ sơ ở trạng thái: {allowed}).",
        )
    roles = sorted(rule.roles & actor.roles)
    if not roles:
        return _no(
            action,
            Refusal.ROLE,
            f"Bạn không có quyền thực hiện “{rule.label}” "
            f"(vai trò được phép: {', '.join(sorted(rule.roles))}).",
        )
    refusals = [_grant(role, actor, s, action, via) for role in roles]
    if all(r is not None for r in refusals):
        # Say the most specific reason: the relation to the dossier before the role.
        return min(refusals, key=lambda r: r.refusal is not Refusal.SCOPE)
    return _situation_check(actor, s, action, now)


def _situation_check(actor: Actor, s: Situation, action: Action, now) -> Verdict:
    step = s.step
    if action in STEP_ACTIONS and step is not None and step.role:
        desk_step_done = action is Action.MARK_RESULT_READY and step.role == MOT_CUA
        if step.role not in actor.roles and not desk_step_done:
            return _no(
                action,
                Refusal.ROLE,
                f"Bước hiện tại “{step.name}” do {_role_name(step.role).lower()} thực hiện; "
                f"bạn không thể “{TRANSITIONS[action].label}” ở bước này.",
            )
    if action is Action.FORWARD and s.next_step is None:
        return _no(
            action,
            Refusal.SITUATION,
            "Hồ sơ đang ở bước cuối của quy trình: hãy chuyển kết quả về Bộ phận Một cửa.",
        )
    if action is Action.SEND_BACK:
        prev = s.previous_step
        if prev is None or prev.role == MOT_CUA:
            return _no(
                action,
                Refusal.SITUATION,
                "Hồ sơ đang ở bước xử lý đầu tiên, không có bước trước để trả lại.",
            )
    if action is Action.TRANSFER_RETURN and not s.transfer_pending:
        return _no(
            action,
            Refusal.SITUATION,
            "Hồ sơ không được chuyển liên thông đến đơn vị này nên không thể trả.",
        )
    if action is Action.MARK_RESULT_READY:
        if s.handler_steps_left:
            return _no(
                action, Refusal.SITUATION, "Hồ sơ chưa qua hết các bước xử lý của quy trình nội bộ."
            )
        if s.transfer_pending:
            return _no(action, Refusal.SITUATION, "Hồ sơ đang được xử lý liên thông ở đơn vị khác.")
    if action is Action.APOLOGISE:
        reason = apology_refusal(now=now, due_at=s.due_at, apologies_given=1 if s.apologised else 0)
        if reason:
            return _no(action, Refusal.SITUATION, reason)
    return Verdict(action=action, allowed=True)


def actions_allowed(
    actor: Actor, situation: Situation, *, via: Via = Via.DESK, now: dt.datetime | None = None
) -> list[Action]:
    """Every action `decide` allows now, in the workflow table's order (the table's states
    and roles first, `workflow.actions_available`, then the rest of the policy)."""
    table = actions_available(state=situation.status, roles=actor.roles)
    return [a for a in table if decide(actor, situation, a, via=via, now=now)]


def task_decide(actor: Actor, situation: Situation, task: Task | str) -> Verdict:
    """May `actor` do this desk task on the dossier now?

    - the electronic result: handlers or the desk of the dossier's units (received there or
      held there now), while it is processed or resolved;
    - cash at the counter: the desk only, and only where the payment may be recorded
      (`decide` on “payment received” as the payment service records it).
    """
    task = Task(task)
    s = situation
    if not actor.authenticated:
        return _no(task, Refusal.ROLE, "Bạn cần đăng nhập để thao tác trên hồ sơ.")
    if task is Task.COUNTER_CASH:
        if MOT_CUA not in actor.roles:
            return _no(
                task, Refusal.ROLE, "Chỉ công chức Bộ phận Một cửa ghi nhận khoản nộp tại quầy."
            )
        verdict = decide(actor, s, Action.PAYMENT_RECEIVED, via=Via.PAYMENT)
        if not verdict:
            return _no(task, verdict.refusal, verdict.reason)
        return Verdict(action=task, allowed=True)
    if s.status not in RESULT_STATES:
        return _no(
            task,
            Refusal.STATE,
            f"Chỉ đính kèm kết quả khi hồ sơ ở trạng thái “{Status.PROCESSING.label}” hoặc "
            f"“{Status.RESOLVED.label}”.",
        )
    if not actor.roles & (HANDLERS | {MOT_CUA}):
        return _no(task, Refusal.ROLE, "Bạn không có quyền đính kèm kết quả giải quyết hồ sơ.")
    if not actor.in_scope(s.current_unit_id, s.unit_id):
        return _no(task, Refusal.SCOPE, f"Hồ sơ {s.code} không thuộc phạm vi đơn vị của bạn.")
    return Verdict(action=task, allowed=True)


# --- reading --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReadScope:
    """Which dossiers an actor may see: the union of these terms."""

    everything: bool = False
    owner_id: int | None = None  # citizen: dossiers filed on their account
    assisted_id: int | None = None  # digital team: dossiers they filed for a citizen
    unit_ids: frozenset[int] = field(default_factory=frozenset)  # received or handled there
    postal_unit_ids: frozenset[int] = field(default_factory=frozenset)  # carried by post

    @property
    def nothing(self) -> bool:
        return not (
            self.everything
            or self.owner_id
            or self.assisted_id
            or self.unit_ids
            or self.postal_unit_ids
        )


def read_scope(actor: Actor) -> ReadScope:
    if not actor.authenticated:
        return ReadScope()
    if actor.unit_ids is None:
        return ReadScope(everything=True)
    roles = actor.roles
    units = actor.unit_ids
    return ReadScope(
        owner_id=actor.id if CONG_DAN in roles else None,
        assisted_id=actor.id if TO_CONG_NGHE_SO in roles else None,
        unit_ids=units if roles & UNIT_READERS else frozenset(),
        postal_unit_ids=units if BUU_CHINH in roles else frozenset(),
    )


def carried_by_post(situation: Situation) -> bool:
    return situation.channel == Channel.POSTAL or situation.result_delivery == POST


def may_read(actor: Actor, situation: Situation) -> bool:
    scope = read_scope(actor)
    s = situation
    if scope.everything:
        return True
    if scope.owner_id is not None and s.applicant_user_id == scope.owner_id:
        return True
    if scope.assisted_id is not None and s.assisted_by_id == scope.assisted_id:
        return True
    if s.unit_id in scope.unit_ids or s.current_unit_id in scope.unit_ids:
        return True
    here = s.unit_id in scope.postal_unit_ids or s.current_unit_id in scope.postal_unit_ids
    return here and carried_by_post(s)
