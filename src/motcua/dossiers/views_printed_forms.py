"""Printed forms of dossiers (PDF) and the dossier log (XLSX), mounted at /ho-so/ before the
dossier pages (`urls_printed_forms.py`).

Every view needs a signed-in officer and stops at their units: a dossier, procedure or unit
outside them is a 404, as if it did not exist. Bad input gets a Vietnamese message (400).
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.views.decorators.http import require_http_methods

from motcua.accounts.scoping import scope_is_global
from motcua.catalogue.models import ProcedureVersion
from motcua.dossiers import printed_forms
from motcua.dossiers.domain.errors import DossierError
from motcua.dossiers.notify import status_path
from motcua.dossiers.selectors import dossier_list_visible
from motcua.dossiers.services import _procedure_check
from motcua.printing import FormDataError

PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The longest period one log export covers: a year and a day.
MAX_LOG_DAYS = 366


def _file(content: bytes, content_type: str, filename: str, inline: bool) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    kind = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{kind}; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"  # personal data
    return response


def _bad(message: str) -> HttpResponseBadRequest:
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")


@login_required
def dossier_form(request, code: str, form: str):
    """`/ho-so/<code>/in/<form>/`: one printed form of the dossier, PDF, inline."""
    dossier = (
        dossier_list_visible(user=request.user)
        .select_related("procedure_version", "unit", "current_unit", "received_by")
        .filter(code=code)
        .first()
    )
    if dossier is None or _not_an_officer(request.user):
        raise Http404("Không có hồ sơ này hoặc hồ sơ không thuộc phạm vi của bạn.")
    url = request.build_absolute_uri(status_path(dossier))
    try:
        pdf = printed_forms.dossier_form_pdf(dossier, form, status_url=url)
    except printed_forms.DocumentUnavailable as e:
        raise Http404(e.message) from None
    return _file(pdf, PDF, f"{dossier.code}-{form}.pdf", inline=True)


def _not_an_officer(user) -> bool:
    """Citizens read their dossiers on the portal; these forms are the officers'."""
    return user.unit_id is None and not scope_is_global(user)


@login_required
@require_http_methods(["GET", "POST"])
def guidance_slip(request):
    """`/ho-so/phieu-huong-dan/?thu_tuc=<version id>&ten=<applicant>&thieu=<component id>...`:
    the single guidance slip (Mẫu 02) for an incomplete intake that was not received."""
    params = request.POST if request.method == "POST" else request.GET
    unit = request.user.unit
    if unit is None:
        raise Http404("Tài khoản của bạn không thuộc đơn vị nào.")
    try:
        version_id = int(params.get("thu_tuc", ""))
        missing_ids = [int(v) for v in params.getlist("thieu")]
    except ValueError:
        return _bad("Mã thủ tục hoặc mã thành phần hồ sơ không hợp lệ.")
    version = ProcedureVersion.objects.filter(pk=version_id).first()
    if version is None:
        raise Http404("Không có thủ tục này.")
    try:
        _procedure_check(procedure_version=version, unit=unit)
    except DossierError:
        raise Http404("Thủ tục không thuộc thẩm quyền của đơn vị bạn.") from None
    applicant = {
        "name": params.get("ten", "").strip(),
        "address": params.get("dia_chi", "").strip(),
        "phone": params.get("dien_thoai", "").strip(),
        "email": params.get("email", "").strip(),
    }
    problems = []
    if not applicant["name"]:
        problems.append("chưa nhập tên người nộp hồ sơ")
    components = list(version.components.filter(pk__in=missing_ids).order_by("order", "pk"))
    if not missing_ids:
        problems.append("chưa chọn thành phần hồ sơ còn thiếu")
    elif len(components) != len(set(missing_ids)):
        problems.append("có thành phần không thuộc thủ tục này")
    if problems:
        return _bad(f"Không in được phiếu hướng dẫn: {'; '.join(problems)}.")
    try:
        pdf = printed_forms.guidance_pdf(
            procedure_version=version,
            unit=unit,
            applicant=applicant,
            missing=components,
            officer=request.user,
        )
    except FormDataError as e:
        return _bad(str(e))
    return _file(pdf, PDF, "phieu-huong-dan.pdf", inline=True)


def _date(value: str, label: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ValueError(f"{label} phải có dạng YYYY-MM-DD (nhận được “{value}”)") from None


@login_required
def dossier_log(request):
    """`/ho-so/so-theo-doi/?tu=YYYY-MM-DD&den=YYYY-MM-DD`: the dossier log of the reader's
    units, XLSX."""
    if _not_an_officer(request.user):
        raise Http404("Sổ theo dõi hồ sơ chỉ dành cho cán bộ, công chức.")
    try:
        start = _date(request.GET.get("tu", ""), "Ngày bắt đầu (tu)")
        end = _date(request.GET.get("den", ""), "Ngày kết thúc (den)")
    except ValueError as e:
        return _bad(f"Không xuất được sổ theo dõi hồ sơ: {e}.")
    if end < start:
        return _bad("Không xuất được sổ theo dõi hồ sơ: ngày kết thúc trước ngày bắt đầu.")
    if (end - start).days >= MAX_LOG_DAYS:
        return _bad(f"Không xuất được sổ theo dõi hồ sơ: mỗi lần xuất tối đa {MAX_LOG_DAYS} ngày.")
    content = printed_forms.dossier_log(
        dossiers=dossier_list_visible(user=request.user),
        start=start,
        end=end,
        unit=request.user.unit,
    )
    name = f"so-theo-doi-ho-so-{start:%Y%m%d}-{end:%Y%m%d}.xlsx"
    return _file(content, XLSX, name, inline=False)
