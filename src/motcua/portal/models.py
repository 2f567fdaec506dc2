"""Citizen accounts on the portal: phone verification, one-time codes and external identities.

The user itself is `accounts.User` with role `cong_dan`; these tables add what only the portal
needs. An `IdentityLink` ties a user to an account at an external identity provider (VNeID or
another OpenID Connect issuer) — see `motcua.portal.accounts.identity` for the extension point.
"""

import uuid

from django.conf import settings
from django.db import models


class CitizenProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="tài khoản",
        on_delete=models.CASCADE,
        related_name="citizen_profile",
    )
    phone_verified_at = models.DateTimeField("xác thực số điện thoại lúc", null=True, blank=True)
    created_at = models.DateTimeField("ngày đăng ký", auto_now_add=True)

    class Meta:
        verbose_name = "hồ sơ công dân"
        verbose_name_plural = "hồ sơ công dân"

    def __str__(self) -> str:
        return str(self.user)


class OneTimeCode(models.Model):
    """A 6-digit code sent by SMS. Only its keyed hash is stored (accounts.services._code_hash)."""

    class Purpose(models.TextChoices):
        VERIFY_PHONE = "verify_phone", "Xác thực số điện thoại"
        RESET_PASSWORD = "reset_password", "Đặt lại mật khẩu"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="tài khoản",
        on_delete=models.CASCADE,
        related_name="one_time_codes",
    )
    purpose = models.CharField("mục đích", max_length=20, choices=Purpose.choices)
    phone = models.CharField("gửi tới số", max_length=20)
    code_hash = models.CharField("mã băm", max_length=64)
    created_at = models.DateTimeField("gửi lúc")
    expires_at = models.DateTimeField("hết hạn lúc")
    attempts = models.PositiveSmallIntegerField("số lần nhập sai", default=0)
    used_at = models.DateTimeField("đã dùng lúc", null=True, blank=True)

    class Meta:
        verbose_name = "mã xác thực"
        verbose_name_plural = "mã xác thực"
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["user", "purpose", "-created_at"], name="portal_otp_user_idx"),
            models.Index(fields=["phone", "-created_at"], name="portal_otp_phone_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} → {self.phone}"


class IdentityLink(models.Model):
    """A user's account at an external identity provider (e.g. provider "vneid", subject =
    the provider's stable user id). One subject maps to at most one local user."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="tài khoản",
        on_delete=models.CASCADE,
        related_name="identity_links",
    )
    provider = models.CharField("nhà cung cấp định danh", max_length=32)
    subject = models.CharField("mã định danh tại nhà cung cấp", max_length=255)
    created_at = models.DateTimeField("liên kết lúc", auto_now_add=True)
    last_used_at = models.DateTimeField("dùng lần cuối", null=True, blank=True)

    class Meta:
        verbose_name = "liên kết định danh"
        verbose_name_plural = "liên kết định danh"
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "subject"],
                name="portal_identity_unique",
                violation_error_message="Định danh này đã được liên kết với một tài khoản khác.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.provider}:{self.subject}"


class FilingDraft(models.Model):
    """An online filing being prepared (bản nháp): kept on the server, so it survives logout
    and another device, until it is submitted as a dossier (`filing.services.draft_submit`).

    `owner` prepares it: the citizen, or a community digital team member filing for
    `citizen` (assisted filing, with the citizen's consent). The one-time `token` is put in the
    review page; submitting consumes it in the same transaction that creates the dossier, so a
    double click or a retried request finds the draft submitted and shows that dossier.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", "Bản nháp"
        SUBMITTED = "submitted", "Đã nộp"

    class Delivery(models.TextChoices):
        COUNTER = "counter", "Nhận tại Bộ phận Một cửa"
        POST = "post", "Nhận qua dịch vụ bưu chính công ích"
        ELECTRONIC = "electronic", "Nhận kết quả điện tử"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người lập",
        on_delete=models.CASCADE,
        related_name="filing_drafts",
    )
    citizen = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="công dân (chủ hồ sơ)",
        on_delete=models.CASCADE,
        related_name="filing_drafts_for_me",
    )
    procedure_version = models.ForeignKey(
        "catalogue.ProcedureVersion", verbose_name="thủ tục", on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    unit = models.ForeignKey(
        "org.OrgUnit", verbose_name="nơi nộp", null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip
    applicant_kind = models.CharField("loại chủ hồ sơ", max_length=16, default="person")
    applicant_name = models.CharField("tên chủ hồ sơ", max_length=255, blank=True)
    applicant_id_number = models.CharField("số định danh", max_length=32, blank=True)
    applicant_phone = models.CharField("số điện thoại", max_length=20, blank=True)
    applicant_email = models.EmailField("thư điện tử", blank=True)
    applicant_address = models.CharField("địa chỉ", max_length=500, blank=True)
    result_delivery = models.CharField(
        "hình thức nhận kết quả", max_length=16, choices=Delivery.choices,
        default=Delivery.ELECTRONIC,
    )  # fmt: skip
    delivery_address = models.CharField("địa chỉ nhận kết quả", max_length=500, blank=True)
    # Assisted filing: the citizen agreed that the helper files for them.
    consent = models.BooleanField("công dân đồng ý cho hỗ trợ nộp", default=False)
    consent_note = models.TextField("ghi chú về sự đồng ý", blank=True)
    consent_at = models.DateTimeField("đồng ý lúc", null=True, blank=True)

    status = models.CharField(
        "trạng thái", max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    token = models.UUIDField("mã nộp một lần", default=uuid.uuid4)
    dossier = models.OneToOneField(
        "dossiers.Dossier", verbose_name="hồ sơ đã nộp", null=True, blank=True,
        on_delete=models.PROTECT, related_name="filing_draft",
    )  # fmt: skip
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("sửa lúc", auto_now=True)
    submitted_at = models.DateTimeField("nộp lúc", null=True, blank=True)

    class Meta:
        verbose_name = "bản nháp hồ sơ trực tuyến"
        verbose_name_plural = "bản nháp hồ sơ trực tuyến"
        ordering = ["-updated_at"]
        indexes = [
            models.Index(fields=["owner", "status", "-updated_at"], name="portal_draft_owner_idx")
        ]

    def __str__(self) -> str:
        return f"{self.procedure_version_id} — {self.applicant_name or self.owner_id}"

    @property
    def assisted(self) -> bool:
        return self.owner_id != self.citizen_id


class FilingDraftFile(models.Model):
    """The file chosen for one component of a draft: a new upload, or a stored document of the
    citizen reused (`document` set, `file` then names the same stored file)."""

    draft = models.ForeignKey(FilingDraft, on_delete=models.CASCADE, related_name="files")
    component = models.ForeignKey(
        "catalogue.Component", verbose_name="thành phần", on_delete=models.CASCADE,
        related_name="+",
    )  # fmt: skip
    file = models.FileField("tệp", upload_to="ban-nhap/%Y/%m/", max_length=255)
    original_name = models.CharField("tên tệp", max_length=255)
    size = models.PositiveBigIntegerField("dung lượng (byte)", default=0)
    sha256 = models.CharField("mã băm SHA-256", max_length=64)
    document = models.ForeignKey(
        "documents.CitizenDocument", verbose_name="dùng lại giấy tờ đã lưu", null=True,
        blank=True, on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "tệp của bản nháp"
        verbose_name_plural = "tệp của bản nháp"
        constraints = [
            models.UniqueConstraint(fields=["draft", "component"], name="portal_draft_file_unique")
        ]

    def __str__(self) -> str:
        return self.original_name
