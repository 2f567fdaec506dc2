"""Digitisation at reception (số hóa hồ sơ khi tiếp nhận) and the paperless roadmap check.

- `component_digitise`: the desk scans or uploads one component; the file is stored once under
  its SHA-256 (content-addressed, never overwritten), the component points at it, who and when
  are recorded, the citizen's store gets it, and OCR is queued (background task).
- `intake_digitise_record`: called by `dossier_receive` once a counter or postal dossier is
  created: components that came with a file are recorded as digitised by the receiving officer.
- `paper_intake_check`: called by `dossier_receive` before anything is written: after the
  unit's paperless date, every component must come with its digitised file.
- `ocr_run`: Vietnamese OCR (Debian's tesseract-ocr + tesseract-ocr-vie) page by page with
  progress; the text becomes searchable by officers in scope.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from motcua.certify.domain.paperless import Cutover, cutover_date, paper_accepted
from motcua.certify.models import Digitisation, PaperlessCutover
from motcua.certify.policy import may_digitise
from motcua.core import clock as system_clock
from motcua.dossiers import uploads
from motcua.dossiers.domain.errors import DossierError

log = logging.getLogger(__name__)

EXTENSIONS = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}


def file_store_once(data: bytes, content_type: str) -> str:
    """Store `data` under its SHA-256 and return the storage name; the same bytes are stored
    once, and an existing file is never overwritten."""
    sha = hashlib.sha256(data).hexdigest()
    name = f"so-hoa/{sha[:2]}/{sha}{EXTENSIONS[content_type]}"
    if default_storage.exists(name):
        return name
    return default_storage.save(name, ContentFile(data))


def _sniff(data: bytes) -> str:
    kind = uploads.kind_of(data[: uploads.SNIFF_BYTES])
    if kind is None:
        raise uploads.UploadRejected("Tệp không phải PDF, JPEG hoặc PNG.")
    return kind.content_type


def _ocr_queue(digitisation_id: int) -> None:
    from motcua.certify.tasks import ocr

    transaction.on_commit(lambda: ocr.enqueue(digitisation_id))


def _record(*, component, data: bytes, content_type: str, actor, at) -> Digitisation:
    digitisation, _ = Digitisation.objects.update_or_create(
        component=component,
        defaults={
            "sha256": hashlib.sha256(data).hexdigest(),
            "size": len(data),
            "content_type": content_type,
            "digitised_by": actor,
            "digitised_at": at,
            "ocr_status": Digitisation.Ocr.PENDING,
            "ocr_progress": 0,
            "ocr_text": "",
            "ocr_search": "",
            "ocr_error": "",
        },
    )
    _ocr_queue(digitisation.pk)
    return digitisation


DIGITISE = "digitise"  # audit action on the dossier's history (DossierEvent)


def _audit(*, component, actor, at, digitisation, document=None) -> None:
    """Audit row on the dossier's history: no state change, no notification."""
    from motcua.dossiers.services import dossier_note

    dossier_note(
        dossier=component.dossier,
        action=DIGITISE,
        actor=actor,
        at=at,
        data={
            "component": component.name,
            "sha256": digitisation.sha256,
            **({"reused_document": document.pk} if document is not None else {}),
        },
    )


def _citizen_store(component) -> None:
    """Counter and postal filings feed the citizen's store as online ones do."""
    from motcua.documents.services import dossier_components_to_store

    dossier_components_to_store(dossier=component.dossier)


@transaction.atomic
def component_digitise(*, component, actor, file, at: dt.datetime | None = None) -> Digitisation:
    """Scan or upload of one component at the desk (PDF, JPEG or PNG, checked by content)."""
    dossier = component.dossier
    if not may_digitise(actor, dossier):
        raise DossierError("Bạn không có quyền số hóa thành phần hồ sơ này.")
    uploads.validate_upload(file, label=component.name)
    file.seek(0)
    data = file.read()
    content_type = _sniff(data)
    component.file.name = file_store_once(data, content_type)
    component.save(update_fields=["file"])
    at = at or system_clock.now()
    digitisation = _record(
        component=component, data=data, content_type=content_type, actor=actor, at=at
    )
    _audit(component=component, actor=actor, at=at, digitisation=digitisation)
    _citizen_store(component)
    return digitisation


def intake_digitise_record(*, dossier, actor, at: dt.datetime, with_files: bool = True) -> int:
    """Record as digitised, by `actor` at `at`, the components received with a file.
    `with_files=False` (intake knows none came with a file, the counter's common case): there
    is nothing to record or to keep in the citizen's store, and nothing is read."""
    if not with_files:
        return 0
    count = 0
    for component in dossier.components.exclude(file=""):
        with component.file.open("rb") as f:
            data = f.read()
        _record(
            component=component,
            data=data,
            content_type=_sniff(data),
            actor=actor,
            at=at,
        )
        count += 1
    from motcua.documents.services import dossier_components_to_store

    dossier_components_to_store(dossier=dossier)
    return count


def cutover_for(*, unit, procedure) -> dt.date | None:
    """The paperless date that applies to `procedure` (the row or its id) received by `unit`
    (or a unit above)."""
    prefixes = _path_prefixes(unit.path)
    depth_of = {p: i for i, p in enumerate(reversed(prefixes))}
    rows = (
        PaperlessCutover.objects.filter(unit__path__in=prefixes)
        .filter(Q(procedure=procedure) | Q(procedure__isnull=True))
        .values_list("unit__path", "procedure_id", "paperless_from")
    )
    return cutover_date(
        Cutover(depth_of[path], procedure_id is not None, paperless_from)
        for path, procedure_id, paperless_from in rows
    )


def _path_prefixes(path: str) -> list[str]:
    """Materialised paths ("P1/D/A/") of the unit and of every unit above it, top first."""
    parts = [p for p in (path or "").split("/") if p]
    return ["".join(f"{p}/" for p in parts[:i]) for i in range(1, len(parts) + 1)]


def paper_intake_check(*, unit, procedure_version, components, at: dt.datetime) -> None:
    """After the paperless date, refuse a counter or postal intake whose components are not
    all digitised (each must come with its file)."""
    day = timezone.localtime(at).date()
    cutover = cutover_for(unit=unit, procedure=procedure_version.procedure_id)
    if paper_accepted(cutover=cutover, day=day):
        return
    missing = [str(c.get("name", "")).strip() for c in components if not c.get("file")]
    if missing:
        raise DossierError(
            f"Từ ngày {cutover:%d/%m/%Y} đơn vị không còn nhận hồ sơ giấy cho thủ tục này: "
            "chỉ xác nhận tiếp nhận khi mọi thành phần đã được số hóa. Chưa số hóa: "
            + "; ".join(missing)
            + "."
        )


def ocr_run(*, digitisation_id: int) -> Digitisation:
    """Recognise the Vietnamese text of a digitised component, page by page, with progress."""
    import pytesseract
    from PIL import Image

    digitisation = Digitisation.objects.select_related("component").get(pk=digitisation_id)
    Digitisation.objects.filter(pk=digitisation_id).update(
        ocr_status=Digitisation.Ocr.RUNNING, ocr_progress=0
    )
    try:
        with digitisation.component.file.open("rb") as f:
            data = f.read()
        if digitisation.content_type == "application/pdf":
            import pypdfium2

            pdf = pypdfium2.PdfDocument(data)
            pages = [pdf[i].render(scale=300 / 72).to_pil() for i in range(len(pdf))]
            pdf.close()
        else:
            import io

            pages = [Image.open(io.BytesIO(data))]
        texts = []
        for i, image in enumerate(pages, start=1):
            texts.append(pytesseract.image_to_string(image, lang="vie"))
            Digitisation.objects.filter(pk=digitisation_id).update(
                ocr_progress=int(100 * i / len(pages))
            )
        text = "\n".join(t.strip() for t in texts).strip()
    except Exception as e:  # tesseract missing, unreadable file: recorded, not raised
        log.warning("certify: OCR failed for digitisation %s", digitisation_id, exc_info=True)
        Digitisation.objects.filter(pk=digitisation_id).update(
            ocr_status=Digitisation.Ocr.FAILED, ocr_error=str(e)[:500]
        )
    else:
        Digitisation.objects.filter(pk=digitisation_id).update(
            ocr_status=Digitisation.Ocr.DONE,
            ocr_progress=100,
            ocr_text=text,
            ocr_search=text.casefold(),
        )
    digitisation.refresh_from_db()
    return digitisation


@transaction.atomic
def component_reuse(*, component, actor, document, at: dt.datetime | None = None) -> Digitisation:
    """The desk uses a document the citizen already holds in their store for `component`
    ("không yêu cầu nộp lại"): same stored file, the reuse recorded on the dossier."""
    from motcua.documents.services import document_reuse_record

    dossier = component.dossier
    if not may_digitise(actor, dossier):
        raise DossierError("Bạn không có quyền số hóa thành phần hồ sơ này.")
    if document.owner_id is None or document.owner_id != dossier.applicant_user_id:
        raise DossierError("Giấy tờ không thuộc kho dữ liệu của chủ hồ sơ.")
    at = at or system_clock.now()
    with document.file.open("rb") as f:
        data = f.read()
    component.file.name = document.file.name
    component.save(update_fields=["file"])
    document_reuse_record(document=document, dossier=dossier, component_name=component.name, at=at)
    digitisation = _record(
        component=component, data=data, content_type=_sniff(data), actor=actor, at=at
    )
    _audit(component=component, actor=actor, at=at, digitisation=digitisation, document=document)
    return digitisation
