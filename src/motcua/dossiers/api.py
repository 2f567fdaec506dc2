"""REST API for dossiers (mounted at /api/v1/): intake, read, list, and one POST per transition.

Thin views in the HackSoft style: each view validates its input with a nested
`InputSerializer`, calls the dossier services (which check role, unit scope, workflow and the
optimistic lock) or the selectors (which apply the reader's scope), and renders an
`OutputSerializer`. Errors always carry a Vietnamese `detail`:

- 400 bad input (with `errors` per field), or an intake the rules refuse (incomplete: with
  `missing`, every required component not given);
- 401 not signed in / bad token; 403 role or unit scope does not allow it;
- 404 no such dossier *or* not visible to the caller (the two are indistinguishable);
- 409 the dossier's state does not allow the action now (workflow table, or another rule of
  the services about where the dossier stands: last step, pending transfer, apology after the
  due instant...), or someone else changed it first (`expected_version` / `If-Match` differs
  from the current `version`);
- 422 an `Idempotency-Key` reused with a different body.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, ClassVar

from django.contrib.auth import get_user_model
from django.core.validators import (
    EmailValidator,
    MaxLengthValidator,
    MaxValueValidator,
    MinLengthValidator,
    MinValueValidator,
)
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_serializer,
)
from rest_framework import exceptions, serializers, status
from rest_framework.authentication import SessionAuthentication
from rest_framework.pagination import PageNumberPagination
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView

from motcua.accounts.authentication import MotcuaTokenAuthentication
from motcua.accounts.roles import Role
from motcua.catalogue.selectors import procedures_published
from motcua.core.idempotency import (
    IdempotencyError,
    idempotency_claim,
    idempotency_complete,
    idempotency_key_clean,
    request_fingerprint,
)
from motcua.dossiers import permissions, services
from motcua.dossiers.domain import policy
from motcua.dossiers.domain.errors import (
    ConcurrentUpdate,
    DossierError,
    DossierIncomplete,
    TransitionNotAllowed,
)
from motcua.dossiers.domain.policy import Refusal
from motcua.dossiers.domain.workflow import (
    STATUS_LABELS,
    Action,
    Channel,
    Status,
)
from motcua.dossiers.models import Dossier, DossierEvent
from motcua.dossiers.selectors import dossier_events, dossier_list_visible
from motcua.org.models import OrgUnit

User = get_user_model()

NOT_FOUND = "Không có hồ sơ này hoặc hồ sơ không thuộc phạm vi của bạn."

# --- errors ------------------------------------------------------------------------------


class ApiError(exceptions.APIException):
    """An error with a chosen status and a Vietnamese detail (plus optional extra fields)."""

    def __init__(self, status_code: int, detail: str, **extra: Any):
        super().__init__(detail)
        self.status_code = status_code
        self.extra = extra


def domain_error(
    exc: DossierError | IdempotencyError,
    *,
    statuses: dict[type[Exception], int] | None = None,
    default: int = 409,
) -> ApiError:
    """A refusal of the rules as an API error: the endpoint's own status for the error's class
    (`statuses`, looked up along its classes) if any, else the status the error carries, else
    the endpoint's `default`; the missing components listed for an incomplete dossier."""
    statuses = statuses or {}
    status_code = next((statuses[c] for c in type(exc).__mro__ if c in statuses), None)
    status_code = status_code or exc.http_status or default
    extra = {"missing": exc.missing} if isinstance(exc, DossierIncomplete) else {}
    return ApiError(status_code, exc.message, **extra)


class ErrorOutputSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="Thông báo lỗi bằng tiếng Việt.")
    errors = serializers.DictField(
        required=False, help_text="Lỗi theo từng trường (chỉ có khi dữ liệu gửi lên sai)."
    )
    missing = serializers.ListField(
        child=serializers.CharField(),
        required=False,
        help_text="Các thành phần hồ sơ bắt buộc còn thiếu (khi tiếp nhận).",
    )


# DRF's Vietnamese catalogue is incomplete: every message the API can send is set here.
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
        if isinstance(validator, MinValueValidator):
            validator.message = VN_FIELD_MESSAGES["min_value"].format(
                min_value=validator.limit_value
            )
        elif isinstance(validator, MaxValueValidator):
            validator.message = VN_FIELD_MESSAGES["max_value"].format(
                max_value=validator.limit_value
            )
        elif isinstance(validator, MaxLengthValidator):
            validator.message = VN_FIELD_MESSAGES["max_length"].format(
                max_length=validator.limit_value
            )
        elif isinstance(validator, MinLengthValidator):
            validator.message = VN_FIELD_MESSAGES["min_length"].format(
                min_length=validator.limit_value
            )
        elif isinstance(validator, EmailValidator):
            validator.message = field.error_messages["invalid"]
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


def _flatten(errors: Any, prefix: str = "") -> list[str]:
    if isinstance(errors, dict):
        out = []
        for name, value in errors.items():
            if isinstance(name, int):  # an item of a list (DRF keys list errors by index)
                out += _flatten(value, f"{prefix}[{name}]")
            elif name == "non_field_errors":
                out += _flatten(value, prefix)
            else:
                out += _flatten(value, f"{prefix}.{name}".strip("."))
        return out
    if isinstance(errors, list):
        out = []
        for i, value in enumerate(errors):
            if isinstance(value, dict | list):
                out += _flatten(value, f"{prefix}[{i}]")
            else:
                out.append(f"{prefix}: {value}" if prefix else str(value))
        return out
    return [f"{prefix}: {errors}" if prefix else str(errors)]


def _vn_exception(exc: Exception) -> Exception:
    """DRF's own errors, in Vietnamese and with a `detail` string."""
    if isinstance(exc, exceptions.ValidationError):
        lines = _flatten(exc.detail)
        err = ApiError(400, "Dữ liệu gửi lên không hợp lệ: " + "; ".join(lines), errors=exc.detail)
        return err
    if isinstance(exc, exceptions.NotAuthenticated):
        exc.detail = exceptions.ErrorDetail(
            "Chưa xác thực: hãy đăng nhập hoặc gửi tiêu đề “Authorization: Token <khóa>”.",
            "not_authenticated",
        )
    elif isinstance(exc, exceptions.AuthenticationFailed):
        exc.detail = exceptions.ErrorDetail(
            "Xác thực không thành công: token không hợp lệ hoặc tài khoản đã bị khóa.",
            "authentication_failed",
        )
    elif isinstance(exc, exceptions.ParseError):
        exc.detail = exceptions.ErrorDetail(
            "Nội dung yêu cầu không phải JSON hợp lệ.", "parse_error"
        )
    elif isinstance(exc, exceptions.UnsupportedMediaType):
        exc.detail = exceptions.ErrorDetail(
            "Chỉ nhận nội dung JSON (Content-Type: application/json).", "unsupported_media_type"
        )
    elif isinstance(exc, exceptions.MethodNotAllowed):
        exc.detail = exceptions.ErrorDetail(
            "Phương thức này không được hỗ trợ tại địa chỉ này.", "method_not_allowed"
        )
    elif isinstance(exc, exceptions.PermissionDenied) and not isinstance(exc, ApiError):
        text = str(exc.detail)
        if text.startswith("CSRF Failed"):
            text = f"Thiếu hoặc sai mã CSRF (đăng nhập bằng phiên cần tiêu đề X-CSRFToken). {text}"
        elif text == str(exceptions.PermissionDenied.default_detail):
            text = "Bạn không có quyền thực hiện thao tác này."
        exc.detail = exceptions.ErrorDetail(text, "permission_denied")
    elif isinstance(exc, exceptions.NotFound) and not isinstance(exc, ApiError):
        text = str(exc.detail)
        if text in {str(exceptions.NotFound.default_detail), "Invalid page."}:
            text = "Không tìm thấy (hoặc số trang không hợp lệ)."
        exc.detail = exceptions.ErrorDetail(text, "not_found")
    return exc


class BaseApi(APIView):
    """Token first, so an anonymous caller gets 401 with `WWW-Authenticate: Token`."""

    authentication_classes = [MotcuaTokenAuthentication, SessionAuthentication]
    parser_classes = [JSONParser]
    # How the rules' refusals are answered here (see `domain_error`).
    domain_error_statuses: ClassVar[dict[type[Exception], int]] = {}
    domain_error_default: ClassVar[int] = 409

    def handle_exception(self, exc):
        if isinstance(exc, DossierError | IdempotencyError):
            exc = domain_error(
                exc, statuses=self.domain_error_statuses, default=self.domain_error_default
            )
        exc = _vn_exception(exc)
        response = super().handle_exception(exc)
        if isinstance(exc, ApiError) and exc.extra:
            response.data = {"detail": str(exc.detail), **exc.extra}
        return response


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


class DossierListOutputSerializer(serializers.Serializer):
    code = serializers.CharField()
    version = serializers.IntegerField()
    status = serializers.IntegerField()
    status_label = serializers.CharField(source="get_status_display")
    channel = serializers.IntegerField()
    channel_label = serializers.CharField(source="get_channel_display")
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
        now = self.context.get("now") or timezone.now()
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
        user = self.context["user"]
        allowed = set(permissions.actions_allowed(user=user, dossier=d, now=timezone.now()))
        return [slug for slug, api in TRANSITION_APIS.items() if api.action in allowed]


# --- helpers -------------------------------------------------------------------------------

IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=False,
    description='Phiên bản hồ sơ bạn đã đọc (giá trị ETag, ví dụ "3"); thay cho '
    "`expected_version`. Nếu hồ sơ đã thay đổi: 409.",
)
IDEMPOTENCY_KEY = OpenApiParameter(
    "Idempotency-Key",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=False,
    description="Khóa duy nhất do máy khách sinh (ví dụ UUID), tối đa 255 ký tự. Gửi lại cùng "
    "khóa và cùng nội dung trong vòng 24 giờ: nhận lại đúng phản hồi cũ, không tạo hồ sơ thứ "
    "hai. Cùng khóa, khác nội dung: 422.",
)
ERRORS = {
    400: OpenApiResponse(ErrorOutputSerializer, description="Dữ liệu không hợp lệ."),
    401: OpenApiResponse(ErrorOutputSerializer, description="Chưa xác thực."),
    403: OpenApiResponse(ErrorOutputSerializer, description="Không có quyền (vai trò, phạm vi)."),
}


def _dossier_get(*, user, code: str) -> Dossier:
    """The dossier if `user` may read it; otherwise 404, the same as for a code that does
    not exist, so that trying codes reveals nothing."""
    dossier = Dossier.objects.select_related(*DETAIL_RELATED).filter(code=code).first()
    if dossier is None or not permissions.may_read(user=user, dossier=dossier):
        raise ApiError(404, NOT_FOUND)
    return dossier


DETAIL_RELATED = (
    "procedure_version__procedure",
    "unit",
    "current_unit",
    "assignee",
    "received_by",
    "assisted_by",
)


def _detail_response(request, dossier: Dossier, status_code: int = 200) -> Response:
    data = DossierDetailOutputSerializer(dossier, context={"user": request.user}).data
    return Response(data, status=status_code, headers={"ETag": f'"{dossier.version}"'})


def _expected_version(request, from_body: int | None) -> int | None:
    raw = request.headers.get("If-Match")
    from_header = None
    if raw is not None and raw.strip() != "*":
        value = raw.strip().removeprefix("W/").strip().strip('"')
        if not value.isdigit():
            raise ApiError(
                400, 'Tiêu đề If-Match phải là phiên bản của hồ sơ (giá trị ETag), ví dụ "3".'
            )
        from_header = int(value)
    if from_body is not None and from_header is not None and from_body != from_header:
        raise ApiError(400, "expected_version và tiêu đề If-Match khác nhau: chỉ gửi một giá trị.")
    return from_body if from_body is not None else from_header


def _refusal_status(refusal: Refusal | None) -> int:
    """The policy's refusal as HTTP: role or scope → 403; state or situation → 409."""
    return 403 if refusal in (Refusal.ROLE, Refusal.SCOPE) else 409


# --- list and create -----------------------------------------------------------------------


class DossierPagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


class DossierListCreateApi(BaseApi):
    # On creation a refused rule is a bad request; a role the intake does not allow, forbidden.
    domain_error_statuses = {TransitionNotAllowed: 403}
    domain_error_default = 400

    class FilterSerializer(VnSerializer):
        status = serializers.ChoiceField(
            [(s.value, STATUS_LABELS[s]) for s in Status], required=False
        )
        channel = serializers.ChoiceField([(c.value, c.label) for c in Channel], required=False)
        unit = serializers.SlugRelatedField(
            slug_field="code",
            queryset=OrgUnit.objects.all(),
            required=False,
            help_text="Mã đơn vị tiếp nhận; gồm cả các bộ phận trực thuộc.",
        )
        current_unit = serializers.SlugRelatedField(
            slug_field="code",
            queryset=OrgUnit.objects.all(),
            required=False,
            help_text="Mã đơn vị đang xử lý hồ sơ.",
        )
        procedure = serializers.CharField(
            required=False, help_text="Mã thủ tục (CSDL quốc gia), ví dụ 1.001193."
        )
        received_from = serializers.DateField(
            required=False, help_text="Tiếp nhận từ ngày (giờ Việt Nam), YYYY-MM-DD."
        )
        received_to = serializers.DateField(
            required=False, help_text="Tiếp nhận đến hết ngày (giờ Việt Nam), YYYY-MM-DD."
        )
        due_before = serializers.DateTimeField(
            required=False, help_text="Hạn giải quyết trước thời điểm này (ISO 8601)."
        )
        overdue = serializers.BooleanField(
            required=False,
            allow_null=True,
            default=None,
            help_text="true: đang giải quyết và đã quá hạn; false: các hồ sơ còn lại.",
        )
        ordering = serializers.ChoiceField(
            [
                ("-received_at", "Tiếp nhận mới nhất trước"),
                ("received_at", "Tiếp nhận cũ nhất trước"),
                ("due_at", "Hạn giải quyết sớm nhất trước"),
                ("-due_at", "Hạn giải quyết muộn nhất trước"),
            ],
            required=False,
            default="-received_at",
        )

        def validate(self, attrs):
            start, end = attrs.get("received_from"), attrs.get("received_to")
            if start and end and start > end:
                raise serializers.ValidationError(
                    {"received_to": ["Ngày kết thúc phải sau hoặc bằng ngày bắt đầu."]}
                )
            return attrs

    @extend_schema_serializer(component_name="DossierCreateInput")
    class InputSerializer(VnSerializer):
        procedure = serializers.CharField(
            max_length=32, help_text="Mã thủ tục (CSDL quốc gia); dùng phiên bản đang áp dụng."
        )
        unit = serializers.SlugRelatedField(
            slug_field="code",
            queryset=OrgUnit.objects.all(),
            required=False,
            help_text="Mã đơn vị tiếp nhận. Công chức: mặc định là đơn vị của mình. "
            "Công dân: bắt buộc.",
        )
        channel = serializers.ChoiceField(
            [(c.value, c.label) for c in Channel],
            required=False,
            help_text="1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích. Công chức Một cửa: 1 "
            "(mặc định) hoặc 3; công dân, Tổ công nghệ số: 2 (mặc định).",
        )
        applicant = ApplicantSerializer()
        components = ComponentInputSerializer(many=True)
        postal_receipt_no = serializers.CharField(
            max_length=64, required=False, allow_blank=True, default=""
        )
        result_delivery = serializers.ChoiceField(Dossier.ResultDelivery.choices, required=False)

        def validate_procedure(self, value: str):
            version = procedures_published().filter(procedure__national_code=value.strip()).first()
            if version is None:
                raise serializers.ValidationError(
                    f"Không có thủ tục mã “{value}” đang được áp dụng."
                )
            return version

    @extend_schema(
        operation_id="ho_so_list",
        summary="Danh sách hồ sơ trong phạm vi của bạn",
        description="Hồ sơ do đơn vị trong phạm vi của bạn tiếp nhận hoặc đang xử lý; công "
        "dân chỉ thấy hồ sơ mình nộp. Phân trang 50 hồ sơ (page_size tối đa 200).",
        parameters=[
            FilterSerializer,
            OpenApiParameter("page", OpenApiTypes.INT, description="Số trang, từ 1."),
            OpenApiParameter(
                "page_size", OpenApiTypes.INT, description="Số hồ sơ mỗi trang (1–200)."
            ),
        ],
        responses={200: DossierPageOutputSerializer, **ERRORS},
        tags=["ho-so"],
    )
    def get(self, request):
        f = self.FilterSerializer(data=request.query_params.dict())
        f.is_valid(raise_exception=True)
        now = timezone.now()
        qs = _dossiers_filtered(user=request.user, now=now, **f.validated_data)
        paginator = DossierPagination()
        page = paginator.paginate_queryset(qs, request, view=self)
        data = DossierListOutputSerializer(page, many=True, context={"now": now}).data
        return paginator.get_paginated_response(data)

    @extend_schema(
        operation_id="ho_so_create",
        summary="Tiếp nhận (công chức Một cửa) hoặc nộp trực tuyến (công dân) một hồ sơ",
        description="Công chức Một cửa: tiếp nhận hồ sơ đủ thành phần tại quầy (channel 1) "
        "hoặc qua bưu chính (channel 3, cần postal_receipt_no): hồ sơ có mã, thời hạn, ngày "
        "hẹn. Công dân hoặc Tổ công nghệ số: nộp trực tuyến (channel 2, trạng thái 1 Mới đăng "
        "ký) chờ Bộ phận Một cửa tiếp nhận. Thiếu thành phần bắt buộc: 400 với `missing`.",
        parameters=[IDEMPOTENCY_KEY],
        request=InputSerializer,
        responses={
            201: DossierDetailOutputSerializer,
            **ERRORS,
            422: OpenApiResponse(
                ErrorOutputSerializer, description="Idempotency-Key đã dùng cho nội dung khác."
            ),
        },
        tags=["ho-so"],
    )
    def post(self, request):
        key = idempotency_key_clean(request.headers.get("Idempotency-Key"))
        with transaction.atomic():
            record = None
            if key is not None:
                record = idempotency_claim(
                    user=request.user,
                    key=key,
                    fingerprint=request_fingerprint(
                        method=request.method, path=request.path, data=request.data
                    ),
                )
                if record.is_replay:
                    body = record.response_body
                    return Response(
                        body,
                        status=record.status_code,
                        headers={
                            "Idempotent-Replayed": "true",
                            "ETag": f'"{body.get("version", "")}"',
                        },
                    )
            s = self.InputSerializer(data=request.data)
            s.is_valid(raise_exception=True)
            dossier = _dossier_create(user=request.user, **s.validated_data)
            dossier = Dossier.objects.select_related(*DETAIL_RELATED).get(pk=dossier.pk)
            response = _detail_response(request, dossier, status.HTTP_201_CREATED)
            if record is not None:
                idempotency_complete(
                    record=record, status_code=response.status_code, body=response.data
                )
            return response


def _dossiers_filtered(
    *,
    user,
    now: dt.datetime,
    status: int | None = None,
    channel: int | None = None,
    unit: OrgUnit | None = None,
    current_unit: OrgUnit | None = None,
    procedure: str | None = None,
    received_from: dt.date | None = None,
    received_to: dt.date | None = None,
    due_before: dt.datetime | None = None,
    overdue: bool | None = None,
    ordering: str = "-received_at",
):
    """The caller's visible dossiers (the selector's scope) narrowed by the list filters."""
    qs = dossier_list_visible(user=user).select_related(
        "procedure_version__procedure", "unit", "current_unit", "assignee"
    )
    if status is not None:
        qs = qs.filter(status=status)
    if channel is not None:
        qs = qs.filter(channel=channel)
    if unit is not None:
        qs = qs.filter(unit__path__startswith=unit.path)
    if current_unit is not None:
        qs = qs.filter(current_unit=current_unit)
    if procedure:
        qs = qs.filter(procedure_version__procedure__national_code=procedure.strip())
    if received_from is not None:
        qs = qs.filter(received_at__gte=_local_midnight(received_from))
    if received_to is not None:
        qs = qs.filter(received_at__lt=_local_midnight(received_to + dt.timedelta(days=1)))
    if due_before is not None:
        qs = qs.filter(due_at__lt=due_before)
    qs = qs.with_overdue(now)
    if overdue is True:
        qs = qs.overdue(now)
    elif overdue is False:
        qs = qs.not_overdue(now)
    field = ordering.lstrip("-")
    # Explicit null placement: SQLite and PostgreSQL differ by default.
    order = (
        F(field).desc(nulls_last=True)
        if ordering.startswith("-")
        else F(field).asc(nulls_last=True)
    )
    return qs.order_by(order, "-id")


def _local_midnight(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def _dossier_create(
    *,
    user,
    procedure,
    applicant: dict,
    components: list[dict],
    unit: OrgUnit | None = None,
    channel: int | None = None,
    postal_receipt_no: str = "",
    result_delivery: str | None = None,
) -> Dossier:
    """Officers receive (counter, postal); citizens and the digital team submit online."""
    roles = user.roles
    if Role.ONE_STOP_OFFICER in roles:
        channel = Channel(channel or Channel.COUNTER)
        if channel is Channel.ONLINE:
            raise ApiError(
                400,
                "Công chức Một cửa tiếp nhận hồ sơ trực tiếp (channel 1) hoặc qua bưu chính "
                "(channel 3); hồ sơ trực tuyến do công dân nộp.",
            )
        unit = unit or user.unit
        if unit is None:
            raise ApiError(400, "Chưa chọn đơn vị tiếp nhận (unit).")
        extra = {"result_delivery": result_delivery} if result_delivery else {}
        return services.dossier_receive(
            procedure_version=procedure,
            unit=unit,
            applicant=applicant,
            channel=channel,
            components=components,
            received_by=user,
            postal_receipt_no=postal_receipt_no,
            **extra,
        )
    if roles & {Role.CITIZEN, Role.DIGITAL_TEAM}:
        if channel not in (None, Channel.ONLINE):
            raise ApiError(400, "Công dân chỉ nộp hồ sơ trực tuyến (channel 2).")
        if unit is None:
            raise ApiError(400, "Chưa chọn đơn vị tiếp nhận hồ sơ (unit).")
        if Role.CITIZEN not in roles:
            # Assisted filing needs the citizen's account and their recorded consent: the
            # portal's assisted draft records both; this API carries neither.
            raise ApiError(
                403,
                "Tổ công nghệ số cộng đồng nộp hồ sơ thay công dân trên Cổng dịch vụ công "
                "(mục Hỗ trợ nộp hồ sơ), nơi ghi nhận tài khoản và sự đồng ý của công dân.",
            )
        # The same files as the portal's draft: every required component with its scan. The
        # JSON API carries no file, so an online filing is made on the portal.
        missing = services.online_files_missing(procedure_version=procedure, components=components)
        if missing:
            raise ApiError(
                400,
                "Hồ sơ nộp trực tuyến phải kèm tệp số hóa của từng thành phần bắt buộc (như "
                "khi nộp trên Cổng dịch vụ công); hãy nộp hồ sơ trên Cổng. Thiếu tệp: "
                + "; ".join(missing)
                + ".",
                missing=missing,
            )
        extra = {"result_delivery": result_delivery} if result_delivery else {}
        return services.dossier_submit(
            procedure_version=procedure,
            unit=unit,
            applicant=applicant,
            components=components,
            submitted_by=user,
            **extra,
        )
    raise ApiError(
        403,
        "Chỉ công chức Bộ phận Một cửa tiếp nhận hồ sơ; công dân và Tổ công nghệ số cộng đồng "
        "nộp hồ sơ trực tuyến.",
    )


# --- read ----------------------------------------------------------------------------------


class DossierDetailApi(BaseApi):
    @extend_schema(
        operation_id="ho_so_retrieve",
        summary="Một hồ sơ: thành phần, tạm dừng, nhật ký xử lý",
        description="Tiêu đề ETag là phiên bản hồ sơ: gửi lại trong If-Match (hoặc "
        "expected_version) khi thực hiện thao tác để không ghi đè thay đổi của người khác.",
        responses={
            200: DossierDetailOutputSerializer,
            **ERRORS,
            404: OpenApiResponse(ErrorOutputSerializer, description=NOT_FOUND),
        },
        tags=["ho-so"],
    )
    def get(self, request, code: str):
        return _detail_response(request, _dossier_get(user=request.user, code=code))


# --- transitions ---------------------------------------------------------------------------

TRANSITION_APIS: dict[str, type[TransitionApi]] = {}


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


class TransitionApi(BaseApi):
    """POST /ho-so/<code>/<slug>/: one workflow action, through its service."""

    slug: ClassVar[str]
    action: ClassVar[Action]
    summary: ClassVar[str]
    InputSerializer: ClassVar[type[serializers.Serializer]] = TransitionInputSerializer
    service: ClassVar[Callable[..., Dossier]]

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        TRANSITION_APIS[cls.slug] = cls
        if cls.InputSerializer.__qualname__.startswith(cls.__name__ + "."):
            # A nested InputSerializer: its schema component is named after the action.
            name = "".join(part.title() for part in cls.slug.split("-"))
            extend_schema_serializer(component_name=f"{name}Input")(cls.InputSerializer)

        def post(self, request, code: str):
            return self.transition(request, code)

        cls.post = extend_schema(
            operation_id=f"ho_so_{cls.slug.replace('-', '_')}",
            summary=cls.summary,
            description=(cls.__doc__ or "").strip(),
            parameters=[IF_MATCH],
            request=cls.InputSerializer,
            responses={
                200: DossierDetailOutputSerializer,
                **ERRORS,
                404: OpenApiResponse(ErrorOutputSerializer, description=NOT_FOUND),
                409: OpenApiResponse(
                    ErrorOutputSerializer,
                    description="Trạng thái hồ sơ không cho phép, hoặc hồ sơ đã được người "
                    "khác cập nhật (phiên bản khác).",
                ),
            },
            tags=["ho-so"],
        )(post)

    def arguments(self, data: dict) -> dict:
        """The service's keyword arguments from the validated input."""
        return {k: v for k, v in data.items() if k != "expected_version"}

    def transition(self, request, code: str) -> Response:
        dossier = _dossier_get(user=request.user, code=code)
        now = timezone.now()
        steps = list(dossier.procedure_version.steps.order_by("order"))
        situation = permissions.situation_for(dossier, steps=steps)
        verdict = policy.decide(
            permissions.actor_for(request.user), situation, self.action, now=now
        )
        s = self.InputSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        expected = _expected_version(request, s.validated_data.get("expected_version"))
        if not verdict.allowed:
            if expected is not None and expected != dossier.version:
                raise ApiError(409, ConcurrentUpdate(dossier.code).message)
            raise ApiError(_refusal_status(verdict.refusal), verdict.reason)
        arguments = self.arguments(dict(s.validated_data))
        if "assignee" in arguments:
            arguments["assignee"] = _assignee_resolve(
                user=request.user,
                situation=situation,
                action=self.action,
                username=arguments["assignee"],
            )
        # A refusal of the rules is answered by `domain_error`: by default a conflict with
        # where the dossier stands now (last step, first step, transfer pending...).
        type(self).service(
            dossier=dossier,
            actor=request.user,
            expected_version=expected,
            **arguments,
        )
        fresh = Dossier.objects.select_related(*DETAIL_RELATED).get(pk=dossier.pk)
        return _detail_response(request, fresh)


def _assignee_resolve(*, user, situation, action: Action, username: str | None):
    """The named person among those the page would offer; one 400 for anyone else."""
    if not username:
        return None
    candidates = permissions.assignee_candidates(user=user, situation=situation, action=action)
    found = None if candidates is None else candidates.filter(username=username).first()
    if found is None:
        raise ApiError(400, permissions.ASSIGNEE_INVALID, errors={"assignee": [ASSIGNEE_ERROR]})
    return found


ASSIGNEE_ERROR = "Người nhận không hợp lệ."


class DossierReceiveApi(TransitionApi):
    """Bộ phận Một cửa tiếp nhận hồ sơ nộp trực tuyến (trạng thái 1): bắt đầu tính thời hạn."""

    slug, action, summary = "receive", Action.RECEIVE, "Tiếp nhận hồ sơ nộp trực tuyến"
    service = staticmethod(services.dossier_accept)


class DossierRefuseApi(TransitionApi):
    """Từ chối tiếp nhận hồ sơ nộp trực tuyến (Mẫu 03), ghi rõ lý do."""

    slug, action, summary = "refuse", Action.REFUSE, "Từ chối tiếp nhận"
    InputSerializer = ReasonInputSerializer
    service = staticmethod(services.dossier_refuse)


class DossierAssignApi(TransitionApi):
    """Chuyển hồ sơ đã tiếp nhận cho phòng chuyên môn, hoặc phân công (lại) chuyên viên."""

    slug, action, summary = "assign", Action.ASSIGN, "Chuyển xử lý / phân công"

    class InputSerializer(HandOverInputSerializer):
        to_unit = _unit_field(required=False, allow_null=True, help_text="Mã đơn vị nhận.")

    service = staticmethod(services.dossier_assign)


class DossierForwardApi(TransitionApi):
    """Kết thúc bước hiện tại, chuyển bước tiếp theo của quy trình nội bộ."""

    slug, action, summary = "forward", Action.FORWARD, "Chuyển bước tiếp theo"

    class InputSerializer(HandOverInputSerializer):
        to_unit = _unit_field(required=False, allow_null=True, help_text="Mã đơn vị nhận.")

    service = staticmethod(services.dossier_forward)


class DossierApproveApi(TransitionApi):
    """Lãnh đạo phòng duyệt kết quả, chuyển bước ký."""

    slug, action, summary = "approve", Action.APPROVE, "Duyệt kết quả"
    InputSerializer = HandOverInputSerializer
    service = staticmethod(services.dossier_approve)


class DossierSignApi(TransitionApi):
    """Lãnh đạo UBND ký kết quả."""

    slug, action, summary = "sign", Action.SIGN, "Ký kết quả"
    InputSerializer = HandOverInputSerializer
    service = staticmethod(services.dossier_sign)


class DossierSendBackApi(TransitionApi):
    """Trả hồ sơ về bước trước, ghi rõ lý do."""

    slug, action, summary = "send-back", Action.SEND_BACK, "Trả lại bước trước"
    InputSerializer = ReasonInputSerializer
    service = staticmethod(services.dossier_send_back)


class DossierTransferApi(TransitionApi):
    """Chuyển liên thông sang phòng ban hoặc cơ quan khác."""

    slug, action, summary = "transfer", Action.TRANSFER, "Chuyển liên thông"

    class InputSerializer(NoteInputSerializer):
        to_unit = _unit_field(help_text="Mã đơn vị nhận liên thông.")

    service = staticmethod(services.dossier_transfer)


class DossierTransferReturnApi(TransitionApi):
    """Đơn vị nhận liên thông trả hồ sơ về đơn vị đã chuyển."""

    slug, action, summary = (
        "transfer-return",
        Action.TRANSFER_RETURN,
        "Trả lại đơn vị chuyển liên thông",
    )
    InputSerializer = NoteInputSerializer
    service = staticmethod(services.dossier_transfer_return)


class DossierRequestSupplementApi(TransitionApi):
    """Yêu cầu bổ sung hồ sơ (Mẫu 02): dừng tính thời hạn đến khi nhận đủ bổ sung. Yêu cầu lần
    thứ hai được phép nhưng hồ sơ bị tính là quá hạn."""

    slug, action, summary = (
        "request-supplement",
        Action.REQUEST_SUPPLEMENT,
        "Yêu cầu bổ sung hồ sơ",
    )
    InputSerializer = ReasonInputSerializer
    service = staticmethod(services.dossier_request_supplement)


class DossierReceiveSupplementApi(TransitionApi):
    """Nhận hồ sơ bổ sung: tiếp tục tính thời hạn, hạn giải quyết lùi theo thời gian chờ."""

    slug, action, summary = (
        "receive-supplement",
        Action.RECEIVE_SUPPLEMENT,
        "Nhận hồ sơ bổ sung",
    )

    class InputSerializer(NoteInputSerializer):
        components = ComponentInputSerializer(many=True, required=False, default=list)

    service = staticmethod(services.dossier_receive_supplement)


class DossierRequestPaymentApi(TransitionApi):
    """Yêu cầu thực hiện nghĩa vụ tài chính: dừng tính thời hạn."""

    slug, action, summary = (
        "request-payment",
        Action.REQUEST_PAYMENT,
        "Yêu cầu thực hiện nghĩa vụ tài chính",
    )

    class InputSerializer(NoteInputSerializer):
        amount = serializers.IntegerField(
            min_value=0, required=False, allow_null=True, help_text="Số tiền (đồng)."
        )

    service = staticmethod(services.dossier_request_payment)


class DossierPaymentReceivedApi(TransitionApi):
    """Đã thực hiện nghĩa vụ tài chính: tiếp tục tính thời hạn."""

    slug, action, summary = (
        "payment-received",
        Action.PAYMENT_RECEIVED,
        "Đã thực hiện nghĩa vụ tài chính",
    )
    InputSerializer = NoteInputSerializer
    service = staticmethod(services.dossier_payment_received)


class DossierApologiseApi(TransitionApi):
    """Văn bản xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04): chỉ trước hạn giải quyết; hạn
    pháp lý không đổi, hồ sơ vẫn tính quá hạn nếu trả sau hạn."""

    slug, action, summary = (
        "apologise",
        Action.APOLOGISE,
        "Xin lỗi và hẹn lại ngày trả kết quả",
    )

    class InputSerializer(ReasonInputSerializer):
        new_appointment = serializers.DateTimeField(help_text="Ngày giờ hẹn mới (ISO 8601).")

    service = staticmethod(services.dossier_apologise)


class DossierStopApi(TransitionApi):
    """Dừng xử lý hồ sơ, ghi rõ lý do."""

    slug, action, summary = "stop", Action.STOP, "Dừng xử lý"
    InputSerializer = ReasonInputSerializer
    service = staticmethod(services.dossier_stop)


class DossierWithdrawApi(TransitionApi):
    """Công dân rút hồ sơ (trực tuyến, hoặc Bộ phận Một cửa ghi nhận đơn rút tại quầy)."""

    slug, action, summary = "withdraw", Action.WITHDRAW, "Rút hồ sơ"
    InputSerializer = ReasonInputSerializer
    service = staticmethod(services.dossier_withdraw)


class DossierResultReadyApi(TransitionApi):
    """Đã có kết quả (trạng thái 9): chuyển về Bộ phận Một cửa của đơn vị tiếp nhận để trả."""

    slug, action, summary = (
        "result-ready",
        Action.MARK_RESULT_READY,
        "Có kết quả, chuyển Bộ phận Một cửa",
    )
    InputSerializer = NoteInputSerializer
    service = staticmethod(services.dossier_mark_result_ready)


class DossierReturnResultApi(TransitionApi):
    """Trả kết quả cho công dân: tại quầy, qua bưu chính hoặc điện tử."""

    slug, action, summary = "return-result", Action.RETURN_RESULT, "Trả kết quả"

    class InputSerializer(NoteInputSerializer):
        result_delivery = serializers.ChoiceField(
            Dossier.ResultDelivery.choices, required=False, allow_null=True
        )

    service = staticmethod(services.dossier_return_result)
