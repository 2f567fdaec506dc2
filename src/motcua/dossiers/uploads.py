"""Checks on a digitised component's file before it is stored (issue 4.1, 4 "Done when").

Only PDF, JPEG and PNG are accepted, recognised by their content (the first bytes), never by
the name or the browser's content type: an HTML page renamed `.pdf` is refused. The name's
extension must agree with the content so the stored file opens with the right program. The
size limit is the setting `MOTCUA_UPLOAD_MAX_BYTES` (default 10 MB).

`dossier_receive` and `dossier_receive_supplement` call `validate_upload` on every component
file before writing anything, so a refused file leaves no dossier, no code and no file behind.
"""

from __future__ import annotations

import os
import re
import zlib
from dataclasses import dataclass

from django.conf import settings

from motcua.core.formatting import vn_number
from motcua.dossiers.domain.errors import DossierError


@dataclass(frozen=True)
class FileKind:
    label: str
    content_type: str
    extensions: tuple[str, ...]
    magic: tuple[bytes, ...]


KINDS = (
    FileKind("PDF", "application/pdf", (".pdf",), (b"%PDF-",)),
    FileKind("JPEG", "image/jpeg", (".jpg", ".jpeg"), (b"\xff\xd8\xff",)),
    FileKind("PNG", "image/png", (".png",), (b"\x89PNG\r\n\x1a\n",)),
)
ALLOWED_TEXT = "PDF, JPEG (.jpg, .jpeg) hoặc PNG"
# Leading bytes read to recognise the content (the longest signature is PNG's 8).
SNIFF_BYTES = 8


class UploadRejected(DossierError):
    """The file is not stored: wrong type, empty or too large. `message` is in Vietnamese."""


def max_upload_bytes() -> int:
    return settings.MOTCUA_UPLOAD_MAX_BYTES


def _megabytes(n: int) -> str:
    mb = n / (1024 * 1024)
    return f"{vn_number(mb, 1) if round(mb, 1) % 1 else vn_number(round(mb))} MB"


def _head(file) -> bytes:
    pos = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        return file.read(SNIFF_BYTES) or b""
    finally:
        file.seek(pos)


def kind_of(head: bytes) -> FileKind | None:
    """The accepted kind whose signature starts `head`, or None."""
    return next((k for k in KINDS if any(head.startswith(m) for m in k.magic)), None)


def validate_upload(file, *, label: str = "") -> FileKind:
    """Return the file's kind, or raise `UploadRejected` saying why it is refused.

    `file` is any Django `File`/`UploadedFile` (has `name`, `size`, `read`, `seek`); `label`
    names it in the message (the component's name), else the file name is used.
    """
    name = os.path.basename(getattr(file, "name", "") or "")
    which = f"“{label}” ({name})" if label and name else f"“{label or name or 'không tên'}”"
    size = getattr(file, "size", None)
    limit = max_upload_bytes()
    if not size:
        raise UploadRejected(f"Tệp {which} rỗng (0 byte): vui lòng chọn lại tệp đã số hóa.")
    if size > limit:
        size_text, limit_text = _megabytes(size), _megabytes(limit)
        if size_text == limit_text:  # just over: rounded megabytes would read the same
            size_text, limit_text = f"{vn_number(size)} byte", f"{vn_number(limit)} byte"
        raise UploadRejected(
            f"Tệp {which} có dung lượng {size_text}, vượt quá giới hạn {limit_text}: "
            "vui lòng nén hoặc quét lại với độ phân giải thấp hơn."
        )
    kind = kind_of(_head(file))
    if kind is None:
        raise UploadRejected(
            f"Tệp {which} không phải tệp {ALLOWED_TEXT} (nội dung tệp không đúng định dạng, "
            "dù tên tệp có thể có đuôi hợp lệ): chỉ chấp nhận bản số hóa dạng PDF, JPEG, PNG."
        )
    ext = os.path.splitext(name)[1].lower()
    if ext not in kind.extensions:
        raise UploadRejected(
            f"Tệp {which} có nội dung {kind.label} nhưng tên tệp có đuôi “{ext or '(không có)'}”"
            f": vui lòng đổi tên tệp có đuôi {' hoặc '.join(kind.extensions)}."
        )
    what = active_content(_read_all(file), kind)
    if what:
        raise UploadRejected(ACTIVE_TEXT.format(which=which, what=what))
    return kind


# Active content (issue 9, hole 9): a PDF that runs JavaScript or launches programs when opened,
# an image whose bytes are really SVG/HTML (a PNG signature in front of `<svg onload=...>`).
PDF_ACTIVE = re.compile(
    rb"/(JavaScript|JS|Launch|RichMedia|EmbeddedFile|XFA|SubmitForm)(?![A-Za-z])"
)
MARKUP = re.compile(rb"<\s*(svg|script|html|!doctype|iframe|object|embed)\b", re.IGNORECASE)
_PDF_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_PDF_STREAM = re.compile(rb"stream\r?\n(.*?)endstream", re.DOTALL)
# Decompressed PDF streams scanned, at most (a "zip bomb" stops here, refused).
PDF_INFLATE_MAX = 64 * 1024 * 1024
ACTIVE_TEXT = (
    "Tệp {which} có nội dung chủ động ({what}) nên không được chấp nhận: vui lòng in hoặc "
    "quét lại thành tệp PDF, JPEG hay PNG thông thường."
)


def _read_all(file) -> bytes:
    pos = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        return file.read() or b""
    finally:
        file.seek(pos)


def _pdf_texts(data: bytes):
    """The PDF's bytes, then each Flate-compressed stream inflated (object streams can hide
    /JavaScript from a scan of the raw bytes)."""
    yield data
    budget = PDF_INFLATE_MAX
    for match in _PDF_STREAM.finditer(data):
        try:
            inflater = zlib.decompressobj()
            text = inflater.decompress(match.group(1), budget)
        except zlib.error:
            continue
        budget -= len(text)
        if budget <= 0:
            yield b"/JavaScript"  # too much to inflate: treated as suspect
            return
        yield text


def active_content(data: bytes, kind: FileKind) -> str | None:
    """What active content `data` holds ("JavaScript", "SVG/HTML"), or None."""
    if kind.label == "PDF":
        for text in _pdf_texts(data):
            text = _PDF_NAME_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), text)
            if PDF_ACTIVE.search(text):
                return "JavaScript hoặc lệnh tự chạy trong PDF"
        return None
    if MARKUP.search(data):  # e.g. a PNG signature in front of `<svg onload=...>`
        return "SVG/HTML"
    return None


def components_files_check(components) -> None:
    """Validate the `file` of every component that has one (before anything is written)."""
    for c in components:
        f = c.get("file")
        if f:
            validate_upload(f, label=str(c.get("name", "")).strip())
