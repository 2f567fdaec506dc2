"""Writes of feedback: the citizen rates a dossier whose result was returned, once."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from motcua.dossiers.domain.errors import DossierError
from motcua.dossiers.domain.workflow import Status
from motcua.feedback.domain.criteria import RatingInvalid, rating_clean
from motcua.feedback.models import Rating

ALREADY_RATED = "Hồ sơ {code} đã được đánh giá; mỗi hồ sơ chỉ được đánh giá một lần."


class RatingRefused(DossierError):
    """The rating is not recorded; `message` is in Vietnamese."""


def rating_create(*, dossier, actor, level, criteria=None, comment: str = "") -> Rating:
    """Record the owner's rating of a returned dossier (status 10); a second one is refused."""
    if dossier.applicant_user_id is None or dossier.applicant_user_id != actor.pk:
        raise RatingRefused("Bạn chỉ có thể đánh giá hồ sơ của mình.")
    if dossier.status != Status.RETURNED:
        raise RatingRefused("Chỉ đánh giá được sau khi hồ sơ đã được trả kết quả.")
    try:
        level, criteria, comment = rating_clean(level=level, criteria=criteria, comment=comment)
    except RatingInvalid as exc:
        raise RatingRefused(exc.message) from None
    if Rating.objects.filter(dossier=dossier).exists():
        raise RatingRefused(ALREADY_RATED.format(code=dossier.code))
    try:
        with transaction.atomic():
            return Rating.objects.create(
                dossier=dossier,
                level=int(level),
                criteria=criteria,
                comment=comment,
                rated_by=actor,
            )
    except IntegrityError:  # a concurrent second rating lost the race on the unique key
        raise RatingRefused(ALREADY_RATED.format(code=dossier.code)) from None
