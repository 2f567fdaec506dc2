"""Administrative units and the bodies inside them, with validity periods and successors.

One tree holds both the administrative units (province, district-level city, ward/commune) and
the bodies that handle procedures inside them (departments, one-stop desks, public service
centres), so that scoping an officer to "their unit and what is inside it" is one prefix match
on the materialised `path`.
"""

import datetime

from django.db import models
from django.db.models import Q


class OrgUnit(models.Model):
    class Kind(models.TextChoices):
        PROVINCE = "province", "Tỉnh / thành phố trực thuộc trung ương"
        DISTRICT = "district", "Huyện / thành phố thuộc tỉnh"
        WARD = "ward", "Phường"
        COMMUNE = "commune", "Xã"
        DEPARTMENT = "department", "Phòng chuyên môn / bộ phận"
        ONE_STOP_DESK = "one_stop_desk", "Bộ phận Một cửa"
        PUBLIC_SERVICE_CENTER = "public_service_center", "Trung tâm Phục vụ hành chính công"

    ADMINISTRATIVE_KINDS = (Kind.PROVINCE, Kind.DISTRICT, Kind.WARD, Kind.COMMUNE)

    code = models.CharField("mã", max_length=32, unique=True)
    name = models.CharField("tên", max_length=255)
    kind = models.CharField("loại", max_length=32, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name="thuộc",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    gso_code = models.CharField(
        "mã đơn vị hành chính (Tổng cục Thống kê)",
        max_length=16,
        blank=True,
        help_text="Mã chính thức; có thể trùng giữa đơn vị cũ và đơn vị mới sau sắp xếp.",
    )
    agency_code = models.CharField(
        "mã định danh cơ quan (TT 10/2016/TT-BTTTT)",
        max_length=32,
        blank=True,
        help_text="Dùng làm tiền tố của mã hồ sơ, ví dụ 000.00.20.H01.",
    )
    valid_from = models.DateField("hiệu lực từ", null=True, blank=True)
    valid_to = models.DateField("hiệu lực đến", null=True, blank=True)
    successors = models.ManyToManyField(
        "self",
        verbose_name="đơn vị kế thừa",
        symmetrical=False,
        blank=True,
        related_name="predecessors",
    )
    path = models.CharField(max_length=512, editable=False, db_index=True)

    class Meta:
        verbose_name = "đơn vị"
        verbose_name_plural = "đơn vị"
        ordering = ["path"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True)
                | Q(valid_to__isnull=True)
                | Q(valid_from__lte=models.F("valid_to")),
                name="orgunit_valid_period",
                violation_error_message="Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.path = f"{self.parent.path if self.parent else ''}{self.code}/"
        super().save(*args, **kwargs)

    @property
    def is_administrative(self) -> bool:
        return self.kind in self.ADMINISTRATIVE_KINDS

    def is_valid_on(self, day: datetime.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )
