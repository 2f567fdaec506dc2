"""Thin views: the officer certifies a copy; anyone verifies a copy or a signed result."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from motcua.accounts.scoping import scope_filter, scope_units
from motcua.certify import selectors, services
from motcua.certify.models import SignedDocument
from motcua.certify.pdf import CertifyError
from motcua.certify.policy import may_certify
from motcua.certify.verification import verdict_for
from motcua.org.models import OrgUnit


class VerifyForm(forms.Form):
    file = forms.FileField(label=_("Tệp bản sao điện tử (PDF)"))


class CopyForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Cơ quan chứng thực"), queryset=OrgUnit.objects.none())
    title = forms.CharField(label=_("Tên giấy tờ"), max_length=500)
    file = forms.FileField(label=_("Bản quét hoặc tệp PDF của bản chính"))
    compared = forms.BooleanField(label=_("Tôi đã đối chiếu bản sao với bản chính"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = scope_units(user).order_by("path")


def _verdict(request, expected=None):
    form = VerifyForm(request.POST or None, request.FILES or None)
    verdict = None
    if request.method == "POST" and form.is_valid():
        verdict = verdict_for(data=form.cleaned_data["file"].read(), expected=expected)
    return form, verdict


@require_http_methods(["GET", "POST"])
def verify_upload(request):
    form, verdict = _verdict(request)
    return render(request, "certify/verify.html", {"form": form, "verdict": verdict})


@require_http_methods(["GET", "POST"])
def verify(request, token):
    document = selectors.signed_document_by_token(token=token)
    if document is None:
        raise Http404
    form, verdict = _verdict(request, expected=document)
    return render(
        request,
        "certify/verify.html",
        {"form": form, "verdict": verdict, "document": document},
    )


def download(request, token):
    document = selectors.signed_document_by_token(token=token)
    if document is None:
        raise Http404
    name = f"{document.register_no or document.token}.pdf".replace("/", "-")
    return FileResponse(document.file.open("rb"), content_type="application/pdf", filename=name)


@login_required
@require_http_methods(["GET", "POST"])
def copy_new(request):
    if not may_certify(request.user):
        raise PermissionDenied
    form = CopyForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            doc = services.certified_copy_create(
                unit=form.cleaned_data["unit"],
                source=upload.read(),
                source_name=upload.name,
                title=form.cleaned_data["title"],
                compared_with_original=form.cleaned_data["compared"],
                actor=request.user,
            )
        except CertifyError as e:
            form.add_error(None, str(e))
        else:
            return redirect("certify:copy_detail", pk=doc.pk)
    recent = selectors.certified_copies_for(user=request.user)[:20]
    return render(request, "certify/copy_new.html", {"form": form, "recent": recent})


@login_required
def copy_detail(request, pk):
    if not may_certify(request.user):
        raise PermissionDenied
    qs = scope_filter(
        SignedDocument.objects.select_related("unit", "signed_by"), request.user, "unit"
    )
    document = qs.filter(pk=pk).first()
    if document is None:
        raise Http404
    return render(
        request,
        "certify/copy_detail.html",
        {"document": document, "verify_url": services.verify_url(document.token)},
    )
