"""Citizen accounts on the portal: phone verification, one-time codes and external identities.

The user itself is `accounts.User` with role `cong_dan`; these tables add what only the portal
needs. An `IdentityLink` ties a user to an account at an external identity provider (VNeID or
another OpenID Connect issuer) — see `motcua.portal.identity` for the extension point.
"""

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
    """A 6-digit code sent by SMS. Only its keyed hash is stored (see services._code_hash)."""

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
