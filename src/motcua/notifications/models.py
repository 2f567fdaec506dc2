"""The notification outbox: one row per message to one recipient on one channel.

Rows are written in the same transaction as the change they announce, so a rolled-back change
leaves none and a committed one always leaves its row; delivery reads and updates them. The row
is also the record officers and tests read: what was sent, to whom, how many tries, last error.
"""

from django.db import models

from motcua.notifications.domain import DEFAULT_MAX_ATTEMPTS


class Notification(models.Model):
    class Channel(models.TextChoices):
        EMAIL = "email", "Email"
        SMS = "sms", "SMS"

    class Status(models.TextChoices):
        PENDING = "pending", "Chờ gửi"
        SENDING = "sending", "Đang gửi"
        SENT = "sent", "Đã gửi"
        FAILED = "failed", "Gửi không thành công"

    channel = models.CharField("kênh", max_length=10, choices=Channel.choices)
    recipient = models.CharField("người nhận", max_length=254)
    event = models.CharField("sự kiện", max_length=64)
    subject = models.CharField("tiêu đề", max_length=255, blank=True)
    body = models.TextField("nội dung")
    # For messages carrying a secret (one-time codes): `subject` and `body` hold the masked
    # text anyone with access to the outbox may read; the real text is kept here encrypted with
    # a key derived from SECRET_KEY until the message is sent or given up, then erased.
    sealed = models.TextField("nội dung mã hóa", blank=True, editable=False)
    # A generic reference to what the message is about ("dossier", its code): the outbox does
    # not depend on the models of the contexts that use it.
    ref_type = models.CharField("loại đối tượng", max_length=32, blank=True)
    ref_id = models.CharField("mã đối tượng", max_length=64, blank=True)
    status = models.CharField(
        "trạng thái", max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField("số lần gửi", default=0)
    max_attempts = models.PositiveSmallIntegerField(
        "số lần gửi tối đa", default=DEFAULT_MAX_ATTEMPTS
    )
    # Start of the current retry window (creation, or the last re-queue): retries go on until
    # this plus the retry horizon (`MOTCUA_NOTIFY_RETRY_HORIZON_HOURS`).
    retry_from = models.DateTimeField("bắt đầu gửi lại từ", null=True, blank=True)
    # The provider's acknowledgement (its message id) once it accepted the message: a row that
    # has one is never sent again.
    provider_ref = models.CharField("mã xác nhận của nhà cung cấp", max_length=128, blank=True)
    requeue_count = models.PositiveSmallIntegerField("số lần đưa lại vào hàng đợi", default=0)
    # When the row may next be picked: the retry time of a pending row, the end of the lease of
    # a row being sent (a worker that died mid-send gives it back then); empty once final.
    next_attempt_at = models.DateTimeField("lần gửi tiếp theo", null=True, blank=True)
    last_error = models.TextField("lỗi gần nhất", blank=True)
    created_at = models.DateTimeField("thời điểm tạo", auto_now_add=True)
    sent_at = models.DateTimeField("thời điểm gửi", null=True, blank=True)

    class Meta:
        verbose_name = "thông báo"
        verbose_name_plural = "thông báo"
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="notif_due_idx"),
            models.Index(fields=["ref_type", "ref_id"], name="notif_ref_idx"),
            models.Index(fields=["-created_at", "-id"], name="notif_recent_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} → {self.recipient}: {self.event}"
