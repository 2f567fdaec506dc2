"""Forms of the officer pages: counter intake and the actions on a dossier.

They only check what the officer typed (Vietnamese messages); the rules themselves (complete
components, transitions, scope, concurrent edits) stay in `services` and `domain`.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from motcua.dossiers.domain.workflow import Action, Channel
from motcua.dossiers.models import Dossier
from motcua.dossiers.uploads import UploadRejected, validate_upload

REQUIRED = "Vui lòng nhập {}."

# --- uploads -------------------------------------------------------------------------------

UPLOAD_RULE = _(
    "chỉ nhận tệp PDF, JPEG hoặc PNG, tối đa 10 MB; loại tệp được kiểm tra theo nội dung, "
    "không theo tên tệp."
)


def upload_check(file, *, label: str = "") -> None:
    """Raise `ValidationError` (Vietnamese) unless `file` passes the dossier app's upload rule
    (`motcua.dossiers.uploads.validate_upload`: PDF/JPEG/PNG by magic bytes, size limit)."""
    try:
        validate_upload(file, label=label)
    except UploadRejected as exc:
        raise ValidationError(exc.message) from exc


# --- intake --------------------------------------------------------------------------------


class IntakeForm(forms.Form):
    """Applicant, channel and result delivery; the procedure and components come separately."""

    thu_tuc = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={
            "required": _("Chưa chọn thủ tục hành chính."),
            "invalid": _("Thủ tục đã chọn không hợp lệ."),
        },
    )
    token = forms.CharField(widget=forms.HiddenInput, max_length=64)
    applicant_kind = forms.ChoiceField(
        label=_("Người nộp là"),
        choices=Dossier.ApplicantKind.choices,
        initial=Dossier.ApplicantKind.PERSON,
        widget=forms.RadioSelect,
    )
    applicant_name = forms.CharField(
        label=_("Họ và tên (hoặc tên tổ chức)"),
        max_length=255,
        error_messages={"required": _("Chưa nhập tên người nộp hồ sơ (cá nhân hoặc tổ chức).")},
    )
    applicant_id_number = forms.CharField(
        label=_("Số định danh cá nhân / CCCD / mã số doanh nghiệp"), max_length=32, required=False
    )
    applicant_phone = forms.CharField(label=_("Số điện thoại"), max_length=20, required=False)
    applicant_email = forms.EmailField(
        label=_("Thư điện tử"),
        required=False,
        error_messages={"invalid": _("Địa chỉ thư điện tử không hợp lệ.")},
    )
    applicant_address = forms.CharField(label=_("Địa chỉ"), max_length=500, required=False)
    channel = forms.TypedChoiceField(
        label=_("Kênh tiếp nhận"),
        coerce=int,
        choices=[
            (Channel.COUNTER.value, _("Trực tiếp tại quầy")),
            (Channel.POSTAL.value, _("Bưu chính công ích")),
        ],
        initial=Channel.COUNTER.value,
        widget=forms.RadioSelect,
    )
    postal_receipt_no = forms.CharField(
        label=_("Số biên nhận bưu chính (bắt buộc khi nhận qua bưu chính)"),
        max_length=64,
        required=False,
    )
    postmark_date = forms.DateField(
        label=_("Ngày trên dấu bưu điện (hồ sơ gửi qua bưu chính)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Ngày trên dấu bưu điện không hợp lệ.")},
    )
    result_delivery = forms.ChoiceField(
        label=_("Hình thức nhận kết quả"),
        choices=Dossier.ResultDelivery.choices,
        initial=Dossier.ResultDelivery.COUNTER,
    )

    def clean_applicant_name(self):
        name = self.cleaned_data["applicant_name"].strip()
        if not name:
            raise ValidationError("Chưa nhập tên người nộp hồ sơ (cá nhân hoặc tổ chức).")
        return name

    def clean(self):
        data = super().clean()
        if data.get("channel") == Channel.POSTAL and not data.get("postal_receipt_no", "").strip():
            self.add_error(
                "postal_receipt_no",
                _("Hồ sơ nộp qua bưu chính công ích phải có số biên nhận bưu chính."),
            )
        return data

    def applicant(self) -> dict[str, str]:
        d = self.cleaned_data
        return {
            "kind": d["applicant_kind"],
            "name": d["applicant_name"],
            "id_number": d.get("applicant_id_number", ""),
            "phone": d.get("applicant_phone", ""),
            "email": d.get("applicant_email", ""),
            "address": d.get("applicant_address", ""),
        }


# --- actions on a dossier ------------------------------------------------------------------

# Which fields each action's small form has.
REASON_ACTIONS = {
    Action.REFUSE,
    Action.SEND_BACK,
    Action.REQUEST_SUPPLEMENT,
    Action.STOP,
    Action.WITHDRAW,
    Action.APOLOGISE,
}
ASSIGNEE_ACTIONS = {Action.ASSIGN, Action.FORWARD, Action.APPROVE, Action.SIGN}
BUTTONS: dict[Action, str] = {
    Action.RECEIVE: _("Tiếp nhận hồ sơ"),
    Action.REFUSE: _("Từ chối tiếp nhận"),
    Action.ASSIGN: _("Chuyển xử lý"),
    Action.FORWARD: _("Chuyển bước tiếp theo"),
    Action.TRANSFER: _("Chuyển liên thông"),
    Action.TRANSFER_RETURN: _("Trả lại đơn vị chuyển"),
    Action.SEND_BACK: _("Trả lại bước trước"),
    Action.REQUEST_SUPPLEMENT: _("Yêu cầu bổ sung"),
    Action.RECEIVE_SUPPLEMENT: _("Nhận hồ sơ bổ sung"),
    Action.REQUEST_PAYMENT: _("Yêu cầu nộp phí, nghĩa vụ tài chính"),
    Action.PAYMENT_RECEIVED: _("Đã thực hiện nghĩa vụ tài chính"),
    Action.APPROVE: _("Duyệt"),
    Action.SIGN: _("Ký kết quả"),
    Action.MARK_RESULT_READY: _("Có kết quả, chuyển Bộ phận Một cửa"),
    Action.STOP: _("Dừng xử lý"),
    Action.WITHDRAW: _("Ghi nhận rút hồ sơ"),
    Action.APOLOGISE: _("Xin lỗi và hẹn lại"),
    Action.RETURN_RESULT: _("Trả kết quả"),
}


class ActionForm(forms.Form):
    """One action's form: `expected_version` always, the other fields by action."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(
        self,
        *args,
        action: Action,
        assignees=None,
        assignee_required: bool = False,
        units=None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.action = action
        self.auto_id = f"{action.value}-%s"
        if action in REASON_ACTIONS:
            self.fields["reason"] = forms.CharField(
                label=_("Lý do (bắt buộc)"),
                widget=forms.Textarea(attrs={"rows": 2}),
                error_messages={
                    "required": _("Thao tác “%(action)s” phải ghi rõ lý do.")
                    % {"action": action.label}
                },
            )
        if action is Action.APOLOGISE:
            self.fields["new_appointment"] = forms.DateTimeField(
                label=_("Ngày giờ hẹn mới"),
                input_formats=["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M"],
                widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
                error_messages={
                    "required": _("Chưa nhập ngày giờ hẹn mới."),
                    "invalid": _("Ngày giờ hẹn mới không hợp lệ."),
                },
            )
        if action in ASSIGNEE_ACTIONS and assignees is not None:
            self.fields["assignee"] = forms.ModelChoiceField(
                label="Giao cho",
                queryset=assignees,
                required=assignee_required,
                empty_label=_("— Không chỉ định —")
                if not assignee_required
                else _("— Chọn người —"),
                error_messages={
                    "required": _("Chưa chọn người nhận hồ sơ."),
                    "invalid_choice": _(
                        "Người được chọn không thuộc phạm vi hoặc vai trò phù hợp."
                    ),
                },
            )
            self.fields["assignee"].label_from_instance = lambda u: (
                f"{u} — {u.unit.name}" if u.unit_id else str(u)
            )
        if action is Action.TRANSFER:
            self.fields["to_unit"] = forms.ModelChoiceField(
                label=_("Chuyển đến đơn vị"),
                queryset=units,
                empty_label=_("— Chọn đơn vị —"),
                error_messages={
                    "required": _("Chưa chọn đơn vị nhận hồ sơ liên thông."),
                    "invalid_choice": _("Đơn vị được chọn không hợp lệ."),
                },
            )
        if action is Action.REQUEST_PAYMENT:
            self.fields["amount"] = forms.IntegerField(
                label=_("Số tiền (đồng)"),
                min_value=0,
                required=False,
                error_messages={"invalid": _("Số tiền phải là số nguyên (đồng).")},
            )
        if action is Action.RECEIVE_SUPPLEMENT:
            self.fields["components"] = forms.CharField(
                label=_("Giấy tờ bổ sung đã nhận (mỗi dòng một giấy tờ)"),
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
            )
        if action is Action.RETURN_RESULT:
            self.fields["result_delivery"] = forms.ChoiceField(
                label=_("Hình thức trả kết quả"), choices=Dossier.ResultDelivery.choices
            )
        if action not in REASON_ACTIONS and action is not Action.RECEIVE:
            self.fields["note"] = forms.CharField(
                label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2})
            )

    @property
    def button(self) -> str:
        return BUTTONS[self.action]

    def clean_new_appointment(self):
        value = self.cleaned_data["new_appointment"]
        if timezone.is_naive(value):
            value = timezone.make_aware(value)
        return value

    def service_kwargs(self) -> dict:
        """The keyword arguments of the action's service, from the cleaned data."""
        d = self.cleaned_data
        kw: dict = {"expected_version": d["expected_version"]}
        if "reason" in d:
            kw["reason"] = d["reason"].strip()
        if "note" in d:
            kw["note"] = d["note"].strip()
        if "assignee" in d and d["assignee"] is not None:
            kw["assignee"] = d["assignee"]
        if "to_unit" in d:
            kw["to_unit"] = d["to_unit"]
        if "new_appointment" in d:
            kw["new_appointment"] = d["new_appointment"]
        if d.get("amount") is not None and self.action is Action.REQUEST_PAYMENT:
            kw["amount"] = d["amount"]
        if self.action is Action.RECEIVE_SUPPLEMENT:
            names = [n.strip() for n in (d.get("components") or "").splitlines() if n.strip()]
            kw["components"] = [{"name": n} for n in names]
        if "result_delivery" in d:
            kw["result_delivery"] = d["result_delivery"]
        return kw


def local_input(value: dt.datetime | None) -> str:
    """An aware datetime as the value of a `datetime-local` input, in local time."""
    if value is None:
        return ""
    return timezone.localtime(value).strftime("%Y-%m-%dT%H:%M")
