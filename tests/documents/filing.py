"""Small real files and a filing walk through the test client, for the filing and document
tests (tests/portal/test_filing_*.py, tests/documents/, tests/browser/test_portal_filing*)."""

import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from motcua.portal.models import FilingDraft

PDF = (
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
    b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
)
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"


def png_bytes(width: int = 2, height: int = 2) -> bytes:
    """A real, tiny RGB PNG (opens in any viewer)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


PNG = png_bytes()


def upload(name: str, content: bytes, content_type: str = "application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def draft_start(client, national_code: str = "2.000815", **post) -> FilingDraft:
    response = client.post(reverse("portal:file_start", args=[national_code]), post)
    assert response.status_code == 302, response.content.decode()[:2000]
    return FilingDraft.objects.order_by("-created_at").first()


def draft_post(client, draft, *, unit, files=None, action="save", **fields):
    data = {
        "unit": unit.pk,
        "applicant_kind": "person",
        "applicant_name": "Nguyễn Thị Hoà",
        "applicant_id_number": "074190000123",
        "applicant_phone": "0912345678",
        "applicant_email": "hoa@example.vn",
        "applicant_address": "12 Yersin, Phú Cường",
        "result_delivery": "electronic",
        "delivery_address": "",
        "action": action,
        **fields,
    }
    for component_id, f in (files or {}).items():
        data[f"tep_{component_id}"] = f
    return client.post(reverse("portal:draft", args=[draft.pk]), data)


def draft_submit(client, draft):
    draft.refresh_from_db()
    return client.post(reverse("portal:draft_review", args=[draft.pk]), {"token": str(draft.token)})
