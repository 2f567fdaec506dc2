"""Every write on a dossier: intake, hand-overs, pauses, apology, stop, withdrawal, result.

Each service is keyword-only and runs in one transaction that
1. asks the dossier policy (`domain/policy.py`, through `permissions.action_check`) whether the
   actor may take the action now: state, role, relation to the dossier (unit scope, owner,
   assisted, what the post carries), the step's role; then the workflow table
   (`domain/workflow.py`) for the reason the action needs and what it does;
2. writes the dossier with `UPDATE ... WHERE version = <the version the actor saw>`: if someone
   else acted first nothing is written and `ConcurrentUpdate` explains it;
3. records a `DossierEvent` (who, when, from, to, reason, the step's result) and, for the
   changes the applicant is told about, their notification in the outbox (`notify.py`).

`at` (default: now) exists so tests and imports can replay a dossier's history at fixed times.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from motcua.accounts.roles import Role
from motcua.accounts.scoping import scope_is_global, scope_units
from motcua.clock.domain import startpolicy
from motcua.clock.selectors import work_calendar_for
from motcua.clock.services import to_wall_time
from motcua.core import clock as system_clock
from motcua.core import events
from motcua.documents.services import citizen_document_add_result
from motcua.dossiers import deadlines, permissions, uploads
from motcua.dossiers.domain.apology import apology_check
from motcua.dossiers.domain.applicant import id_number_error
from motcua.dossiers.domain.codes import (
    agency_code_resolve,
    dossier_code_format,
    lookup_key_generate,
)
from motcua.dossiers.domain.errors import (
    ConcurrentUpdate,
    DossierError,
    DossierIncomplete,
    IntakeForbidden,
    IntakeRefused,
    OutOfScope,
)
from motcua.dossiers.domain.policy import HANDLING_ACTIONS, Task, Via
from motcua.dossiers.domain.workflow import (
    MOT_CUA,
    Action,
    Channel,
    Decision,
    Status,
    transition_check,
)
from motcua.dossiers.models import (
    APPLICANT_FIELDS,
    Dossier,
    DossierCodeSequence,
    DossierComponent,
    DossierEvent,
    DossierPause,
    DossierResult,
)
from motcua.org.models import OrgUnit
from motcua.org.selectors import unit_administrative

# Audit action of an online filing: no transition of the table, the dossier is born in NEW.
SUBMIT = "submit"

__all__ = ["HANDLING_ACTIONS"]  # re-exported: the policy's list of actions on the work itself


# --- helpers -----------------------------------------------------------------------------


def _roles(user) -> set[str]:
    return {r.value for r in user.roles}


def _unit_in_scope_check(*, actor, unit: OrgUnit) -> None:
    # A user's own unit is always in their scope (`scope_units`: their administrative unit
    # and the bodies inside it, or its whole subtree): the desk's common case asks nothing.
    if scope_is_global(actor) or (unit.pk is not None and unit.pk == actor.unit_id):
        return
    if not scope_units(actor).filter(pk=unit.pk).exists():
        raise OutOfScope(f"Đơn vị “{unit}” không thuộc phạm vi đơn vị của bạn.")


def _check(
    *,
    dossier: Dossier,
    action: Action,
    actor,
    reason: str = "",
    at: dt.datetime,
    via: Via = Via.DESK,
) -> Decision:
    """The policy first (who may, now), then the workflow table (reason, what it does)."""
    permissions.action_check(user=actor, dossier=dossier, action=action, via=via, now=at)
    return transition_check(
        state=dossier.status,
        action=action,
        roles=_roles(actor),
        reason=reason,
        now=at,
        due_at=dossier.due_at,
        supplement_count=dossier.supplement_count,
    )


def _assignee_check(*, actor, dossier: Dossier, action: Action, assignee) -> None:
    """The person named on a hand-over must be one the page's picker offers: active, with the
    role the next step needs, in the actor's units. One message whoever it is (the answer
    must not tell whether a username exists)."""
    if assignee is None:
        return
    candidates = permissions.assignee_candidates(
        user=actor, situation=permissions.situation_for(dossier, events=()), action=action
    )
    if candidates is None or not candidates.filter(pk=assignee.pk).exists():
        raise OutOfScope(permissions.ASSIGNEE_INVALID)


def _save(dossier: Dossier, expected_version: int, **changes: Any) -> None:
    """Optimistic write: only if nobody changed the dossier since `expected_version`."""
    updated = Dossier.objects.filter(pk=dossier.pk, version=expected_version).update(
        version=F("version") + 1, **changes
    )
    if updated != 1:
        raise ConcurrentUpdate(dossier.code)
    for name, value in changes.items():
        setattr(dossier, name, value)
    dossier.version = expected_version + 1


def _event(
    dossier: Dossier,
    action: Action | str,
    actor,
    at: dt.datetime,
    *,
    from_status: int | None,
    from_step: int | None = None,
    from_unit_id: int | None = None,
    reason: str = "",
    step_result: str = "",
    to_user=None,
    data: Mapping[str, Any] | None = None,
    publish: bool = True,
) -> DossierEvent:
    """Record the audit event and publish `DOSSIER_CHANGED` in the same transaction: its
    subscribers write the applicant's notification (`dossiers.notify`) and keep the report's
    counts in step (`reports`). Every transition records its event after all its writes, so
    subscribers see the final state."""
    event = DossierEvent.objects.create(
        dossier=dossier,
        action=str(action),
        actor=actor,
        at=at,
        from_status=from_status,
        to_status=dossier.status,
        from_step=dossier.current_step if from_step is None else from_step,
        to_step=dossier.current_step,
        from_unit_id=dossier.current_unit_id if from_unit_id is None else from_unit_id,
        to_unit_id=dossier.current_unit_id,
        to_user=to_user,
        reason=(reason or "").strip(),
        step_result=step_result,
        data=dict(data or {}),
    )
    if publish:
        events.publish(events.DOSSIER_CHANGED, dossier=dossier, event=event)
    return event


def dossier_note(*, dossier: Dossier, action: str, actor, at: dt.datetime, data) -> DossierEvent:
    """A row on the dossier's history that changes nothing and notifies no one (a component
    digitised: `certify.digitise`)."""
    return _event(dossier, action, actor, at, from_status=dossier.status, data=data, publish=False)


def _steps(dossier: Dossier) -> list:
    return list(dossier.procedure_version.steps.order_by("order"))


def _step_at(steps: list, order: int):
    return next((s for s in steps if s.order == order), None)


def _closed_pauses(dossier: Dossier) -> list[tuple[dt.datetime, dt.datetime]]:
    return [
        (p.started_at, p.ended_at)
        for p in dossier.pauses.filter(ended_at__isnull=False).order_by("started_at")
    ]


def _step_result(dossier: Dossier, steps: list, at: dt.datetime) -> str:
    """The result of the step the dossier is leaving, against its allotted time."""
    step = _step_at(steps, dossier.current_step)
    if step is None or dossier.step_started_at is None:
        return ""
    pauses = [(s, e) for s, e in _closed_pauses(dossier) if e > dossier.step_started_at]
    return deadlines.step_result(
        started=dossier.step_started_at,
        finished=at,
        allotted_minutes=step.allotted_minutes,
        unit=dossier.unit,
        pauses=pauses,
    )


def _due(dossier: Dossier, pauses=None) -> dt.datetime:
    return deadlines.due_compute(
        received_at=dossier.received_at,
        duration_minutes=dossier.duration_minutes,
        procedure_version=dossier.procedure_version,
        unit=dossier.unit,
        pauses=_closed_pauses(dossier) if pauses is None else pauses,
    )


def _now(at: dt.datetime | None) -> dt.datetime:
    at = at or system_clock.now()
    if timezone.is_naive(at):
        raise ValueError("Thời điểm phải có múi giờ (aware datetime).")
    return at


def _expected(dossier: Dossier, expected_version: int | None) -> int:
    return dossier.version if expected_version is None else expected_version


# --- codes -------------------------------------------------------------------------------


def agency_code_for(unit: OrgUnit) -> str:
    """The agency identifier that prefixes the unit's dossier codes (`domain.codes`).

    The nearest identifier on the unit or above it *up to its administrative unit* (a desk
    uses its ward's): a ward never borrows its city's or province's identifier, which would
    merge their 9,999-a-day sequences and hide which ward received the dossier (Circular
    01/2018/TT-VPCP art. 19; Circular 10/2016/TT-BTTTT). A unit without one cannot receive
    until an administrator sets it (`AgencyCodeMissing`, a clear message).
    """
    return agency_code_resolve(
        chain=[(u.agency_code, u.name) for u in _chain_to_administrative(unit)]
    )


def _chain_to_administrative(unit: OrgUnit) -> list[OrgUnit]:
    admin = unit_administrative(unit=unit)
    chain, node = [], unit
    while node is not None:
        chain.append(node)
        if node.pk == admin.pk:
            break
        node = node.parent
    return chain


def dossier_code_allocate(*, agency_code: str, day: dt.date) -> str:
    """The next code of `agency_code` on `day`. Call inside the dossier's transaction: the
    sequence row stays locked until it commits, and a rollback gives the number back unused.
    One statement (an upsert returning the new number; PostgreSQL and SQLite ≥ 3.35 both
    have it) where a get-or-create, a row lock and an update took five."""
    table = connection.ops.quote_name(DossierCodeSequence._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (agency_code, day, last) VALUES (%s, %s, 1) "
            "ON CONFLICT (agency_code, day) DO UPDATE SET last = "
            f"{table}.last + 1 RETURNING last",
            [agency_code, connection.ops.adapt_datefield_value(day)],
        )
        (sequence,) = cursor.fetchone()
    return dossier_code_format(agency_code=agency_code, day=day, sequence=sequence)


# --- intake --------------------------------------------------------------------------------


def _components_check(procedure_version, components: Iterable[Mapping[str, Any]]) -> list[dict]:
    """Every required component of the procedure must be among `components` (by name)."""
    given = [dict(c) for c in components]
    names = {str(c.get("name", "")).strip().casefold() for c in given}
    catalogue = list(procedure_version.components.order_by("order", "pk"))
    missing = [c.name for c in catalogue if c.required and c.name.strip().casefold() not in names]
    if missing:
        raise DossierIncomplete(missing)
    by_name = {c.name.strip().casefold(): c for c in catalogue}
    for c in given:
        known = by_name.get(str(c.get("name", "")).strip().casefold())
        c.setdefault("form", known.form if known else "")
        c.setdefault("copies", known.copies if known else 1)
        c.setdefault("required", bool(known and known.required))
    return given


def _procedure_check(*, procedure_version, unit: OrgUnit) -> None:
    if procedure_version.status != "published":
        raise DossierError(
            f"Thủ tục “{procedure_version.name}” (phiên bản {procedure_version.version}) "
            "không còn áp dụng nên không thể tiếp nhận hồ sơ."
        )
    units = list(procedure_version.units.all())
    if not units:
        return
    # The unit itself or one above it (no query); or a body inside the same administrative
    # unit (its administrative unit looked up only then).
    if any(unit.path.startswith(u.path) for u in units):
        return
    home = unit_administrative(unit=unit)
    if any(u.path.startswith(home.path) for u in units):
        return
    raise DossierError(
        f"Thủ tục “{procedure_version.name}” không thuộc thẩm quyền giải quyết của "
        f"“{unit}”: hồ sơ không được tiếp nhận."
    )


def _unit_valid_check(*, unit: OrgUnit, at: dt.datetime) -> None:
    """A unit that no longer exists on the day (a ward merged on 1/7/2025) receives nothing;
    the message names the unit(s) that carry on its work."""
    from motcua.org.selectors import unit_successors_on

    day = timezone.localdate(at)
    if unit.is_valid_on(day):
        return
    after = ", ".join(u.name for u in unit_successors_on(unit=unit, day=day))
    raise DossierError(
        f"“{unit}” không còn hoạt động vào ngày {day:%d/%m/%Y} nên không tiếp nhận hồ sơ"
        + (f"; hồ sơ nộp tại {after}." if after else ".")
    )


def _applicant_fields(applicant: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(applicant) - set(APPLICANT_FIELDS)
    if unknown:
        raise ValueError(f"Trường không hợp lệ của chủ hồ sơ: {sorted(unknown)}")
    name = str(applicant.get("name", "")).strip()
    if not name:
        raise DossierError("Chưa nhập tên người nộp hồ sơ (cá nhân hoặc tổ chức).")
    fields = {f"applicant_{k}": str(v or "").strip() for k, v in applicant.items()}
    fields["applicant_name"] = name
    fields.setdefault("applicant_kind", Dossier.ApplicantKind.PERSON)
    problem = id_number_error(
        kind=fields["applicant_kind"], value=fields.get("applicant_id_number", "")
    )
    if problem:
        raise DossierError(problem)
    return fields


def _dossier_create(
    *,
    procedure_version,
    unit: OrgUnit,
    applicant: Mapping[str, Any],
    channel: Channel,
    components,
    at: dt.datetime,
    status: Status,
    received_by=None,
    assisted_by=None,
    applicant_user=None,
    postal_receipt_no: str = "",
    result_delivery: str = Dossier.ResultDelivery.COUNTER,
) -> Dossier:
    channel = Channel(channel)
    fields = _applicant_fields(applicant)
    _unit_valid_check(unit=unit, at=at)
    _procedure_check(procedure_version=procedure_version, unit=unit)
    if channel is Channel.POSTAL and not postal_receipt_no.strip():
        raise DossierError("Hồ sơ nộp qua bưu chính công ích phải có số biên nhận bưu chính.")
    if assisted_by is not None and Role.DIGITAL_TEAM not in assisted_by.roles:
        raise DossierError(f"{assisted_by} không phải thành viên Tổ công nghệ số cộng đồng.")
    given = _components_check(procedure_version, components)
    # A refused file (type, size) stops the intake before any code or row is written.
    uploads.components_files_check(given)

    day = timezone.localtime(at).date()
    dossier = Dossier(
        code=dossier_code_allocate(agency_code=agency_code_for(unit), day=day),
        lookup_key=lookup_key_generate(),
        procedure_version=procedure_version,
        unit=unit,
        current_unit=unit,
        channel=channel,
        assisted_by=assisted_by,
        applicant_user=applicant_user,
        postal_receipt_no=postal_receipt_no.strip(),
        received_by=received_by,
        status=status,
        duration_minutes=procedure_version.legal_minutes,
        result_delivery=result_delivery,
        **fields,
    )
    # The related objects were given loaded: no query to check that they exist.
    dossier.full_clean(
        exclude=[
            "procedure_version",
            "unit",
            "current_unit",
            "code",
            "received_by",
            "assisted_by",
            "applicant_user",
        ]
    )
    dossier.save()
    DossierComponent.objects.bulk_create(
        [
            DossierComponent(
                dossier=dossier,
                name=c["name"],
                form=c.get("form") or "",
                copies=c.get("copies") or 1,
                required=c.get("required", False),
                file=c.get("file") or "",
            )
            for c in given
        ]
    )
    return dossier


def _clock_start_instant(dossier: Dossier, at: dt.datetime) -> dt.datetime:
    """The procedure's clock-start policy (clock/domain/startpolicy.py): reception by default,
    the online submission or the postmark when its regulation says so."""
    policy = dossier.procedure_version.clock_start_policy
    if policy == startpolicy.DEFAULT_POLICY:
        return at
    submitted = dossier.events.filter(action=SUBMIT).values_list("at", flat=True).first()
    try:
        return startpolicy.clock_start_instant(
            policy=policy,
            channel=dossier.channel,
            received_at=at,
            submitted_at=submitted,
            postmarked_at=dossier.postmarked_at,
        )
    except startpolicy.ClockPolicyError as e:
        raise DossierError(str(e)) from e


def _receive_fields(dossier: Dossier, at: dt.datetime) -> dict[str, Any]:
    """Reception: the clock starts and the appointment is fixed."""
    steps = _steps(dossier)
    first = steps[0] if steps else None
    # When the procedure's first step is the desk's own reception step, the dossier is in it.
    on_desk_step = first is not None and first.role == MOT_CUA
    deadline = deadlines.deadline(
        received_at=_clock_start_instant(dossier, at),
        duration_minutes=dossier.duration_minutes,
        procedure_version=dossier.procedure_version,
        unit=dossier.unit,
    )
    return {
        "status": Status.RECEIVED,
        "received_at": at,
        "clock_start": deadline.start,
        "due_at": deadline.due,
        "appointment_at": deadline.due,
        "current_step": first.order if on_desk_step else 0,
        "step_started_at": at,
    }


@transaction.atomic
def dossier_receive(
    *,
    procedure_version,
    unit: OrgUnit,
    applicant: Mapping[str, Any],
    channel: Channel | int,
    components: Iterable[Mapping[str, Any]],
    received_by,
    received_at: dt.datetime | None = None,
    assisted_by=None,
    postal_receipt_no: str = "",
    result_delivery: str = Dossier.ResultDelivery.COUNTER,
    applicant_user=None,
    postmarked_at: dt.datetime | None = None,
) -> Dossier:
    """Receive a complete dossier at the desk (counter or postal): code, clock, receipt.
    `postmarked_at`: the date on a postal item's stamp (starts the clock for a procedure whose
    policy is the postmark).

    Incomplete → `DossierIncomplete` listing every missing required component; nothing saved.
    """
    at = _now(received_at)
    transition_check(state=Status.NEW, action=Action.RECEIVE, roles=_roles(received_by))
    _unit_in_scope_check(actor=received_by, unit=unit)
    # Paperless roadmap and digitisation at reception live in motcua.certify.digitise, which
    # subscribes to these two events.
    components = list(components)
    events.publish(
        events.DOSSIER_INTAKE_CHECKING,
        unit=unit,
        procedure_version=procedure_version,
        components=components,
        at=at,
    )
    dossier = _dossier_create(
        procedure_version=procedure_version,
        unit=unit,
        applicant=applicant,
        channel=channel,
        components=components,
        at=at,
        status=Status.NEW,
        received_by=received_by,
        assisted_by=assisted_by,
        applicant_user=applicant_user,
        postal_receipt_no=postal_receipt_no,
        result_delivery=result_delivery,
    )
    dossier.postmarked_at = postmarked_at
    _save(dossier, dossier.version, postmarked_at=postmarked_at, **_receive_fields(dossier, at))
    _event(
        dossier,
        Action.RECEIVE,
        received_by,
        at,
        from_status=Status.NEW,
        from_step=0,
        data={"channel": int(channel), "due_at": dossier.due_at.isoformat()},
    )
    events.publish(
        events.DOSSIER_INTAKE_RECEIVED,
        dossier=dossier,
        actor=received_by,
        at=at,
        with_files=any(c.get("file") for c in components),
    )
    return dossier


def online_files_missing(*, procedure_version, components: Iterable[Mapping[str, Any]]):
    """The required components of an online filing given without their scanned file (the
    portal's draft refuses to submit while any is missing; the API applies the same rule)."""
    with_file = {str(c.get("name", "")).strip().casefold() for c in components if c.get("file")}
    return [
        c.name
        for c in procedure_version.components.order_by("order", "pk")
        if c.required and c.name.strip().casefold() not in with_file
    ]


@transaction.atomic
def dossier_submit(
    *,
    procedure_version,
    unit: OrgUnit,
    applicant: Mapping[str, Any],
    components: Iterable[Mapping[str, Any]],
    submitted_by,
    submitted_at: dt.datetime | None = None,
    result_delivery: str = Dossier.ResultDelivery.ELECTRONIC,
    applicant_user=None,
    data: Mapping[str, Any] | None = None,
) -> Dossier:
    """An online filing (status 1, Mới đăng ký), by the citizen or a digital team member
    on their behalf; the desk then receives it (`dossier_accept`) or refuses it.

    A digital team member may pass the citizen's account as `applicant_user`: the citizen owns
    the dossier, `assisted_by` records the helper. `data` goes on the 'submit' audit event
    (e.g. the citizen's recorded consent to assisted filing)."""
    at = _now(submitted_at)
    roles = _roles(submitted_by)
    if not roles & {Role.CITIZEN.value, Role.DIGITAL_TEAM.value}:
        raise DossierError("Chỉ công dân hoặc Tổ công nghệ số cộng đồng nộp hồ sơ trực tuyến.")
    assisted = Role.DIGITAL_TEAM.value in roles
    if applicant_user is not None and not assisted and applicant_user.pk != submitted_by.pk:
        raise DossierError("Công dân chỉ nộp hồ sơ trực tuyến cho chính tài khoản của mình.")
    if assisted and applicant_user is not None and Role.CITIZEN not in applicant_user.roles:
        raise DossierError(f"{applicant_user} không phải tài khoản công dân.")
    if assisted and applicant_user is None:  # issue 9, hole 4: the dossier is the citizen's
        raise DossierError(
            "Tổ công nghệ số cộng đồng nộp hồ sơ thay công dân phải gắn hồ sơ với tài khoản "
            "của công dân."
        )
    if assisted and not (data or {}).get("consent"):
        raise DossierError(
            "Chưa ghi nhận sự đồng ý của công dân cho Tổ công nghệ số cộng đồng nộp hồ sơ thay."
        )
    dossier = _dossier_create(
        procedure_version=procedure_version,
        unit=unit,
        applicant=applicant,
        channel=Channel.ONLINE,
        components=components,
        at=at,
        status=Status.NEW,
        assisted_by=submitted_by if assisted else None,
        applicant_user=applicant_user if assisted else submitted_by,
        result_delivery=result_delivery,
    )
    _event(dossier, SUBMIT, submitted_by, at, from_status=None, from_step=0, data=data)
    return dossier


@transaction.atomic
def dossier_create(
    *,
    actor,
    procedure_version,
    applicant: Mapping[str, Any],
    components: Iterable[Mapping[str, Any]],
    unit: OrgUnit | None = None,
    channel: int | None = None,
    postal_receipt_no: str = "",
    postmarked_at: dt.datetime | None = None,
    result_delivery: str | None = None,
    at: dt.datetime | None = None,
) -> Dossier:
    """A new dossier, routed by who makes it: the one-stop desk receives it (counter or
    postal, `dossier_receive`); a citizen submits it online (`dossier_submit`). Used by the
    desk's intake page and the API. Assisted filing by the digital team goes through the
    portal's draft, which records the citizen's account and consent."""
    roles = actor.roles
    components = list(components)
    extra = {"result_delivery": result_delivery} if result_delivery else {}
    if Role.ONE_STOP_OFFICER in roles:
        channel = Channel(channel or Channel.COUNTER)
        if channel is Channel.ONLINE:
            raise IntakeRefused(
                "Công chức Một cửa tiếp nhận hồ sơ trực tiếp (channel 1) hoặc qua bưu chính "
                "(channel 3); hồ sơ trực tuyến do công dân nộp."
            )
        unit = unit or actor.unit
        if unit is None:
            raise IntakeRefused("Chưa chọn đơn vị tiếp nhận (unit).")
        # Already in this function's transaction: no savepoint of dossier_receive's own.
        return dossier_receive.__wrapped__(
            procedure_version=procedure_version,
            unit=unit,
            applicant=applicant,
            channel=channel,
            components=components,
            received_by=actor,
            received_at=at,
            postal_receipt_no=postal_receipt_no,
            postmarked_at=postmarked_at,
            **extra,
        )
    if roles & {Role.CITIZEN, Role.DIGITAL_TEAM}:
        if channel not in (None, Channel.ONLINE):
            raise IntakeRefused("Công dân chỉ nộp hồ sơ trực tuyến (channel 2).")
        if unit is None:
            raise IntakeRefused("Chưa chọn đơn vị tiếp nhận hồ sơ (unit).")
        if Role.CITIZEN not in roles:
            # Assisted filing needs the citizen's account and their recorded consent: the
            # portal's assisted draft records both; this route carries neither.
            raise IntakeForbidden(
                "Tổ công nghệ số cộng đồng nộp hồ sơ thay công dân trên Cổng dịch vụ công "
                "(mục Hỗ trợ nộp hồ sơ), nơi ghi nhận tài khoản và sự đồng ý của công dân."
            )
        # The same files as the portal's draft: every required component with its scan.
        missing = online_files_missing(procedure_version=procedure_version, components=components)
        if missing:
            raise IntakeRefused(
                "Hồ sơ nộp trực tuyến phải kèm tệp số hóa của từng thành phần bắt buộc (như "
                "khi nộp trên Cổng dịch vụ công); hãy nộp hồ sơ trên Cổng. Thiếu tệp: "
                + "; ".join(missing)
                + ".",
                missing=missing,
            )
        return dossier_submit(
            procedure_version=procedure_version,
            unit=unit,
            applicant=applicant,
            components=components,
            submitted_by=actor,
            submitted_at=at,
            **extra,
        )
    raise IntakeForbidden(
        "Chỉ công chức Bộ phận Một cửa tiếp nhận hồ sơ; công dân và Tổ công nghệ số cộng đồng "
        "nộp hồ sơ trực tuyến."
    )


@transaction.atomic
def dossier_accept(
    *, dossier: Dossier, actor, at: dt.datetime | None = None, expected_version: int | None = None
) -> Dossier:
    """The desk receives an online filing: the clock starts now."""
    at = _now(at)
    expected = _expected(dossier, expected_version)
    _check(dossier=dossier, action=Action.RECEIVE, actor=actor, at=at)
    _save(dossier, expected, received_by=actor, **_receive_fields(dossier, at))
    _event(dossier, Action.RECEIVE, actor, at, from_status=Status.NEW, from_step=0)
    return dossier


@transaction.atomic
def dossier_refuse(
    *,
    dossier: Dossier,
    actor,
    reason: str,
    at: dt.datetime | None = None,
    expected_version: int | None = None,
) -> Dossier:
    """Refuse an online filing (Mẫu 03): out of scope or ineligible, with the reasons."""
    at = _now(at)
    expected = _expected(dossier, expected_version)
    d = _check(dossier=dossier, action=Action.REFUSE, actor=actor, reason=reason, at=at)
    _save(dossier, expected, status=d.to_state, finished_at=at)
    _event(dossier, Action.REFUSE, actor, at, from_status=d.from_state, reason=reason)
    return dossier


# --- processing ----------------------------------------------------------------------------


def _hand_over(
    dossier: Dossier, expected: int, d, actor, at, changes: dict, to_unit, note: str, *, next_step
) -> Dossier:
    """Write a hand-over (assign, forward, approve, sign): with `next_step`, the current step
    ends (its result against the allotted time) and the next one starts; to `to_unit` when
    given, to the assignee of `changes`; one audit event."""
    from_step, from_unit = dossier.current_step, dossier.current_unit_id
    result = ""
    if next_step:
        steps = _steps(dossier)
        nxt = next((s for s in steps if s.order > dossier.current_step), None)
        result = _step_result(dossier, steps, at)
        if nxt is not None:
            changes.update(current_step=nxt.order, step_started_at=at)
    if to_unit is not None:
        changes["current_unit"] = to_unit
    _save(dossier, expected, **changes)
    _event(
        dossier,
        d.action,
        actor,
        at,
        from_status=d.from_state,
        from_step=from_step,
        from_unit_id=from_unit,
        reason=note,
        step_result=result,
        to_user=changes["assignee"],
    )
    return dossier


@transaction.atomic
def dossier_assign(
    *,
    dossier: Dossier,
    actor,
    assignee=None,
    to_unit: OrgUnit | None = None,
    note: str = "",
    at: dt.datetime | None = None,
    expected_version: int | None = None,
) -> Dossier:
    """Hand a received dossier to the department's first step, or (re)assign a specialist."""
    at = _now(at)
    expected = _expected(dossier, expected_version)
    d = _check(dossier=dossier, action=Action.ASSIGN, actor=actor, at=at)
    _assignee_check(actor=actor, dossier=dossier, action=Action.ASSIGN, assignee=assignee)
    if to_unit is not None:
        _unit_in_scope_check(actor=actor, unit=to_unit)
    if assignee is not None and assignee.unit_id is not None:
        _unit_in_scope_check(actor=actor, unit=assignee.unit)
        if to_unit is None:
            to_unit = assignee.unit
    changes: dict[str, Any] = {"status": d.to_state, "assignee": assignee}
    first = d.from_state is Status.RECEIVED  # from reception to the first processing step
    return _hand_over(dossier, expected, d, actor, at, changes, to_unit, note, next_step=first)


def _hand_over_service(action: Action, name: str, doc: str):
    """The service of a hand-over action (forward, approve, sign): finish the current step and
    move to the next, to `assignee` and, if given, to `to_unit`."""

    @transaction.atomic
    def service(
        *, dossier, actor, assignee=None, to_unit=None, note="", at=None, expected_version=None
    ) -> Dossier:
        at = _now(at)
        expected = _expected(dossier, expected_version)
        d = _check(dossier=dossier, action=action, actor=actor, at=at)
        _assignee_check(actor=actor, dossier=dossier, action=action, assignee=assignee)
        if to_unit is not None:
            _unit_in_scope_check(actor=actor, unit=to_unit)
        changes: dict[str, Any] = {"assignee": assignee}
        return _hand_over(dossier, expected, d, actor, at, changes, to_unit, note, next_step=True)

    service.__name__ = service.__qualname__ = name
    service.__doc__ = doc
    return service


dossier_forward = _hand_over_service(
    Action.FORWARD,
    "dossier_forward",
    "Finish the current step and hand over to the next one (control sheet line).",
)
dossier_approve = _hand_over_service(
    Action.APPROVE, "dossier_approve", "The department head approves the result for signature."
)
dossier_sign = _hand_over_service(Action.SIGN, "dossier_sign", "The leader signs the result.")


@transaction.atomic
def dossier_send_back(
    *,
    dossier: Dossier,
    actor,
    reason: str,
    at: dt.datetime | None = None,
    expected_version: int | None = None,
) -> Dossier:
    """Return the dossier to the previous step, with the reason."""
    at = _now(at)
    expected = _expected(dossier, expected_version)
    d = _check(dossier=dossier, action=Action.SEND_BACK, actor=actor, reason=reason, at=at)
    steps = _steps(dossier)
    # The policy checked there is a previous step that is not the desk's.
    prev = next(s for s in reversed(steps) if s.order < dossier.current_step)
    # The step that handled it before: the unit and person of the last hand-over into this step.
    last_in = (
        dossier.events.filter(to_step=dossier.current_step, from_step=prev.order)
        .order_by("-at", "-id")
        .first()
    )
    from_step, from_unit = dossier.current_step, dossier.current_unit_id
    result = _step_result(dossier, steps, at)
    changes: dict[str, Any] = {"current_step": prev.order, "step_started_at": at}
    to_user = None
    if last_in is not None:
        changes["current_unit_id"] = last_in.from_unit_id or dossier.current_unit_id
        to_user = last_in.actor
        changes["assignee"] = to_user
    _save(dossier, expected, **changes)
    _event(
        dossier,
        Action.SEND_BACK,
        actor,
        at,
        from_status=d.from_state,
        from_step=from_step,
        from_unit_id=from_unit,
        reason=reason,
        step_result=result,
        to_user=to_user,
    )
    return dossier


def _transfer_stack(dossier: Dossier) -> list[int]:
    """Units the dossier was transferred from and has not yet returned to (innermost last)."""
    stack: list[int] = []
    events = dossier.events.filter(action__in=[Action.TRANSFER, Action.TRANSFER_RETURN])
    for action, from_unit in events.order_by("at", "id").values_list("action", "from_unit_id"):
        if action == Action.TRANSFER:
            stack.append(from_unit)
        elif stack:
            stack.pop()
    return stack


@transaction.atomic
def dossier_transfer(
    *,
    dossier: Dossier,
    actor,
    to_unit: OrgUnit,
    note: str = "",
    at: dt.datetime | None = None,
    expected_version: int | None = None,
) -> Dossier:
    """Liên thông: send the dossier to another department or agency for its part."""
    at = _now(at)
    expected = _expected(dossier, expected_version)
    d = _check(dossier=dossier, action=Action.TRANSFER, actor=actor, at=at)
    if to_unit.pk == dossier.current_unit_id:
        raise DossierError("Hồ sơ đang ở chính đơn vị này, hãy chọn đơn vị khác để chuyển.")
    if not to_unit.is_valid_on(timezone.localdate(at)):
        raise DossierError(f"Đơn vị “{to_unit}” không còn hoạt động vào ngày chuyển.")
    from motcua.dossiers.selectors import transfer_targets

    targets = transfer_targets(actor=actor, dossier=dossier, day=timezone.localdate(at))
    if not targets.filter(pk=to_unit.pk).exists():
        raise OutOfScope(
            f"Không thể chuyển liên thông đến “{to_unit}”: chỉ chuyển đến các đơn vị trong danh "
            "sách chọn của trang hồ sơ (cơ quan, bộ phận thuộc đơn vị hành chính của bạn và "
            "cấp trên trực tiếp)."
        )
    from_unit = dossier.current_unit_id
    result = _step_result(dossier, _steps(dossier), at)
    _save(dossier, expected, current_unit=to_unit, assignee=None, step_started_at=at)
    _event(
        dossier,
        Action.TRANSFER,
        actor,
        at,
        from_status=d.from_state,
        from_unit_id=from_unit,
        reason=note,
        step_result=result,
    )
    return dossier


@transaction.atomic
def dossier_transfer_return(
    *,
    dossier: Dossier,
    actor,
    note: str = "",
    at: dt.datetime | None = None,
    expected_version: int | None = None,
) -> Dossier:
    """The agency that received a liên thông transfer hands the dossier back."""
    at = _now(at)
    expected = _expected(dossier, expected_version)
    d = _check(dossier=dossier, action=Action.TRANSFER_RETURN, actor=actor, at=at)
    stack = _transfer_stack(dossier)  # not empty: the policy checked a transfer is pending
    from_unit = dossier.current_unit_id
    # The transferred part is measured against the current step's allotted time, counted from
    # the transfer (step_started_at was reset then).
    result = _step_result(dossier, _steps(dossier), at)
    _save(dossier, expected, current_unit_id=stack[-1], assignee=None, step_started_at=at)
    _event(
        dossier,
        Action.TRANSFER_RETURN,
        actor,
        at,
        from_status=d.from_state,
        from_unit_id=from_unit,
        reason=note,
        step_result=result,
    )
    return dossier


# --- pauses --------------------------------------------------------------------------------


def _pause_open(
    *,
    dossier: Dossier,
    actor,
    action: Action,
    kind: str,
    reason: str,
    at: dt.datetime | None,
    expected_version: int | None,
    data: Mapping[str, Any] | None = None,
) -> Dossier:
    at = _now(at)
    expected = _expected(dossier, expected_version)
    d = _check(dossier=dossier, action=action, actor=actor, reason=reason, at=at)
    changes: dict[str, Any] = {"status": d.to_state}
    extra = dict(data or {})
    if action is Action.REQUEST_SUPPLEMENT:
        changes["supplement_count"] = dossier.supplement_count + 1
        changes["is_late_flag"] = dossier.is_late_flag or d.marks_late
        extra["supplement_no"] = changes["supplement_count"]
        extra["marks_late"] = d.marks_late
    _save(dossier, expected, **changes)
    if d.pauses_clock:  # the workflow table's flag decides whether the clock stops
        DossierPause.objects.create(dossier=dossier, kind=kind, started_at=at, reason=reason or "")
    _event(dossier, action, actor, at, from_status=d.from_state, reason=reason, data=extra)
    return dossier


def _pause_close(
    *,
    dossier: Dossier,
    actor,
    action: Action,
    note: str,
    at: dt.datetime | None,
    expected_version: int | None,
    components: Iterable[Mapping[str, Any]] = (),
    via: Via = Via.DESK,
) -> Dossier:
    at = _now(at)
    expected = _expected(dossier, expected_version)
    d = _check(dossier=dossier, action=action, actor=actor, at=at, via=via)
    components = [dict(c) for c in components]
    uploads.components_files_check(components)
    pause = dossier.pauses.filter(ended_at__isnull=True).order_by("-started_at").first()
    if pause is not None and d.resumes_clock:  # the table's flag: the clock runs again
        pause.ended_at = max(at, pause.started_at)
        pause.save(update_fields=["ended_at"])
    due_before = dossier.due_at
    due = _due(dossier)
    changes: dict[str, Any] = {"status": d.to_state, "due_at": due}
    if not dossier.apologised:
        changes["appointment_at"] = due
    _save(dossier, expected, **changes)
    DossierComponent.objects.bulk_create(
        [
            DossierComponent(
                dossier=dossier,
                name=c["name"],
                form=c.get("form") or "",
                copies=c.get("copies") or 1,
                required=False,
                file=c.get("file") or "",
                supplement=True,
            )
            for c in components
        ]
    )
    _event(
        dossier,
        action,
        actor,
        at,
        from_status=d.from_state,
        reason=note,
        data={
            "due_at_before": due_before.isoformat() if due_before else None,
            "due_at": due.isoformat(),
        },
    )
    return dossier


def dossier_request_supplement(
    *, dossier, actor, reason: str, at=None, expected_version=None
) -> Dossier:
    """Ask for a supplement (Mẫu 02): the clock stops until it arrives. A second request is
    allowed but makes the dossier count as late."""
    with transaction.atomic():
        return _pause_open(
            dossier=dossier,
            actor=actor,
            action=Action.REQUEST_SUPPLEMENT,
            kind=DossierPause.Kind.SUPPLEMENT,
            reason=reason,
            at=at,
            expected_version=expected_version,
        )


def dossier_receive_supplement(
    *,
    dossier,
    actor,
    components=(),
    note: str = "",
    at=None,
    expected_version=None,
    via: Via = Via.DESK,
) -> Dossier:
    """The complete supplement arrived: the clock resumes and the due instant moves by the
    working time spent waiting. `via=Via.PORTAL`: the citizen's own supplement form (the
    only way a citizen sends one)."""
    with transaction.atomic():
        return _pause_close(
            dossier=dossier,
            actor=actor,
            action=Action.RECEIVE_SUPPLEMENT,
            note=note,
            at=at,
            expected_version=expected_version,
            components=components,
            via=via,
        )


def dossier_request_payment(
    *, dossier, actor, amount: int | None = None, note: str = "", at=None, expected_version=None
) -> Dossier:
    with transaction.atomic():
        return _pause_open(
            dossier=dossier,
            actor=actor,
            action=Action.REQUEST_PAYMENT,
            kind=DossierPause.Kind.PAYMENT,
            reason=note,
            at=at,
            expected_version=expected_version,
            data={"amount": amount} if amount is not None else None,
        )


def dossier_payment_received(
    *, dossier, actor, note: str = "", at=None, expected_version=None, via: Via = Via.DESK
):
    """The financial obligation is met. `via=Via.PAYMENT`: recorded by the payment service
    (the gateway's verified answer, the desk's counter receipt) — the only way a citizen's
    payment resumes the dossier."""
    with transaction.atomic():
        return _pause_close(
            dossier=dossier,
            actor=actor,
            action=Action.PAYMENT_RECEIVED,
            note=note,
            at=at,
            expected_version=expected_version,
            via=via,
        )


# --- late, stop, withdraw, result ----------------------------------------------------------


@transaction.atomic
def dossier_apologise(
    *,
    dossier: Dossier,
    actor,
    reason: str,
    new_appointment: dt.datetime,
    at: dt.datetime | None = None,
    expected_version: int | None = None,
) -> Dossier:
    """Apology with a new appointment (Mẫu 04), before the due instant, at most once
    (`domain.apology`). The legal due instant does not move: the dossier still counts as late
    if finished after it."""
    at = _now(at)
    expected = _expected(dossier, expected_version)
    d = _check(dossier=dossier, action=Action.APOLOGISE, actor=actor, reason=reason, at=at)
    notice = settings.MOTCUA_APOLOGY_NOTICE_WORKING_MINUTES
    left = None
    if notice and dossier.due_at is not None and at < dossier.due_at:
        left = work_calendar_for(dossier.unit).elapsed(
            to_wall_time(at), to_wall_time(dossier.due_at)
        )
    apology_check(
        now=at,
        due_at=dossier.due_at,
        new_appointment=new_appointment,
        apologies_given=1 if dossier.apologised else 0,
        working_minutes_left=left,
        notice_minutes=notice,
    )
    before = dossier.appointment_at
    _save(dossier, expected, appointment_at=new_appointment, apologised=True)
    _event(
        dossier,
        Action.APOLOGISE,
        actor,
        at,
        from_status=d.from_state,
        reason=reason,
        data={
            "appointment_before": before.isoformat() if before else None,
            "new_appointment": new_appointment.isoformat(),
        },
    )
    return dossier


def _close_open_pause(dossier: Dossier, at: dt.datetime) -> None:
    dossier.pauses.filter(ended_at__isnull=True).update(ended_at=at)


def _end_unresolved(
    dossier: Dossier,
    action: Action,
    actor,
    reason: str,
    at: dt.datetime | None,
    expected_version: int | None,
) -> Dossier:
    """Stop and withdrawal end a dossier without a result: any running pause ends, the
    dossier is finished at `at`, and the reason is on the audit event."""
    at = _now(at)
    expected = _expected(dossier, expected_version)
    d = _check(dossier=dossier, action=action, actor=actor, reason=reason, at=at)
    _close_open_pause(dossier, at)
    _save(dossier, expected, status=d.to_state, finished_at=at)
    _event(dossier, action, actor, at, from_status=d.from_state, reason=reason)
    return dossier


@transaction.atomic
def dossier_stop(
    *,
    dossier: Dossier,
    actor,
    reason: str,
    at: dt.datetime | None = None,
    expected_version: int | None = None,
) -> Dossier:
    """Dừng xử lý: the agency stops handling the dossier, with the reason."""
    return _end_unresolved(dossier, Action.STOP, actor, reason, at, expected_version)


@transaction.atomic
def dossier_withdraw(
    *,
    dossier: Dossier,
    actor,
    reason: str,
    at: dt.datetime | None = None,
    expected_version: int | None = None,
) -> Dossier:
    """The citizen withdraws the dossier (online, or in writing at the counter)."""
    return _end_unresolved(dossier, Action.WITHDRAW, actor, reason, at, expected_version)


@transaction.atomic
def dossier_mark_result_ready(
    *,
    dossier: Dossier,
    actor,
    note: str = "",
    at: dt.datetime | None = None,
    expected_version: int | None = None,
) -> Dossier:
    """The result exists (status 9): back to the receiving unit's desk to be returned."""
    at = _now(at)
    expected = _expected(dossier, expected_version)
    d = _check(dossier=dossier, action=Action.MARK_RESULT_READY, actor=actor, at=at)
    steps = _steps(dossier)  # the policy checked every handler step and transfer is done
    from_step, from_unit = dossier.current_step, dossier.current_unit_id
    step = _step_result(dossier, steps, at)
    nxt = next((s for s in steps if s.order > dossier.current_step), None)
    changes: dict[str, Any] = {
        "status": d.to_state,
        "finished_at": at,
        "current_unit": dossier.unit,
        "assignee": None,
    }
    if nxt is not None:
        changes.update(current_step=nxt.order, step_started_at=at)
    _save(dossier, expected, **changes)
    _event(
        dossier,
        Action.MARK_RESULT_READY,
        actor,
        at,
        from_status=d.from_state,
        from_step=from_step,
        from_unit_id=from_unit,
        reason=note,
        step_result=step,
        data={"result": deadlines.result_classify(at, dossier.due_at)},
    )
    return dossier


@transaction.atomic
def dossier_return_result(
    *,
    dossier: Dossier,
    actor,
    result_delivery: str | None = None,
    note: str = "",
    at: dt.datetime | None = None,
    expected_version: int | None = None,
) -> Dossier:
    """The result is handed to the citizen: at the counter, by post or electronically."""
    at = _now(at)
    expected = _expected(dossier, expected_version)
    d = _check(dossier=dossier, action=Action.RETURN_RESULT, actor=actor, at=at)
    changes: dict[str, Any] = {"status": d.to_state, "returned_at": at}
    if result_delivery:
        changes["result_delivery"] = Dossier.ResultDelivery(result_delivery)
    _save(dossier, expected, **changes)
    _event(dossier, Action.RETURN_RESULT, actor, at, from_status=d.from_state, reason=note)
    return dossier


# Audit action of an attached electronic result: no transition, the status does not change.
RESULT_ATTACH = "result_attach"


@transaction.atomic
def dossier_result_attach(
    *,
    dossier: Dossier,
    actor,
    file,
    name: str,
    at: dt.datetime | None = None,
    sign: bool = False,
) -> DossierResult:
    """Attach the electronic result (kết quả điện tử): a PDF/JPEG/PNG checked like a component
    file. Handlers or the desk of the dossier's units, while it is processed or resolved.
    `sign`: sign the PDF with the body's key (motcua.certify.services.result_sign, subscribed to
    `events.DOSSIER_RESULT_SIGNING`)."""
    at = _now(at)
    name = (name or "").strip()
    if not name:
        raise DossierError("Vui lòng nhập tên kết quả (ví dụ: Giấy chứng nhận ...).")
    permissions.task_check(user=actor, dossier=dossier, task=Task.RESULT_ATTACH)
    uploads.validate_upload(file, label=name)
    result = DossierResult.objects.create(
        dossier=dossier, name=name, file=file, issued_at=at, issued_by=actor
    )
    signed = None
    if sign:
        signers = events.publish(events.DOSSIER_RESULT_SIGNING, result=result, actor=actor, at=at)
        if not signers:
            raise DossierError("Chưa cấu hình ký số kết quả.")
        signed = signers[0]
    # The citizen's e-data store keeps every electronic result (same transaction).
    citizen_document_add_result(dossier=dossier, file=result.file, name=name)
    _event(
        dossier,
        RESULT_ATTACH,
        actor,
        at,
        from_status=dossier.status,
        data={"result_id": result.pk, "name": name}
        | ({"signed": str(signed.token)} if signed else {}),
    )
    return result
