"""Officer-facing catalogue pages: search the published procedures and read one in full."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from motcua.catalogue.models import ProcedureVersion
from motcua.catalogue.selectors import procedure_history, procedure_search, procedure_version_get
from motcua.org.selectors import unit_administrative


@login_required
def procedure_list(request):
    query = request.GET.get("q", "").strip()
    home = unit_administrative(unit=request.user.unit) if request.user.unit_id else None
    mine = bool(home and request.GET.get("don_vi") == "1")
    versions = procedure_search(query=query, unit=home if mine else None)
    context = {"versions": versions, "query": query, "home": home, "mine": mine}
    # HTMX swaps only the results table; without JavaScript the whole page is served.
    template = "catalogue/_results.html" if request.htmx else "catalogue/list.html"
    return render(request, template, context)


@login_required
def procedure_detail(request, national_code: str, version: int | None = None):
    try:
        found = procedure_version_get(national_code=national_code, version=version)
    except ProcedureVersion.DoesNotExist as exc:
        raise Http404("Không có thủ tục này.") from exc
    return render(
        request,
        "catalogue/detail.html",
        {"v": found, "history": procedure_history(version=found)},
    )
