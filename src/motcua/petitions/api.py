"""REST API for feedback and petitions (mounted at /api/v1/phan-anh/): submit, list, read,
and one POST per lifecycle action. Thin views: input serializers, then the services (which ask
the lifecycle table and the policy) or the selectors (which apply the reader's scope).

Errors carry a Vietnamese `detail`: 400 bad input, 401 not signed in, 404 no such petition or
not visible to the caller (indistinguishable), 409 the lifecycle or the policy refuses.
"""

from __future__ import annotations

from django.core.validators import ProhibitNullCharactersValidator
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import exceptions, serializers, status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from motcua.org.models import OrgUnit
from motcua.petitions import selectors, services
from motcua.petitions.domain.lifecycle import Action, PetitionError
from motcua.petitions.models import Petition

NUL_MESSAGE = "Nội dung chứa ký tự không hợp lệ (ký tự NUL). Vui lòng nhập lại."


class Text(serializers.CharField):
    """A CharField whose NUL-byte refusal reads in Vietnamese."""

    def __init__(self, **kw):
        super().__init__(**kw)
        self.validators = [
            v for v in self.validators if not isinstance(v, ProhibitNullCharactersValidator)
        ] + [ProhibitNullCharactersValidator(message=NUL_MESSAGE)]


def _text(**kw):
    return Text(allow_blank=True, required=False, default="", **kw)


class SenderSerializer(serializers.Serializer):
    name = _text(max_length=255)
    phone = _text(max_length=20)
    email = _text(max_length=254)
    address = _text(max_length=500)


class PetitionInputSerializer(serializers.Serializer):
    unit = Text(help_text="Mã đơn vị (OrgUnit.code) nhận phản ánh, kiến nghị.")
    # Plain strings (checked below), not enums: "kind" and "channel" are also dossier fields
    # with other choices, and the schema's enum names must not collide.
    kind = serializers.CharField(
        default="feedback", help_text="feedback (phản ánh) | petition (kiến nghị)"
    )
    subject = serializers.ChoiceField(choices=Petition.Subject.choices)
    title = Text(max_length=255)
    content = Text(max_length=10_000)
    regulation = _text(max_length=500)
    anonymous = serializers.BooleanField(default=False)
    sender = SenderSerializer(required=False)

    def validate_kind(self, value):
        if value not in Petition.Kind.values:
            raise serializers.ValidationError("Chọn feedback (phản ánh) hoặc petition (kiến nghị).")
        return value


class PetitionOutputSerializer(serializers.ModelSerializer):
    unit = serializers.CharField(source="unit.code")
    kind = serializers.CharField(help_text="feedback | petition")
    channel = serializers.CharField(
        help_text="online | letter | phone | hotline | survey | api | open311"
    )
    status_label = serializers.CharField(source="status_enum.label")
    due_at = serializers.SerializerMethodField()
    # Declared (not derived from the model field) so the schema does not depend on the
    # database's integer range: the same openapi.yaml on SQLite and PostgreSQL.
    version = serializers.IntegerField(read_only=True, min_value=0)

    class Meta:
        model = Petition
        fields = [
            "code", "kind", "subject", "title", "content", "regulation", "channel", "unit",
            "status", "status_label", "received_at", "classify_due_at", "answer_due_at",
            "publish_due_at", "due_at", "answered_at", "published_at", "answer",
            "forwarded_to", "refusal_reason", "verdict", "anonymous", "sender_name",
            "sender_phone", "sender_email", "sender_address", "version",
        ]  # fmt: skip

    def get_due_at(self, p) -> str | None:
        due = selectors.current_due(p)
        return due.isoformat() if due else None


class CreatedSerializer(PetitionOutputSerializer):
    lookup_key = serializers.CharField()

    class Meta(PetitionOutputSerializer.Meta):
        fields = [*PetitionOutputSerializer.Meta.fields, "lookup_key"]


def _bad(e: Exception):
    return Response({"detail": str(e)}, status=status.HTTP_409_CONFLICT)


class PetitionListCreateApi(APIView):
    def get_permissions(self):
        return [AllowAny()] if self.request.method == "POST" else [IsAuthenticated()]

    @extend_schema(
        operation_id="petition_list",
        summary="Phản ánh, kiến nghị người gọi được xem",
        responses=PetitionOutputSerializer(many=True),
    )
    def get(self, request):
        qs = selectors.petitions_visible(user=request.user).select_related("unit")
        paginator = self.paginator
        page = paginator.paginate_queryset(qs.order_by("-received_at", "-id"), request, view=self)
        return paginator.get_paginated_response(PetitionOutputSerializer(page, many=True).data)

    @property
    def paginator(self):
        if not hasattr(self, "_paginator"):
            from rest_framework.pagination import PageNumberPagination

            self._paginator = PageNumberPagination()
        return self._paginator

    @extend_schema(
        operation_id="petition_create",
        summary="Gửi phản ánh, kiến nghị (đăng nhập hoặc không; ẩn danh thì không nhận trả lời)",
        request=PetitionInputSerializer,
        responses={
            201: CreatedSerializer,
            400: OpenApiResponse(description="Dữ liệu không hợp lệ"),
        },
    )
    def post(self, request):
        s = PetitionInputSerializer(data=request.data)
        if not s.is_valid():
            return Response(
                {"detail": "Dữ liệu không hợp lệ.", "errors": s.errors},
                status=status.HTTP_400_BAD_REQUEST,
            )
        d = s.validated_data
        unit = OrgUnit.objects.filter(code=d["unit"]).first()
        if unit is None:
            return Response(
                {"detail": f"Không có đơn vị mã “{d['unit']}”."}, status=status.HTTP_400_BAD_REQUEST
            )
        user = request.user if request.user.is_authenticated else None
        try:
            p = services.petition_submit(
                unit=unit, kind=d["kind"], subject=d["subject"], title=d["title"],
                content=d["content"], regulation=d["regulation"], anonymous=d["anonymous"],
                sender=d.get("sender") or {}, user=user, channel=Petition.Channel.API,
            )  # fmt: skip
        except PetitionError as e:
            return Response({"detail": str(e)}, status=status.HTTP_400_BAD_REQUEST)
        return Response(CreatedSerializer(p).data, status=status.HTTP_201_CREATED)


def _visible(request, code) -> Petition:
    p = selectors.petitions_visible(user=request.user).filter(code=code).first()
    if p is None:
        raise exceptions.NotFound("Không tìm thấy phản ánh, kiến nghị.")
    return p


class PetitionDetailApi(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(operation_id="petition_read", responses=PetitionOutputSerializer)
    def get(self, request, code):
        return Response(PetitionOutputSerializer(_visible(request, code)).data)


class PetitionActionApi(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="petition_act",
        summary="Thực hiện một bước xử lý (accept, forward, refuse, request_info, "
        "info_received, answer, publish, agree, disagree, reopen)",
        request=inline_serializer("PetitionActionInput", {"reason": _text(max_length=10_000)}),
        responses={
            200: PetitionOutputSerializer,
            409: OpenApiResponse(description="Không được phép"),
        },
    )
    def post(self, request, code, action):
        p = _visible(request, code)
        if action not in Action.__members__.values():
            raise exceptions.NotFound("Thao tác không hợp lệ.")
        reason = request.data.get("reason", "") if hasattr(request.data, "get") else ""
        try:
            p = services.petition_transition(
                petition=p, action=action, actor=request.user, reason=str(reason or "")
            )
        except PetitionError as e:
            return _bad(e)
        return Response(PetitionOutputSerializer(p).data)
