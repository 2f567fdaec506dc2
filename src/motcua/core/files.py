"""Serving stored files through the application, never from a public /media/ URL (issue 9,
hole 9). The view decides who may read; this module only sends.

Every file goes out as an attachment (`Content-Disposition: attachment`, the original name
in RFC 6266/5987 form), with `X-Content-Type-Options: nosniff`, a content type chosen from the
checked kind (never the browser's claim) and `Content-Security-Policy: sandbox`, so even a file
that slipped past the upload checks cannot run in the site's origin.

`MOTCUA_FILE_SERVE` chooses who sends the bytes:
- "" (default): Django streams the file (fine for a commune's volume);
- "x-accel-redirect": nginx sends it from an `internal` location; the response carries
  `X-Accel-Redirect: <MOTCUA_FILE_ACCEL_PREFIX><name>` (default prefix `/_tep/`);
- "x-sendfile": Apache mod_xsendfile / lighttpd; `X-Sendfile: <MEDIA_ROOT>/<name>`.
"""

import os
from urllib.parse import quote

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse

SAFE_TYPES = {
    ".pdf": "application/pdf",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
}


def _content_type(name: str) -> str:
    ext = os.path.splitext(name)[1].lower()
    return SAFE_TYPES.get(ext) or "application/octet-stream"


def _harden(response: HttpResponse, filename: str) -> HttpResponse:
    ascii_name = filename.encode("ascii", "ignore").decode() or "tep"
    ascii_name = ascii_name.replace('"', "").replace("\\", "")
    response["Content-Disposition"] = (
        f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


def file_response(fieldfile, *, filename: str = "") -> HttpResponse:
    """The response sending `fieldfile` (a stored FieldFile) as an attachment."""
    if not fieldfile or not fieldfile.name:
        raise Http404("Không có tệp.")
    name = fieldfile.name
    filename = os.path.basename(filename or name) or "tep"
    content_type = _content_type(name)
    mode = settings.MOTCUA_FILE_SERVE.strip().lower()
    if mode == "x-accel-redirect":
        prefix = settings.MOTCUA_FILE_ACCEL_PREFIX
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = prefix.rstrip("/") + "/" + quote(name)
        return _harden(response, filename)
    if mode == "x-sendfile":
        response = HttpResponse(content_type=content_type)
        response["X-Sendfile"] = os.path.join(str(settings.MEDIA_ROOT), name)
        return _harden(response, filename)
    # A file lost from storage raises FileNotFoundError: the middleware answers a clear 404
    # page and logs an error for the administrator (core/middleware.py).
    handle = fieldfile.storage.open(name, "rb")
    response = FileResponse(handle, content_type=content_type)
    return _harden(response, filename)
