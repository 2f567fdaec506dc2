"""Writes of tracking done by the citizen: the online supplement."""

from __future__ import annotations

from django.db import transaction

from motcua.documents.models import CitizenDocument
from motcua.documents.services import citizen_document_add
from motcua.dossiers.domain.policy import Via
from motcua.dossiers.services import dossier_receive_supplement


@transaction.atomic
def supplement_submit(*, dossier, actor, components, note: str = "", expected_version: int):
    """The citizen sends the supplement: the dossier resumes (`dossier_receive_supplement`
    checks the files, the state, the owner and the version) and each file also goes to the
    citizen's e-data store, so it need not be uploaded again for a later filing."""
    before = set(dossier.components.filter(supplement=True).values_list("pk", flat=True))
    dossier_receive_supplement(
        dossier=dossier,
        actor=actor,
        components=components,
        note=note,
        expected_version=expected_version,
        via=Via.PORTAL,
    )
    for component in dossier.components.filter(supplement=True).exclude(pk__in=before):
        if component.file:
            citizen_document_add(
                owner=actor,
                name=component.name,
                kind=CitizenDocument.Kind.COMPONENT,
                file=component.file,
                source_dossier=dossier,
            )
    return dossier
