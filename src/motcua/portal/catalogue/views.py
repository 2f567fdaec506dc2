"""Public procedure pages: no login needed."""

from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse

from motcua.catalogue.models import Component, ProcedureVersion
from motcua.portal.catalogue import selectors

PAGE_SIZE = 20


def _int_or_none(value: str) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def procedure_list(request):
    query = request.GET.get("q", "").strip()[:200]
    field_code = request.GET.get("linh_vuc", "").strip()[:32]
    unit_id = _int_or_none(request.GET.get("don_vi"))
    units = selectors.portal_units()
    versions = selectors.portal_procedure_search(
        query=query, field_code=field_code, unit_id=unit_id, units=units
    )
    page = Paginator(versions, PAGE_SIZE).get_page(request.GET.get("trang"))
    context = {
        "page": page,
        "query": query,
        "field_code": field_code,
        "unit_id": unit_id,
        "units": units,
        "filters": request.GET.copy(),
    }
    context["filters"].pop("trang", None)
    # HTMX swaps only the results; without JavaScript the whole page is served.
    if request.htmx:
        return render(request, "portal/catalogue/_results.html", context)
    context["fields"] = selectors.portal_fields()
    return render(request, "portal/catalogue/list.html", context)


def file_start_url(version: ProcedureVersion) -> str | None:
    """The online-filing link for online-eligible procedures, once that part exists."""
    if version.online_level not in selectors.ONLINE_LEVELS:
        return None
    try:
        return reverse(
            "portal:file_start", kwargs={"national_code": version.procedure.national_code}
        )
    except NoReverseMatch:
        return None


def procedure_detail(request, national_code: str):
    try:
        version = selectors.portal_procedure_get(national_code=national_code)
    except ProcedureVersion.DoesNotExist as exc:
        raise Http404("Không có thủ tục này trên Cổng dịch vụ công.") from exc
    return render(
        request,
        "portal/catalogue/detail.html",
        {
            "v": version,
            "online": version.online_level in selectors.ONLINE_LEVELS,
            "file_url": file_start_url(version),
        },
    )


def component_template(request, national_code: str, component_id: int):
    try:
        component = selectors.portal_component_template(
            national_code=national_code, component_id=component_id
        )
    except Component.DoesNotExist as exc:
        raise Http404("Không có mẫu này.") from exc
    storage = component.template_file.storage
    if not storage.exists(component.template_file.name):
        raise Http404("Tệp mẫu chưa được tải lên.")
    return FileResponse(storage.open(component.template_file.name, "rb"), as_attachment=True)
