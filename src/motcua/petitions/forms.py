"""Forms of the petition pages: online submission, officer intake, lookup, actions."""

from __future__ import annotations

from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _

from motcua.org.models import OrgUnit
from motcua.petitions.models import Petition
from motcua.petitions.services import OFFICER_CHANNELS

NUL_MESSAGE = _("Nội dung chứa ký tự không hợp lệ (ký tự NUL). Vui lòng nhập lại.")
REQUIRED = {"required": _("Vui lòng nhập thông tin này.")}


def text(label, *, required=True, max_length=255, textarea=False, help_text=""):
    field = forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 5}) if textarea else None,
        error_messages=REQUIRED,
    )
    field.validators = [
        v for v in field.validators if not isinstance(v, ProhibitNullCharactersValidator)
    ] + [ProhibitNullCharactersValidator(message=NUL_MESSAGE)]
    return field


def _units():
    return OrgUnit.objects.filter(kind__in=OrgUnit.ADMINISTRATIVE_KINDS).order_by("path")


class PetitionForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Gửi đến cơ quan"),
        queryset=OrgUnit.objects.none(),
        error_messages={"required": _("Vui lòng chọn cơ quan nhận phản ánh, kiến nghị.")},
    )
    kind = forms.ChoiceField(label=_("Loại"), choices=[(k.value, k.label) for k in Petition.Kind])
    subject = forms.ChoiceField(
        label=_("Phản ánh, kiến nghị về"),
        choices=[(k.value, k.label) for k in Petition.Subject],
    )
    title = text(_("Tiêu đề"))
    content = text(_("Nội dung"), max_length=10_000, textarea=True)
    regulation = text(_("Văn bản quy định liên quan (nếu có)"), required=False, max_length=500)
    procedure_code = text(_("Mã thủ tục liên quan (nếu có)"), required=False, max_length=32)
    dossier_code = text(_("Mã hồ sơ liên quan (nếu có)"), required=False, max_length=64)
    anonymous = forms.BooleanField(
        label=_("Gửi ẩn danh (sẽ không nhận được trả lời)"), required=False
    )
    name = text(_("Họ và tên"), required=False)
    phone = text(_("Số điện thoại"), required=False, max_length=20)
    email = text(_("Thư điện tử"), required=False, max_length=254)
    address = text(_("Địa chỉ"), required=False, max_length=500)
    attachment = forms.FileField(
        label=_("Tệp đính kèm (PDF, JPEG, PNG; không bắt buộc)"), required=False
    )

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units if units is not None else _units()


class IntakeForm(PetitionForm):
    channel = forms.ChoiceField(
        label=_("Kênh tiếp nhận"),
        choices=[(c.value, c.label) for c in Petition.Channel if c in OFFICER_CHANNELS],
    )
    field_order = ["channel", "unit"]


class LookupForm(forms.Form):
    ma = text(_("Mã phản ánh, kiến nghị"), max_length=64)
    khoa = text(_("Mã tra cứu"), max_length=32)


class ReasonForm(forms.Form):
    reason = text(_("Nội dung"), required=False, max_length=10_000, textarea=True)
