"""Reads of petitions: officer worklists, the public answers, the sender's lookup, reports."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q, QuerySet
from django.utils import timezone

from motcua.accounts.scoping import scope_filter
from motcua.catalogue.domain import fold
from motcua.clock import services as clock
from motcua.clock.selectors import work_calendar_for
from motcua.core import clock as system_clock
from motcua.dossiers.domain.codes import lookup_key_normalize
from motcua.petitions.domain import deadlines
from motcua.petitions.domain.lifecycle import ANSWERED_STATES, OPEN_STATES, Status
from motcua.petitions.models import Petition

PUBLIC_STATES = (Status.PUBLISHED, Status.AGREED, Status.DISAGREED)


def current_due(p: Petition) -> dt.datetime | None:
    """The instant the agency must act by now: classify, answer or publish; None when nothing
    is owed or the clock is paused."""
    if p.status == Status.RECEIVED:
        return p.classify_due_at
    if p.status in (Status.IN_SCOPE, Status.DISAGREED):
        return p.answer_due_at
    if p.status == Status.ANSWERED:
        return p.publish_due_at
    return None


@dataclass
class WorkItem:
    petition: Petition
    due: dt.datetime | None
    state: str  # "overdue", "near_due", "in_time", "paused", ""


def petitions_worklist(
    *, user, tab: str = "open", now: dt.datetime | None = None
) -> list[WorkItem]:
    """The open petitions of the user's units, each with its current due instant and state;
    `tab` "open" (all), "near_due" or "overdue". One query for the rows, one per distinct unit
    for its calendar."""
    now = now or system_clock.now()
    qs = (
        scope_filter(
            Petition.objects.filter(status__in=[*OPEN_STATES, Status.ANSWERED]), user, "unit"
        )
        .select_related("unit")
        .order_by("received_at", "id")
    )
    items = []
    calendars: dict[int, object] = {}
    wall_now = clock.to_wall_time(now)
    for p in qs:
        due = current_due(p)
        if p.status == Status.INFO_REQUESTED:
            state = "paused"
        elif due is None:
            state = ""
        elif due <= now:
            state = "overdue"
        else:
            cal = calendars.setdefault(p.unit_id, work_calendar_for(p.unit))
            near = deadlines.near_due(cal, due_at=clock.to_wall_time(due), now=wall_now)
            state = "near_due" if near else "in_time"
        if tab == "open" or tab == state:
            items.append(WorkItem(p, due, state))
    return items


def petitions_visible(*, user) -> QuerySet[Petition]:
    """Full records the user may read: their own, and their units' for officers."""
    from motcua.petitions.domain.policy import READ_ALL_ROLES

    if not user.is_authenticated:
        return Petition.objects.none()
    own = Q(sender_user=user)
    if {str(r) for r in user.roles} & READ_ALL_ROLES or user.is_superuser:
        scoped = scope_filter(Petition.objects.all(), user, "unit").values("pk")
        return Petition.objects.filter(own | Q(pk__in=scoped))
    return Petition.objects.filter(own)


def petitions_of_sender(*, user) -> QuerySet[Petition]:
    return (
        Petition.objects.filter(sender_user=user)
        .select_related("unit")
        .order_by("-received_at", "-id")
    )


def petition_by_key(*, code: str, key: str) -> Petition | None:
    """The sender's lookup: code and lookup key both right, else None."""
    code, key = (code or "").strip(), lookup_key_normalize(key)
    if not code or not key or "\x00" in code or "\x00" in key:
        return None
    return Petition.objects.filter(code=code, lookup_key=key).select_related("unit").first()


def answers_public(*, query: str = "") -> QuerySet[Petition]:
    """Published answers, newest first, searched without diacritics. Callers show only the
    fields of `PUBLIC_FIELDS`."""
    qs = Petition.objects.filter(status__in=PUBLIC_STATES).select_related("unit")
    for word in fold(query).split()[:8]:
        qs = qs.filter(search_text__contains=word)
    return qs.order_by("-published_at", "-id")


# What the public page and the public API may show: never the sender's identity or contacts.
PUBLIC_FIELDS = (
    "code", "kind", "subject", "title", "content", "answer", "unit", "received_at",
    "answered_at", "published_at", "verdict",
)  # fmt: skip


def petitions_for_dossier(*, dossier) -> QuerySet[Petition]:
    return Petition.objects.filter(dossier=dossier).order_by("-received_at")


# --- reports -------------------------------------------------------------------------------


@dataclass
class PetitionStats:
    received: int = 0
    answered: int = 0
    answered_on_time: int = 0
    forwarded: int = 0
    refused: int = 0
    open: int = 0
    agreed: int = 0
    disagreed: int = 0
    answer_minutes: list[int] = field(default_factory=list)

    @property
    def on_time_rate(self) -> float | None:
        return self.answered_on_time / self.answered if self.answered else None

    @property
    def answered_rate(self) -> float | None:
        return self.answered / self.received if self.received else None

    @property
    def dislike_rate(self) -> float | None:
        rated = self.agreed + self.disagreed
        return self.disagreed / rated if rated else None

    @property
    def average_answer_days(self) -> float | None:
        if not self.answer_minutes:
            return None
        return sum(self.answer_minutes) / len(self.answer_minutes) / 480


def _month(p) -> str:
    return f"{timezone.localtime(p.received_at):%m/%Y}"


def _half_year(p) -> str:
    received = timezone.localtime(p.received_at)
    return f"{'6 tháng đầu' if received.month <= 6 else '6 tháng cuối'} năm {received.year}"


GROUPS = {
    "unit": lambda p: p.unit.name,
    "month": _month,
    "half_year": _half_year,
    "subject": lambda p: p.get_subject_display(),
    "channel": lambda p: p.get_channel_display(),
    "kind": lambda p: p.get_kind_display(),
}


def petition_report(
    *, start: dt.datetime, end: dt.datetime, by: str = "unit", user=None
) -> dict[str, PetitionStats]:
    """Counts and rates of the petitions received in [start, end), grouped by unit, subject,
    channel or kind, plus a "Tổng cộng" total. Time to answer is in working time on the unit's
    calendar, pauses excluded."""
    if by not in GROUPS:
        raise ValueError(f"Nhóm báo cáo không hợp lệ: {by}")
    qs = Petition.objects.filter(received_at__gte=start, received_at__lt=end)
    if user is not None:
        qs = scope_filter(qs, user, "unit")
    qs = qs.select_related("unit").prefetch_related("pauses").order_by("unit__path", "id")
    rows: dict[str, PetitionStats] = {}
    total = PetitionStats()
    calendars: dict[int, object] = {}
    for p in qs:
        key = GROUPS[by](p)
        for s in (rows.setdefault(key, PetitionStats()), total):
            s.received += 1
            if p.status in ANSWERED_STATES and p.answered_at:
                s.answered += 1
                s.answered_on_time += bool(p.answered_on_time)
                cal = calendars.setdefault(p.unit_id, work_calendar_for(p.unit))
                pauses = [
                    (
                        clock.to_wall_time(x.started_at),
                        clock.to_wall_time(x.ended_at or p.answered_at),
                    )
                    for x in p.pauses.all()
                ]
                s.answer_minutes.append(
                    cal.elapsed(
                        cal.clock_start(clock.to_wall_time(p.received_at)),
                        clock.to_wall_time(p.answered_at),
                        pauses,
                    )
                )
            s.forwarded += p.status == Status.FORWARDED
            s.refused += p.status == Status.REFUSED
            s.open += p.status in OPEN_STATES
            s.agreed += p.verdict == "agree"
            s.disagreed += p.verdict == "disagree"
    rows["Tổng cộng"] = total
    return rows


def petition_indicator_counts(*, start: dt.datetime, end: dt.datetime, unit=None) -> dict:
    """For the national indicators: petitions received and answered in [start, end), the
    senders' verdicts given in it and the dislike rate (percent, Decimal), optionally for a
    unit's subtree."""
    qs = Petition.objects.all()
    if unit is not None:
        qs = qs.filter(unit__path__startswith=unit.path)
    received = qs.filter(received_at__gte=start, received_at__lt=end).count()
    verdicts = Counter(
        qs.filter(verdict_at__gte=start, verdict_at__lt=end).values_list("verdict", flat=True)
    )
    answered = qs.filter(answered_at__gte=start, answered_at__lt=end).count()
    agreed, disagreed = verdicts.get("agree", 0), verdicts.get("disagree", 0)
    rated = agreed + disagreed
    return {
        "received": received,
        "answered": answered,
        "agreed": agreed,
        "disagreed": disagreed,
        # Share of the senders' verdicts that are "disagree" (None when nobody rated).
        "dislike_rate": Decimal(disagreed * 100) / rated if rated else None,
    }


def petition_indicator_inputs(*, start: dt.datetime, end: dt.datetime, unit_ids=None) -> dict:
    """The Decision 766 inputs of group 5 (indicators 5.2 and 5.3) for the units `unit_ids`
    (None: every unit) and the period [start, end). One cohort for both rates: the petitions
    the units had to answer in the period, i.e. answered in it, or still unanswered at its end
    with the answer (or classification) deadline passed. Forwarded and refused petitions owe
    no answer from the unit and are left out.

    - pakn_tiep_nhan: that cohort; pakn_dung_han: those answered by their deadline;
    - pakn_da_xu_ly: answered in the period; pakn_khong_hai_long: of those, the sender
      said "disagree" (at any time up to now).
    """
    qs = Petition.objects.all()
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=unit_ids)
    answered = qs.filter(answered_at__gte=start, answered_at__lt=end)
    reference = min(end, system_clock.now())
    overdue = (
        qs.filter(received_at__lt=end)
        .filter(
            Q(status=Status.RECEIVED, classify_due_at__lt=reference)
            | Q(status=Status.IN_SCOPE, answer_due_at__lt=reference)
        )
        .exclude(pk__in=answered.values("pk"))  # reopened after an answer: counted once
    )
    n_answered = answered.count()
    return {
        "pakn_tiep_nhan": n_answered + overdue.count(),
        "pakn_dung_han": answered.filter(answered_on_time=True).count(),
        "pakn_da_xu_ly": n_answered,
        "pakn_khong_hai_long": answered.filter(verdict="disagree").count(),
    }


def dossiers_complained_about():
    """A subquery condition on `Dossier`: a petition was sent about the dossier and not
    refused (a refused petition was out of scope or unfounded on its face). Used by indicator
    5.4 as the "complaint" half of "100% − late rate − complaint/dislike rate"."""
    from django.db.models import Exists, OuterRef

    return Exists(Petition.objects.filter(dossier_id=OuterRef("pk")).exclude(status=Status.REFUSED))
