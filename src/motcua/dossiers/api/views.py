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

import functools
from collections.abc import Callable
from typing import ClassVar

from django.contrib.auth import get_user_model
from django.db import transaction
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_serializer,
)
from rest_framework import serializers, status
from rest_framework.authentication import SessionAuthentication
from rest_framework.pagination import PageNumberPagination
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView

from motcua.accounts.authentication import MotcuaTokenAuthentication
from motcua.catalogue.selectors import procedures_published
from motcua.core.idempotency import (
    IdempotencyError,
    idempotency_claim,
    idempotency_complete,
    idempotency_key_clean,
    request_fingerprint,
)
from motcua.core.pagination import CappedCountPaginator
from motcua.dossiers import permissions, services
from motcua.dossiers.api.errors import ApiError, ErrorOutputSerializer, _vn_exception, domain_error
from motcua.dossiers.api.filters import _dossiers_counted, _dossiers_filtered
from motcua.dossiers.api.serializers import (
    ApplicantSerializer,
    ComponentInputSerializer,
    DossierDetailOutputSerializer,
    DossierListOutputSerializer,
    DossierPageOutputSerializer,
    HandOverInputSerializer,
    NoteInputSerializer,
    ReasonInputSerializer,
    TransitionInputSerializer,
    VnSerializer,
    _unit_field,
)
from motcua.dossiers.domain import policy
from motcua.dossiers.domain.errors import (
    ConcurrentUpdate,
    DossierError,
    TransitionNotAllowed,
)
from motcua.dossiers.domain.policy import Refusal
from motcua.dossiers.domain.workflow import (
    STATUS_LABELS,
    Action,
    Channel,
    Status,
)
from motcua.dossiers.models import Dossier
from motcua.dossiers.selectors import DETAIL_RELATED
from motcua.org.models import OrgUnit

User = get_user_model()

NOT_FOUND = "Không có hồ sơ này hoặc hồ sơ không thuộc phạm vi của bạn."


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


def _detail_response(request, dossier: Dossier, status_code: int = 200) -> Response:
    data = DossierDetailOutputSerializer(
        dossier, context={"user": request.user, "now": request.now}
    ).data
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
    # Count capped at 10,000 (motcua.core.pagination): no uncapped COUNT over a million rows.
    django_paginator_class = CappedCountPaginator
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
        now = request.now
        qs = _dossiers_filtered(user=request.user, now=now, **f.validated_data)
        paginator = DossierPagination()
        paginator.django_paginator_class = functools.partial(
            CappedCountPaginator,
            counter=lambda cap: _dossiers_counted(
                user=request.user, now=now, cap=cap, **f.validated_data
            ),
        )
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
            data = dict(s.validated_data)
            dossier = services.dossier_create(
                actor=request.user, procedure_version=data.pop("procedure"), at=request.now, **data
            )
            dossier = Dossier.objects.select_related(*DETAIL_RELATED).get(pk=dossier.pk)
            response = _detail_response(request, dossier, status.HTTP_201_CREATED)
            if record is not None:
                idempotency_complete(
                    record=record, status_code=response.status_code, body=response.data
                )
            return response


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
        now = request.now
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
            at=now,
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


# The action-specific inputs (schema components named after the action).


@extend_schema_serializer(component_name="AssignInput")
class AssignInputSerializer(HandOverInputSerializer):
    to_unit = _unit_field(required=False, allow_null=True, help_text="Mã đơn vị nhận.")


@extend_schema_serializer(component_name="ForwardInput")
class ForwardInputSerializer(HandOverInputSerializer):
    to_unit = _unit_field(required=False, allow_null=True, help_text="Mã đơn vị nhận.")


@extend_schema_serializer(component_name="TransferInput")
class TransferInputSerializer(NoteInputSerializer):
    to_unit = _unit_field(help_text="Mã đơn vị nhận liên thông.")


@extend_schema_serializer(component_name="ReceiveSupplementInput")
class ReceiveSupplementInputSerializer(NoteInputSerializer):
    components = ComponentInputSerializer(many=True, required=False, default=list)


@extend_schema_serializer(component_name="RequestPaymentInput")
class RequestPaymentInputSerializer(NoteInputSerializer):
    amount = serializers.IntegerField(
        min_value=0, required=False, allow_null=True, help_text="Số tiền (đồng)."
    )


@extend_schema_serializer(component_name="ApologiseInput")
class ApologiseInputSerializer(ReasonInputSerializer):
    new_appointment = serializers.DateTimeField(help_text="Ngày giờ hẹn mới (ISO 8601).")


@extend_schema_serializer(component_name="ReturnResultInput")
class ReturnResultInputSerializer(NoteInputSerializer):
    result_delivery = serializers.ChoiceField(
        Dossier.ResultDelivery.choices, required=False, allow_null=True
    )


# One row per POST /ho-so/<code>/<slug>/: the workflow action (the table in
# `dossiers/domain/workflow.py` says who may do it and where it leads), the service that does
# it, its input, and the words of the API's documentation. To add an endpoint, add a row.
TRANSITION_ENDPOINTS: list[tuple[str, Action, Callable[..., Dossier], type, str, str]] = [
    # (slug, action, service, input, summary, description); the descriptions keep the line
    # breaks of the docstrings they were, so that openapi.yaml stays as committed.
    ("receive", Action.RECEIVE, services.dossier_accept, TransitionInputSerializer,
     "Tiếp nhận hồ sơ nộp trực tuyến",
     "Bộ phận Một cửa tiếp nhận hồ sơ nộp trực tuyến (trạng thái 1): bắt đầu tính thời hạn."),
    ("refuse", Action.REFUSE, services.dossier_refuse, ReasonInputSerializer,
     "Từ chối tiếp nhận",
     "Từ chối tiếp nhận hồ sơ nộp trực tuyến (Mẫu 03), ghi rõ lý do."),
    ("assign", Action.ASSIGN, services.dossier_assign, AssignInputSerializer,
     "Chuyển xử lý / phân công",
     "Chuyển hồ sơ đã tiếp nhận cho phòng chuyên môn, hoặc phân công (lại) chuyên viên."),
    ("forward", Action.FORWARD, services.dossier_forward, ForwardInputSerializer,
     "Chuyển bước tiếp theo",
     "Kết thúc bước hiện tại, chuyển bước tiếp theo của quy trình nội bộ."),
    ("approve", Action.APPROVE, services.dossier_approve, HandOverInputSerializer,
     "Duyệt kết quả", "Lãnh đạo phòng duyệt kết quả, chuyển bước ký."),
    ("sign", Action.SIGN, services.dossier_sign, HandOverInputSerializer,
     "Ký kết quả", "Lãnh đạo UBND ký kết quả."),
    ("send-back", Action.SEND_BACK, services.dossier_send_back, ReasonInputSerializer,
     "Trả lại bước trước", "Trả hồ sơ về bước trước, ghi rõ lý do."),
    ("transfer", Action.TRANSFER, services.dossier_transfer, TransferInputSerializer,
     "Chuyển liên thông", "Chuyển liên thông sang phòng ban hoặc cơ quan khác."),
    ("transfer-return", Action.TRANSFER_RETURN, services.dossier_transfer_return,
     NoteInputSerializer, "Trả lại đơn vị chuyển liên thông",
     "Đơn vị nhận liên thông trả hồ sơ về đơn vị đã chuyển."),
    ("request-supplement", Action.REQUEST_SUPPLEMENT, services.dossier_request_supplement,
     ReasonInputSerializer, "Yêu cầu bổ sung hồ sơ",
     "Yêu cầu bổ sung hồ sơ (Mẫu 02): dừng tính thời hạn đến khi nhận đủ bổ sung. Yêu cầu lần\n"
     "    thứ hai được phép nhưng hồ sơ bị tính là quá hạn."),
    ("receive-supplement", Action.RECEIVE_SUPPLEMENT, services.dossier_receive_supplement,
     ReceiveSupplementInputSerializer, "Nhận hồ sơ bổ sung",
     "Nhận hồ sơ bổ sung: tiếp tục tính thời hạn, hạn giải quyết lùi theo thời gian chờ."),
    ("request-payment", Action.REQUEST_PAYMENT, services.dossier_request_payment,
     RequestPaymentInputSerializer, "Yêu cầu thực hiện nghĩa vụ tài chính",
     "Yêu cầu thực hiện nghĩa vụ tài chính: dừng tính thời hạn."),
    ("payment-received", Action.PAYMENT_RECEIVED, services.dossier_payment_received,
     NoteInputSerializer, "Đã thực hiện nghĩa vụ tài chính",
     "Đã thực hiện nghĩa vụ tài chính: tiếp tục tính thời hạn."),
    ("apologise", Action.APOLOGISE, services.dossier_apologise, ApologiseInputSerializer,
     "Xin lỗi và hẹn lại ngày trả kết quả",
     "Văn bản xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04): chỉ trước hạn giải quyết; hạn\n"
     "    pháp lý không đổi, hồ sơ vẫn tính quá hạn nếu trả sau hạn."),
    ("stop", Action.STOP, services.dossier_stop, ReasonInputSerializer,
     "Dừng xử lý", "Dừng xử lý hồ sơ, ghi rõ lý do."),
    ("withdraw", Action.WITHDRAW, services.dossier_withdraw, ReasonInputSerializer,
     "Rút hồ sơ",
     "Công dân rút hồ sơ (trực tuyến, hoặc Bộ phận Một cửa ghi nhận đơn rút tại quầy)."),
    ("result-ready", Action.MARK_RESULT_READY, services.dossier_mark_result_ready,
     NoteInputSerializer, "Có kết quả, chuyển Bộ phận Một cửa",
     "Đã có kết quả (trạng thái 9): chuyển về Bộ phận Một cửa của đơn vị tiếp nhận để trả."),
    ("return-result", Action.RETURN_RESULT, services.dossier_return_result,
     ReturnResultInputSerializer, "Trả kết quả",
     "Trả kết quả cho công dân: tại quầy, qua bưu chính hoặc điện tử."),
]  # fmt: skip


def _transition_api(slug, action, service, input_serializer, summary, description):
    name = "Dossier" + "".join(part.title() for part in slug.split("-")) + "Api"
    return type(
        name,
        (TransitionApi,),
        {
            "__doc__": description,
            "__module__": __name__,
            "slug": slug,
            "action": action,
            "summary": summary,
            "InputSerializer": input_serializer,
            "service": staticmethod(service),
        },
    )


for _row in TRANSITION_ENDPOINTS:
    _transition_api(*_row)
