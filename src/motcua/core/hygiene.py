"""Input hygiene at the door (issue 9, hole 8): bad characters and oversized bodies are
answered 400/413 with a clear Vietnamese message before any view runs, never 500.

- **Size.** A body larger than the cap is refused from its `Content-Length` alone, before a
  byte of it is read: `MOTCUA_REQUEST_MAX_BYTES` for multipart uploads (default: room for
  several files of `MOTCUA_UPLOAD_MAX_BYTES`), Django's `DATA_UPLOAD_MAX_MEMORY_SIZE` for every
  other body (forms, JSON). Each uploaded file is still checked against
  `MOTCUA_UPLOAD_MAX_BYTES` by `dossiers.uploads.validate_upload`.
- **Characters.** NUL and the other C0 control characters (tab, line feed and carriage return
  excepted), and lone UTF-16 surrogates, in the path, the query string, form fields, uploaded
  file names, or any key or string of a JSON body. Databases refuse them (PostgreSQL cannot
  store NUL in text) and nobody types them.

The answer is JSON (`{"detail": ..., "code": ...}`) for the API and for JSON requests, a small
HTML page otherwise.
"""

import json
import re

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import HttpResponse, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")

INVALID_TEXT = gettext_noop(
    "Yêu cầu chứa ký tự không hợp lệ (ký tự NUL hoặc ký tự điều khiển): "
    "vui lòng kiểm tra lại nội dung đã nhập."
)
TOO_LARGE_TEXT = gettext_noop(
    "Dữ liệu gửi lên quá lớn ({size} MB, tối đa {limit} MB): "
    "vui lòng gửi tệp nhỏ hơn hoặc chia thành nhiều lần."
)
BAD_LENGTH_TEXT = gettext_noop("Độ dài dữ liệu gửi lên (Content-Length) không hợp lệ.")
MALFORMED_TEXT = gettext_noop(
    "Dữ liệu biểu mẫu gửi lên không đúng định dạng hoặc có quá nhiều trường."
)


def has_bad_chars(value) -> bool:
    """True when `value` (text, or JSON data: dicts, lists) holds a refused character."""
    if isinstance(value, str):
        return bool(BAD_CHARS.search(value))
    if isinstance(value, dict):
        return any(has_bad_chars(k) or has_bad_chars(v) for k, v in value.items())
    if isinstance(value, list):
        return any(has_bad_chars(v) for v in value)
    return False


def request_max_bytes() -> int:
    return settings.MOTCUA_REQUEST_MAX_BYTES or 5 * settings.MOTCUA_UPLOAD_MAX_BYTES + (1 << 20)


def _wants_json(request) -> bool:
    return (
        request.path.startswith("/api/")
        or request.content_type == "application/json"
        or "application/json" in request.META.get("HTTP_ACCEPT", "")
    )


def _refuse(request, status: int, message: str, code: str, **values) -> HttpResponse:
    # Runs before LocaleMiddleware: Vietnamese unless the visitor picked English (the cookie).
    language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        return _refuse_in_language(request, status, _(message).format(**values), code)


def _open311_errors(request, status: int, message: str) -> HttpResponse:
    """Open311 GeoReport v2 clients get the spec's error objects, in the format they asked for."""
    if request.path.rstrip("/").endswith(".xml"):
        body = (
            '<?xml version="1.0" encoding="utf-8"?><errors><error>'
            f"<code>{status}</code><description>{escape(message)}</description>"
            "</error></errors>"
        )
        return HttpResponse(body, status=status, content_type="text/xml; charset=utf-8")
    return JsonResponse([{"code": status, "description": message}], status=status, safe=False)


def _refuse_in_language(request, status: int, message: str, code: str) -> HttpResponse:
    if request.path.startswith("/open311/"):
        return _open311_errors(request, status, message)
    if _wants_json(request):
        return JsonResponse({"detail": message, "code": code}, status=status)
    title = _("Yêu cầu không hợp lệ") if status == 400 else _("Dữ liệu quá lớn")
    page = (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title></head><body><main><h1>{escape(title)}</h1>"
        f'<p role="alert">{escape(message)}</p><p><a href="/">{escape(_("Về trang chủ"))}</a>'
        "</p></main></body></html>"
    )
    response = HttpResponse(page, status=status, content_type="text/html; charset=utf-8")
    response["Content-Language"] = translation.get_language()
    return response


def _megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):.1f}".replace(".", ",")


class RequestHygieneMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        refused = self._size(request) or self._characters(request)
        return refused or self.get_response(request)

    def _size(self, request):
        raw = request.META.get("CONTENT_LENGTH") or "0"
        try:
            length = int(raw)
        except ValueError:
            return _refuse(request, 400, BAD_LENGTH_TEXT, "invalid_content_length")
        if length < 0:
            return _refuse(request, 400, BAD_LENGTH_TEXT, "invalid_content_length")
        if request.content_type == "multipart/form-data":
            limit = request_max_bytes()
        else:
            limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE or request_max_bytes()
        if length > limit:
            return _refuse(
                request,
                413,
                TOO_LARGE_TEXT,
                "request_too_large",
                size=_megabytes(length),
                limit=_megabytes(limit),
            )
        return None

    def _characters(self, request):
        try:
            bad = self._bad(request)
        except (MultiPartParserError, SuspiciousOperation, UnicodeDecodeError):
            return _refuse(request, 400, MALFORMED_TEXT, "malformed_body")
        if bad:
            return _refuse(request, 400, INVALID_TEXT, "invalid_characters")
        return None

    def _bad(self, request) -> bool:
        if has_bad_chars(request.path) or has_bad_chars(request.META.get("QUERY_STRING", "")):
            return True
        if any(has_bad_chars(k) or has_bad_chars(v) for k, vs in request.GET.lists() for v in vs):
            return True
        if request.method in {"GET", "HEAD", "OPTIONS"}:
            return False
        if request.content_type == "application/json":
            try:
                data = json.loads(request.body or b"null")
            except (ValueError, UnicodeDecodeError):
                return False  # malformed JSON: the API answers its own 400
            return has_bad_chars(data)
        if request.path.startswith("/api/"):
            # The API reads JSON only (any other body is its own 415); reading the form here
            # would use up the stream before its parsers run.
            return False
        if request.content_type in {"application/x-www-form-urlencoded", "multipart/form-data"}:
            form, files = request.POST, request.FILES
            if any(has_bad_chars(k) or has_bad_chars(v) for k, vs in form.lists() for v in vs):
                return True
            return any(has_bad_chars(f.name or "") for fs in files.lists() for f in fs[1])
        return False
