"""Forms of online filing: the draft (applicant, unit, components, result delivery) and the
digital team's start of an assisted filing. The rules live in `filing/services.py`."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from motcua.dossiers.models import Dossier
from motcua.org.models import OrgUnit
from motcua.portal.models import FilingDraft

ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"


def file_field_name(component_id: int) -> str:
    return f"tep_{component_id}"


class DraftForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Nơi nộp hồ sơ (cơ quan giải quyết)"),
        queryset=OrgUnit.objects.none(),
        required=False,
        empty_label=_("— Chọn cơ quan —"),
    )
    applicant_kind = forms.ChoiceField(
        label=_("Chủ hồ sơ là"), choices=Dossier.ApplicantKind.choices
    )
    applicant_name = forms.CharField(
        label=_("Họ và tên (hoặc tên tổ chức)"), max_length=255, required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )  # fmt: skip
    applicant_id_number = forms.CharField(
        label=_("Số định danh cá nhân / CCCD (hoặc mã số doanh nghiệp)"), max_length=32,
        required=False, widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )  # fmt: skip
    applicant_phone = forms.CharField(
        label=_("Số điện thoại"), max_length=20, required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )  # fmt: skip
    applicant_email = forms.CharField(
        label=_("Thư điện tử"), max_length=254, required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )  # fmt: skip
    applicant_address = forms.CharField(
        label=_("Địa chỉ thường trú hoặc trụ sở"), max_length=500, required=False
    )
    result_delivery = forms.ChoiceField(
        label=_("Hình thức nhận kết quả"),
        choices=FilingDraft.Delivery.choices,
        widget=forms.RadioSelect,
    )
    delivery_address = forms.CharField(
        label=_("Địa chỉ nhận kết quả qua bưu chính"),
        max_length=500,
        required=False,
        help_text=_("Chỉ cần khi chọn nhận kết quả qua bưu chính."),
    )

    def __init__(self, *args, draft: FilingDraft, **kwargs):
        kwargs.setdefault(
            "initial", {name: getattr(draft, name) for name in self.base_fields if name != "unit"}
        )
        kwargs["initial"]["unit"] = draft.unit_id
        super().__init__(*args, **kwargs)
        version = draft.procedure_version
        # Only units valid today: a ward dissolved on 30/6/2025 receives nothing any more.
        today = timezone.localdate()
        self.fields["unit"].queryset = OrgUnit.objects.filter(
            pk__in=[u.pk for u in version.units.all() if u.is_valid_on(today)]
        ).order_by("name")
        if version.postal_excluded:
            self.fields["result_delivery"].choices = [
                c for c in FilingDraft.Delivery.choices if c[0] != FilingDraft.Delivery.POST
            ]
            del self.fields["delivery_address"]
        self.components = list(version.components.all())
        for c in self.components:
            self.fields[file_field_name(c.pk)] = forms.FileField(
                label=c.name,
                required=False,
                widget=forms.FileInput(attrs={"accept": ACCEPT}),
            )

    def draft_fields(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if not k.startswith("tep_")}
        data.setdefault("delivery_address", "")
        return data

    def uploads(self) -> dict[int, object]:
        return {
            c.pk: self.cleaned_data.get(file_field_name(c.pk))
            for c in self.components
            if self.cleaned_data.get(file_field_name(c.pk))
        }


class AssistStartForm(forms.Form):
    phone = forms.CharField(
        label=_("Số điện thoại của công dân"), max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "tel"}),
    )  # fmt: skip
    full_name = forms.CharField(
        label=_("Họ và tên công dân"),
        max_length=255,
        required=False,
        help_text=_(
            "Cần khi công dân chưa có tài khoản: hệ thống tạo tài khoản với số điện thoại này."
        ),
    )
    consent = forms.BooleanField(
        label=_("Công dân đồng ý để tôi nộp hồ sơ thay và đã được giải thích cách theo dõi hồ sơ"),
        required=True,
        error_messages={"required": _("Cần ghi nhận sự đồng ý của công dân trước khi nộp thay.")},
    )
    consent_note = forms.CharField(
        label=_("Ghi chú về sự đồng ý (nơi, cách công dân đồng ý)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
