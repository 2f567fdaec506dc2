"""Two desk tasks on the dossier page that are not workflow transitions: attaching the
electronic result (`services.dossier_result_attach`) and recording fees paid in cash at the
counter (the form here; its view is `payments.views.payment_counter`, since payments builds on
dossiers).

Thin views: the services decide who may do what, in which state, and check the file; the page
shows their Vietnamese message when they refuse. `desk_context` gives the dossier page what it
needs to show both cards.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from motcua.dossiers import selectors, services
from motcua.dossiers.domain import policy
from motcua.dossiers.domain.errors import DossierError
from motcua.dossiers.domain.policy import Task
from motcua.dossiers.domain.workflow import Action
from motcua.dossiers.models import Dossier

# What the file picker offers (the service checks the content, not the name).
ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"


class ResultForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Tên kết quả"),
        max_length=255,
        error_messages={"required": gettext_lazy("Vui lòng nhập tên kết quả.")},
        help_text=gettext_lazy("Ví dụ: Giấy khai sinh (bản điện tử)."),
    )
    file = forms.FileField(
        label=gettext_lazy("Tệp kết quả đã ký số (PDF, JPEG, PNG)"),
        error_messages={
            "required": gettext_lazy("Vui lòng chọn tệp kết quả (PDF, JPEG hoặc PNG)."),
            "empty": gettext_lazy("Tệp đã chọn rỗng (0 byte): vui lòng chọn lại."),
        },
    )


class CounterPaymentForm(forms.Form):
    amount = forms.IntegerField(
        label=gettext_lazy("Số tiền đã nộp (đồng)"),
        min_value=1,
        max_value=10_000_000_000,
        error_messages={
            "required": gettext_lazy("Vui lòng nhập số tiền đã nộp."),
            "invalid": gettext_lazy("Số tiền phải là số nguyên, tính bằng đồng (ví dụ 75000)."),
            "min_value": gettext_lazy("Số tiền đã nộp phải lớn hơn 0 đồng."),
            "max_value": gettext_lazy("Số tiền quá lớn: vui lòng kiểm tra lại."),
        },
    )
    note = forms.CharField(label=gettext_lazy("Ghi chú"), max_length=500, required=False)


def _requested_amount(dossier: Dossier) -> int | None:
    event = (
        dossier.events.filter(action=Action.REQUEST_PAYMENT.value).order_by("-at", "-id").first()
    )
    amount = (event.data or {}).get("amount") if event is not None else None
    return int(amount) if amount else None


def desk_context(dossier: Dossier, *, actor: policy.Actor, situation: policy.Situation) -> dict:
    """What the dossier page shows of the two desk tasks: the cards the policy allows
    (`policy.task_decide`, the same answer the services give)."""
    can_attach = policy.task_decide(actor, situation, Task.RESULT_ATTACH).allowed
    can_cash = policy.task_decide(actor, situation, Task.COUNTER_CASH).allowed
    return {
        "results": list(dossier.results.order_by("issued_at", "id")),
        "result_form": ResultForm() if can_attach else None,
        "result_accept": ACCEPT,
        "cash_form": CounterPaymentForm(initial={"amount": _requested_amount(dossier)})
        if can_cash
        else None,
    }


def _dossier_or_404(request, code: str) -> Dossier:
    from django.http import Http404

    dossier = selectors.dossier_get_visible(user=request.user, code=code)
    if dossier is None:
        raise Http404(_("Không có hồ sơ này hoặc hồ sơ không thuộc phạm vi của bạn."))
    return dossier


def _errors(form: forms.Form) -> str:
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


def _back(dossier: Dossier, anchor: str):
    return redirect(reverse("dossiers:detail", args=[dossier.code]) + anchor)


@login_required
@require_POST
def result_attach(request, code: str):
    dossier = _dossier_or_404(request, code)
    form = ResultForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _errors(form))
        return _back(dossier, "#ket-qua-dien-tu")
    try:
        services.dossier_result_attach(
            dossier=dossier,
            actor=request.user,
            file=form.cleaned_data["file"],
            name=form.cleaned_data["name"],
        )
    except DossierError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("Đã đính kèm kết quả điện tử: %(name)s.") % {"name": form.cleaned_data["name"]},
        )
    return _back(dossier, "#ket-qua-dien-tu")
