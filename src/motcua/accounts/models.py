"""Users: officers belong to one unit; roles are Django groups (see `roles.py`)."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models

from motcua.accounts.roles import Role


class User(AbstractUser):
    full_name = models.CharField("họ và tên", max_length=255, blank=True)
    phone = models.CharField("số điện thoại", max_length=20, blank=True)
    unit = models.ForeignKey(
        "org.OrgUnit",
        verbose_name="đơn vị công tác",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )
    # The language the person last used on the site (language switch, sign-in): their e-mails
    # and SMS are written in it. Vietnamese unless they chose English.
    language = models.CharField(
        "ngôn ngữ", max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    is_demo = models.BooleanField(
        "tài khoản demo",
        default=False,
        help_text="Tài khoản demo không đăng nhập được khi chạy ở chế độ production.",
    )

    class Meta:
        verbose_name = "người dùng"
        verbose_name_plural = "người dùng"

    def __str__(self) -> str:
        return self.full_name or self.username

    @property
    def roles(self) -> set[Role]:
        # Cached per instance: the home page and every scoped query ask for it.
        if not hasattr(self, "_roles_cache"):
            names = {g.name for g in self.groups.all()}
            self._roles_cache = {r for r in Role if r.value in names}
        return self._roles_cache

    def has_role(self, role: Role) -> bool:
        return role in self.roles
