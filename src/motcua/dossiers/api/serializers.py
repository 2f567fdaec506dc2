"""Serializers of the dossier API: Vietnamese validation messages (`VnSerializer`), the
outputs, and the transitions' inputs."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.validators import (
    EmailValidator,
    MaxLengthValidator,
    MaxValueValidator,
    MinLengthValidator,
    MinValueValidator,
)
from django.urls import reverse
from drf_spectacular.utils import (
    extend_schema_field,
)
from rest_framework import serializers

from motcua.dossiers import permissions
from motcua.dossiers.models import Dossier, DossierEvent
from motcua.dossiers.selectors import dossier_events
from motcua.org.models import OrgUnit

User = get_user_model()

VN_FIELD_MESSAGES: dict[str, str] = {
    "required": "Trường này là bắt buộc.",
    "null": "Trường này không được để trống.",
    "blank": "Trường này không được để trống.",
    "max_length": "Không được dài quá {max_length} ký tự.",
    "min_length": "Phải có ít nhất {min_length} ký tự.",
    "min_value": "Giá trị phải lớn hơn hoặc bằng {min_value}.",
    "max_value": "Giá trị phải nhỏ hơn hoặc bằng {max_value}.",
    "max_string_length": "Giá trị quá lớn.",
    "invalid_choice": "“{input}” không phải là một lựa chọn hợp lệ.",
    "not_a_list": "Cần một danh sách, nhận được “{input_type}”.",
    "empty": "Danh sách này không được để trống.",
    "does_not_exist": "Không tìm thấy “{value}”.",
    "invalid": "Giá trị không hợp lệ.",
}
VN_INVALID: list[tuple[type, str]] = [
    (
        serializers.DateTimeField,
        "Thời điểm không đúng định dạng ISO 8601, ví dụ 2025-03-06T08:00:00+07:00.",
    ),  # noqa: E501
    (serializers.DateField, "Ngày không đúng định dạng YYYY-MM-DD, ví dụ 2025-03-06."),
    (serializers.IntegerField, "Cần một số nguyên."),
    (serializers.BooleanField, "Cần giá trị true hoặc false."),
    (serializers.EmailField, "Địa chỉ thư điện tử không hợp lệ."),
    (serializers.CharField, "Cần một chuỗi ký tự."),
    (serializers.Serializer, "Cần một đối tượng JSON, nhận được {datatype}."),
]
# Validators whose message names their limit: the key of VN_FIELD_MESSAGES is the placeholder.
VN_LIMIT_VALIDATORS: list[tuple[type, str]] = [
    (MinValueValidator, "min_value"),
    (MaxValueValidator, "max_value"),
    (MaxLengthValidator, "max_length"),
    (MinLengthValidator, "min_length"),
]


def _vn_messages(field: serializers.Field) -> None:
    for code in list(field.error_messages):
        if code in VN_FIELD_MESSAGES:
            field.error_messages[code] = VN_FIELD_MESSAGES[code]
    for kind, text in VN_INVALID:
        if isinstance(field, kind) and "invalid" in field.error_messages:
            field.error_messages["invalid"] = text
            break
    # Validators copied their message when the field was built: give them the new one.
    for validator in getattr(field, "validators", []):
        if isinstance(validator, EmailValidator):
            validator.message = field.error_messages["invalid"]
        key = next((k for kind, k in VN_LIMIT_VALIDATORS if isinstance(validator, kind)), None)
        if key is not None:  # "{min_value}" in the message is the validator's limit
            validator.message = VN_FIELD_MESSAGES[key].format(**{key: validator.limit_value})
    if isinstance(field, serializers.DateTimeField):
        field.error_messages["naive"] = "Thời điểm phải ghi rõ múi giờ, ví dụ +07:00."
        field.error_messages["date"] = "Cần thời điểm (ngày và giờ), không phải chỉ ngày."


class VnSerializer(serializers.Serializer):
    """A serializer whose validation messages are Vietnamese (also in nested serializers)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _vn_messages(self)

    def get_fields(self):
        fields = super().get_fields()
        for field in fields.values():
            _vn_messages(field)
            if isinstance(field, serializers.ListSerializer | serializers.ListField):
                _vn_messages(field.child)
        return fields


# --- output --------------------------------------------------------------------------------


class UnitOutputSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class ProcedureOutputSerializer(serializers.Serializer):
    national_code = serializers.CharField(source="procedure.national_code")
    version = serializers.IntegerField()
    name = serializers.CharField()


class ApplicantSerializer(VnSerializer):
    kind = serializers.ChoiceField(
        Dossier.ApplicantKind.choices, default=Dossier.ApplicantKind.PERSON
    )
    name = serializers.CharField(max_length=255)
    id_number = serializers.CharField(max_length=32, required=False, allow_blank=True)
    phone = serializers.CharField(max_length=20, required=False, allow_blank=True)
    email = serializers.EmailField(required=False, allow_blank=True)
    address = serializers.CharField(max_length=500, required=False, allow_blank=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].error_messages.update(
            required="Chưa nhập tên người nộp hồ sơ (cá nhân hoặc tổ chức).",
            blank="Chưa nhập tên người nộp hồ sơ (cá nhân hoặc tổ chức).",
        )


class ComponentInputSerializer(VnSerializer):
    name = serializers.CharField(max_length=500)
    form = serializers.CharField(max_length=64, required=False, allow_blank=True)
    copies = serializers.IntegerField(min_value=1, max_value=1000, required=False)


def _username(user) -> str | None:
    return user.username if user is not None else None


class DisplayField(serializers.CharField):
    """A choice's label, `source` naming the model's `get_<field>_display`. Calls it directly:
    DRF's generic path inspects the method's signature on every row (a tenth of the list's
    time over 50 rows)."""

    def get_attribute(self, instance):
        return getattr(instance, self.source)()


class DossierListOutputSerializer(serializers.Serializer):
    code = serializers.CharField()
    version = serializers.IntegerField()
    status = serializers.IntegerField()
    status_label = DisplayField(source="get_status_display")
    channel = serializers.IntegerField()
    channel_label = DisplayField(source="get_channel_display")
    procedure = ProcedureOutputSerializer(source="procedure_version")
    unit = serializers.CharField(source="unit.code")
    current_unit = serializers.CharField(source="current_unit.code")
    applicant_name = serializers.CharField()
    assignee = serializers.SerializerMethodField()
    received_at = serializers.DateTimeField(allow_null=True)
    due_at = serializers.DateTimeField(allow_null=True)
    appointment_at = serializers.DateTimeField(allow_null=True)
    finished_at = serializers.DateTimeField(allow_null=True)
    returned_at = serializers.DateTimeField(allow_null=True)
    overdue = serializers.SerializerMethodField(
        help_text=(
            "Quá hạn: đang tính thời hạn và đã qua hạn giải quyết (due_at), hoặc đang tạm "
            "dừng nhưng đã quá hạn trước khi tạm dừng. Hồ sơ chờ bổ sung không tính quá hạn."
        )
    )

    def get_assignee(self, d) -> str | None:
        return _username(d.assignee)

    def get_overdue(self, d) -> bool:
        now = self.context["now"]
        return d.is_overdue(now)


class DossierPageOutputSerializer(serializers.Serializer):
    count = serializers.IntegerField(help_text="Tổng số hồ sơ khớp bộ lọc.")
    next = serializers.URLField(allow_null=True, help_text="Trang sau (null nếu là trang cuối).")
    previous = serializers.URLField(allow_null=True, help_text="Trang trước.")
    results = DossierListOutputSerializer(many=True)


class ComponentOutputSerializer(serializers.Serializer):
    name = serializers.CharField()
    form = serializers.CharField()
    copies = serializers.IntegerField()
    required = serializers.BooleanField()
    supplement = serializers.BooleanField(help_text="Nộp bổ sung sau khi tiếp nhận.")
    file = serializers.SerializerMethodField()

    def get_file(self, c) -> str | None:
        # Served by the application to whoever may read the dossier, never from /media/.
        if not c.file:
            return None
        return reverse("dossiers:component_file", args=[c.dossier.code, c.pk])


class PauseOutputSerializer(serializers.Serializer):
    kind = serializers.CharField()
    kind_label = serializers.CharField(source="get_kind_display")
    started_at = serializers.DateTimeField()
    ended_at = serializers.DateTimeField(allow_null=True)
    reason = serializers.CharField()


class EventOutputSerializer(serializers.Serializer):
    action = serializers.CharField()
    action_label = serializers.CharField()
    actor = serializers.SerializerMethodField()
    at = serializers.DateTimeField()
    from_status = serializers.IntegerField(allow_null=True)
    to_status = serializers.IntegerField(allow_null=True)
    from_step = serializers.IntegerField(allow_null=True)
    to_step = serializers.IntegerField(allow_null=True)
    from_unit = serializers.SerializerMethodField()
    to_unit = serializers.SerializerMethodField()
    to_user = serializers.SerializerMethodField()
    reason = serializers.CharField()
    step_result = serializers.CharField(help_text="truoc_han, dung_han, qua_han hoặc rỗng.")
    data = serializers.JSONField()

    def get_actor(self, e: DossierEvent) -> str | None:
        return _username(e.actor)

    def get_to_user(self, e: DossierEvent) -> str | None:
        return _username(e.to_user)

    def get_from_unit(self, e: DossierEvent) -> str | None:
        return e.from_unit.code if e.from_unit else None

    def get_to_unit(self, e: DossierEvent) -> str | None:
        return e.to_unit.code if e.to_unit else None


class DossierDetailOutputSerializer(DossierListOutputSerializer):
    lookup_key = serializers.CharField()
    unit = UnitOutputSerializer()
    current_unit = UnitOutputSerializer()
    applicant = serializers.SerializerMethodField()
    received_by = serializers.SerializerMethodField()
    assisted_by = serializers.SerializerMethodField()
    postal_receipt_no = serializers.CharField()
    current_step = serializers.IntegerField()
    duration_minutes = serializers.IntegerField(help_text="Thời hạn giải quyết (phút làm việc).")
    clock_start = serializers.DateTimeField(allow_null=True)
    result_delivery = serializers.CharField()
    supplement_count = serializers.IntegerField()
    is_late_flag = serializers.BooleanField()
    apologised = serializers.BooleanField()
    components = ComponentOutputSerializer(many=True)
    pauses = PauseOutputSerializer(many=True)
    events = serializers.SerializerMethodField()
    actions = serializers.SerializerMethodField(
        help_text="Các thao tác (đường dẫn /<code>/<action>/) bạn được thực hiện lúc này theo "
        "chính sách phân quyền (vai trò, phạm vi, bước hiện tại, hạn); chưa xét nội dung gửi "
        "lên (lý do, người nhận)."
    )

    @extend_schema_field(ApplicantSerializer)
    def get_applicant(self, d) -> dict:
        return {
            "kind": d.applicant_kind,
            "name": d.applicant_name,
            "id_number": d.applicant_id_number,
            "phone": d.applicant_phone,
            "email": d.applicant_email,
            "address": d.applicant_address,
        }

    def get_received_by(self, d) -> str | None:
        return _username(d.received_by)

    def get_assisted_by(self, d) -> str | None:
        return _username(d.assisted_by)

    @extend_schema_field(EventOutputSerializer(many=True))
    def get_events(self, d) -> list[dict]:
        return EventOutputSerializer(dossier_events(dossier=d), many=True).data

    def get_actions(self, d) -> list[str]:
        """What the dossier policy allows the caller now (the same answer as the page)."""
        from motcua.dossiers.api.views import TRANSITION_APIS

        user = self.context["user"]
        allowed = set(permissions.actions_allowed(user=user, dossier=d, now=self.context["now"]))
        return [slug for slug, api in TRANSITION_APIS.items() if api.action in allowed]


class TransitionInputSerializer(VnSerializer):
    expected_version = serializers.IntegerField(
        min_value=1,
        required=False,
        help_text="Phiên bản hồ sơ bạn đã đọc (trường `version`); nếu hồ sơ đã đổi: 409. "
        "Có thể gửi bằng tiêu đề If-Match.",
    )


class NoteInputSerializer(TransitionInputSerializer):
    note = serializers.CharField(max_length=4000, required=False, allow_blank=True, default="")


REASON_MISSING = "Phải ghi rõ lý do."


class ReasonInputSerializer(TransitionInputSerializer):
    reason = serializers.CharField(max_length=4000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].error_messages.update(required=REASON_MISSING, blank=REASON_MISSING)


def _unit_field(**kwargs) -> serializers.SlugRelatedField:
    return serializers.SlugRelatedField(slug_field="code", queryset=OrgUnit.objects.all(), **kwargs)


class HandOverInputSerializer(NoteInputSerializer):
    # Resolved among the people the page's picker offers (`permissions.assignee_candidates`);
    # anyone else gets one message, whether the username exists or not.
    assignee = serializers.CharField(
        max_length=150,
        required=False,
        allow_null=True,
        allow_blank=True,
        help_text="Tên đăng nhập người nhận: người đang làm việc, có vai trò của bước tiếp "
        "theo, thuộc đơn vị trong phạm vi của bạn.",
    )
