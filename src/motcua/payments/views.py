"""The local sandbox gateway's page: amount, reference, "Chấp nhận" / "Từ chối".

Available only while the sandbox is the configured gateway; the choice goes back to the
payment's return URL, signed (see `gateways.SandboxGateway`)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from motcua.dossiers import views_desk
from motcua.dossiers.domain.errors import DossierError
from motcua.payments import selectors
from motcua.payments.domain.callback import DECLINED, PAID
from motcua.payments.gateways import SandboxGateway, gateway_get
from motcua.payments.models import Payment
from motcua.payments.services import payment_record_counter


def _may_pay(user, payment: Payment) -> bool:
    from motcua.dossiers.selectors import dossier_readable_by

    if not user.is_authenticated:
        return False
    return payment.payer_id == user.pk or dossier_readable_by(user, payment.dossier)


@require_http_methods(["GET", "POST"])
def sandbox_page(request, reference: str):
    gateway = gateway_get()
    if not isinstance(gateway, SandboxGateway):
        raise Http404
    try:
        payment = selectors.payment_get(reference=reference)
    except Payment.DoesNotExist as exc:
        raise Http404 from exc
    if payment.method != Payment.Method.ONLINE or payment.gateway != gateway.name:
        raise Http404
    if not _may_pay(request.user, payment):
        # Holding the reference is not enough: only the payer or someone who may read the
        # dossier (its owner, the officers in scope) sees or answers this page.
        raise Http404
    if request.method == "POST" and payment.status == Payment.Status.PENDING:
        outcome = PAID if request.POST.get("ket_qua") == PAID else DECLINED
        return HttpResponseRedirect(gateway.outcome_url(payment=payment, outcome=outcome))
    return render(request, "payments/sandbox.html", {"payment": payment})


# The desk records fees paid in cash at the counter, from the dossier page's card (the form is
# dossiers.views_desk.CounterPaymentForm; the service decides who may, in which state).
@login_required
@require_POST
def payment_counter(request, code: str):
    dossier = views_desk._dossier_or_404(request, code)
    form = views_desk.CounterPaymentForm(request.POST)
    if not form.is_valid():
        messages.error(request, views_desk._errors(form))
        return views_desk._back(dossier, "#nop-tai-quay")
    try:
        payment = payment_record_counter(
            dossier=dossier,
            actor=request.user,
            amount=form.cleaned_data["amount"],
            note=form.cleaned_data["note"],
        )
    except DossierError as exc:
        messages.error(request, exc.message)
        return views_desk._back(dossier, "#nop-tai-quay")
    messages.success(
        request,
        _("Đã ghi nhận khoản nộp tại quầy, mã giao dịch %(ref)s; hồ sơ tiếp tục được giải quyết.")
        % {"ref": payment.reference},
    )
    return views_desk._back(dossier, "")
