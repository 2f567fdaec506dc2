"""Forms of the officer pages: counter intake and the actions on a dossier.

They only check what the officer typed (Vietnamese messages); the rules themselves (complete
components, transitions, scope, concurrent edits) stay in `services` and `domain`.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from motcua.dossiers.domain.workflow import Action, Channel
from motcua.dossiers.models import Dossier
from motcua.dossiers.uploads import UploadRejected, validate_upload

REQUIRED = "Vui lòng nhập {}."

# --- uploads -------------------------------------------------------------------------------

UPLOAD_RULE = (
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
            "required": "Chưa chọn thủ tục hành chính.",
            "invalid": "Thủ tục đã chọn không hợp lệ.",
        },
    )
    token = forms.CharField(widget=forms.HiddenInput, max_length=64)
    applicant_kind = forms.ChoiceField(
        label="Người nộp là",
        choices=Dossier.ApplicantKind.choices,
        initial=Dossier.ApplicantKind.PERSON,
        widget=forms.RadioSelect,
    )
    applicant_name = forms.CharField(
        label="Họ và tên (hoặc tên tổ chức)",
        max_length=255,
        error_messages={"required": "Chưa nhập tên người nộp hồ sơ (cá nhân hoặc tổ chức)."},
    )
    applicant_id_number = forms.CharField(
        label="Số định danh cá nhân / CCCD / mã số doanh nghiệp", max_length=32, required=False
    )
    applicant_phone = forms.CharField(label="Số điện thoại", max_length=20, required=False)
    applicant_email = forms.EmailField(
        label="Thư điện tử",
        required=False,
        error_messages={"invalid": "Địa chỉ thư điện tử không hợp lệ."},
    )
    applicant_address = forms.CharField(label="Địa chỉ", max_length=500, required=False)
    channel = forms.TypedChoiceField(
        label="Kênh tiếp nhận",
        coerce=int,
        choices=[
            (Channel.COUNTER.value, "Trực tiếp tại quầy"),
            (Channel.POSTAL.value, "Bưu chính công ích"),
        ],
        initial=Channel.COUNTER.value,
        widget=forms.RadioSelect,
    )
    postal_receipt_no = forms.CharField(
        label="Số biên nhận bưu chính (bắt buộc khi nhận qua bưu chính)",
        max_length=64,
        required=False,
    )
    result_delivery = forms.ChoiceField(
        label="Hình thức nhận kết quả",
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
                "Hồ sơ nộp qua bưu chính công ích phải có số biên nhận bưu chính.",
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
    Action.RECEIVE: "Tiếp nhận hồ sơ",
    Action.REFUSE: "Từ chối tiếp nhận",
    Action.ASSIGN: "Chuyển xử lý",
    Action.FORWARD: "Chuyển bước tiếp theo",
    Action.TRANSFER: "Chuyển liên thông",
    Action.TRANSFER_RETURN: "Trả lại đơn vị chuyển",
    Action.SEND_BACK: "Trả lại bước trước",
    Action.REQUEST_SUPPLEMENT: "Yêu cầu bổ sung",
    Action.RECEIVE_SUPPLEMENT: "Nhận hồ sơ bổ sung",
    Action.REQUEST_PAYMENT: "Yêu cầu nộp phí, nghĩa vụ tài chính",
    Action.PAYMENT_RECEIVED: "Đã thực hiện nghĩa vụ tài chính",
    Action.APPROVE: "Duyệt",
    Action.SIGN: "Ký kết quả",
    Action.MARK_RESULT_READY: "Có kết quả, chuyển Bộ phận Một cửa",
    Action.STOP: "Dừng xử lý",
    Action.WITHDRAW: "Ghi nhận rút hồ sơ",
    Action.APOLOGISE: "Xin lỗi và hẹn lại",
    Action.RETURN_RESULT: "Trả kết quả",
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
                label="Lý do (bắt buộc)",
                widget=forms.Textarea(attrs={"rows": 2}),
                error_messages={"required": f"Thao tác “{action.label}” phải ghi rõ lý do."},
            )
        if action is Action.APOLOGISE:
            self.fields["new_appointment"] = forms.DateTimeField(
                label="Ngày giờ hẹn mới",
                input_formats=["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M"],
                widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
                error_messages={
                    "required": "Chưa nhập ngày giờ hẹn mới.",
                    "invalid": "Ngày giờ hẹn mới không hợp lệ.",
                },
            )
        if action in ASSIGNEE_ACTIONS and assignees is not None:
            self.fields["assignee"] = forms.ModelChoiceField(
                label="Giao cho",
                queryset=assignees,
                required=assignee_required,
                empty_label="— Không chỉ định —" if not assignee_required else "— Chọn người —",
                error_messages={
                    "required": "Chưa chọn người nhận hồ sơ.",
                    "invalid_choice": "Người được chọn không thuộc phạm vi hoặc vai trò phù hợp.",
                },
            )
            self.fields["assignee"].label_from_instance = lambda u: (
                f"{u} — {u.unit.name}" if u.unit_id else str(u)
            )
        if action is Action.TRANSFER:
            self.fields["to_unit"] = forms.ModelChoiceField(
                label="Chuyển đến đơn vị",
                queryset=units,
                empty_label="— Chọn đơn vị —",
                error_messages={
                    "required": "Chưa chọn đơn vị nhận hồ sơ liên thông.",
                    "invalid_choice": "Đơn vị được chọn không hợp lệ.",
                },
            )
        if action is Action.REQUEST_PAYMENT:
            self.fields["amount"] = forms.IntegerField(
                label="Số tiền (đồng)",
                min_value=0,
                required=False,
                error_messages={"invalid": "Số tiền phải là số nguyên (đồng)."},
            )
        if action is Action.RECEIVE_SUPPLEMENT:
            self.fields["components"] = forms.CharField(
                label="Giấy tờ bổ sung đã nhận (mỗi dòng một giấy tờ)",
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
            )
        if action is Action.RETURN_RESULT:
            self.fields["result_delivery"] = forms.ChoiceField(
                label="Hình thức trả kết quả", choices=Dossier.ResultDelivery.choices
            )
        if action not in REASON_ACTIONS and action is not Action.RECEIVE:
            self.fields["note"] = forms.CharField(
                label="Ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 2})
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
