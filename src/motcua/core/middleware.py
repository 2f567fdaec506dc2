"""Vietnamese first: the browser's Accept-Language never switches the interface.

Officers' and citizens' browsers are often set to English; the system speaks Vietnamese until
the person picks English in the header (Django's language cookie), which LocaleMiddleware
then honours.
"""


class VietnameseFirstMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


class ClockMiddleware:
    """Puts the clock on the request: `request.clock` (`core/clock.py`'s clock in use) and
    `request.now`, the one instant the whole request works with (views pass it to selectors
    and services as `now=`/`at=`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from motcua.core import clock

        request.clock = clock.current()
        request.now = request.clock.now()
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """Headers Django does not set itself: Permissions-Policy (settings.PERMISSIONS_POLICY)."""

    def __init__(self, get_response):
        from django.conf import settings

        self.get_response = get_response
        self.permissions_policy = settings.PERMISSIONS_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        if self.permissions_policy:
            response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        return response


class MissingFileMiddleware:
    """A stored file that is gone (lost disk, partial restore) answers 404 with a clear message
    instead of a server error, and is logged for the administrator (the health page's storage
    check and `motcua backup --verify` find the rest)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, FileNotFoundError):
            return None
        import logging

        from django.shortcuts import render
        from django.utils.translation import gettext as _

        logging.getLogger(__name__).error(
            "Tệp không còn trên máy chủ: %s (yêu cầu %s)", exception.filename, request.path
        )
        return render(
            request,
            "core/missing_file.html",
            {"message": _("Tệp này không còn trên máy chủ. Vui lòng báo cho cán bộ quản trị.")},
            status=404,
        )


class DatabaseUnavailableMiddleware:
    """The database went away mid-request (restart, failover, network): answer 503 with
    Retry-After and a clear Vietnamese message — JSON for the API — instead of a bare 500.
    Writes run in transactions, so nothing half-written stays behind; the client may retry
    (API creations with the same Idempotency-Key)."""

    RETRY_AFTER = "5"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from django.db import InterfaceError, OperationalError

        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        import logging

        from django.http import HttpResponse, JsonResponse
        from django.utils.translation import gettext as _

        logging.getLogger(__name__).error(
            "Cơ sở dữ liệu tạm thời không dùng được (%s) khi xử lý %s",
            type(exception).__name__,
            request.path,
        )
        message = _(
            "Hệ thống đang tạm gián đoạn kết nối cơ sở dữ liệu. Vui lòng thử lại sau ít giây."
        )
        if request.path.startswith("/api/"):
            response = JsonResponse({"detail": message, "retryable": True}, status=503)
        else:
            response = HttpResponse(message, status=503, content_type="text/plain; charset=utf-8")
        response["Retry-After"] = self.RETRY_AFTER
        return response
