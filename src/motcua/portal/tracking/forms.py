"""Forms of tracking: the public lookup, the online supplement, the rating."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from motcua.accounts.forms import NoColon
from motcua.dossiers.uploads import UploadRejected, validate_upload
from motcua.feedback.domain.criteria import CRITERIA, LEVEL_LABELS, Level

ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"


class TrackForm(NoColon, forms.Form):
    ma = forms.CharField(
        label=_("Mã hồ sơ"),
        max_length=64,
        help_text=_("In trên giấy tiếp nhận, ví dụ 000.57.47.H29-261201-0001."),
        error_messages={"required": _("Vui lòng nhập mã hồ sơ.")},
    )
    khoa = forms.CharField(
        label=_("Mã tra cứu hoặc số định danh cá nhân (CCCD)"),
        max_length=32,
        help_text=_("Mã tra cứu in trên giấy tiếp nhận, hoặc số giấy tờ của người nộp."),
        error_messages={"required": _("Vui lòng nhập mã tra cứu hoặc số định danh cá nhân.")},
    )


class SupplementForm(NoColon, forms.Form):
    """One file per item the officer asked for, every one required."""

    phien_ban = forms.IntegerField(widget=forms.HiddenInput)
    ghi_chu = forms.CharField(
        label=_("Ghi chú cho cán bộ (không bắt buộc)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, items: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        for i, item in enumerate(items, start=1):
            self.fields[f"tep_{i}"] = forms.FileField(
                label=item,
                help_text=_("Tệp PDF, JPEG hoặc PNG."),
                widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
                error_messages={
                    "required": _("Vui lòng chọn tệp cho giấy tờ này."),
                    "empty": _("Tệp đã chọn rỗng (0 byte)."),
                },
            )
        self.order_fields([f"tep_{i}" for i in range(1, len(items) + 1)] + ["ghi_chu"])

    def clean(self):
        data = super().clean()
        for i, item in enumerate(self.items, start=1):
            f = data.get(f"tep_{i}")
            if f:
                try:
                    validate_upload(f, label=item)
                except UploadRejected as exc:
                    self.add_error(f"tep_{i}", ValidationError(exc.message))
        return data

    def components(self) -> list[dict]:
        return [
            {"name": item[:500], "file": self.cleaned_data[f"tep_{i}"]}
            for i, item in enumerate(self.items, start=1)
        ]


LEVEL_CHOICES = [(lv.value, LEVEL_LABELS[lv]) for lv in sorted(Level, reverse=True)]


class RatingForm(NoColon, forms.Form):
    muc_do = forms.TypedChoiceField(
        label=_("Mức độ hài lòng của bạn"),
        choices=LEVEL_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Vui lòng chọn mức độ hài lòng.")},
    )
    y_kien = forms.CharField(
        label=_("Ý kiến góp ý (không bắt buộc)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, label in CRITERIA:
            self.fields[f"tc_{code}"] = forms.TypedChoiceField(
                label=label,
                choices=[("", _("— Không đánh giá —")), *LEVEL_CHOICES],
                coerce=int,
                empty_value=None,
                required=False,
            )

    def criteria_fields(self):
        return [self[f"tc_{code}"] for code, _label in CRITERIA]

    def criteria(self) -> dict:
        return {
            code: self.cleaned_data.get(f"tc_{code}")
            for code, _label in CRITERIA
            if self.cleaned_data.get(f"tc_{code}") is not None
        }
