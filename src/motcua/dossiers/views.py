"""Officer pages for dossiers, mounted at /ho-so/: counter intake, worklists, the dossier page
and its actions. Server-rendered; HTMX swaps fragments where it helps, and every page also
works without JavaScript. Writes go through `motcua.dossiers.services` only.
"""

from __future__ import annotations

import datetime as dt
import uuid
from urllib.parse import quote, urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from motcua.accounts.roles import Role
from motcua.catalogue.models import Component
from motcua.core.idempotency import (
    IdempotencyError,
    idempotency_claim,
    idempotency_complete,
    request_fingerprint,
)
from motcua.dossiers import deadlines, permissions, printed_forms, selectors, services, views_desk
from motcua.dossiers.domain import policy
from motcua.dossiers.domain.errors import ConcurrentUpdate, DossierError, DossierIncomplete
from motcua.dossiers.domain.policy import Refusal
from motcua.dossiers.domain.workflow import (
    OPEN_STATES,
    STATUS_LABELS,
    Action,
    Channel,
)
from motcua.dossiers.earlywarning import mark_at_risk
from motcua.dossiers.forms import (
    UPLOAD_RULE,
    ActionForm,
    IntakeForm,
    local_input,
    upload_check,
)
from motcua.dossiers.models import Dossier

PAGE_SIZE = 50


class WorklistPaginator(Paginator):
    """Counts up to `WORKLIST_COUNT_CAP` + 1 rows: `count()` (the read scope's indexed
    branches, `selectors.worklist_count_visible`), else the rows' `selectors.worklist_count`."""

    def __init__(self, object_list, per_page, *, counter=None):
        super().__init__(object_list, per_page)
        self.counter = counter

    @cached_property
    def count(self) -> int:
        if self.counter is not None:
            return self.counter()
        return selectors.worklist_count(self.object_list)

    @property
    def capped(self) -> bool:
        return self.count > selectors.WORKLIST_COUNT_CAP


SUGGESTIONS = 15

# --- printed forms (the colleague's PDF downloads) ----------------------------------------


def document_url(code: str, form: str) -> str | None:
    """The PDF of printed form `form` ("receipt", "supplement"…) of dossier `code`, or None
    while the printed forms URLs (`dossiers/urls_printed_forms.py`) are not mounted."""
    try:
        return reverse("dossier_documents:form", kwargs={"code": code, "form": form})
    except NoReverseMatch:
        return None


def guidance_pdf_url(version, missing, applicant: dict) -> str | None:
    """The PDF guidance slip (Mẫu 02) for an intake that was not received, or None while the
    documents URLs are not mounted."""
    try:
        base = reverse("dossier_documents:guidance")
    except NoReverseMatch:
        return None
    params = [("thu_tuc", version.pk), *(("thieu", c.pk) for c in missing)]
    params += [
        ("ten", applicant.get("name", "")),
        ("dia_chi", applicant.get("address", "")),
        ("dien_thoai", applicant.get("phone", "")),
        ("email", applicant.get("email", "")),
    ]
    return f"{base}?{urlencode(params)}"


# --- worklist ------------------------------------------------------------------------------

_CODE_MARK = "__ma_ho_so__"
# What `reverse` leaves unquoted in a path (django.urls.resolvers' RFC 3986 sub-delimiters).
_PATH_SAFE = "!$&'()*+,;=/~:@"


def _local_time(value: dt.datetime | None) -> tuple[str, str] | None:
    """`|date:'c'` and `|date:"H:i d/m/Y"` of the template, in the current time zone."""
    if value is None:
        return None
    local = timezone.localtime(value)
    return local.isoformat(), f"{local:%H:%M %d/%m/%Y}"


def worklist_cells(rows: list[Dossier]) -> list[dict]:
    """Each worklist row's display values, computed here once per page instead of by the
    template's per-row lookups, filters and `{% url %}`/`{% translate %}` tags (issue 12 §5:
    the template was about half the page's time). Labels are translated once per value; the
    template prints the values as they are (escaped), so the HTML is what it was."""
    detail = reverse("dossiers:detail", args=[_CODE_MARK])
    channels: dict[int, str] = {}
    statuses: dict[int, str] = {}
    cells = []
    for d in rows:
        if d.channel not in channels:
            channels[d.channel] = _(str(d.get_channel_display()))
        if d.status not in statuses:
            statuses[d.status] = _(str(d.get_status_display()))
        version = d.procedure_version
        cells.append(
            {
                "url": detail.replace(_CODE_MARK, quote(d.code, safe=_PATH_SAFE)),
                "code": d.code,
                "channel": channels[d.channel],
                "applicant_name": d.applicant_name,
                "procedure_name": version.name,
                "national_code": version.procedure.national_code,
                "status": statuses[d.status],
                "late": d.is_late_flag,
                "unit": d.current_unit.name,
                "assignee": str(d.assignee) if d.assignee else "",
                "received": _local_time(d.received_at),
                "due": _local_time(d.due_at),
                "clock_kind": d.clock.kind,
                "clock_text": d.clock.text,
                "at_risk": d.at_risk,
            }
        )
    return cells


@login_required
def worklist(request):
    user = request.user
    tabs = selectors.worklist_tabs(user=user)
    if not tabs:
        raise PermissionDenied("Tài khoản của bạn không có danh sách hồ sơ.")
    keys = [t.key for t in tabs]
    tab = request.GET.get("tab") or keys[0]
    if tab not in keys:
        tab = keys[0]
    sort = request.GET.get("sap_xep", "han")
    if sort not in selectors.SORTS:
        sort = "han"
    query = request.GET.get("q", "").strip()
    procedure = request.GET.get("thu_tuc", "").strip()
    try:
        channel = int(request.GET.get("kenh") or 0)
    except ValueError:
        channel = 0
    if channel not in {c.value for c in Channel}:
        channel = 0
    now = request.now
    calendar = selectors.worklist_calendar(user=user)
    filters = dict(
        tab=tab,
        query=query,
        procedure=procedure,
        channel=channel or None,
        now=now,
        calendar=calendar,
        unit_ids=selectors.scope_unit_ids(user=user),
    )
    rows = selectors.dossier_worklist(user=user, sort=sort, **filters)
    page = WorklistPaginator(
        rows, PAGE_SIZE, counter=lambda: selectors.worklist_count_visible(user=user, **filters)
    ).get_page(request.GET.get("trang"))
    objects = list(page.object_list)
    selectors.worklist_prefetch_open_pauses(objects)
    for d in objects:
        d.clock = selectors.clock_state(d, now=now, calendar=calendar, open_pause=d.open_pause)
    mark_at_risk(objects, now=now, calendar=calendar)  # "nguy cơ trễ hạn" (issue 13)
    params = request.GET.copy()
    params.pop("trang", None)
    context = {
        "tabs": tabs,
        "tab": selectors.TABS_BY_KEY[tab],
        "page": page,
        "rows": worklist_cells(objects),
        "sorts": selectors.SORTS,
        "sort": sort,
        "query": query,
        "procedure": procedure,
        "channel": channel,
        "channels": [(c.value, c.label) for c in Channel],
        "params": params.urlencode(),
        "now": now,
        "can_receive": Role.ONE_STOP_OFFICER in user.roles,
        "count_cap": selectors.WORKLIST_COUNT_CAP,
    }
    template = "dossiers/_worklist_table.html" if request.htmx else "dossiers/worklist.html"
    return render(request, template, context)


# --- counter intake ------------------------------------------------------------------------


def _desk_user(request):
    user = request.user
    if Role.ONE_STOP_OFFICER not in user.roles:
        raise PermissionDenied("Chỉ công chức Bộ phận Một cửa được tiếp nhận hồ sơ tại quầy.")
    return user


def _components(version) -> list[Component]:
    return list(version.components.all()) if version is not None else []


def _ticked(request, components) -> set[int]:
    given = set(request.POST.getlist("thanh_phan"))
    return {c.pk for c in components if str(c.pk) in given}


def _files(request, components) -> tuple[dict[int, object], dict[int, str]]:
    files, errors = {}, {}
    for c in components:
        f = request.FILES.get(f"tep_{c.pk}")
        if not f:
            continue
        try:
            upload_check(f, label=c.name)
        except ValidationError as exc:
            errors[c.pk] = " ".join(exc.messages)
        else:
            files[c.pk] = f
    return files, errors


def _preview(version, unit, now):
    """The appointment the receipt would give now: the service's own clock code."""
    return deadlines.deadline(
        received_at=now,
        duration_minutes=version.legal_minutes,
        procedure_version=version,
        unit=unit,
    )


def _intake_context(request, *, form, version, query="", ticked=(), **extra):
    unit = request.user.unit
    suggestions = []
    if version is None and query:
        suggestions = list(selectors.procedures_for_intake(unit=unit, query=query)[:SUGGESTIONS])
    return {
        "form": form,
        "version": version,
        "components": _components(version),
        "ticked": set(ticked),
        "query": query,
        "suggestions": suggestions,
        "unit": unit,
        "upload_rule": UPLOAD_RULE,
        "file_errors": {},
        **extra,
    }


@login_required
def intake(request):
    """Tiếp nhận hồ sơ tại quầy: procedure → applicant → components → preview → receive."""
    user = _desk_user(request)
    if user.unit_id is None:
        raise PermissionDenied("Tài khoản chưa gắn với Bộ phận Một cửa của đơn vị nào.")
    if request.method == "POST":
        return _intake_post(request)
    query = request.GET.get("q", "").strip()
    version = None
    if request.GET.get("thu_tuc"):
        version = selectors.procedure_for_intake(unit=user.unit, pk=request.GET["thu_tuc"])
        if version is None:
            messages.error(request, _("Không tìm thấy thủ tục đã chọn trong danh mục của đơn vị."))
    form = IntakeForm(
        initial={"thu_tuc": version.pk if version else None, "token": uuid.uuid4().hex}
    )
    return render(
        request,
        "dossiers/intake.html",
        _intake_context(request, form=form, version=version, query=query),
    )


@login_required
def intake_procedures(request):
    """HTMX suggestions while typing the procedure's name or code."""
    user = _desk_user(request)
    query = request.GET.get("q", "").strip()
    found = (
        list(selectors.procedures_for_intake(unit=user.unit, query=query)[:SUGGESTIONS])
        if query
        else []
    )
    return render(
        request, "dossiers/_intake_suggestions.html", {"suggestions": found, "query": query}
    )


@login_required
def intake_applicant(request):
    """Look up a previous applicant by ID number (HTMX fragment of the applicant fields)."""
    user = _desk_user(request)
    id_number = request.GET.get("applicant_id_number", "").strip()
    found = selectors.applicant_previous(user=user, id_number=id_number)
    initial = {"applicant_id_number": id_number}
    if found is not None:
        initial.update(
            applicant_kind=found.applicant_kind,
            applicant_name=found.applicant_name,
            applicant_phone=found.applicant_phone,
            applicant_email=found.applicant_email,
            applicant_address=found.applicant_address,
        )
    return render(
        request,
        "dossiers/_intake_applicant.html",
        {"form": IntakeForm(initial=initial), "lookup": id_number, "found": found},
    )


def _intake_post(request):
    user = request.user
    unit = user.unit
    step = (request.POST.getlist("buoc") or ["xem-truoc"])[-1]
    version = selectors.procedure_for_intake(unit=unit, pk=request.POST.get("thu_tuc"))
    components = _components(version)
    ticked = _ticked(request, components)

    if step == "tra-cuu":  # no-JS applicant lookup: refill the form, validate nothing
        initial = request.POST.dict()
        found = selectors.applicant_previous(
            user=user, id_number=request.POST.get("applicant_id_number", "")
        )
        if found is not None:
            for f in ("kind", "name", "phone", "email", "address"):
                initial[f"applicant_{f}"] = getattr(found, f"applicant_{f}")
        context = _intake_context(
            request, form=IntakeForm(initial=initial), version=version, ticked=ticked
        )
        context["lookup_done"] = True
        context["lookup_found"] = found
        return render(request, "dossiers/intake.html", context)

    form = IntakeForm(request.POST)
    valid = form.is_valid()
    if version is None and "thu_tuc" not in form.errors:
        form.add_error(
            None,
            _("Không tìm thấy thủ tục đã chọn trong danh mục thủ tục mà đơn vị của bạn tiếp nhận."),
        )
        valid = False
    # Files are checked at "Kiểm tra" too: a renamed program must not be called complete.
    files, file_errors = _files(request, components)
    missing = [c for c in components if c.required and c.pk not in ticked]
    now = request.now
    context = _intake_context(
        request,
        form=form,
        version=version,
        ticked=ticked,
        file_errors=file_errors,
        missing=missing if valid else [],
        step=step,
    )
    if valid and not missing and not file_errors:
        context["deadline"] = _preview(version, unit, now)

    # A whole page drops every file the officer chose (a browser never refills a file input):
    # it names the accepted ones to choose again. With HTMX only the check's box is replaced,
    # so the chosen files stay in their inputs.
    context["choose_again"] = [c.name for c in components if c.pk in files]

    if step != "tiep-nhan" or not valid or missing or file_errors:
        if valid and missing:
            _guidance_urls(context, version, missing, form)
        return _intake_refused(request, context, status=200 if step == "xem-truoc" else 400)

    token = form.cleaned_data["token"]
    received = [
        {"name": c.name, "form": c.form, "copies": c.copies, "file": files.get(c.pk)}
        for c in components
        if c.pk in ticked
    ]
    try:
        with transaction.atomic():
            # One-time token: a second POST of the same form shows the dossier made by the first.
            record = idempotency_claim(
                user=user,
                key=f"tiep-nhan:{token}",
                fingerprint=request_fingerprint(
                    method="POST", path=reverse("dossiers:intake"), data={"token": token}
                ),
            )
            if record.is_replay:
                code = record.response_body["code"]
                messages.info(
                    request,
                    _("Hồ sơ này đã được tiếp nhận trước đó với mã %(code)s.") % {"code": code},
                )
                return _redirect(request, reverse("dossiers:detail", args=[code]))
            d = form.cleaned_data
            dossier = services.dossier_create(
                actor=user,
                procedure_version=version,
                unit=unit,
                applicant=form.applicant(),
                channel=d["channel"],
                components=received,
                at=now,
                postal_receipt_no=d.get("postal_receipt_no", ""),
                result_delivery=d["result_delivery"],
                postmarked_at=_postmark(d),
            )
            idempotency_complete(record=record, status_code=302, body={"code": dossier.code})
    except DossierIncomplete as exc:  # the catalogue changed between preview and confirm
        names = set(exc.missing)
        context["missing"] = [c for c in components if c.name in names]
        _guidance_urls(context, version, context["missing"], form)
        context.pop("deadline", None)
        return _intake_refused(request, context, status=400)
    except (DossierError, IdempotencyError) as exc:
        context["error"] = exc.message
        context.pop("deadline", None)
        return _intake_refused(request, context, status=400)
    appointment = timezone.localtime(dossier.appointment_at)
    messages.success(
        request,
        _("Đã tiếp nhận hồ sơ %(code)s. Hẹn trả kết quả: %(due)s.")
        % {"code": dossier.code, "due": f"{appointment:%H:%M %d/%m/%Y}"},
    )
    return _redirect(request, reverse("dossiers:detail", args=[dossier.code]))


def _intake_refused(request, context, *, status: int):
    """The check's answer: the box under the form (HTMX, which swaps 2xx answers only, so the
    form and its chosen files stay as they are), or the whole page again."""
    if request.htmx:
        return render(request, "dossiers/_intake_preview.html", context)
    return render(request, "dossiers/intake.html", context, status=status)


def _postmark(d) -> dt.datetime | None:
    """The stamp's date of a postal filing, as the start of that day in Vietnam."""
    day = d.get("postmark_date")
    if d.get("channel") != Channel.POSTAL or day is None:
        return None
    return dt.datetime.combine(day, dt.time(), tzinfo=timezone.get_current_timezone())


def _guidance_urls(context, version, missing, form) -> None:
    """Links to the guidance slip: the legal PDF when mounted, and the printable page."""
    applicant = form.applicant() if hasattr(form, "cleaned_data") else {}
    context["guidance_pdf_url"] = guidance_pdf_url(version, missing, applicant)
    params = [("thu_tuc", version.pk), *(("thieu", c.pk) for c in missing)]
    if applicant.get("name"):
        params.append(("ten", applicant["name"]))
    context["guidance_url"] = f"{reverse('dossiers:intake_guidance')}?{urlencode(params)}"


@login_required
def intake_guidance(request):
    """The single guidance slip (hướng dẫn bổ sung, Mẫu 02) listing every missing component.
    Printable HTML; nothing is saved."""
    user = _desk_user(request)
    version = selectors.procedure_for_intake(unit=user.unit, pk=request.GET.get("thu_tuc"))
    if version is None:
        raise Http404("Không tìm thấy thủ tục.")
    wanted = set(request.GET.getlist("thieu"))
    missing = [c for c in _components(version) if str(c.pk) in wanted]
    return render(
        request,
        "dossiers/intake_guidance.html",
        {
            "version": version,
            "missing": missing,
            "applicant": request.GET.get("ten", "").strip(),
            "unit": user.unit,
            "now": request.now,
            "officer": user,
        },
    )


def _redirect(request, url: str):
    if request.htmx:
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    return redirect(url)


# --- the dossier page and its actions ------------------------------------------------------

SERVICES = {
    Action.RECEIVE: services.dossier_accept,
    Action.REFUSE: services.dossier_refuse,
    Action.ASSIGN: services.dossier_assign,
    Action.FORWARD: services.dossier_forward,
    Action.TRANSFER: services.dossier_transfer,
    Action.TRANSFER_RETURN: services.dossier_transfer_return,
    Action.SEND_BACK: services.dossier_send_back,
    Action.REQUEST_SUPPLEMENT: services.dossier_request_supplement,
    Action.RECEIVE_SUPPLEMENT: services.dossier_receive_supplement,
    Action.REQUEST_PAYMENT: services.dossier_request_payment,
    Action.PAYMENT_RECEIVED: services.dossier_payment_received,
    Action.APPROVE: services.dossier_approve,
    Action.SIGN: services.dossier_sign,
    Action.MARK_RESULT_READY: services.dossier_mark_result_ready,
    Action.STOP: services.dossier_stop,
    Action.WITHDRAW: services.dossier_withdraw,
    Action.APOLOGISE: services.dossier_apologise,
    Action.RETURN_RESULT: services.dossier_return_result,
}


class _Page:
    """What the dossier page needs to offer actions: loaded once per request, decided by the
    policy (`domain/policy.py`) — the page offers exactly what the services will accept."""

    def __init__(self, *, user, dossier: Dossier, events, now):
        self.user = user
        self.dossier = dossier
        self.now = now
        self.steps = list(dossier.procedure_version.steps.order_by("order"))
        self.situation = permissions.situation_for(dossier, steps=self.steps, events=events)
        self.actor = permissions.actor_for(user)

    @property
    def current(self):
        return next((s for s in self.steps if s.order == self.dossier.current_step), None)

    def verdict(self, action: Action):
        return policy.decide(self.actor, self.situation, action, now=self.now)

    def offered(self) -> list[Action]:
        return policy.actions_allowed(self.actor, self.situation, now=self.now)


def _action_form(page: _Page, action: Action, data=None) -> ActionForm:
    d = page.dossier
    kwargs: dict = {"action": action}
    candidates = permissions.assignee_candidates(
        user=page.user, situation=page.situation, action=action
    )
    if candidates is not None:
        kwargs["assignees"] = candidates
        kwargs["assignee_required"] = action is Action.ASSIGN
    if action is Action.TRANSFER:
        kwargs["units"] = selectors.transfer_targets(
            actor=page.user, dossier=d, day=timezone.localdate(page.now)
        )
    initial = {"expected_version": d.version}
    if action is Action.RETURN_RESULT:
        initial["result_delivery"] = d.result_delivery
    if action is Action.APOLOGISE and d.due_at is not None:
        initial["new_appointment"] = local_input(d.due_at + dt.timedelta(days=1))
    return ActionForm(data, initial=initial, **kwargs)


def _detail_context(request, dossier: Dossier, *, failed: ActionForm | None = None, error=""):
    now = request.now
    events = list(selectors.dossier_events(dossier=dossier))
    for e in events:
        e.from_status_label = STATUS_LABELS.get(e.from_status, "") if e.from_status else "—"
        e.to_status_label = STATUS_LABELS.get(e.to_status, "") if e.to_status else ""
    page = _Page(user=request.user, dossier=dossier, events=events, now=now)
    forms = []
    for action in page.offered():
        if failed is not None and failed.action is action:
            forms.append(failed)
        else:
            forms.append(_action_form(page, action))
    calendar = selectors.worklist_calendar(user=request.user)
    pauses = list(dossier.pauses.all())
    open_pause = next((p for p in pauses if p.ended_at is None), None)
    return {
        "d": dossier,
        "components": list(dossier.components.all()),
        "pauses": pauses,
        "events": events,
        "steps": page.steps,
        "current_step": page.current,
        "forms": forms,
        "error": error,
        "failed_action": failed.action.value if failed is not None else "",
        "clock": selectors.clock_state(dossier, now=now, calendar=calendar, open_pause=open_pause),
        "is_open": dossier.status in {s.value for s in OPEN_STATES},
        "receipt_url": document_url(dossier.code, "receipt") if dossier.received_at else None,
        "control_sheet_url": document_url(dossier.code, "control_sheet")
        if dossier.received_at
        else None,
        "supplement_url": document_url(dossier.code, "supplement")
        if dossier.supplement_count
        else None,
        "closing_urls": {
            form: document_url(dossier.code, form) for form in printed_forms.closing_forms(dossier)
        },
        **views_desk.desk_context(dossier, actor=page.actor, situation=page.situation),
    }


def _visible_or_404(request, code: str) -> Dossier:
    dossier = selectors.dossier_get_visible(user=request.user, code=code)
    if dossier is None:
        raise Http404("Không có hồ sơ này hoặc hồ sơ không thuộc phạm vi của bạn.")
    return dossier


@login_required
def dossier_detail(request, code: str):
    dossier = _visible_or_404(request, code)
    return render(request, "dossiers/detail.html", _detail_context(request, dossier))


@login_required
@require_POST
def dossier_action(request, code: str, action: str):
    try:
        action = Action(action)
    except ValueError:
        raise Http404("Thao tác không tồn tại.") from None
    dossier = _visible_or_404(request, code)
    now = request.now
    events = list(selectors.dossier_events(dossier=dossier))
    page = _Page(user=request.user, dossier=dossier, events=events, now=now)
    verdict = page.verdict(action)
    posted = request.POST.get("expected_version", "")
    stale = posted.isdigit() and int(posted) != dossier.version
    if not verdict.allowed and not stale:  # stale: "someone acted first" says more (below)
        # Only what the page offers can be posted: the policy's reason, nothing written.
        status = 403 if verdict.refusal in (Refusal.ROLE, Refusal.SCOPE) else 409
        if request.htmx:
            return HttpResponse(verdict.reason, status=status, content_type="text/plain")
        return render(
            request,
            "dossiers/detail.html",
            _detail_context(request, dossier, error=verdict.reason),
            status=status,
        )
    form = _action_form(page, action, data=request.POST)
    error = ""
    status = 400
    if form.is_valid() and form.cleaned_data["expected_version"] != dossier.version:
        # Someone acted since this page was loaded: say so, rather than whichever rule the
        # newer state breaks first. (The service checks the version again when it writes.)
        error = ConcurrentUpdate(dossier.code).message
        status = 409
    elif form.is_valid():
        try:
            SERVICES[action](
                dossier=dossier, actor=request.user, at=request.now, **form.service_kwargs()
            )
        except DossierError as exc:
            error = exc.message
            status = 409 if isinstance(exc, ConcurrentUpdate) else 400
        else:
            messages.success(request, _("Đã thực hiện: %(action)s.") % {"action": action.label})
            visible = selectors.dossier_list_visible(user=request.user).filter(pk=dossier.pk)
            if not visible.exists():  # handed back out of the reader's units (liên thông)
                messages.info(
                    request,
                    _("Hồ sơ %(code)s đã chuyển khỏi đơn vị của bạn.") % {"code": dossier.code},
                )
                return _redirect(request, reverse("dossiers:worklist"))
            return _redirect(request, reverse("dossiers:detail", args=[dossier.code]))
        # Nothing was written: show the dossier as it is now, with the officer's input kept.
        dossier = _visible_or_404(request, code)
    if request.htmx:
        return render(
            request,
            "dossiers/_action_form.html",
            {"d": dossier, "f": form, "error": error, "open": True},
        )
    return render(
        request,
        "dossiers/detail.html",
        _detail_context(request, dossier, failed=form, error=error),
        status=status,
    )
