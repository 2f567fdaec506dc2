"""Dossiers (hồ sơ), their components, clock pauses, audit events and code sequences.

Nothing writes these tables except `motcua.dossiers.services`: each write checks the workflow
table (`domain/workflow.py`), bumps `Dossier.version` (optimistic locking) and records a
`DossierEvent` in the same transaction.
"""

from django.conf import settings
from django.db import models

from motcua.dossiers.domain.workflow import (
    CHANNEL_LABELS,
    STATUS_LABELS,
    Action,
    Channel,
    Status,
    paused_states,
    running_states,
)


def running_values() -> list[int]:
    """The status codes of a running clock (`workflow.running_states()`), for SQL filters."""
    return sorted(s.value for s in running_states())


def paused_values() -> list[int]:
    """The status codes of a paused clock (`workflow.paused_states()`), for SQL filters."""
    return sorted(s.value for s in paused_states())


class DossierQuerySet(models.QuerySet):
    """The SQL twin of `dossiers.domain.clockstate.clock_state` (tested row by row against it):
    use these methods wherever dossiers are filtered by their clock, never a hand-written
    `due_at__lt=now`."""

    def clock_running(self):
        return self.filter(status__in=running_values())

    def clock_paused(self):
        return self.filter(status__in=paused_values())

    @staticmethod
    def overdue_q(now) -> models.Q:
        """Running and past due, or paused after it was already past due."""
        late_when_paused = models.Exists(
            DossierPause.objects.filter(
                dossier_id=models.OuterRef("pk"),
                ended_at__isnull=True,
                started_at__gt=models.OuterRef("due_at"),
            )
        )
        # The first term is implied by the others; it lets the planner use the open
        # dossiers' index (`dossier_open_due_idx`).
        return models.Q(status__in=sorted(running_values() + paused_values())) & (
            models.Q(status__in=running_values(), due_at__lt=now)
            | (models.Q(status__in=paused_values()) & late_when_paused)
        )

    def overdue(self, now):
        return self.filter(self.overdue_q(now))

    def not_overdue(self, now):
        return self.exclude(self.overdue_q(now))

    def with_overdue(self, now):
        """Annotate `clock_overdue` (bool) for lists that show the flag per row."""
        return self.annotate(
            clock_overdue=models.ExpressionWrapper(
                self.overdue_q(now), output_field=models.BooleanField()
            )
        )

    def due_soon(self, now, until):
        """Running, not yet due, due no later than `until` ("sắp đến hạn")."""
        return self.filter(status__in=running_values(), due_at__gte=now, due_at__lte=until)


# The applicant's fields of a dossier, without their `applicant_` prefix: what intake, the
# portal's drafts and "same applicant as last time" copy.
APPLICANT_FIELDS = ("kind", "name", "id_number", "phone", "email", "address")


class Dossier(models.Model):
    class ApplicantKind(models.TextChoices):
        PERSON = "person", "Cá nhân"
        ORGANISATION = "organisation", "Tổ chức, doanh nghiệp"

    class ResultDelivery(models.TextChoices):
        COUNTER = "counter", "Nhận tại Bộ phận Một cửa"
        POST = "post", "Nhận qua dịch vụ bưu chính công ích"
        ELECTRONIC = "electronic", "Nhận kết quả điện tử"

    code = models.CharField("mã hồ sơ", max_length=64, unique=True)
    lookup_key = models.CharField("mã tra cứu", max_length=16, db_index=True)
    procedure_version = models.ForeignKey(
        "catalogue.ProcedureVersion",
        verbose_name="thủ tục (phiên bản khi tiếp nhận)",
        on_delete=models.PROTECT,
        related_name="dossiers",
    )
    unit = models.ForeignKey(
        "org.OrgUnit",
        verbose_name="đơn vị tiếp nhận",
        on_delete=models.PROTECT,
        related_name="dossiers",
    )
    # Where the dossier is being handled now: a department, or another agency (liên thông).
    current_unit = models.ForeignKey(
        "org.OrgUnit",
        verbose_name="đơn vị đang xử lý",
        on_delete=models.PROTECT,
        related_name="dossiers_handling",
    )

    applicant_kind = models.CharField(
        "loại chủ hồ sơ", max_length=16, choices=ApplicantKind.choices, default="person"
    )
    applicant_name = models.CharField("tên chủ hồ sơ", max_length=255)
    applicant_id_number = models.CharField(
        "số định danh / CCCD / mã số doanh nghiệp", max_length=32, blank=True, db_index=True
    )
    applicant_phone = models.CharField("số điện thoại", max_length=20, blank=True)
    applicant_email = models.EmailField("thư điện tử", blank=True)
    applicant_address = models.CharField("địa chỉ", max_length=500, blank=True)
    applicant_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="tài khoản nộp trực tuyến",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="dossiers_filed",
    )

    channel = models.PositiveSmallIntegerField(
        "kênh thực hiện", choices=[(c.value, CHANNEL_LABELS[c]) for c in Channel]
    )
    assisted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Tổ công nghệ số cộng đồng hỗ trợ nộp",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="dossiers_assisted",
    )
    postal_receipt_no = models.CharField("số biên nhận bưu chính", max_length=64, blank=True)
    postmarked_at = models.DateTimeField("ngày trên dấu bưu điện", null=True, blank=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người tiếp nhận",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="dossiers_received",
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người đang xử lý",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="dossiers_assigned",
    )

    status = models.PositiveSmallIntegerField(
        "trạng thái",
        choices=[(s.value, STATUS_LABELS[s]) for s in Status],
        default=Status.NEW,
        db_index=True,
    )
    # Order of the procedure's internal step the dossier is at; 0 = at reception.
    current_step = models.PositiveSmallIntegerField("bước hiện tại", default=0)
    step_started_at = models.DateTimeField("bắt đầu bước hiện tại", null=True, blank=True)

    # The legal time in working minutes, copied at reception: a later catalogue change never
    # moves this dossier's deadline.
    duration_minutes = models.PositiveIntegerField("thời hạn giải quyết (phút làm việc)")
    received_at = models.DateTimeField("thời điểm tiếp nhận", null=True, blank=True)
    clock_start = models.DateTimeField("bắt đầu tính thời hạn", null=True, blank=True)
    due_at = models.DateTimeField("hạn giải quyết", null=True, blank=True, db_index=True)
    # The appointment given to the citizen: due_at, or the new one of an apology letter.
    appointment_at = models.DateTimeField("ngày hẹn trả kết quả", null=True, blank=True)
    finished_at = models.DateTimeField("thời điểm có kết quả", null=True, blank=True)
    returned_at = models.DateTimeField("thời điểm trả kết quả", null=True, blank=True)
    result_delivery = models.CharField(
        "hình thức nhận kết quả",
        max_length=16,
        choices=ResultDelivery.choices,
        default=ResultDelivery.COUNTER,
    )

    supplement_count = models.PositiveSmallIntegerField("số lần yêu cầu bổ sung", default=0)
    # More than one supplement request: counted late in the national indicators.
    is_late_flag = models.BooleanField("tính là quá hạn", default=False)
    apologised = models.BooleanField("đã xin lỗi, hẹn lại", default=False)

    version = models.PositiveIntegerField("phiên bản", default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = DossierQuerySet.as_manager()

    class Meta:
        verbose_name = "hồ sơ"
        verbose_name_plural = "hồ sơ"
        ordering = ["-received_at", "-id"]
        indexes = [
            models.Index(fields=["current_unit", "status", "due_at"]),
            models.Index(fields=["unit", "status", "due_at"]),
            # Worklist tabs: one status, most urgent first; "newest received" sort.
            models.Index(fields=["status", "due_at", "id"], name="dossier_status_due_idx"),
            models.Index(fields=["received_at", "id"], name="dossier_received_idx"),
            # "Quá hạn" and "sắp đến hạn": running clocks (received, processing) by due instant
            # (the running states as the table says when the migration is made).
            models.Index(
                fields=["due_at", "id"],
                condition=models.Q(status__in=running_values()),
                name="dossier_running_due_idx",
            ),
            # "Quá hạn" counts paused dossiers too (`DossierQuerySet.overdue_q`): open clocks by
            # due instant, so the tab reads the few overdue ones first instead of walking every
            # closed dossier due years ago.
            models.Index(
                fields=["due_at", "id"],
                condition=models.Q(status__in=sorted(running_values() + paused_values())),
                name="dossier_open_due_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def status_enum(self) -> Status:
        return Status(self.status)

    @property
    def channel_enum(self) -> Channel:
        return Channel(self.channel)

    def is_overdue(self, now) -> bool:
        """This dossier's `clock_state(...).overdue` (one query for a paused dossier)."""
        from motcua.dossiers.domain.clockstate import clock_state

        annotated = getattr(self, "clock_overdue", None)
        if annotated is not None:
            return bool(annotated)
        pause = None
        if self.status in paused_values() and self.pk:
            pause = self.pauses.filter(ended_at__isnull=True).order_by("-started_at").first()
        return clock_state(
            status=self.status,
            due_at=self.due_at,
            now=now,
            paused_since=pause.started_at if pause is not None else None,
        ).overdue


class DossierComponent(models.Model):
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="components")
    name = models.CharField("thành phần", max_length=500)
    form = models.CharField("loại bản (chính / sao y / photo)", max_length=64, blank=True)
    copies = models.PositiveSmallIntegerField("số lượng", default=1)
    required = models.BooleanField("bắt buộc", default=True)
    file = models.FileField("tệp số hóa", upload_to="ho-so/%Y/%m/", blank=True)
    supplement = models.BooleanField("nộp bổ sung", default=False)

    class Meta:
        verbose_name = "thành phần hồ sơ"
        verbose_name_plural = "thành phần hồ sơ"
        ordering = ["dossier", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def form_label(self) -> str:
        """ "Bản chính" for the catalogue's code "original" (free text shown as written)."""
        from motcua.catalogue.models import Component

        return dict(Component.Form.choices).get(self.form, self.form)


class DossierPause(models.Model):
    """A stretch when the clock stops: supplement or financial obligation requested."""

    class Kind(models.TextChoices):
        SUPPLEMENT = "supplement", "Yêu cầu bổ sung"
        PAYMENT = "payment", "Thực hiện nghĩa vụ tài chính"

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="pauses")
    kind = models.CharField("loại", max_length=16, choices=Kind.choices)
    started_at = models.DateTimeField("tạm dừng từ")
    ended_at = models.DateTimeField("tiếp tục từ", null=True, blank=True)
    reason = models.TextField("lý do")

    class Meta:
        verbose_name = "tạm dừng tính thời hạn"
        verbose_name_plural = "tạm dừng tính thời hạn"
        ordering = ["dossier", "started_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.started_at:%d/%m/%Y %H:%M}"


class DossierEvent(models.Model):
    """One line of the audit trail and of the control sheet (phiếu kiểm soát, Mẫu 05)."""

    class StepResult(models.TextChoices):
        EARLY = "truoc_han", "Trước hạn"
        ON_TIME = "dung_han", "Đúng hạn"
        LATE = "qua_han", "Quá hạn"

    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="events")
    action = models.CharField("thao tác", max_length=32)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người thực hiện",
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    at = models.DateTimeField("thời điểm")
    from_status = models.PositiveSmallIntegerField("từ trạng thái", null=True)
    to_status = models.PositiveSmallIntegerField("sang trạng thái", null=True)
    from_step = models.PositiveSmallIntegerField("từ bước", null=True)
    to_step = models.PositiveSmallIntegerField("sang bước", null=True)
    from_unit = models.ForeignKey(
        "org.OrgUnit", verbose_name="đơn vị giao", null=True, on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    to_unit = models.ForeignKey(
        "org.OrgUnit", verbose_name="đơn vị nhận", null=True, on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    to_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người nhận", null=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip
    reason = models.TextField("lý do", blank=True)
    step_result = models.CharField(
        "kết quả bước", max_length=16, choices=StepResult.choices, blank=True
    )
    data = models.JSONField("dữ liệu", default=dict, blank=True)

    class Meta:
        verbose_name = "nhật ký xử lý hồ sơ"
        verbose_name_plural = "nhật ký xử lý hồ sơ"
        ordering = ["dossier", "at", "id"]
        indexes = [models.Index(fields=["action", "at"])]

    def __str__(self) -> str:
        return f"{self.dossier_id} {self.action} {self.at:%d/%m/%Y %H:%M}"

    @property
    def action_label(self) -> str:
        if self.action == "submit":
            return "Nộp hồ sơ trực tuyến"
        if self.action == "result_attach":
            return "Đính kèm kết quả điện tử"
        if self.action == "digitise":  # motcua.certify.digitise
            return "Số hóa thành phần hồ sơ"
        try:
            return Action(self.action).label
        except ValueError:
            return self.action


class DossierCodeSequence(models.Model):
    """The last sequence number used by an agency on a day (Circular 01/2018 art. 19)."""

    agency_code = models.CharField(max_length=32)
    day = models.DateField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "số thứ tự mã hồ sơ"
        verbose_name_plural = "số thứ tự mã hồ sơ"
        constraints = [
            models.UniqueConstraint(fields=["agency_code", "day"], name="dossier_code_seq_unique")
        ]

    def __str__(self) -> str:
        return f"{self.agency_code} {self.day:%d/%m/%Y}: {self.last}"


class DossierResult(models.Model):
    """An electronic result (kết quả điện tử) of a dossier: the issued document as a file.

    It has the same legal value as the paper result and is kept for the retention period even
    if later cancelled, hence PROTECT and no delete in the services.
    """

    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="results")
    name = models.CharField("tên kết quả", max_length=255)
    file = models.FileField("tệp kết quả", upload_to="ket-qua/%Y/%m/")
    issued_at = models.DateTimeField("thời điểm ban hành")
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người đính kèm",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "kết quả điện tử"
        verbose_name_plural = "kết quả điện tử"
        ordering = ["dossier", "issued_at", "id"]

    def __str__(self) -> str:
        return f"{self.dossier_id} {self.name}"


class EarlyWarningNorm(models.Model):
    """Learned from closed dossiers (`services.early_warning_learn`): the typical working time
    from entering a step to the result, per procedure, receiving unit and step
    (`domain.earlywarning`). Derived data: relearn at any time."""

    procedure = models.ForeignKey("catalogue.Procedure", on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey("org.OrgUnit", on_delete=models.CASCADE, related_name="+")
    step = models.PositiveSmallIntegerField("bước")
    typical_seconds = models.PositiveIntegerField("thời gian điển hình (giây làm việc)")
    samples = models.PositiveIntegerField("số hồ sơ học")
    learned_at = models.DateTimeField("thời điểm học")

    class Meta:
        verbose_name = "định mức cảnh báo nguy cơ trễ hạn"
        verbose_name_plural = "định mức cảnh báo nguy cơ trễ hạn"
        constraints = [
            models.UniqueConstraint(
                fields=["procedure", "unit", "step"], name="early_warning_norm_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.procedure_id}/{self.unit_id}/{self.step}"
