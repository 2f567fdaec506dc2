"""Reads of feedback."""

from motcua.feedback.models import Rating


def rating_for(*, dossier) -> Rating | None:
    return Rating.objects.filter(dossier=dossier).first()
