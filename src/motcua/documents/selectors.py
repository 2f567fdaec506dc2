"""Reads of the citizen's e-data store: always by owner, never by id alone."""

from django.db.models import QuerySet

from motcua.documents.models import CitizenDocument


def citizen_documents(*, user) -> QuerySet[CitizenDocument]:
    """The user's documents, newest first, with their source dossier (one query)."""
    return (
        CitizenDocument.objects.filter(owner=user)
        .select_related("source_dossier")
        .order_by("-created_at", "-id")
    )


def citizen_document_get(*, user, pk: int) -> CitizenDocument:
    """One of the user's own documents; DoesNotExist for anyone else's."""
    return CitizenDocument.objects.get(owner=user, pk=pk)
