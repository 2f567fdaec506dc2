"""The local sandbox gateway's page: amount, reference, "Chấp nhận" / "Từ chối".

Available only while the sandbox is the configured gateway; the choice goes back to the
payment's return URL, signed (see `gateways.SandboxGateway`)."""

from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from motcua.payments import selectors
from motcua.payments.domain.callback import DECLINED, PAID
from motcua.payments.gateways import SandboxGateway, gateway_get
from motcua.payments.models import Payment


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
