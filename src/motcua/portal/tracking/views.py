"""Tracking a dossier: the public status page (code + key, rate-limited), and on the citizen's
own dossier page the online supplement, payment, result download and rating."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from motcua.accounts import ratelimit
from motcua.core.files import file_response
from motcua.dossiers.domain.errors import DossierError
from motcua.dossiers.domain.workflow import Status
from motcua.dossiers.models import Dossier
from motcua.feedback.selectors import rating_for
from motcua.feedback.services import RatingRefused, rating_create
from motcua.payments.selectors import dossier_payments
from motcua.payments.services import PaymentError, payment_callback, payment_start
from motcua.portal.tracking import selectors, services
from motcua.portal.tracking.forms import RatingForm, SupplementForm, TrackForm

TRACK_SCOPE = "track:ip"
NOT_FOUND = gettext_lazy(
    "Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu (hoặc số định danh) đã nhập. "
    "Vui lòng kiểm tra lại thông tin trên giấy tiếp nhận."
)


# --- public status page ------------------------------------------------------------------


@require_GET
def track(request):
    """`/cong-dan/tra-cuu/?ma=<code>&khoa=<lookup key or ID number>` (the receipt's QR code)."""
    context: dict = {"form": TrackForm(), "not_found": NOT_FOUND}
    status = 200
    if "ma" in request.GET or "khoa" in request.GET:
        form = TrackForm(request.GET)
        context["form"] = form
        if form.is_valid():
            if not ratelimit.ratelimit_hit(scope=TRACK_SCOPE, key=ratelimit.client_ip(request)):
                minutes = ratelimit.ratelimit_minutes_left(
                    scope=TRACK_SCOPE, key=ratelimit.client_ip(request)
                )
                context["blocked"] = ratelimit.BLOCKED_MESSAGE.format(minutes=minutes)
                status = 429
            else:
                tracking = selectors.dossier_track(
                    code=form.cleaned_data["ma"], key=form.cleaned_data["khoa"]
                )
                context["t"] = tracking
                context["searched"] = True
                if tracking is None:
                    status = 404
    return render(request, "portal/tracking/track.html", context, status=status)


# --- the citizen's own dossier -----------------------------------------------------------


def _own_dossier(request, code: str) -> Dossier:
    # Anyone else's code is "not found", never "forbidden".
    try:
        return selectors.citizen_dossier_get(user=request.user, code=code)
    except Dossier.DoesNotExist as exc:
        raise Http404(_("Không tìm thấy hồ sơ.")) from exc


def dossier_context(dossier: Dossier, *, supplement_form=None, rating_form=None) -> dict:
    """Everything the citizen's dossier page shows (used by `home.dossier_detail`)."""
    tracking = selectors.tracking_build(dossier)
    if tracking.waiting_for_supplement and supplement_form is None:
        supplement_form = SupplementForm(
            items=tracking.supplement_items, initial={"phien_ban": dossier.version}
        )
    returned = dossier.status == Status.RETURNED
    rating = rating_for(dossier=dossier) if returned else None
    if returned and rating is None and rating_form is None:
        rating_form = RatingForm()
    return {
        "d": dossier,
        "t": tracking,
        "supplement_form": supplement_form,
        "payments": list(dossier_payments(dossier=dossier)),
        "results": selectors.dossier_results(dossier=dossier),
        "rating": rating,
        "rating_form": rating_form,
    }


def _render_dossier(request, dossier, status=200, **forms):
    return render(
        request, "portal/dossiers/detail.html", dossier_context(dossier, **forms), status=status
    )


@login_required(login_url="portal:login")
@require_POST
def supplement_submit(request, code: str):
    dossier = _own_dossier(request, code)
    tracking = selectors.tracking_build(dossier)
    if not tracking.waiting_for_supplement:
        messages.error(request, _("Hồ sơ hiện không có yêu cầu bổ sung nào."))
        return redirect("portal:dossier", code=dossier.code)
    form = SupplementForm(request.POST, request.FILES, items=tracking.supplement_items)
    if not form.is_valid():
        return _render_dossier(request, dossier, status=400, supplement_form=form)
    try:
        services.supplement_submit(
            dossier=dossier,
            actor=request.user,
            components=form.components(),
            note=form.cleaned_data["ghi_chu"],
            expected_version=form.cleaned_data["phien_ban"],
        )
    except DossierError as exc:
        form.add_error(None, exc.message)
        return _render_dossier(request, dossier, status=400, supplement_form=form)
    messages.success(
        request,
        _("Đã gửi hồ sơ bổ sung. Thời hạn giải quyết được tính tiếp; hẹn trả kết quả mới: %s.")
        % date_format(timezone.localtime(dossier.appointment_at), "H:i d/m/Y"),
    )
    return redirect("portal:dossier", code=dossier.code)


@login_required(login_url="portal:login")
@require_POST
def payment_pay(request, code: str):
    dossier = _own_dossier(request, code)
    try:
        _payment, url = payment_start(
            dossier=dossier, actor=request.user, return_url=reverse("portal:payment_return")
        )
    except PaymentError as exc:
        messages.error(request, exc.message)
        return redirect("portal:dossier", code=dossier.code)
    return redirect(url)


@require_GET
def payment_return(request):
    """Where the gateway sends the citizen back; the answer is signed, so no login is needed
    to take it (an expired session must not lose a payment)."""
    try:
        payment = payment_callback(data=request.GET)
    except PaymentError as exc:
        messages.error(request, exc.message)
        return redirect("portal:my_dossiers")
    if payment.status == payment.Status.PAID:
        messages.success(
            request,
            _("Thanh toán thành công (mã giao dịch %(ref)s). Hồ sơ tiếp tục được giải quyết.")
            % {"ref": payment.reference},
        )
    else:
        messages.error(
            request,
            _(
                "Thanh toán không thành công (mã giao dịch %(ref)s): chưa có khoản tiền nào "
                "được ghi nhận, hồ sơ vẫn chờ bạn thanh toán. Bạn có thể thanh toán lại."
            )
            % {"ref": payment.reference},
        )
    return redirect("portal:dossier", code=payment.dossier.code)


@login_required(login_url="portal:login")
@require_GET
def result_download(request, code: str, result_id: int):
    dossier = _own_dossier(request, code)
    try:
        result = selectors.dossier_result_get(dossier=dossier, result_id=result_id)
    except LookupError as exc:
        raise Http404(_("Không tìm thấy kết quả.")) from exc
    return file_response(result.file)


@login_required(login_url="portal:login")
@require_POST
def rating_submit(request, code: str):
    dossier = _own_dossier(request, code)
    form = RatingForm(request.POST)
    if not form.is_valid():
        return _render_dossier(request, dossier, status=400, rating_form=form)
    try:
        rating_create(
            dossier=dossier,
            actor=request.user,
            level=form.cleaned_data["muc_do"],
            criteria=form.criteria(),
            comment=form.cleaned_data["y_kien"],
        )
    except RatingRefused as exc:
        messages.error(request, exc.message)
        return redirect("portal:dossier", code=dossier.code)
    messages.success(request, _("Cảm ơn bạn đã đánh giá mức độ hài lòng."))
    return redirect("portal:dossier", code=dossier.code)
