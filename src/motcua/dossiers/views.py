"""Officer pages for dossiers, mounted at /ho-so/."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from motcua.dossiers.domain.workflow import OPEN_STATES, actions_available
from motcua.dossiers.selectors import (
    WORKLIST_FILTERS,
    dossier_events,
    dossier_list_visible,
    dossier_worklist,
)

PAGE_SIZE = 50


@login_required
def worklist(request):
    current = request.GET.get("loc", "")
    if current not in WORKLIST_FILTERS:
        current = ""
    query = request.GET.get("q", "").strip()
    now = timezone.now()
    rows = dossier_worklist(user=request.user, filter=current, query=query, now=now)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("trang"))
    return render(
        request,
        "dossiers/worklist.html",
        {
            "page": page,
            "filters": WORKLIST_FILTERS,
            "current": current,
            "query": query,
            "now": now,
            "open_statuses": [s.value for s in OPEN_STATES],
        },
    )


@login_required
def dossier_detail(request, code: str):
    dossier = (
        dossier_list_visible(user=request.user)
        .select_related(
            "procedure_version", "unit", "current_unit", "assignee", "received_by", "assisted_by"
        )
        .filter(code=code)
        .first()
    )
    if dossier is None:
        raise Http404("Không có hồ sơ này hoặc hồ sơ không thuộc phạm vi của bạn.")
    roles = {r.value for r in request.user.roles}
    return render(
        request,
        "dossiers/detail.html",
        {
            "d": dossier,
            "components": dossier.components.all(),
            "pauses": dossier.pauses.all(),
            "events": dossier_events(dossier=dossier),
            "actions": actions_available(state=dossier.status, roles=roles),
        },
    )
