"""Thin views: the officer certifies a copy; anyone verifies a copy or a signed result; the
desk digitises components; officers search scans; supervisors follow the paperless roadmap."""

import datetime as dt

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.validators import ProhibitNullCharactersValidator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from motcua.accounts import ratelimit
from motcua.accounts.scoping import scope_filter, scope_units
from motcua.certify import selectors, services
from motcua.certify.digitise import component_digitise, component_reuse
from motcua.certify.models import SignedDocument
from motcua.certify.pdf import CertifyError
from motcua.certify.policy import (
    may_certify,
    may_digitise,
    may_search_digitised,
    may_see_paperless_progress,
)
from motcua.certify.verification import verdict_for
from motcua.documents.selectors import citizen_documents
from motcua.dossiers.domain.errors import DossierError
from motcua.dossiers.models import Dossier
from motcua.org.models import OrgUnit


class VerifyForm(forms.Form):
    file = forms.FileField(label=_("Tệp bản sao điện tử (PDF)"))

    def clean_file(self):
        f = self.cleaned_data["file"]
        # A certified copy is the original (at most the upload limit) plus one page.
        if f.size > 2 * settings.MOTCUA_UPLOAD_MAX_BYTES:
            raise forms.ValidationError(_("Tệp quá lớn để là một bản sao điện tử."))
        return f


class CopyForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Cơ quan chứng thực"), queryset=OrgUnit.objects.none())
    title = forms.CharField(label=_("Tên giấy tờ"), max_length=500)
    file = forms.FileField(label=_("Bản quét hoặc tệp PDF của bản chính"))
    compared = forms.BooleanField(label=_("Tôi đã đối chiếu bản sao với bản chính"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # The certifying body is the People's Committee of an administrative unit.
        self.fields["unit"].queryset = (
            scope_units(user).filter(kind__in=OrgUnit.ADMINISTRATIVE_KINDS).order_by("path")
        )
        for validator in self.fields["title"].validators:
            if isinstance(validator, ProhibitNullCharactersValidator):
                validator.message = _("Tên giấy tờ chứa ký tự không hợp lệ (ký tự NUL).")


def _verdict(request, expected=None):
    form = VerifyForm(request.POST or None, request.FILES or None)
    verdict = None
    if request.method == "POST" and form.is_valid():
        if not ratelimit.ratelimit_hit(scope="verify:ip", key=ratelimit.client_ip(request)):
            minutes = ratelimit.ratelimit_minutes_left(scope="verify:ip")
            form.add_error(None, ratelimit.BLOCKED_MESSAGE.format(minutes=minutes))
        else:
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


# --- digitisation at reception, search, paperless roadmap ---------------------------------


class DigitiseForm(forms.Form):
    component = forms.IntegerField(widget=forms.HiddenInput)
    file = forms.FileField(label=_("Bản quét (PDF, JPEG, PNG)"))


def _dossier_for_digitising(request, pk):
    dossier = Dossier.objects.select_related("procedure_version").filter(pk=pk).first()
    if dossier is None or not may_digitise(request.user, dossier):
        raise Http404
    return dossier


@login_required
@require_http_methods(["GET", "POST"])
def digitise_dossier(request, pk):
    dossier = _dossier_for_digitising(request, pk)
    error = ""
    documents = (
        list(citizen_documents(user=dossier.applicant_user)) if dossier.applicant_user_id else []
    )
    if request.method == "POST" and request.POST.get("document"):
        component = dossier.components.filter(pk=request.POST.get("component") or 0).first()
        document = next((d for d in documents if str(d.pk) == request.POST.get("document")), None)
        if component is None or document is None:
            raise Http404
        try:
            component_reuse(component=component, actor=request.user, document=document)
        except DossierError as e:
            error = str(e)
        else:
            return redirect("certify:digitise", pk=dossier.pk)
    elif request.method == "POST":
        form = DigitiseForm(request.POST, request.FILES)
        if form.is_valid():
            component = dossier.components.filter(pk=form.cleaned_data["component"]).first()
            if component is None:
                raise Http404
            try:
                component_digitise(
                    component=component, actor=request.user, file=form.cleaned_data["file"]
                )
            except DossierError as e:
                error = str(e)
            else:
                return redirect("certify:digitise", pk=dossier.pk)
        else:
            error = _("Vui lòng chọn tệp bản quét.")
    components = list(dossier.components.select_related("digitisation__digitised_by"))
    template = "certify/_digitise_table.html" if request.htmx else "certify/digitise.html"
    return render(
        request,
        template,
        {
            "dossier": dossier,
            "components": components,
            "error": error,
            "documents": documents,
            "ocr_busy": any(
                getattr(c, "digitisation", None) is not None
                and c.digitisation.ocr_status in ("pending", "running")
                for c in components
            ),
        },
    )


@login_required
def digitised_search_view(request):
    if not may_search_digitised(request.user):
        raise PermissionDenied
    q = request.GET.get("q", "").replace("\x00", "")[:200]
    hits = list(selectors.digitised_search(user=request.user, q=q)[:50]) if q else []
    return render(request, "certify/search.html", {"q": q, "hits": hits})


@login_required
def paperless_view(request):
    if not may_see_paperless_progress(request.user):
        raise PermissionDenied
    this_year = timezone.localdate(request.now).year
    try:
        year = int(request.GET.get("nam", this_year))
    except ValueError:
        year = this_year
    year = min(max(year, 2000), this_year + 1)
    tz = timezone.get_current_timezone()
    start = dt.datetime(year, 1, 1, tzinfo=tz)
    end = dt.datetime(year + 1, 1, 1, tzinfo=tz)
    return render(
        request,
        "certify/paperless.html",
        {
            "year": year,
            "rows": selectors.paperless_progress(user=request.user, start=start, end=end),
            "overall": selectors.indicator_digitised_counts(
                user=request.user, start=start, end=end
            ),
            "cutovers": selectors.paperless_cutovers(user=request.user),
        },
    )
