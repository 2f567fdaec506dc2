"""The citizen's e-data store (kho dữ liệu điện tử của công dân).

Every component file a citizen filed online and every electronic result they received is kept
as a `CitizenDocument` they own. A new filing can reuse one instead of uploading it again; each
reuse is recorded (`DocumentReuse`) on the new dossier, so the desk sees where the file came
from. Only the owner ever reads a document: every selector filters by `owner`.
"""

from django.conf import settings
from django.db import models


class CitizenDocument(models.Model):
    class Kind(models.TextChoices):
        COMPONENT = "component", "Thành phần hồ sơ đã nộp"
        RESULT = "result", "Kết quả giải quyết"

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="chủ sở hữu",
        on_delete=models.CASCADE,
        related_name="citizen_documents",
    )
    name = models.CharField("tên giấy tờ", max_length=500)
    kind = models.CharField("loại", max_length=16, choices=Kind.choices)
    # Usually the same stored file as the dossier's component or result (a reference, not a
    # copy): dossier files are never deleted.
    file = models.FileField("tệp", upload_to="kho-du-lieu/%Y/%m/", max_length=255)
    original_name = models.CharField("tên tệp", max_length=255, blank=True)
    size = models.PositiveBigIntegerField("dung lượng (byte)", default=0)
    sha256 = models.CharField("mã băm SHA-256", max_length=64, db_index=True)
    source_dossier = models.ForeignKey(
        "dossiers.Dossier",
        verbose_name="hồ sơ nguồn",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="citizen_documents",
    )
    created_at = models.DateTimeField("lưu lúc", auto_now_add=True)

    class Meta:
        verbose_name = "giấy tờ điện tử của công dân"
        verbose_name_plural = "kho dữ liệu điện tử của công dân"
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["owner", "-created_at", "-id"], name="citizen_doc_owner_idx")
        ]

    def __str__(self) -> str:
        return self.name


class DocumentReuse(models.Model):
    """A stored document used as a component of a new dossier instead of a new upload."""

    document = models.ForeignKey(
        CitizenDocument, verbose_name="giấy tờ", on_delete=models.PROTECT, related_name="reuses"
    )
    dossier = models.ForeignKey(
        "dossiers.Dossier",
        verbose_name="hồ sơ dùng lại",
        on_delete=models.CASCADE,
        related_name="document_reuses",
    )
    component_name = models.CharField("thành phần hồ sơ", max_length=500)
    at = models.DateTimeField("thời điểm")

    class Meta:
        verbose_name = "lần dùng lại giấy tờ"
        verbose_name_plural = "lần dùng lại giấy tờ"
        ordering = ["dossier", "id"]

    def __str__(self) -> str:
        return f"{self.document} → {self.dossier}"
