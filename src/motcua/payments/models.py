"""Payments of fees and charges (phí, lệ phí) for a dossier: online through a gateway, or cash
at the counter. Written only by `motcua.payments.services`."""

from django.conf import settings
from django.db import models


class Payment(models.Model):
    class Method(models.TextChoices):
        ONLINE = "online", "Thanh toán trực tuyến"
        COUNTER = "counter", "Nộp tại Bộ phận Một cửa"

    class Status(models.TextChoices):
        PENDING = "pending", "Chờ thanh toán"
        PAID = "paid", "Đã thanh toán"
        DECLINED = "declined", "Không thành công"

    dossier = models.ForeignKey(
        "dossiers.Dossier", verbose_name="hồ sơ", on_delete=models.PROTECT, related_name="payments"
    )
    reference = models.CharField("mã giao dịch", max_length=40, unique=True)
    amount = models.PositiveBigIntegerField("số tiền (đồng)")
    method = models.CharField("hình thức", max_length=16, choices=Method.choices)
    gateway = models.CharField("cổng thanh toán", max_length=64, blank=True)
    status = models.CharField(
        "trạng thái", max_length=16, choices=Status.choices, default=Status.PENDING
    )
    # Our page the gateway sends the citizen back to (a path on this site, set by our code).
    return_url = models.CharField("địa chỉ trả về", max_length=500, blank=True)
    payer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người thanh toán",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người ghi nhận",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.CharField("ghi chú", max_length=500, blank=True)
    created_at = models.DateTimeField("thời điểm tạo", auto_now_add=True)
    paid_at = models.DateTimeField("thời điểm thanh toán", null=True, blank=True)
    finished_at = models.DateTimeField("thời điểm có kết quả", null=True, blank=True)

    class Meta:
        verbose_name = "khoản thanh toán"
        verbose_name_plural = "khoản thanh toán"
        ordering = ["dossier", "-created_at", "-id"]
        indexes = [models.Index(fields=["dossier", "status"])]

    def __str__(self) -> str:
        return f"{self.reference} ({self.amount} đ)"
