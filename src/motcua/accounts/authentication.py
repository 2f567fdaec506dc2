"""API token authentication that ignores demo accounts' tokens outside development (issue 9,
hole 6): demo users have published passwords, and their tokens are just as public."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication


class MotcuaTokenAuthentication(TokenAuthentication):
    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        if user.is_demo and not settings.DEVELOPMENT:
            raise exceptions.AuthenticationFailed(
                _("Tài khoản trình diễn không được dùng khi chạy thật.")
            )
        return user, token
