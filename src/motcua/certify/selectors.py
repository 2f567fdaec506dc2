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
    from motcua.certify.models import Digitisation
    from motcua.dossiers import permissions

    q = (q or "").strip().casefold()
    if not q:
        return Digitisation.objects.none()
    qs = Digitisation.objects.filter(ocr_search__contains=q).select_related("component__dossier")
    # The one dossier policy's read scope, as a filter on the component's dossier.
    scope = permissions.read_filter(user)
    if scope is not None:
        from motcua.dossiers.models import Dossier

        qs = qs.filter(component__dossier__in=Dossier.objects.filter(scope))
    return qs.order_by("-digitised_at", "-id")


def dossier_is_digitised(*, dossier) -> bool:
    """Every component digitised (a file attached) and the result attached."""
    components = list(dossier.components.values_list("file", flat=True))
    return bool(components) and all(components) and dossier.results.exists()


def _digitised_dossiers(*, user, start, end, unit_ids=None):
    """Dossiers received in [start, end) in the user's scope (or, with `user` None, in the
    units `unit_ids`, None meaning every unit), each annotated `full` = 1 when fully
    digitised (every component has its file and a result is attached)."""
    from django.db.models import Case, Exists, IntegerField, OuterRef, Q, Value, When

    from motcua.dossiers.models import Dossier, DossierComponent, DossierResult

    paper = DossierComponent.objects.filter(dossier=OuterRef("pk"), file="")
    result = DossierResult.objects.filter(dossier=OuterRef("pk"))
    qs = Dossier.objects.filter(received_at__gte=start, received_at__lt=end)
    if user is not None:
        qs = scope_filter(qs, user, "unit")
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=unit_ids)
    return qs.annotate(
        full=Case(
            When(Q(Exists(result)) & ~Q(Exists(paper)), then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    )


def paperless_progress(*, user, start, end) -> list[dict]:
    """Progress towards paperless by unit, procedure and month (one query): rows with unit,
    procedure code and name, month (first day), total, digitised and share (0..1)."""
    from django.db.models import Count, Sum
    from django.db.models.functions import TruncMonth

    from motcua.certify.domain.paperless import digitised_share

    rows = (
        _digitised_dossiers(user=user, start=start, end=end)
        .annotate(month=TruncMonth("received_at"))
        .values(
            "unit__name",
            "procedure_version__procedure__national_code",
            "procedure_version__name",
            "month",
        )
        .annotate(total=Count("pk"), digitised=Sum("full"))
        .order_by("unit__name", "procedure_version__procedure__national_code", "month")
    )
    return [
        {
            "unit": r["unit__name"],
            "procedure_code": r["procedure_version__procedure__national_code"],
            "procedure": r["procedure_version__name"],
            "month": r["month"],
            "total": r["total"],
            "digitised": r["digitised"] or 0,
            "share": digitised_share(digitised=r["digitised"] or 0, total=r["total"]),
        }
        for r in rows
    ]


def indicator_digitised_counts(*, user, start, end) -> dict:
    """For indicators 4.x (digitisation of dossiers and results): dossiers received in
    [start, end) in scope, how many are fully digitised, and the share (None without any)."""
    from django.db.models import Count, Sum

    from motcua.certify.domain.paperless import digitised_share

    agg = _digitised_dossiers(user=user, start=start, end=end).aggregate(
        total=Count("pk"), digitised=Sum("full")
    )
    digitised = agg["digitised"] or 0
    return {
        "total": agg["total"],
        "digitised": digitised,
        "share": digitised_share(digitised=digitised, total=agg["total"]),
    }


def paperless_cutovers(*, user):
    from motcua.certify.models import PaperlessCutover

    qs = PaperlessCutover.objects.select_related("unit", "procedure")
    return scope_filter(qs, user, "unit").order_by("unit__path", "paperless_from")


def indicator_inputs_for_units(*, unit_ids, start, end) -> dict:
    """Decision 766 group 4 inputs for the units `unit_ids` (None: every unit) in [start, end):
    - ho_so_so_hoa (4.2): dossiers received in the period that are fully digitised (every
      component has its file and a result is attached), as `indicator_digitised_counts`;
    - xa_truc_thuoc / xa_chung_thuc_dien_tu (4.7): the wards and communes in scope in force
      during the period, and how many of them had issued an electronic certified copy from an
      original by the end of the period."""
    from django.db.models import Exists, OuterRef, Q, Sum

    from motcua.certify.models import SignedDocument
    from motcua.org.models import OrgUnit

    digitised = _digitised_dossiers(user=None, start=start, end=end, unit_ids=unit_ids).aggregate(
        n=Sum("full")
    )["n"]
    communes = OrgUnit.objects.filter(kind__in=[OrgUnit.Kind.WARD, OrgUnit.Kind.COMMUNE]).filter(
        Q(valid_from__isnull=True) | Q(valid_from__lt=end.date()),
        Q(valid_to__isnull=True) | Q(valid_to__gte=start.date()),
    )
    if unit_ids is not None:
        communes = communes.filter(pk__in=unit_ids)
    copies = SignedDocument.objects.filter(
        kind=SignedDocument.Kind.COPY, unit_id=OuterRef("pk"), signed_at__lt=end
    )
    return {
        "ho_so_so_hoa": digitised or 0,
        "xa_truc_thuoc": communes.count(),
        "xa_chung_thuc_dien_tu": communes.filter(Exists(copies)).count(),
    }
