"""The verdict of the public verification page and of `motcua certify verify` (reads only)."""

from __future__ import annotations

import dataclasses
import hashlib

from motcua.certify.models import SignedDocument
from motcua.certify.pdf import pdf_verify
from motcua.certify.selectors import signed_document_by_sha256


@dataclasses.dataclass(frozen=True)
class Verdict:
    authentic: bool
    reason: str
    document: SignedDocument | None = None
    signer: str = ""


def verdict_for(*, data: bytes, expected: SignedDocument | None = None) -> Verdict:
    """Authentic = the file is byte for byte a copy this system certified (or a result it
    signed), and its PAdES signature is intact and trusted. `expected`: the record behind the
    QR code the visitor came from, when there is one."""
    check = pdf_verify(data)
    if not check.ok:
        return Verdict(False, check.reason, expected, check.signer)
    document = signed_document_by_sha256(sha256=hashlib.sha256(data).hexdigest())
    if document is None:
        if expected is not None:
            return Verdict(
                False,
                "Tệp không trùng với bản đã chứng thực số "
                + (expected.register_no or "này")
                + " (đã bị thay đổi).",
                expected,
                check.signer,
            )
        return Verdict(
            False,
            "Chữ ký số hợp lệ nhưng tệp không có trong sổ chứng thực của hệ thống.",
            None,
            check.signer,
        )
    if expected is not None and document.pk != expected.pk:
        return Verdict(
            False,
            "Tệp là một bản khác, không phải bản có mã QR đang kiểm tra.",
            expected,
            check.signer,
        )
    return Verdict(True, check.reason, document, check.signer)
