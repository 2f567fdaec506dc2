"""Feedback and petitions (phản ánh, kiến nghị) on administrative regulations (domain.md §7).

Nothing writes these tables except `motcua.petitions.services`: each write checks the
lifecycle table (`domain/lifecycle.py`) and the policy (`domain/policy.py`), bumps `version`
and records a `PetitionEvent` in the same transaction.
"""

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from motcua.petitions.domain.lifecycle import STATUS_LABELS, Status


class Petition(models.Model):
    class Kind(models.TextChoices):
        FEEDBACK = "feedback", _("Phản ánh")
        PETITION = "petition", _("Kiến nghị")

    class Subject(models.TextChoices):
        REGULATION = "regulation", _("Quy định hành chính")
        PROCEDURE = "procedure", _("Thủ tục hành chính")
        DOSSIER = "dossier", _("Hồ sơ đã nộp")
        CONDUCT = "conduct", _("Hành vi, thái độ của cán bộ, công chức")

    class Channel(models.TextChoices):
        ONLINE = "online", _("Trực tuyến")
        LETTER = "letter", _("Văn bản, thư")
        PHONE = "phone", _("Điện thoại")
        HOTLINE = "hotline", _("Đường dây nóng")
        SURVEY = "survey", _("Phiếu khảo sát")
        API = "api", _("Hệ thống khác (API)")
        OPEN311 = "open311", _("Open311")

    code = models.CharField("mã phản ánh, kiến nghị", max_length=64, unique=True)
    lookup_key = models.CharField("mã tra cứu", max_length=16)
    kind = models.CharField("loại", max_length=16, choices=Kind.choices, default=Kind.FEEDBACK)
    subject = models.CharField("nội dung liên quan", max_length=16, choices=Subject.choices)
    title = models.CharField("tiêu đề", max_length=255)
    content = models.TextField("nội dung")
    procedure = models.ForeignKey(
        "catalogue.Procedure",
        verbose_name="thủ tục liên quan",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="petitions",
    )
    dossier = models.ForeignKey(
        "dossiers.Dossier",
        verbose_name="hồ sơ liên quan",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="petitions",
    )
    regulation = models.CharField("văn bản quy định liên quan", max_length=500, blank=True)
    channel = models.CharField("kênh tiếp nhận", max_length=16, choices=Channel.choices)

    anonymous = models.BooleanField("ẩn danh", default=False)
    sender_name = models.CharField("họ và tên người gửi", max_length=255, blank=True)
    sender_phone = models.CharField("số điện thoại", max_length=20, blank=True)
    sender_email = models.EmailField("thư điện tử", blank=True)
    sender_address = models.CharField("địa chỉ", max_length=500, blank=True)
    sender_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="tài khoản gửi",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="petitions_sent",
    )
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người tiếp nhận",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="petitions_received",
    )
    # Open311 extras (optional).
    latitude = models.DecimalField("vĩ độ", max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(
        "kinh độ", max_digits=9, decimal_places=6, null=True, blank=True
    )
    address_string = models.CharField("địa điểm", max_length=500, blank=True)
    media_url = models.URLField("đường dẫn ảnh, tệp", max_length=1000, blank=True)
    open311_key = models.ForeignKey(
        "petitions.Open311ApiKey",
        verbose_name="gửi qua ứng dụng Open311",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="petitions",
    )

    unit = models.ForeignKey(
        "org.OrgUnit",
        verbose_name="đơn vị xử lý",
        on_delete=models.PROTECT,
        related_name="petitions",
    )
    forwarded_to = models.CharField("chuyển đến cơ quan", max_length=500, blank=True)
    status = models.CharField(
        "trạng thái",
        max_length=16,
        choices=[(s.value, STATUS_LABELS[s]) for s in Status],
        default=Status.RECEIVED,
        db_index=True,
    )
    received_at = models.DateTimeField("thời điểm tiếp nhận", db_index=True)
    classify_due_at = models.DateTimeField("hạn phân loại")
    answer_due_at = models.DateTimeField("hạn trả lời", null=True, blank=True)
    publish_due_at = models.DateTimeField("hạn công khai", null=True, blank=True)
    classified_at = models.DateTimeField("thời điểm phân loại", null=True, blank=True)
    answered_at = models.DateTimeField("thời điểm trả lời", null=True, blank=True)
    published_at = models.DateTimeField("thời điểm công khai", null=True, blank=True)
    answer = models.TextField("nội dung trả lời", blank=True)
    # The question as published, written by the officer who publishes (optional); the public
    # page masks personal data in it, or in `content` when it is empty (domain/privacy.py).
    public_question = models.TextField("nội dung công khai của phản ánh, kiến nghị", blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người trả lời",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    refusal_reason = models.TextField("lý do từ chối", blank=True)
    verdict = models.CharField(
        "đánh giá của người gửi",
        max_length=16,
        blank=True,
        choices=[("agree", "Đồng ý"), ("disagree", "Không đồng ý")],
    )
    verdict_at = models.DateTimeField("thời điểm đánh giá", null=True, blank=True)
    answered_on_time = models.BooleanField("trả lời đúng hạn", null=True)
    # Folded (no diacritics, lower case) title + content + answer of a published answer, for
    # the public search; empty while unpublished.
    search_text = models.TextField(editable=False, blank=True)
    updated_at = models.DateTimeField("cập nhật", auto_now=True)
    version = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "phản ánh, kiến nghị"
        verbose_name_plural = "phản ánh, kiến nghị"
        ordering = ["-received_at", "-id"]
        indexes = [models.Index(fields=["unit", "status"])]

    def __str__(self) -> str:
        return self.code

    @property
    def status_enum(self) -> Status:
        return Status(self.status)

    @property
    def public_content(self) -> str:
        from motcua.petitions.domain.privacy import redact

        return redact(self.public_question or self.content, names=[self.sender_name])

    @property
    def public_answer(self) -> str:
        from motcua.petitions.domain.privacy import redact

        return redact(self.answer, names=[self.sender_name])

    @property
    def public_title(self) -> str:
        from motcua.petitions.domain.privacy import redact

        return redact(self.title, names=[self.sender_name])

    @property
    def can_be_answered_to(self) -> bool:
        return not self.anonymous and bool(self.sender_email or self.sender_phone)


class PetitionAttachment(models.Model):
    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField("tệp đính kèm", upload_to="phan-anh/%Y/%m/")
    name = models.CharField("tên tệp", max_length=255)
    content_type = models.CharField(max_length=64)

    class Meta:
        verbose_name = "tệp đính kèm"
        verbose_name_plural = "tệp đính kèm"

    def __str__(self) -> str:
        return self.name


class PetitionPause(models.Model):
    """Information requested from the sender → received: the answer clock stops."""

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="pauses")
    started_at = models.DateTimeField("tạm dừng từ")
    ended_at = models.DateTimeField("tiếp tục từ", null=True, blank=True)
    reason = models.TextField("thông tin cần bổ sung")

    class Meta:
        verbose_name = "tạm dừng tính thời hạn"
        verbose_name_plural = "tạm dừng tính thời hạn"
        ordering = ["petition", "started_at"]

    def __str__(self) -> str:
        return f"{self.petition_id} {self.started_at:%d/%m/%Y %H:%M}"


class PetitionEvent(models.Model):
    """The audit trail: who did what, when, from which state to which, and why."""

    petition = models.ForeignKey(Petition, on_delete=models.PROTECT, related_name="events")
    action = models.CharField("thao tác", max_length=32)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người thực hiện",
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    at = models.DateTimeField("thời điểm")
    from_status = models.CharField("từ trạng thái", max_length=16, blank=True)
    to_status = models.CharField("sang trạng thái", max_length=16)
    reason = models.TextField("nội dung", blank=True)
    data = models.JSONField("dữ liệu", default=dict, blank=True)

    class Meta:
        verbose_name = "nhật ký phản ánh, kiến nghị"
        verbose_name_plural = "nhật ký phản ánh, kiến nghị"
        ordering = ["petition", "at", "id"]

    def __str__(self) -> str:
        return f"{self.petition_id} {self.action} {self.at:%d/%m/%Y %H:%M}"

    @property
    def action_label(self) -> str:
        from motcua.petitions.domain.lifecycle import Action

        if self.action == "submit":
            return "Tiếp nhận"
        try:
            return Action(self.action).label
        except ValueError:
            return self.action


class PetitionCodeSequence(models.Model):
    agency_code = models.CharField(max_length=40)
    day = models.DateField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency_code", "day"], name="petition_code_seq_unique")
        ]

    def __str__(self) -> str:
        return f"{self.agency_code} {self.day:%d/%m/%Y}: {self.last}"


def api_key_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class Open311ApiKey(models.Model):
    """An Open311 `api_key` for a client application; only its SHA-256 is stored."""

    name = models.CharField("tên ứng dụng", max_length=200)
    prefix = models.CharField("tiền tố (nhận diện)", max_length=8, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    active = models.BooleanField("đang dùng", default=True)
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)

    class Meta:
        verbose_name = "khóa API Open311"
        verbose_name_plural = "khóa API Open311"

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
