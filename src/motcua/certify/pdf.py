"""Build, sign and verify the PDFs of certified copies and signed results.

- `copy_render` lays out the original's pages (PDF pages or a JPEG/PNG scan) with a stamp on
  each page and a final page carrying the certification statement (lời chứng), the register
  number, the fee and the QR code of the public verification page. Typst renders it with the
  Liberation fonts; a scan becomes PDF/A-2b, a PDF original stays plain PDF (typst cannot
  embed PDF pages in PDF/A).
- `pdf_sign` adds a PAdES signature (pyHanko) of the certifying body, timestamped when a TSA is
  configured.
- `pdf_verify` validates the signature with pyHanko's own validator against the trusted roots,
  offline (no OCSP/CRL fetching).
"""

from __future__ import annotations

import dataclasses
import io
import json
import logging
import shutil
import tempfile
from pathlib import Path

from motcua.certify import keys
from motcua.core.formatting import vn_number
from motcua.printing.fonts import font_dir
from motcua.printing.render import qr_svg

log = logging.getLogger(__name__)

TEMPLATE = Path(__file__).resolve().parent / "templates" / "certify" / "copy.typ"

PDF, JPEG, PNG = "application/pdf", "image/jpeg", "image/png"


class CertifyError(ValueError):
    """Bad input, with a message for the officer (Vietnamese)."""


def sniff(data: bytes) -> str:
    """Content type by magic bytes (never by the file name)."""
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    raise CertifyError("Tệp phải là PDF, JPEG hoặc PNG (kiểm tra theo nội dung tệp).")


def pdf_page_count(data: bytes) -> int:
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        count = int(reader.root["/Pages"]["/Count"])
    except Exception as e:  # pyHanko raises several types for broken files
        raise CertifyError("Không đọc được tệp PDF (tệp hỏng hoặc được mã hóa).") from e
    if count < 1:
        raise CertifyError("Tệp PDF không có trang nào.")
    return count


def page_count(data: bytes) -> int:
    return pdf_page_count(data) if sniff(data) == PDF else 1


def copy_render(
    *,
    source: bytes,
    register_no: str,
    unit_name: str,
    certified_at: str,
    certifier: str,
    title: str,
    fee: int,
    verify_url: str,
    statement: str,
) -> tuple[bytes, bool]:
    """The unsigned certified copy and whether it is PDF/A-2b."""
    import typst

    kind = sniff(source)
    pages = page_count(source)
    with tempfile.TemporaryDirectory(prefix="motcua-certify-") as tmp:
        root = Path(tmp)
        name = {PDF: "ban-chinh.pdf", JPEG: "ban-chinh.jpg", PNG: "ban-chinh.png"}[kind]
        (root / name).write_bytes(source)
        (root / "qr.svg").write_text(qr_svg(verify_url))
        shutil.copy(TEMPLATE, root / "copy.typ")
        data = {
            "source": name,
            "is_pdf": kind == PDF,
            "pages": pages,
            "register_no": register_no,
            "unit": unit_name,
            "certified_at": certified_at,
            "certifier": certifier,
            "title": title,
            "fee": vn_number(fee) + " đồng",
            "verify_url": verify_url,
            "statement": statement,
        }
        pdfa = kind != PDF
        try:
            out = typst.compile(
                str(root / "copy.typ"),
                root=str(root),
                font_paths=[str(font_dir())],
                ignore_system_fonts=True,
                sys_inputs={"data": json.dumps(data, ensure_ascii=False)},
                **({"pdf_standards": "a-2b"} if pdfa else {}),
            )
        except Exception as e:  # typst.TypstError and image decoding errors
            raise CertifyError(f"Không tạo được bản sao điện tử: {e}") from e
    return out, pdfa


def pdf_sign(*, data: bytes, reason: str, location: str, field_name: str = "ChungThuc") -> bytes:
    """PAdES signature of the configured body over the whole file."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
        location=location,
    )
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    except Exception as e:
        raise CertifyError("Không đọc được tệp PDF để ký số.") from e
    pdf_signer = signers.PdfSigner(meta, signer=keys.signer(), timestamper=keys.timestamper())
    out = io.BytesIO()
    pdf_signer.sign_pdf(writer, output=out)
    return out.getvalue()


@dataclasses.dataclass(frozen=True)
class SignatureCheck:
    ok: bool
    reason: str
    signer: str = ""
    signed_at: object = None


def pdf_verify(data: bytes) -> SignatureCheck:
    """Is `data` a PDF whose every byte is covered by a signature that is intact and chains up to
    a trusted root? Never raises for bad input: the reason says what is wrong (Vietnamese)."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    if not data.startswith(b"%PDF-"):
        return SignatureCheck(False, "Tệp không phải PDF hoặc đã bị sửa phần đầu tệp.")
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = reader.embedded_signatures
    except Exception:
        log.info("certify: unreadable PDF", exc_info=True)
        return SignatureCheck(False, "Tệp PDF bị hỏng hoặc đã bị sửa đổi (không đọc được).")
    if not signatures:
        return SignatureCheck(False, "Tệp không có chữ ký số.")
    context = ValidationContext(trust_roots=keys.trust_roots(), allow_fetching=False)
    sig = signatures[-1]
    try:
        status = validate_pdf_signature(sig, context)
    except Exception:
        log.info("certify: signature validation failed", exc_info=True)
        return SignatureCheck(False, "Chữ ký số bị hỏng hoặc nội dung đã bị sửa đổi sau khi ký.")
    signer = status.signing_cert.subject.human_friendly if status.signing_cert else ""
    signed_at = status.timestamp_validity.timestamp if status.timestamp_validity else None
    signed_at = signed_at or status.signer_reported_dt
    if not (status.intact and status.valid):
        return SignatureCheck(
            False, "Nội dung đã bị sửa đổi sau khi ký (chữ ký số không khớp).", signer, signed_at
        )
    if status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        return SignatureCheck(
            False, "Tệp đã bị thêm hoặc sửa nội dung sau khi ký.", signer, signed_at
        )
    if not status.trusted:
        return SignatureCheck(
            False, "Chữ ký số không thuộc cơ quan chứng thực được tin cậy.", signer, signed_at
        )
    return SignatureCheck(True, "Chữ ký số hợp lệ, nội dung nguyên vẹn.", signer, signed_at)
