"""Officer pages for dossiers, mounted at /ho-so/."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone

from motcua.dossiers.domain.workflow import OPEN_STATES
from motcua.dossiers.selectors import WORKLIST_FILTERS, dossier_worklist

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
