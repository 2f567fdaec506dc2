"""Electronic certified copies and signed results, with the certification register.

`SignedDocument` is one signed PDF that anyone may verify on the public page reached by its QR
code (`token`): either a copy certified from the original (kind COPY, with its register number
and fee) or a dossier's electronic result signed by the body (kind RESULT). The signed file is
stored once and never overwritten; its SHA-256 is what the verification page compares.
"""

import uuid

from django.conf import settings
from django.db import models


class CertificationCounter(models.Model):
    """The last number used in a unit's register of electronic certified copies in a year.
    Row-locked by `services.certified_copy_create`: numbers are unique and gapless."""

    unit = models.ForeignKey(
        "org.OrgUnit", verbose_name="đơn vị", on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField("năm")
    last = models.PositiveIntegerField("số cuối cùng đã cấp", default=0)

    class Meta:
        verbose_name = "sổ chứng thực bản sao điện tử"
        verbose_name_plural = "sổ chứng thực bản sao điện tử"
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="certify_counter_unit_year")
        ]

    def __str__(self) -> str:
        return f"{self.unit_id}/{self.year}: {self.last}"


class SignedDocument(models.Model):
    class Kind(models.TextChoices):
        COPY = "copy", "Bản sao điện tử chứng thực từ bản chính"
        RESULT = "result", "Kết quả giải quyết đã ký số"

    token = models.UUIDField("mã kiểm tra", default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField("loại", max_length=16, choices=Kind.choices)
    unit = models.ForeignKey(
        "org.OrgUnit",
        verbose_name="đơn vị chứng thực / ban hành",
        on_delete=models.PROTECT,
        related_name="+",
    )
    title = models.CharField("tên giấy tờ", max_length=500)
    # Register entry (COPY only).
    year = models.PositiveSmallIntegerField("năm", null=True, blank=True)
    number = models.PositiveIntegerField("số chứng thực", null=True, blank=True)
    register_no = models.CharField("số chứng thực (ghi trên bản sao)", max_length=64, blank=True)
    pages = models.PositiveIntegerField("số trang bản chính", default=0)
    fee = models.PositiveIntegerField("phí chứng thực (đồng)", default=0)
    # The result this signs (RESULT only).
    result = models.ForeignKey(
        "dossiers.DossierResult",
        verbose_name="kết quả",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="signed_documents",
    )
    source_name = models.CharField("tệp gốc", max_length=255, blank=True)
    source_sha256 = models.CharField("SHA-256 tệp gốc", max_length=64)
    file = models.FileField("tệp đã ký", upload_to="chung-thuc/%Y/%m/", max_length=255)
    sha256 = models.CharField("SHA-256 tệp đã ký", max_length=64, unique=True)
    size = models.PositiveBigIntegerField("dung lượng (byte)", default=0)
    signer_subject = models.CharField("chứng thư ký", max_length=500, blank=True)
    timestamped = models.BooleanField("có dấu thời gian", default=False)
    pdfa = models.BooleanField("định dạng PDF/A", default=False)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người chứng thực",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    signed_at = models.DateTimeField("thời điểm ký")

    class Meta:
        verbose_name = "tài liệu đã ký số"
        verbose_name_plural = "tài liệu đã ký số"
        ordering = ["-signed_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year", "number"],
                condition=models.Q(kind="copy"),
                name="certify_register_number_unique",
            )
        ]

    def __str__(self) -> str:
        return self.register_no or self.title


class Digitisation(models.Model):
    """A dossier component scanned or uploaded at reception (số hóa khi tiếp nhận): who, when,
    the stored file's fingerprint, and the OCR that makes it searchable by officers in scope."""

    class Ocr(models.TextChoices):
        PENDING = "pending", "Chờ nhận dạng chữ"
        RUNNING = "running", "Đang nhận dạng chữ"
        DONE = "done", "Đã nhận dạng chữ"
        FAILED = "failed", "Nhận dạng chữ lỗi"

    component = models.OneToOneField(
        "dossiers.DossierComponent",
        verbose_name="thành phần hồ sơ",
        on_delete=models.CASCADE,
        related_name="digitisation",
    )
    sha256 = models.CharField("mã băm SHA-256", max_length=64, db_index=True)
    size = models.PositiveBigIntegerField("dung lượng (byte)")
    content_type = models.CharField("loại tệp (theo nội dung)", max_length=64)
    digitised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người số hóa",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    digitised_at = models.DateTimeField("thời điểm số hóa")
    ocr_status = models.CharField(
        "nhận dạng chữ", max_length=16, choices=Ocr.choices, default=Ocr.PENDING
    )
    ocr_progress = models.PositiveSmallIntegerField("tiến độ nhận dạng (%)", default=0)
    ocr_text = models.TextField("văn bản nhận dạng", blank=True)
    # casefold() of ocr_text: case-insensitive search that also folds Vietnamese capitals
    # (SQLite's LIKE only folds ASCII).
    ocr_search = models.TextField(blank=True, editable=False)
    ocr_error = models.CharField("lỗi nhận dạng", max_length=500, blank=True)

    class Meta:
        verbose_name = "thành phần đã số hóa"
        verbose_name_plural = "thành phần đã số hóa"
        ordering = ["-digitised_at", "-id"]

    def __str__(self) -> str:
        return f"{self.component} ({self.sha256[:12]})"


class PaperlessCutover(models.Model):
    """From `paperless_from`, the unit (and the units inside it) no longer accepts paper for
    `procedure` (all procedures when empty): every component must be digitised at reception."""

    unit = models.ForeignKey(
        "org.OrgUnit", verbose_name="đơn vị", on_delete=models.CASCADE, related_name="+"
    )
    procedure = models.ForeignKey(
        "catalogue.Procedure",
        verbose_name="thủ tục (để trống: mọi thủ tục)",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    paperless_from = models.DateField("không nhận hồ sơ giấy từ ngày")
    note = models.CharField("căn cứ, ghi chú", max_length=500, blank=True)

    class Meta:
        verbose_name = "lộ trình không nhận hồ sơ giấy"
        verbose_name_plural = "lộ trình không nhận hồ sơ giấy"
        ordering = ["unit", "procedure", "paperless_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "procedure"], name="certify_cutover_unit_procedure"
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit}: {self.paperless_from:%d/%m/%Y}"
