"""Petition pages, mounted at /phan-anh/: the public answers, online submission and the
sender's lookup; the officers' worklist, intake, petition page and actions; the report.
Writes go through `motcua.petitions.services` only; access is asked of `domain/policy.py`.
"""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from motcua.accounts.scoping import scope_is_global, scope_units
from motcua.catalogue.models import Procedure
from motcua.dossiers.models import Dossier
from motcua.org.models import OrgUnit
from motcua.petitions import selectors, services
from motcua.petitions.domain import policy
from motcua.petitions.domain.lifecycle import (
    REASON_LABELS,
    TRANSITIONS,
    Action,
    PetitionError,
    actions_from,
)
from motcua.petitions.forms import IntakeForm, LookupForm, PetitionForm, ReasonForm
from motcua.petitions.models import Petition

STAFF_ACTIONS = [a for a in Action if a not in (Action.AGREE, Action.DISAGREE)]
TABS = {
    "open": gettext_lazy("Đang xử lý"),
    "near_due": gettext_lazy("Sắp đến hạn"),
    "overdue": gettext_lazy("Quá hạn"),
}


def _roles(user) -> set[str]:
    return {str(r) for r in user.roles} if user.is_authenticated else set()


def _links(data, *, user, officer: bool) -> dict:
    """Resolve the optional procedure and dossier the form names."""
    out = {"procedure": None, "dossier": None}
    if data.get("procedure_code"):
        out["procedure"] = Procedure.objects.filter(national_code=data["procedure_code"]).first()
        if out["procedure"] is None:
            raise PetitionError(_("Không tìm thấy thủ tục có mã “%s”.") % data["procedure_code"])
    if data.get("dossier_code"):
        qs = Dossier.objects.filter(code=data["dossier_code"])
        if officer:
            if not scope_is_global(user):
                qs = qs.filter(unit__in=scope_units(user))
        else:
            # A citizen links only a dossier of their own account.
            qs = qs.filter(applicant_user_id=user.pk) if user.is_authenticated else qs.none()
        out["dossier"] = qs.first()
        if out["dossier"] is None:
            raise PetitionError(
                _("Không tìm thấy hồ sơ “%s” trong các hồ sơ của bạn.") % data["dossier_code"]
            )
    return out


def _fields(form, user, *, officer=False) -> dict:
    d = form.cleaned_data
    files = [d["attachment"]] if d.get("attachment") else []
    return {
        "unit": d["unit"],
        "kind": d["kind"],
        "subject": d["subject"],
        "title": d["title"],
        "content": d["content"],
        "regulation": d["regulation"],
        "anonymous": d["anonymous"],
        "sender": {k: d[k] for k in ("name", "phone", "email", "address")},
        "attachments": files,
        **_links(d, user=user, officer=officer),
    }


# --- public --------------------------------------------------------------------------------


def public_list(request):
    query = request.GET.get("q", "").replace("\x00", "")[:200]
    page = Paginator(selectors.answers_public(query=query), 20).get_page(request.GET.get("trang"))
    return render(request, "petitions/public_list.html", {"page": page, "query": query})


def public_detail(request, code):
    p = selectors.answers_public().filter(code=code).first()
    if p is None:
        raise Http404
    return render(request, "petitions/public_detail.html", {"p": p})


def submit(request):
    form = PetitionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            p = services.petition_submit(
                user=request.user if request.user.is_authenticated else None,
                **_fields(form, request.user),
            )
        except PetitionError as e:
            form.add_error(None, str(e))
        else:
            return render(request, "petitions/submitted.html", {"p": p})
    return render(request, "petitions/submit.html", {"form": form})


def lookup(request):
    data = request.POST if request.method == "POST" else request.GET
    form = LookupForm(data if data.get("ma") else None)
    p = None
    if form.is_bound and form.is_valid():
        p = selectors.petition_by_key(code=form.cleaned_data["ma"], key=form.cleaned_data["khoa"])
        if p is None:
            form.add_error(None, _("Mã phản ánh, kiến nghị hoặc mã tra cứu không đúng."))
    if p is not None and request.method == "POST":
        action = request.POST.get("action", "")
        if action in (Action.AGREE, Action.DISAGREE, Action.INFO_RECEIVED):
            reason_form = ReasonForm(request.POST)
            try:
                if not reason_form.is_valid():
                    raise PetitionError(" ".join(reason_form.errors.get("reason", [])))
                p = services.petition_transition(
                    petition=p,
                    action=action,
                    actor=request.user if request.user.is_authenticated else None,
                    reason=reason_form.cleaned_data["reason"],
                    sender_proved=True,
                )
                messages.success(request, _("Đã ghi nhận. Cảm ơn Ông/Bà."))
            except PetitionError as e:
                messages.error(request, str(e))
            return redirect(f"{reverse('petitions:lookup')}?ma={p.code}&khoa={p.lookup_key}")
    return render(
        request,
        "petitions/lookup.html",
        {"form": form, "p": p, "actions": actions_from(p.status) if p else []},
    )


@login_required
def mine(request):
    """The signed-in sender's own petitions, newest first (one query)."""
    rows = selectors.petitions_of_sender(user=request.user)
    return render(request, "petitions/mine.html", {"rows": rows})


# --- officers ------------------------------------------------------------------------------


def _staff_or_403(user):
    if not _roles(user) & policy.READ_ALL_ROLES and not user.is_superuser:
        raise PermissionDenied(_("Trang này dành cho cán bộ, công chức."))


@login_required
def worklist(request):
    _staff_or_403(request.user)
    tab = request.GET.get("tab", "open")
    if tab not in TABS:
        tab = "open"
    items = selectors.petitions_worklist(user=request.user, tab=tab, now=request.now)
    return render(
        request,
        "petitions/worklist.html",
        {"items": items, "tab": tab, "tabs": TABS, "now": request.now},
    )


@login_required
def intake(request):
    _staff_or_403(request.user)
    units = scope_units(request.user).filter(kind__in=OrgUnit.ADMINISTRATIVE_KINDS)
    form = IntakeForm(request.POST or None, request.FILES or None, units=units)
    if request.method == "POST" and form.is_valid():
        try:
            p = services.petition_intake(
                actor=request.user,
                channel=form.cleaned_data["channel"],
                **_fields(form, request.user, officer=True),
            )
        except PetitionError as e:
            form.add_error(None, str(e))
        else:
            messages.success(
                request,
                _("Đã tiếp nhận phản ánh, kiến nghị %(code)s (mã tra cứu %(key)s).")
                % {"code": p.code, "key": p.lookup_key},
            )
            return redirect("petitions:detail", code=p.code)
    return render(request, "petitions/intake.html", {"form": form})


def _readable(request, code) -> Petition:
    p = Petition.objects.select_related("unit", "dossier", "procedure").filter(code=code).first()
    if p is None:
        raise Http404
    verdict = policy.may_read(
        roles=_roles(request.user),
        in_unit=services.in_unit(request.user, p.unit_id),
        is_sender=services.is_sender(request.user, p),
        published=p.published_at is not None,
    )
    if not verdict:
        raise Http404  # never say that someone else's petition exists
    return p


@login_required
def detail(request, code):
    p = _readable(request, code)
    roles = _roles(request.user)
    here = services.in_unit(request.user, p.unit_id)
    sender = services.is_sender(request.user, p)
    actions = [
        {"action": a, "label": _(TRANSITIONS[a].label), "reason": _(REASON_LABELS[a])
         if a in REASON_LABELS else ""}
        for a in actions_from(p.status)
        if policy.may_act(
            action=a, roles=roles, in_unit=here, is_sender=sender,
            anonymous=not p.can_be_answered_to,
        )
    ]  # fmt: skip
    return render(
        request,
        "petitions/detail.html",
        {
            "p": p,
            "actions": actions,
            "events": p.events.select_related("actor"),
            "due": selectors.current_due(p),
        },
    )


@login_required
def attachment(request, code, pk: int):
    """An attachment, to whoever may read the whole petition (officers of its unit, sender)."""
    p = _readable(request, code)
    f = p.attachments.filter(pk=pk).first()
    if f is None:
        raise Http404
    return FileResponse(
        f.file.open("rb"), as_attachment=True, filename=f.name, content_type=f.content_type
    )


@login_required
@require_POST
def act(request, code, action):
    p = _readable(request, code)
    form = ReasonForm(request.POST)
    try:
        if not form.is_valid():
            raise PetitionError(" ".join(form.errors.get("reason", [])))
        services.petition_transition(
            petition=p, action=action, actor=request.user, reason=form.cleaned_data["reason"]
        )
        messages.success(request, _("Đã cập nhật phản ánh, kiến nghị %s.") % p.code)
    except PetitionError as e:
        messages.error(request, str(e))
    return redirect("petitions:detail", code=p.code)


# --- report --------------------------------------------------------------------------------


def _period(request) -> tuple[dt.date, dt.date]:
    today = timezone.localdate(request.now)
    first = today.replace(month=1 if today.month <= 6 else 7, day=1)
    try:
        start = dt.date.fromisoformat(request.GET.get("tu") or first.isoformat())
        end = dt.date.fromisoformat(request.GET.get("den") or today.isoformat())
    except ValueError:
        start, end = first, today
    return start, end


@login_required
def report(request):
    _staff_or_403(request.user)
    from motcua.petitions import exports

    start, end = _period(request)
    by = request.GET.get("theo", "unit")
    if by not in selectors.GROUPS:
        by = "unit"
    rows = selectors.petition_report(
        start=exports.aware(start), end=exports.aware(end + dt.timedelta(days=1)),
        by=by, user=request.user,
    )  # fmt: skip
    fmt = request.GET.get("dinh_dang")
    if fmt in ("xlsx", "pdf"):
        data, content_type = exports.render(fmt, rows=rows, start=start, end=end, by=by)
        response = HttpResponse(data, content_type=content_type)
        name = f"bao-cao-phan-anh-{start:%Y%m%d}-{end:%Y%m%d}.{fmt}"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    return render(
        request,
        "petitions/report.html",
        {"rows": rows, "start": start, "end": end, "by": by, "groups": exports.GROUP_LABELS},
    )
