"""Writes of motcua.certify: certify a copy from the original, sign a dossier's result.

Keyword-only and atomic. The register number is taken from a row-locked counter inside the
same transaction as the copy: a failure rolls the number back, so numbers stay gapless.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from motcua.certify import keys, pdf
from motcua.certify.domain.fees import copy_fee
from motcua.certify.domain.register import register_number_format
from motcua.certify.models import CertificationCounter, SignedDocument
from motcua.certify.pdf import CertifyError
from motcua.certify.policy import may_certify
from motcua.core import clock as system_clock
from motcua.org.selectors import unit_administrative

# Statement of Decree 23/2015/NĐ-CP (form of the certification statement for a copy from the
# original), worded for the electronic copy of Decree 45/2020/NĐ-CP art. 10.
STATEMENT = (
    "Chứng thực bản sao điện tử này được chứng thực từ bản chính. Người thực hiện chứng thực đã "
    "đối chiếu với bản chính và chịu trách nhiệm về tính chính xác của bản sao so với bản chính."
)


def when_vi(at: dt.datetime) -> str:
    return timezone.localtime(at).strftime("%H:%M ngày %d/%m/%Y")


def verify_url(token) -> str:
    base = settings.MOTCUA_PUBLIC_URL or "http://127.0.0.1:8000"
    return base + reverse("certify:verify", kwargs={"token": token})


def _clean_text(value: str, *, label: str, max_length: int) -> str:
    value = (value or "").strip()
    if "\x00" in value:
        raise CertifyError(f"{label} chứa ký tự không hợp lệ (ký tự NUL).")
    if not value:
        raise CertifyError(f"Vui lòng nhập {label.lower()}.")
    return value[:max_length]


def _register_next(*, unit, year: int) -> int:
    """The next number of `unit`'s register in `year`; the counter row stays locked until the
    caller's transaction ends."""
    CertificationCounter.objects.bulk_create(
        [CertificationCounter(unit=unit, year=year, last=0)], ignore_conflicts=True
    )
    counter = CertificationCounter.objects.select_for_update().get(unit=unit, year=year)
    CertificationCounter.objects.filter(pk=counter.pk).update(last=F("last") + 1)
    return counter.last + 1


def _actor_name(actor) -> str:
    if actor is None:
        return "Xử lý theo lô (dòng lệnh)"
    return getattr(actor, "full_name", "") or actor.get_username()


@transaction.atomic
def certified_copy_create(
    *,
    unit,
    source: bytes,
    source_name: str,
    title: str,
    compared_with_original: bool,
    actor=None,
    at: dt.datetime | None = None,
) -> SignedDocument:
    """Certify an electronic copy of the original the officer has compared (`source`: the scan
    or PDF of the original). `actor` None is the batch command line."""
    if actor is not None and not may_certify(actor, unit):
        raise CertifyError("Bạn không có quyền chứng thực bản sao tại đơn vị này.")
    if not compared_with_original:
        raise CertifyError("Phải đối chiếu với bản chính trước khi chứng thực bản sao.")
    title = _clean_text(title, label="Tên giấy tờ", max_length=500)
    if "\x00" in (source_name or ""):
        raise CertifyError("Tên tệp chứa ký tự không hợp lệ (ký tự NUL).")
    if not source:
        raise CertifyError("Tệp bản chính đang trống.")
    if len(source) > settings.MOTCUA_UPLOAD_MAX_BYTES:
        raise CertifyError("Tệp bản chính vượt quá dung lượng cho phép.")
    pdf.sniff(source)
    pages = pdf.page_count(source)
    at = at or system_clock.now()
    year = timezone.localtime(at).year
    number = _register_next(unit=unit, year=year)
    register_no = register_number_format(number=number, year=year)
    fee = copy_fee(pages)
    doc = SignedDocument(
        kind=SignedDocument.Kind.COPY,
        unit=unit,
        title=title,
        year=year,
        number=number,
        register_no=register_no,
        pages=pages,
        fee=fee,
        source_name=(source_name or "")[:255],
        source_sha256=hashlib.sha256(source).hexdigest(),
        signed_by=actor,
        signed_at=at,
    )
    unsigned, pdfa = pdf.copy_render(
        source=source,
        register_no=register_no,
        unit_name=unit.name,
        certified_at=when_vi(at),
        certifier=_actor_name(actor),
        title=title,
        fee=fee,
        verify_url=verify_url(doc.token),
        statement=STATEMENT,
    )
    signed = pdf.pdf_sign(
        data=unsigned,
        reason=f"Chứng thực bản sao điện tử từ bản chính, số {register_no}",
        location=unit.name,
    )
    return _store(doc, signed, pdfa=pdfa)


def _store(doc: SignedDocument, signed: bytes, *, pdfa: bool) -> SignedDocument:
    doc.sha256 = hashlib.sha256(signed).hexdigest()
    doc.size = len(signed)
    doc.pdfa = pdfa
    doc.timestamped = bool(settings.MOTCUA_CERTIFY_TSA_URL)
    doc.signer_subject = keys.signer().signing_cert.subject.human_friendly[:500]
    # A new name every time: stored files are never overwritten.
    doc.file.save(f"{doc.token}.pdf", ContentFile(signed), save=False)
    doc.save()
    return doc


@transaction.atomic
def result_sign(*, result, actor=None, at: dt.datetime | None = None) -> SignedDocument:
    """Sign a dossier's electronic result (a PDF) with the body's key. The signed PDF is stored
    as a new file (the unsigned one is kept), becomes the result's file, replaces the file in
    the citizen's store, and is verifiable on the public page like a certified copy."""
    from motcua.documents.services import citizen_document_file_replace

    existing = result.signed_documents.first()
    if existing is not None:
        return existing
    with result.file.open("rb") as f:
        source = f.read()
    if pdf.sniff(source) != pdf.PDF:
        raise CertifyError("Chỉ ký số được kết quả dạng PDF.")
    dossier = result.dossier
    # The issuing body is the administrative unit (ward, city), not a desk or department.
    unit = unit_administrative(unit=dossier.unit)
    at = at or system_clock.now()
    doc = SignedDocument(
        kind=SignedDocument.Kind.RESULT,
        unit=unit,
        title=f"{result.name} — hồ sơ {dossier.code}",
        result=result,
        pages=pdf.pdf_page_count(source),
        source_name=result.file.name.rsplit("/", 1)[-1][:255],
        source_sha256=hashlib.sha256(source).hexdigest(),
        signed_by=actor,
        signed_at=at,
    )
    signed = pdf.pdf_sign(
        data=source,
        reason=f"Kết quả giải quyết hồ sơ {dossier.code}",
        location=unit.name,
        field_name="KetQua",
    )
    doc = _store(doc, signed, pdfa=False)
    old_name = result.file.name
    result.file = doc.file.name  # a fresh FieldFile (the old one may be open)
    result.save(update_fields=["file"])
    citizen_document_file_replace(
        source_dossier=dossier, old_name=old_name, new_file=doc.file, sha256=doc.sha256
    )
    return doc
