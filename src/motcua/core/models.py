"""Models of this bounded context."""

from django.conf import settings
from django.db import models


class IdempotencyRecord(models.Model):
    """One `Idempotency-Key` used by one user on a create request, and the response it got.

    The row is inserted first, inside the same transaction as the creation it guards: a second
    request with the same (user, key) waits on the unique constraint until the first commits,
    then finds the stored response and replays it. A failed creation rolls the row back with
    everything else, so only successful responses are ever stored. Keys expire after
    `motcua.core.idempotency.IDEMPOTENCY_TTL` (24 hours).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người dùng",
        on_delete=models.CASCADE,
        related_name="+",
    )
    key = models.CharField("khóa Idempotency-Key", max_length=255)
    # SHA-256 of the method, path and canonical JSON body: the same key with another body is an
    # error, not a replay.
    fingerprint = models.CharField("dấu vân tay yêu cầu", max_length=64)
    status_code = models.PositiveSmallIntegerField("mã trạng thái HTTP", null=True)
    response_body = models.JSONField("nội dung phản hồi", null=True)
    created_at = models.DateTimeField("thời điểm tạo", db_index=True)

    class Meta:
        verbose_name = "khóa chống gửi trùng"
        verbose_name_plural = "khóa chống gửi trùng"
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="idempotency_user_key_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.key}"


class WorkerHeartbeat(models.Model):
    """The last sign of life of one background worker (`motcua worker` writes it every 30 s);
    the health page reads it to tell a stalled or missing worker."""

    worker_id = models.CharField("mã tiến trình", max_length=128, primary_key=True)
    hostname = models.CharField("máy chủ", max_length=255, blank=True)
    started_at = models.DateTimeField("khởi động lúc")
    seen_at = models.DateTimeField("lần cuối hoạt động", db_index=True)

    class Meta:
        verbose_name = "nhịp tim tiến trình nền"
        verbose_name_plural = "nhịp tim tiến trình nền"

    def __str__(self) -> str:
        return self.worker_id
