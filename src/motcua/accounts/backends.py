"""Authentication: by username, email or phone; demo accounts refused outside development."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import Q


class MotcuaBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None or password is None:
            return None
        User = get_user_model()
        login = username.strip()
        candidates = list(
            User.objects.filter(
                Q(username__iexact=login)
                | (Q(email__iexact=login) & ~Q(email=""))
                | (Q(phone=login) & ~Q(phone=""))
            )[:2]
        )
        if len(candidates) != 1:
            User().set_password(password)  # same cost as a real check, against timing probes
            return None
        user = candidates[0]
        if user.is_demo and not settings.DEVELOPMENT:
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None

    def user_can_authenticate(self, user):
        # Also ends a demo account's existing session once the server runs in production.
        if getattr(user, "is_demo", False) and not settings.DEVELOPMENT:
            return False
        return super().user_can_authenticate(user)
