"""The citizen's rating of a finished dossier (đánh giá mức độ hài lòng), one per dossier."""

from django.conf import settings
from django.db import models

from motcua.feedback.domain.criteria import LEVEL_LABELS, Level


class Rating(models.Model):
    dossier = models.OneToOneField(
        "dossiers.Dossier", verbose_name="hồ sơ", on_delete=models.PROTECT, related_name="rating"
    )
    level = models.PositiveSmallIntegerField(
        "mức độ hài lòng", choices=[(lv.value, LEVEL_LABELS[lv]) for lv in Level]
    )
    # {criterion code: level}, only the criteria the citizen chose to rate.
    criteria = models.JSONField("đánh giá theo tiêu chí", default=dict, blank=True)
    comment = models.TextField("ý kiến góp ý", blank=True)
    rated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người đánh giá",
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField("thời điểm đánh giá", auto_now_add=True)

    class Meta:
        verbose_name = "đánh giá sự hài lòng"
        verbose_name_plural = "đánh giá sự hài lòng"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.dossier_id}: {self.get_level_display()}"
