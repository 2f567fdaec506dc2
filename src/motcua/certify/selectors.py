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


def digitised_search(*, user, q: str):
    """Digitised components whose recognised text contains `q` (case-insensitive, Vietnamese
    capitals folded), in the officer's scope (receiving or current unit), newest first."""
    from motcua.accounts.scoping import scope_is_global, scope_units
    from motcua.certify.models import Digitisation

    q = (q or "").strip().casefold()
    if not q:
        return Digitisation.objects.none()
    qs = Digitisation.objects.filter(ocr_search__contains=q).select_related("component__dossier")
    if not scope_is_global(user):
        units = scope_units(user).values("pk")
        from django.db.models import Q

        qs = qs.filter(
            Q(component__dossier__unit__in=units) | Q(component__dossier__current_unit__in=units)
        )
    return qs.order_by("-digitised_at", "-id")


def dossier_is_digitised(*, dossier) -> bool:
    """Every component digitised (a file attached) and the result attached."""
    components = list(dossier.components.values_list("file", flat=True))
    return bool(components) and all(components) and dossier.results.exists()
