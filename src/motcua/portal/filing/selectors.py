"""Reads of online filing: a user's drafts, the dossiers a helper filed, the filing procedure.

Drafts are always read through their owner: another user's draft id is "not found".
"""

from django.db.models import Prefetch, QuerySet

from motcua.catalogue.models import ProcedureVersion
from motcua.dossiers.models import Dossier
from motcua.org.models import OrgUnit
from motcua.portal.catalogue.selectors import ONLINE_LEVELS
from motcua.portal.models import FilingDraft, FilingDraftFile


def filing_procedure_get(*, national_code: str) -> ProcedureVersion:
    """The public, online-eligible version of a procedure (toàn trình or một phần) with its
    components and units; DoesNotExist otherwise."""
    return (
        ProcedureVersion.objects.filter(
            procedure__national_code=national_code,
            status=ProcedureVersion.Status.PUBLISHED,
            published_on_portal=True,
            online_level__in=ONLINE_LEVELS,
        )
        .select_related("procedure")
        .prefetch_related(
            "components", Prefetch("units", queryset=OrgUnit.objects.order_by("name"))
        )
        .get()
    )


def drafts_open(*, user) -> QuerySet[FilingDraft]:
    """The user's drafts not yet submitted, last edited first (one query)."""
    return (
        FilingDraft.objects.filter(owner=user, status=FilingDraft.Status.DRAFT)
        .select_related("procedure_version", "unit", "citizen")
        .order_by("-updated_at")
    )


def draft_get(*, user, draft_id) -> FilingDraft:
    """One of the user's own drafts with its procedure, components and files;
    DoesNotExist for anyone else's."""
    return (
        FilingDraft.objects.filter(owner=user, pk=draft_id)
        .select_related("procedure_version__procedure", "unit", "citizen", "dossier")
        .prefetch_related(
            "procedure_version__components",
            Prefetch("procedure_version__units", queryset=OrgUnit.objects.order_by("name")),
            Prefetch("files", queryset=FilingDraftFile.objects.select_related("document")),
        )
        .get()
    )


def dossiers_assisted(*, user) -> QuerySet[Dossier]:
    """The dossiers a digital team member filed for citizens, newest first (one query)."""
    return (
        Dossier.objects.filter(assisted_by=user)
        .select_related("procedure_version", "unit", "applicant_user")
        .order_by("-created_at", "-id")
    )
