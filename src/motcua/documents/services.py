"""Writes of the citizen's e-data store. Keyword-only and atomic; called inside the dossier's
transaction by the portal's submission (components) and by whoever issues electronic results.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os

from django.core.files import File
from django.db import transaction
from django.utils import timezone

from motcua.documents.models import CitizenDocument, DocumentReuse


def file_sha256(file) -> str:
    """SHA-256 of a Django File/FieldFile/UploadedFile, read in chunks. A file that was
    closed is opened and closed again; an open one is left at position 0."""
    digest = hashlib.sha256()
    was_closed = bool(getattr(file, "closed", False))
    if was_closed:
        file.open("rb")
    try:
        file.seek(0)
        for chunk in file.chunks():
            digest.update(chunk)
        file.seek(0)
    finally:
        if was_closed:
            file.close()
    return digest.hexdigest()


@transaction.atomic
def citizen_document_add(
    *,
    owner,
    name: str,
    kind: str,
    file,
    source_dossier=None,
    sha256: str = "",
) -> CitizenDocument:
    """Store one document for `owner`. A `file` already in storage (a FieldFile, e.g. the
    dossier component's) is referenced by name, not copied; any other File is saved."""
    doc = CitizenDocument(
        owner=owner,
        name=name.strip()[:500],
        kind=kind,
        source_dossier=source_dossier,
        original_name=os.path.basename(file.name or "")[:255],
        size=file.size or 0,
        sha256=sha256 or file_sha256(file),
    )
    if getattr(file, "_committed", False) and getattr(file, "storage", None) is not None:
        doc.file.name = file.name
    else:
        doc.file = File(file, name=os.path.basename(file.name or "tep"))
    doc.save()
    return doc


@transaction.atomic
def citizen_document_add_result(*, dossier, file, name: str = "") -> CitizenDocument | None:
    """Keep an electronic result in the citizen's store (for the results service to call when
    a result is issued). `file` is the stored result (referenced) or a new File (saved).
    A dossier without a citizen account (filed at the counter) stores nothing: returns None."""
    if dossier.applicant_user_id is None:
        return None
    return citizen_document_add(
        owner=dossier.applicant_user,
        name=name or f"Kết quả: {dossier.procedure_version.name}",
        kind=CitizenDocument.Kind.RESULT,
        file=file,
        source_dossier=dossier,
    )


@transaction.atomic
def document_reuse_record(
    *, document: CitizenDocument, dossier, component_name: str, at: dt.datetime | None = None
) -> DocumentReuse:
    """Record that `document` was used for `component_name` of the new `dossier`; the
    document must belong to the dossier's citizen."""
    if document.owner_id != dossier.applicant_user_id:
        raise ValueError("Giấy tờ không thuộc chủ hồ sơ.")
    return DocumentReuse.objects.create(
        document=document,
        dossier=dossier,
        component_name=component_name,
        at=at or timezone.now(),
    )


@transaction.atomic
def citizen_document_file_replace(*, source_dossier, old_name: str, new_file, sha256: str) -> int:
    """Point the citizen's copies of a dossier's stored file at its new version (e.g. the result
    once signed by motcua.certify); the old file stays in storage. Returns the rows changed."""
    return CitizenDocument.objects.filter(source_dossier=source_dossier, file=old_name).update(
        file=new_file.name, sha256=sha256, size=new_file.size or 0
    )


def dossier_components_to_store(*, dossier) -> int:
    """Keep the dossier's component files in its citizen's store, as online filings do (for
    counter, postal and API filings). Files already there (same SHA-256 and name) are skipped;
    a dossier without a citizen account stores nothing. Returns the documents added."""
    if dossier.applicant_user_id is None:
        return 0  # no transaction (savepoint) opened for nothing: the counter's common case
    with transaction.atomic():
        return _components_to_store(dossier)


def _components_to_store(dossier) -> int:
    known = set(
        CitizenDocument.objects.filter(owner_id=dossier.applicant_user_id).values_list(
            "sha256", "name"
        )
    )
    added = 0
    for component in dossier.components.exclude(file=""):
        sha256 = file_sha256(component.file)
        if (sha256, component.name) in known:
            continue
        citizen_document_add(
            owner=dossier.applicant_user,
            name=component.name,
            kind=CitizenDocument.Kind.COMPONENT,
            file=component.file,
            source_dossier=dossier,
            sha256=sha256,
        )
        known.add((sha256, component.name))
        added += 1
    return added
