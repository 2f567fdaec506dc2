"""The procedure catalogue (bộ thủ tục hành chính): procedures with versioned contents.

A `Procedure` is the stable identity (its national code). Everything a citizen or officer
reads about it lives in a `ProcedureVersion`: a published version is never edited in place;
a change makes a new draft (see `services.procedure_version_revise`) and publishing it
supersedes the old one. Dossiers point at the version they were received under.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy

from motcua.accounts.roles import ROLE_LABELS, Role
from motcua.catalogue import domain
from motcua.clock.domain import startpolicy
from motcua.org.models import OrgUnit

ROLE_CHOICES = [(r.value, ROLE_LABELS[r]) for r in Role]


class Field(models.Model):
    code = models.CharField("mã lĩnh vực", max_length=32, unique=True)
    name = models.CharField("tên lĩnh vực", max_length=255)

    class Meta:
        verbose_name = "lĩnh vực"
        verbose_name_plural = "lĩnh vực"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Procedure(models.Model):
    national_code = models.CharField(
        "mã thủ tục (CSDL quốc gia)",
        max_length=32,
        unique=True,
        help_text="Mã trên Cơ sở dữ liệu quốc gia về thủ tục hành chính, ví dụ 1.001193.",
    )
    created_at = models.DateTimeField("ngày tạo", auto_now_add=True)

    class Meta:
        verbose_name = "thủ tục hành chính"
        verbose_name_plural = "thủ tục hành chính"
        ordering = ["national_code"]

    def __str__(self) -> str:
        return self.national_code


class ProcedureVersion(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Bản nháp"
        PUBLISHED = "published", "Đang áp dụng"
        SUPERSEDED = "superseded", "Đã được thay thế"

    class Level(models.TextChoices):
        PROVINCE = "province", gettext_lazy("Cấp tỉnh")
        DISTRICT = "district", gettext_lazy("Cấp huyện")
        COMMUNE = "commune", gettext_lazy("Cấp xã")

    class TimeUnit(models.TextChoices):
        WORKING_DAYS = domain.WORKING_DAYS, "Ngày làm việc"
        WORKING_HOURS = domain.WORKING_HOURS, "Giờ làm việc"
        SAME_DAY = domain.SAME_DAY, "Trong ngày"

    class ResultType(models.TextChoices):
        PAPER = "paper", "Bản giấy"
        ELECTRONIC = "electronic", "Bản điện tử"
        BOTH = "both", "Bản giấy và bản điện tử"

    class OnlineLevel(models.TextChoices):
        FULL = "toan_trinh", gettext_lazy("Dịch vụ công trực tuyến toàn trình")
        PARTIAL = "mot_phan", gettext_lazy("Dịch vụ công trực tuyến một phần")
        NONE = "none", gettext_lazy("Không cung cấp trực tuyến")

    procedure = models.ForeignKey(
        Procedure, verbose_name="thủ tục", on_delete=models.PROTECT, related_name="versions"
    )
    version = models.PositiveIntegerField("phiên bản")
    status = models.CharField(
        "trạng thái", max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField("ngày công bố", null=True, blank=True)
    created_at = models.DateTimeField("ngày tạo", auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người tạo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    name = models.CharField("tên thủ tục", max_length=500)
    field = models.ForeignKey(
        Field, verbose_name="lĩnh vực", on_delete=models.PROTECT, related_name="versions"
    )
    level = models.CharField("cấp thực hiện", max_length=16, choices=Level.choices)
    agency = models.CharField("cơ quan thực hiện", max_length=500, blank=True)
    units = models.ManyToManyField(
        OrgUnit, verbose_name="đơn vị thực hiện", blank=True, related_name="procedure_versions"
    )
    time_unit = models.CharField(
        "đơn vị thời hạn", max_length=16, choices=TimeUnit.choices, default=TimeUnit.WORKING_DAYS
    )
    time_value = models.DecimalField(
        "thời hạn giải quyết",
        max_digits=6,
        decimal_places=2,
        default=1,
        help_text="Số ngày hoặc giờ làm việc; với thủ tục giải quyết trong ngày để 1.",
    )
    same_day_cutoff = models.TimeField(
        "giờ tiếp nhận muộn nhất trong ngày",
        null=True,
        blank=True,
        help_text="Ví dụ 15:00: hồ sơ nhận sau giờ này trả kết quả ngày làm việc tiếp theo.",
    )
    result_type = models.CharField(
        "loại kết quả", max_length=16, choices=ResultType.choices, default=ResultType.BOTH
    )
    online_level = models.CharField(
        "mức độ dịch vụ công trực tuyến",
        max_length=16,
        choices=OnlineLevel.choices,
        default=OnlineLevel.NONE,
    )
    eligible_full_online = models.BooleanField("đủ điều kiện trực tuyến toàn trình", default=False)
    postal_excluded = models.BooleanField(
        "không thực hiện qua dịch vụ bưu chính công ích", default=False
    )
    published_on_portal = models.BooleanField("công khai trên Cổng dịch vụ công", default=True)
    # When the legal clock starts (motcua.clock.domain.startpolicy, sources there): at the
    # desk's reception by default; online submission or postmark when the procedure's own
    # regulation says so.
    clock_start_policy = models.CharField(
        "thời điểm bắt đầu tính thời hạn",
        max_length=16,
        choices=list(startpolicy.POLICY_LABELS.items()),
        default=startpolicy.DEFAULT_POLICY,
    )
    legal_basis = models.TextField("căn cứ pháp lý", blank=True)
    search_text = models.TextField(editable=False, blank=True, db_index=False)

    class Meta:
        verbose_name = "phiên bản thủ tục"
        verbose_name_plural = "phiên bản thủ tục"
        ordering = ["procedure__national_code", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["procedure", "version"], name="catalogue_version_unique"
            ),
            # At most one version of a procedure applies at a time.
            models.UniqueConstraint(
                fields=["procedure"],
                condition=Q(status="published"),
                name="catalogue_one_published_version",
                violation_error_message="Mỗi thủ tục chỉ có một phiên bản đang áp dụng.",
            ),
            models.CheckConstraint(
                condition=Q(time_value__gt=0),
                name="catalogue_time_value_positive",
                violation_error_message="Thời hạn giải quyết phải lớn hơn 0.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.procedure.national_code} {self.name} (phiên bản {self.version})"

    def save(self, *args, **kwargs):
        self.search_text = self.compute_search_text()
        super().save(*args, **kwargs)

    @property
    def national_code(self) -> str:
        return self.procedure.national_code

    @property
    def legal_minutes(self) -> int:
        """Legal processing time in working minutes (1 working day = 480; same day = 480)."""
        return domain.legal_minutes(self.time_unit, self.time_value)

    @property
    def time_text(self) -> str:
        if self.time_unit == self.TimeUnit.SAME_DAY:
            if self.same_day_cutoff:
                return (
                    f"Trong ngày (nhận sau {self.same_day_cutoff:%H:%M} trả kết quả "
                    "ngày làm việc tiếp theo)"
                )
            return "Trong ngày"
        value = f"{self.time_value.normalize():f}".replace(".", ",")
        return f"{value} {self.get_time_unit_display().lower()}"

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT

    def clean(self):
        errors = {}
        if self.time_unit == self.TimeUnit.SAME_DAY:
            if self.time_value != 1:
                self.time_value = 1
        elif self.same_day_cutoff is not None:
            errors["same_day_cutoff"] = (
                "Chỉ khai báo giờ tiếp nhận muộn nhất cho thủ tục giải quyết trong ngày."
            )
        if self.time_value is not None and self.time_value <= 0:
            errors["time_value"] = "Thời hạn giải quyết phải lớn hơn 0."
        if self.eligible_full_online is False and self.online_level == self.OnlineLevel.FULL:
            errors["eligible_full_online"] = (
                "Thủ tục cung cấp trực tuyến toàn trình phải đủ điều kiện trực tuyến toàn trình."
            )
        if errors:
            raise ValidationError(errors)

    def compute_search_text(self, field_name: str | None = None) -> str:
        if field_name is None:
            field_name = self.field.name if self.field_id else ""
        parts = [self.procedure.national_code, self.name, field_name, self.agency]
        return domain.search_key(" ".join(p for p in parts if p))


class Fee(models.Model):
    version = models.ForeignKey(
        ProcedureVersion, verbose_name="phiên bản", on_delete=models.CASCADE, related_name="fees"
    )
    order = models.PositiveIntegerField("thứ tự", default=1)
    description = models.CharField("nội dung phí, lệ phí", max_length=500)
    amount = models.PositiveIntegerField("mức thu (đồng)", default=0)
    unit = models.CharField("đơn vị tính", max_length=64, blank=True, help_text="trang, bản…")
    note = models.CharField("ghi chú", max_length=500, blank=True)

    class Meta:
        verbose_name = "phí, lệ phí"
        verbose_name_plural = "phí, lệ phí"
        ordering = ["version", "order", "pk"]

    def __str__(self) -> str:
        return self.description


class Component(models.Model):
    class Form(models.TextChoices):
        ORIGINAL = "original", "Bản chính"
        CERTIFIED_COPY = "certified_copy", "Bản sao chứng thực"
        PHOTOCOPY = "photocopy", "Bản chụp"

    version = models.ForeignKey(
        ProcedureVersion,
        verbose_name="phiên bản",
        on_delete=models.CASCADE,
        related_name="components",
    )
    order = models.PositiveIntegerField("thứ tự", default=1)
    name = models.CharField("tên giấy tờ", max_length=500)
    form = models.CharField("loại bản", max_length=16, choices=Form.choices, default=Form.ORIGINAL)
    copies = models.PositiveIntegerField("số lượng", default=1)
    required = models.BooleanField("bắt buộc", default=True)
    template_name = models.CharField("mẫu đơn, tờ khai", max_length=255, blank=True)
    template_file = models.FileField(
        "tệp mẫu", upload_to="catalogue/templates/", blank=True, max_length=255
    )

    class Meta:
        verbose_name = "thành phần hồ sơ"
        verbose_name_plural = "thành phần hồ sơ"
        ordering = ["version", "order", "pk"]

    def __str__(self) -> str:
        return self.name


class ProcessStep(models.Model):
    version = models.ForeignKey(
        ProcedureVersion, verbose_name="phiên bản", on_delete=models.CASCADE, related_name="steps"
    )
    order = models.PositiveIntegerField("thứ tự")
    name = models.CharField("nội dung công việc", max_length=500)
    role = models.CharField("vai trò thực hiện", max_length=32, choices=ROLE_CHOICES)
    performer = models.CharField(
        "bộ phận thực hiện",
        max_length=255,
        blank=True,
        help_text="Ví dụ: Công chức Tư pháp - Hộ tịch.",
    )
    unit_kind = models.CharField(
        "loại đơn vị thực hiện", max_length=32, choices=OrgUnit.Kind.choices, blank=True
    )
    allotted_minutes = models.PositiveIntegerField("thời gian (phút làm việc)")

    class Meta:
        verbose_name = "bước xử lý"
        verbose_name_plural = "quy trình nội bộ"
        ordering = ["version", "order", "pk"]

    def __str__(self) -> str:
        return f"{self.order}. {self.name}"
