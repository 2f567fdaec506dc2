"""Errors of the dossier API: one Vietnamese `detail` each, the rules' refusals mapped in
one place (`domain_error`), DRF's own errors translated (`_vn_exception`)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from rest_framework import exceptions, serializers

from motcua.core.idempotency import (
    IdempotencyError,
)
from motcua.dossiers.domain.errors import (
    DossierError,
)

User = get_user_model()

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
    the endpoint's `default`; the missing components listed when the error has them."""
    statuses = statuses or {}
    status_code = next((statuses[c] for c in type(exc).__mro__ if c in statuses), None)
    status_code = status_code or exc.http_status or default
    missing = getattr(exc, "missing", None)
    extra = {"missing": missing} if missing else {}
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
