"""Reads on dossiers, always through the reader's scope.

The worklist (`dossier_worklist`) is one query for the page's rows with what they display
joined in; the remaining working time of each row is computed in Python with one calendar
built per request (`worklist_clock`), never with a query per row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet, Value
from django.utils.translation import gettext_lazy as _

from motcua.accounts.roles import STAFF_ROLES, Role
from motcua.catalogue.models import ProcedureVersion, ProcessStep
from motcua.clock.domain.worktime import (
    MINUTES_PER_WORKING_DAY,
    QUA_HAN,
    WorkCalendar,
    classify_finished,
)
from motcua.clock.services import to_wall_time
from motcua.core import clock as system_clock
from motcua.dossiers import permissions
from motcua.dossiers.domain import clockstate
from motcua.dossiers.domain.workflow import (
    FINAL_STATES,
    Status,
)
from motcua.dossiers.models import (
    APPLICANT_FIELDS,
    Dossier,
    DossierEvent,
    DossierPause,
    DossierQuerySet,
    paused_values,
    running_values,
)
from motcua.org.models import OrgUnit
from motcua.org.selectors import unit_administrative, units_valid_on


def dossier_list_visible(*, user) -> QuerySet[Dossier]:
    """Dossiers `user` may read, by the policy's read scope (`domain/policy.read_scope`):
    officers and supervisors: received by or now handled in a unit of their scope; a
    citizen: their own; a digital-team member: the dossiers they filed for a citizen; a
    postal clerk: what the post carries in their units."""
    if not user.is_authenticated:
        return Dossier.objects.none()
    q = permissions.read_filter(user)
    return Dossier.objects.all() if q is None else Dossier.objects.filter(q)


def dossier_count_visible(
    *, user, cap: int, narrow: Callable[[QuerySet[Dossier]], QuerySet[Dossier]] = lambda qs: qs
) -> int:
    """How many of the dossiers `user` may read pass `narrow` (a list's filters), counted up
    to `cap` + 1: `narrow(dossier_list_visible(user=user))` counted in one statement, as a
    UNION ALL of the read scope's disjoint branches (`permissions.read_branches`). Each
    branch filters one column, so an index serves it (an index-only scan without other
    filters) where the scope's OR between the receiving and the current unit would scan the
    table."""
    if not user.is_authenticated:
        return 0
    branches = permissions.read_branches(user)
    if not branches:
        base = [Dossier.objects.none() if branches == [] else Dossier.objects.all()]
    else:
        base = [Dossier.objects.filter(b) for b in branches]
    if len(base) == 1:
        return narrow(base[0]).order_by().values("pk")[: cap + 1].count()
    # Selecting a constant keeps the scans index-only where the filters allow it.
    parts = [narrow(qs).order_by().annotate(_one=Value(1)).values("_one") for qs in base]
    return parts[0].union(*parts[1:], all=True)[: cap + 1].count()


# --- worklist ------------------------------------------------------------------------------

STAFF = STAFF_ROLES


@dataclass(frozen=True)
class Tab:
    key: str
    label: str
    roles: frozenset[Role]
    hint: str


# In this order on the page; a user sees the tabs of their roles (`worklist_tabs`).
TABS: tuple[Tab, ...] = (
    Tab(
        "cho-tiep-nhan",
        _("Chờ tiếp nhận"),
        frozenset({Role.ONE_STOP_OFFICER}),
        _("Hồ sơ nộp trực tuyến chờ Bộ phận Một cửa kiểm tra, tiếp nhận hoặc từ chối."),
    ),
    Tab(
        "can-xu-ly",
        _("Cần xử lý"),
        frozenset({Role.ONE_STOP_OFFICER, Role.SPECIALIST}),
        _(
            "Hồ sơ đã tiếp nhận chờ chuyển phòng chuyên môn; hồ sơ được giao cho bạn hoặc chưa "
            "giao ai ở bước thẩm định; hồ sơ đã ký chờ chuyển Bộ phận Một cửa."
        ),
    ),
    Tab(
        "cho-duyet",
        _("Chờ duyệt"),
        frozenset({Role.DEPARTMENT_HEAD}),
        _("Hồ sơ ở bước lãnh đạo phòng duyệt."),
    ),
    Tab("cho-ky", _("Chờ ký"), frozenset({Role.SIGNING_LEADER}), _("Hồ sơ ở bước ký kết quả.")),
    Tab(
        "cho-tra-ket-qua",
        _("Chờ trả kết quả"),
        frozenset({Role.ONE_STOP_OFFICER, Role.POSTAL_CLERK}),
        _("Hồ sơ đã có kết quả, chờ trả cho người nộp."),
    ),
    Tab(
        "cho-bo-sung",
        _("Chờ bổ sung"),
        frozenset(
            {Role.ONE_STOP_OFFICER, Role.SPECIALIST, Role.DEPARTMENT_HEAD, Role.POSTAL_CLERK}
        ),
        _("Hồ sơ đã yêu cầu bổ sung, thời hạn đang tạm dừng."),
    ),
    Tab(
        "sap-den-han",
        _("Sắp đến hạn"),
        STAFF,
        _("Hồ sơ đang giải quyết còn không quá 1 ngày làm việc."),
    ),
    Tab("qua-han", _("Quá hạn"), STAFF, _("Hồ sơ đang giải quyết đã quá hạn giải quyết.")),
    Tab("tat-ca", _("Tất cả"), STAFF | {Role.CITIZEN}, _("Mọi hồ sơ trong phạm vi của bạn.")),
)
TABS_BY_KEY = {t.key: t for t in TABS}

# Sort keys of the URL (`?sap_xep=`) and their ordering.
SORTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "han": (_("Hạn giải quyết (gần nhất trước)"), ("due_at", "id")),
    "han-giam": (_("Hạn giải quyết (xa nhất trước)"), ("-due_at", "-id")),
    "nhan-moi": (_("Ngày tiếp nhận (mới nhất trước)"), ("-received_at", "-id")),
    "nhan": (_("Ngày tiếp nhận (cũ nhất trước)"), ("received_at", "id")),
}


def worklist_tabs(*, user) -> list[Tab]:
    roles = set(user.roles)
    if user.is_superuser:
        roles |= {Role.ADMINISTRATOR}
    return [t for t in TABS if t.roles & roles]


def scope_unit_ids(*, user) -> list[int] | None:
    """The pks of the units in `user`'s scope (one query), None for a global scope."""
    unit_ids = permissions.actor_for(user).unit_ids
    return None if unit_ids is None else sorted(unit_ids)


def _in_scope(field: str, ids: list[int] | None) -> Q:
    return Q() if ids is None else Q(**{f"{field}__in": ids})


def _step_role(role: str) -> Exists:
    return Exists(
        ProcessStep.objects.filter(
            version_id=OuterRef("procedure_version_id"), order=OuterRef("current_step"), role=role
        )
    )


def _tab_filter(tab: str, *, user, ids, now, near_due_until) -> Q:
    roles = user.roles
    received_here = _in_scope("unit_id", ids)
    handled_here = _in_scope("current_unit_id", ids)
    either = Q() if ids is None else (received_here | handled_here)
    if tab == "cho-tiep-nhan":
        return Q(status=Status.NEW) & received_here
    if tab == "can-xu-ly":
        q = Q(pk__in=[])
        if Role.ONE_STOP_OFFICER in roles:
            q |= Q(status=Status.RECEIVED) & received_here
        if Role.SPECIALIST in roles:
            mine = (
                Q(assignee=user)
                | Q(assignee__isnull=True) & _step_role(Role.SPECIALIST)
                | _step_role(Role.ONE_STOP_OFFICER)
            )
            q |= Q(status=Status.PROCESSING) & handled_here & mine
        return q
    if tab == "cho-duyet":
        return Q(status=Status.PROCESSING) & handled_here & _step_role(Role.DEPARTMENT_HEAD)
    if tab == "cho-ky":
        return Q(status=Status.PROCESSING) & handled_here & _step_role(Role.SIGNING_LEADER)
    if tab == "cho-tra-ket-qua":
        return Q(status=Status.RESOLVED) & received_here
    if tab == "cho-bo-sung":
        return Q(status=Status.SUPPLEMENT_REQUESTED) & either
    if tab == "sap-den-han":
        # Running clock (paused dossiers are not late while they wait for the citizen).
        return Q(status__in=running_values(), due_at__gte=now, due_at__lte=near_due_until) & either
    if tab == "qua-han":
        return DossierQuerySet.overdue_q(now) & either
    return either  # tat-ca


def _worklist_narrowing(
    *,
    user,
    tab: str = "tat-ca",
    query: str = "",
    procedure: str = "",
    channel: int | None = None,
    now: dt.datetime | None = None,
    calendar: WorkCalendar | None = None,
    unit_ids: list[int] | None | bool = False,
) -> Callable[[QuerySet[Dossier]], QuerySet[Dossier]]:
    """The worklist's filters for one tab, as a function narrowing the reader's visible
    dossiers (the rows: `dossier_worklist`; the count: `worklist_count_visible`)."""
    now = now or system_clock.now()
    ids = scope_unit_ids(user=user) if unit_ids is False else unit_ids
    tab_q = Q()
    if not (Role.CITIZEN in user.roles and user.unit_id is None and ids is not None):
        # A citizen's list is their own dossiers (their read scope), whatever the tab.
        near = None
        if tab == "sap-den-han":
            cal = calendar or _calendar_for(user)
            near = _from_wall(cal.due(to_wall_time(now), MINUTES_PER_WORKING_DAY))
        tab_q = _tab_filter(tab, user=user, ids=ids, now=now, near_due_until=near)
    extra = Q()
    if procedure:
        extra &= Q(procedure_version__procedure__national_code=procedure)
    if channel:
        extra &= Q(channel=channel)
    query = (query or "").strip()
    if query:
        extra &= (
            Q(code__icontains=query)
            | Q(applicant_name__icontains=query)
            | Q(applicant_id_number=query)
        )

    def narrow(qs: QuerySet[Dossier]) -> QuerySet[Dossier]:
        # The tabs narrow what the reader may see, never widen it.
        return qs.filter(tab_q).filter(extra)

    return narrow


def dossier_worklist(*, user, sort: str = "han", **filters) -> QuerySet[Dossier]:
    """The worklist's rows for one tab, filtered and sorted, with what the rows show joined in.

    `filters`: `tab`, `query`, `procedure`, `channel`, `now`; `unit_ids`: the reader's scope
    from `scope_unit_ids` (pass it when already known; False: look it up). `calendar` is
    needed for the "sắp đến hạn" tab: its bound is the instant one working day from now.
    """
    if not user.is_authenticated:
        return Dossier.objects.none()
    qs = _worklist_narrowing(user=user, **filters)(dossier_list_visible(user=user))
    order = SORTS.get(sort, SORTS["han"])[1]
    return (
        qs.select_related(
            "procedure_version", "procedure_version__procedure", "current_unit", "assignee"
        )
        .only(*WORKLIST_COLUMNS)
        .order_by(*order)
    )


# What the worklist's rows show and what their clock and early warning read (issue 12 §5:
# not five whole rows per dossier).
WORKLIST_COLUMNS = (
    "code",
    "channel",
    "status",
    "applicant_name",
    "is_late_flag",
    "received_at",
    "due_at",
    "finished_at",
    "unit_id",
    "current_step",
    "procedure_version__name",
    "procedure_version__procedure__national_code",
    "current_unit__name",
    "assignee__full_name",
    "assignee__username",
)


# Counting every dossier of a busy scope (a ward's years of work) costs more than the page;
# past this many the page says "hơn 2.000" and stops paginating there.
WORKLIST_COUNT_CAP = 2_000


def worklist_count(rows: QuerySet[Dossier]) -> int:
    """How many rows the worklist has, counted up to `WORKLIST_COUNT_CAP` + 1."""
    return rows.order_by()[: WORKLIST_COUNT_CAP + 1].count()


def worklist_count_visible(*, user, sort: str = "", **filters) -> int:
    """The count of `dossier_worklist(user=user, **filters)` up to `WORKLIST_COUNT_CAP` + 1,
    through the read scope's indexed branches (`dossier_count_visible`)."""
    if not user.is_authenticated:
        return 0
    return dossier_count_visible(
        user=user, cap=WORKLIST_COUNT_CAP, narrow=_worklist_narrowing(user=user, **filters)
    )


def worklist_prefetch_open_pauses(rows: list[Dossier]) -> None:
    """Attach `open_pause` (or None) to each paused row: one query for the whole page."""
    paused_codes = paused_values()
    paused = [d.pk for d in rows if d.status in paused_codes]
    found: dict[int, DossierPause] = {}
    if paused:
        for p in DossierPause.objects.filter(dossier_id__in=paused, ended_at__isnull=True):
            found[p.dossier_id] = p
    for d in rows:
        d.open_pause = found.get(d.pk)


# --- the clock, as the rows show it --------------------------------------------------------


def _calendar_for(user) -> WorkCalendar:
    from motcua.clock.selectors import work_calendar_for

    return work_calendar_for(user.unit if user.unit_id else None)


def worklist_calendar(*, user) -> WorkCalendar:
    """The working calendar of the reader's unit, built once per request for every row."""
    return _calendar_for(user)


def _from_wall(moment: dt.datetime) -> dt.datetime:
    from motcua.clock.services import from_wall_time

    return from_wall_time(moment)


def working_time_text(minutes: int) -> str:
    """480 → "1 ngày", 600 → "1 ngày 2 giờ", 45 → "45 phút" (8 working hours = 1 day)."""
    minutes = max(0, int(minutes))
    days, rest = divmod(minutes, MINUTES_PER_WORKING_DAY)
    hours, mins = divmod(rest, 60)
    parts = []
    if days:
        parts.append(f"{days} ngày")
    if hours:
        parts.append(f"{hours} giờ")
    if mins and not days:
        parts.append(f"{mins} phút")
    return " ".join(parts) or "0 phút"


@dataclass(frozen=True)
class ClockState:
    kind: str  # "con-han" | "sap-den-han" | "qua-han" | "tam-dung" | "da-xong" | ""
    text: str


def clock_state(
    dossier: Dossier, *, now: dt.datetime, calendar: WorkCalendar, open_pause=None
) -> ClockState:
    """What the worklist says about a dossier's time: "còn 1 ngày 2 giờ làm việc",
    "quá hạn 3 giờ làm việc", "tạm dừng, còn …", or the result of a finished one.
    The state itself is `domain.clockstate.clock_state`'s; this only words it."""
    due = dossier.due_at
    if due is None:
        return ClockState("", "Chưa tính (chưa tiếp nhận)")
    status = Status(dossier.status)
    if status in FINAL_STATES or status is Status.RESOLVED:
        finished = dossier.finished_at
        if finished is None or status in (Status.WITHDRAWN, Status.STOPPED, Status.NOT_RECEIVED):
            return ClockState("da-xong", "Đã kết thúc")
        late = classify_finished(to_wall_time(finished), to_wall_time(due)) == QUA_HAN
        return ClockState(
            "qua-han" if late else "da-xong", "Xong quá hạn" if late else "Xong đúng hạn"
        )
    state = clockstate.clock_state(
        status=status,
        due_at=due,
        now=now,
        paused_since=open_pause.started_at if open_pause is not None else None,
        calendar=calendar,
    )
    minutes = abs(state.remaining_seconds or 0) // 60
    if state.phase == clockstate.PAUSED:
        if state.overdue:
            return ClockState("qua-han", f"Tạm dừng, đã quá hạn {working_time_text(minutes)}")
        return ClockState("tam-dung", f"Tạm dừng, còn {working_time_text(minutes)} làm việc")
    if state.overdue:
        return ClockState("qua-han", f"Quá hạn {working_time_text(minutes)} làm việc")
    kind = "sap-den-han" if minutes <= MINUTES_PER_WORKING_DAY else "con-han"
    return ClockState(kind, f"Còn {working_time_text(minutes)} làm việc")


# --- dossier page --------------------------------------------------------------------------


def dossier_readable_by(user, dossier: Dossier) -> bool:
    """May `user` read `dossier` (its page, its files)? Asked of the one policy
    (`permissions.may_read`): officers whose scope holds it, the citizen who owns it, the
    digital-team member who filed it for them, postal staff for what they carry."""
    if not user.is_authenticated:
        return False
    return permissions.may_read(user=user, dossier=dossier)


# What a dossier's page and the API's detail read with it (one query).
DETAIL_RELATED = (
    "procedure_version__procedure",
    "unit",
    "current_unit",
    "assignee",
    "received_by",
    "assisted_by",
)


def dossier_get_visible(*, user, code: str) -> Dossier | None:
    """The dossier `code` if the policy lets `user` read it (`policy.may_read`, the same rule
    as `dossier_list_visible`); None otherwise, as for a code that does not exist."""
    if not user.is_authenticated:
        return None
    dossier = Dossier.objects.select_related(*DETAIL_RELATED).filter(code=code).first()
    if dossier is None or not permissions.may_read(user=user, dossier=dossier):
        return None
    return dossier


def dossier_events(*, dossier: Dossier) -> QuerySet[DossierEvent]:
    return dossier.events.select_related("actor", "from_unit", "to_unit", "to_user").order_by(
        "at", "id"
    )


def transfer_targets(*, actor, dossier: Dossier, day: dt.date) -> QuerySet[OrgUnit]:
    """Units a dossier can be transferred to (liên thông): the bodies of the actor's
    administrative unit and of the one above it (a ward's dossier goes to a city department
    and back), valid on `day`, except where it is now."""
    if actor.unit_id is None:
        return units_valid_on(day=day).exclude(pk=dossier.current_unit_id).order_by("path")
    home = unit_administrative(unit=actor.unit)
    q = Q(path__startswith=home.path)
    if home.parent_id is not None:
        parent = home.parent
        q |= Q(pk=parent.pk) | (Q(parent=parent) & ~Q(kind__in=OrgUnit.ADMINISTRATIVE_KINDS))
    return (
        units_valid_on(day=day)
        .filter(q)
        .exclude(pk=dossier.current_unit_id)
        .exclude(pk=home.pk)
        .order_by("path")
    )


# --- intake --------------------------------------------------------------------------------


def _intake_units_q(unit: OrgUnit) -> Q:
    """Procedures run by `unit` (the service's rule): linked to the unit or one above it, or
    to a body inside the same administrative unit; or linked to no unit at all."""
    parts = [p for p in unit.path.split("/") if p]
    prefixes = ["/".join(parts[:i]) + "/" for i in range(1, len(parts) + 1)]
    home = unit_administrative(unit=unit)
    return Q(units__path__in=prefixes) | Q(units__path__startswith=home.path) | Q(units=None)


def procedures_for_intake(*, unit: OrgUnit | None, query: str = "") -> QuerySet[ProcedureVersion]:
    """Published procedures the desk of `unit` may receive, matching `query` (code or name,
    accent-insensitive)."""
    from motcua.catalogue.selectors import procedure_search

    qs = procedure_search(query=query)
    if unit is not None:
        matching = ProcedureVersion.objects.filter(_intake_units_q(unit)).values("pk")
        qs = qs.filter(pk__in=matching)
    return qs


def procedure_for_intake(*, unit: OrgUnit | None, pk) -> ProcedureVersion | None:
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    return procedures_for_intake(unit=unit).filter(pk=pk).prefetch_related("components").first()


def applicant_previous(*, user, id_number: str) -> Dossier | None:
    """The latest dossier in `user`'s scope filed by the holder of `id_number`."""
    id_number = (id_number or "").strip()
    if not id_number:
        return None
    return (
        dossier_list_visible(user=user)
        .filter(applicant_id_number=id_number)
        .order_by("-created_at", "-id")
        .only(*(f"applicant_{name}" for name in APPLICANT_FIELDS))
        .first()
    )
