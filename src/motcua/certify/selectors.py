"""Reads of certified copies and signed results."""

from django.db.models import QuerySet

from motcua.accounts.scoping import scope_filter
from motcua.certify.models import SignedDocument


def signed_document_by_token(*, token) -> SignedDocument | None:
    """The public record behind a QR code (anyone may see it); None when unknown."""
    return SignedDocument.objects.select_related("unit").filter(token=token).first()


def signed_document_by_sha256(*, sha256: str) -> SignedDocument | None:
    return SignedDocument.objects.select_related("unit").filter(sha256=sha256).first()


def certified_copies_for(*, user) -> QuerySet[SignedDocument]:
    """The register entries an officer may see (their units), newest first."""
    qs = SignedDocument.objects.filter(kind=SignedDocument.Kind.COPY).select_related(
        "unit", "signed_by"
    )
    return scope_filter(qs, user, "unit").order_by("-signed_at", "-id")
