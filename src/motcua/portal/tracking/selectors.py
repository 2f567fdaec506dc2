"""Reads for tracking a dossier: the public status page (code + key) and the citizen's own
dossier page (pending supplement or payment, results, rating).

The public view carries no officer's name and none of the applicant's details beyond what the
right key already proves the reader knows: status, steps passed with their units, the
appointment and what the agency is waiting for.

A citizen's own dossiers are always filtered by `applicant_user`: there is no selector that
takes a dossier id alone.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import QuerySet

from motcua.dossiers.domain.codes import lookup_key_normalize
from motcua.dossiers.domain.workflow import Action, Status
from motcua.dossiers.models import Dossier, DossierEvent
from motcua.dossiers.notify import lines
from motcua.payments.selectors import payment_amount_due

# Audit actions a citizen is not shown (internal bookkeeping).
HIDDEN_ACTIONS = frozenset()
RESULT_STATES = (Status.RESOLVED, Status.RETURNED)


@dataclass
class Step:
    label: str
    at: object
    unit_name: str
    step_result: str = ""


@dataclass
class Tracking:
    dossier: Dossier
    steps: list[Step]
    supplement_items: list[str] = field(default_factory=list)
    supplement_asked_at: object = None
    amount_due: int | None = None
    payment_asked_at: object = None
    payment_note: str = ""

    @property
    def status_label(self) -> str:
        return Status(self.dossier.status).label

    @property
    def waiting_for_supplement(self) -> bool:
        return self.dossier.status == Status.SUPPLEMENT_REQUESTED

    @property
    def waiting_for_payment(self) -> bool:
        return self.dossier.status == Status.PAYMENT_REQUESTED


def _last(events: list[DossierEvent], action: Action) -> DossierEvent | None:
    return next((e for e in reversed(events) if e.action == action.value), None)


def tracking_build(dossier: Dossier) -> Tracking:
    """Steps and pending request of a dossier (one query for the events, with their units;
    one more only when a payment is due without a recorded amount)."""
    events = list(
        DossierEvent.objects.filter(dossier=dossier).select_related("to_unit").order_by("at", "id")
    )
    steps = [
        Step(
            label=e.action_label,
            at=e.at,
            unit_name=e.to_unit.name if e.to_unit_id else "",
            step_result=e.get_step_result_display() if e.step_result else "",
        )
        for e in events
        if e.action not in HIDDEN_ACTIONS
    ]
    view = Tracking(dossier=dossier, steps=steps)
    if view.waiting_for_supplement:
        asked = _last(events, Action.REQUEST_SUPPLEMENT)
        if asked is not None:
            view.supplement_items = lines(asked.reason) or [asked.reason.strip()]
            view.supplement_asked_at = asked.at
    if view.waiting_for_payment:
        asked = _last(events, Action.REQUEST_PAYMENT)
        view.amount_due = payment_amount_due(dossier=dossier, event=asked)
        if asked is not None:
            view.payment_asked_at, view.payment_note = asked.at, asked.reason
    return view


def _key_matches(dossier: Dossier, key: str) -> bool:
    key = (key or "").strip()
    if not key:
        return False
    given = lookup_key_normalize(key)
    by_lookup = bool(dossier.lookup_key) and hmac.compare_digest(
        lookup_key_normalize(dossier.lookup_key).encode(), given.encode()
    )
    id_number = (dossier.applicant_id_number or "").strip().upper()
    by_id = bool(id_number) and hmac.compare_digest(id_number.encode(), given.encode())
    return by_lookup or by_id


def dossier_track(*, code: str, key: str) -> Tracking | None:
    """The public view of the dossier with this code, if `key` is its lookup key or the
    applicant's ID number; None otherwise (unknown code and wrong key look the same)."""
    code = (code or "").strip().upper()
    if not code:
        return None
    dossier = Dossier.objects.select_related("procedure_version", "unit").filter(code=code).first()
    if dossier is None or not _key_matches(dossier, key):
        return None
    return tracking_build(dossier)


def _result_model():
    # `dossiers.DossierResult` (the electronic result file); absent until the dossiers app
    # ships it, when no result can be offered.
    try:
        return apps.get_model("dossiers", "DossierResult")
    except LookupError:
        return None


def results_available(*, dossier: Dossier) -> bool:
    return (
        dossier.status in RESULT_STATES
        and dossier.result_delivery == Dossier.ResultDelivery.ELECTRONIC
    )


def dossier_results(*, dossier: Dossier) -> list:
    """The electronic results the citizen may download: once the result is ready or returned
    and delivery is electronic (one query, none otherwise)."""
    model = _result_model()
    if model is None or not results_available(dossier=dossier):
        return []
    return list(model.objects.filter(dossier=dossier).order_by("issued_at", "id"))


def dossier_result_get(*, dossier: Dossier, result_id: int):
    """One downloadable result of this dossier; LookupError when there is none."""
    model = _result_model()
    if model is None or not results_available(dossier=dossier):
        raise LookupError(result_id)
    found = model.objects.filter(dossier=dossier, pk=result_id).exclude(file="").first()
    if found is None:
        raise LookupError(result_id)
    return found


def citizen_dossiers(*, user) -> QuerySet[Dossier]:
    """The dossiers a citizen filed (or had filed for them), newest first (one query)."""
    return (
        Dossier.objects.filter(applicant_user=user)
        .select_related("procedure_version", "unit")
        .order_by("-created_at", "-id")
    )


def citizen_dossier_get(*, user, code: str) -> Dossier:
    """One of the citizen's own dossiers; DoesNotExist for anyone else's."""
    return citizen_dossiers(user=user).get(code=code)
