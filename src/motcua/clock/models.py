"""Office hours per unit and the administrators' calendar overrides, with their audit trail.

The package's Vietnamese calendar (`domain/vncalendar.py`) is the base; these tables hold what
administrators change on top of it. Deadlines already computed are stored values elsewhere and
do not move when a row here changes (see `services.deadline_compute`).
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

WEEKDAYS = [
    (0, "Thứ Hai"),
    (1, "Thứ Ba"),
    (2, "Thứ Tư"),
    (3, "Thứ Năm"),
    (4, "Thứ Sáu"),
    (5, "Thứ Bảy"),
    (6, "Chủ nhật"),
]


class OfficeHours(models.Model):
    """One office interval on one weekday. A unit with no rows uses its nearest ancestor's
    hours, then the nationwide rows (unit empty), then 07:30–11:30, 13:00–17:00 Mon–Fri."""

    unit = models.ForeignKey(
        "org.OrgUnit",
        verbose_name="đơn vị",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="office_hours",
        help_text="Để trống: giờ làm việc mặc định toàn quốc.",
    )
    weekday = models.PositiveSmallIntegerField("thứ", choices=WEEKDAYS)
    start = models.TimeField("từ")
    end = models.TimeField("đến")

    class Meta:
        verbose_name = "giờ làm việc"
        verbose_name_plural = "giờ làm việc"
        ordering = ["unit_id", "weekday", "start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start__lt=F("end")),
                name="clock_officehours_start_before_end",
                violation_error_message="Giờ bắt đầu phải trước giờ kết thúc.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.start:%H:%M}–{self.end:%H:%M}"


class CalendarOverride(models.Model):
    class Kind(models.TextChoices):
        HOLIDAY = "holiday", "Ngày nghỉ"
        CANCEL_HOLIDAY = "cancel_holiday", "Hủy ngày nghỉ (làm việc bình thường)"
        EXTRA_WORKING = "extra_working", "Ngày làm việc bổ sung (làm bù)"

    day = models.DateField("ngày")
    kind = models.CharField("loại điều chỉnh", max_length=20, choices=Kind.choices)
    unit = models.ForeignKey(
        "org.OrgUnit",
        verbose_name="đơn vị",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="calendar_overrides",
        help_text="Để trống: áp dụng toàn quốc.",
    )
    note = models.CharField("ghi chú, căn cứ", max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người tạo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("thời điểm tạo", auto_now_add=True)

    class Meta:
        verbose_name = "điều chỉnh lịch làm việc"
        verbose_name_plural = "điều chỉnh lịch làm việc"
        ordering = ["day", "unit_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["day", "unit"],
                name="clock_override_one_per_unit_day",
                violation_error_message="Đơn vị này đã có điều chỉnh cho ngày này.",
            ),
            models.UniqueConstraint(
                fields=["day"],
                condition=Q(unit__isnull=True),
                name="clock_override_one_nationwide_per_day",
                violation_error_message="Ngày này đã có điều chỉnh toàn quốc.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.day:%d/%m/%Y}: {self.get_kind_display()}"


class CalendarOverrideAudit(models.Model):
    """Who changed the calendar, what and when. Written only by the services."""

    class Action(models.TextChoices):
        CREATE = "create", "Thêm điều chỉnh"
        UPDATE = "update", "Sửa điều chỉnh"
        DELETE = "delete", "Xóa điều chỉnh"
        OFFICE_HOURS = "office_hours", "Đổi giờ làm việc"

    action = models.CharField("thao tác", max_length=20, choices=Action.choices)
    day = models.DateField("ngày", null=True, blank=True)
    kind = models.CharField("loại", max_length=20, blank=True)
    unit = models.ForeignKey(
        "org.OrgUnit",
        verbose_name="đơn vị",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    unit_code = models.CharField("mã đơn vị", max_length=32, blank=True)
    details = models.TextField("nội dung", blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người thực hiện",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField("thời điểm", auto_now_add=True)

    class Meta:
        verbose_name = "nhật ký thay đổi lịch"
        verbose_name_plural = "nhật ký thay đổi lịch"
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.get_action_display()}"
