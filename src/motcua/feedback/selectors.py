"""Reads of feedback."""

from motcua.feedback.models import Rating


def rating_for(*, dossier) -> Rating | None:
    return Rating.objects.filter(dossier=dossier).first()


def satisfaction_summary(*, first, last, unit_ids=None) -> dict:
    """Citizens' ratings given between the days `first` and `last` (local), on dossiers
    received by `unit_ids` (None: all): how many, and how many satisfied or very satisfied
    (one query)."""
    import datetime as dt

    from django.db.models import Count, Q
    from django.utils import timezone

    from motcua.feedback.domain.criteria import Level

    start = timezone.make_aware(dt.datetime.combine(first, dt.time.min))
    end = timezone.make_aware(dt.datetime.combine(last + dt.timedelta(days=1), dt.time.min))
    qs = Rating.objects.filter(created_at__gte=start, created_at__lt=end)
    if unit_ids is not None:
        qs = qs.filter(dossier__unit_id__in=unit_ids)
    return qs.aggregate(
        total=Count("id"), satisfied=Count("id", filter=Q(level__gte=Level.SATISFIED))
    )
