from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_migrate


def _sync_roles(sender, **kwargs):
    from motcua.accounts.services import roles_sync

    roles_sync()


def _remember_language(sender, request, user, **kwargs):
    # Sign-in (and the portal's sign-up, which signs in): the language the person uses now.
    from motcua.accounts.services import user_language_remember

    language = getattr(request, "LANGUAGE_CODE", "") if request is not None else ""
    user_language_remember(user=user, language=language)


class AccountsConfig(AppConfig):
    name = "motcua.accounts"
    label = "accounts"
    verbose_name = "Người dùng và vai trò"

    def ready(self):
        # Role groups and their permissions exist as soon as the database is migrated.
        post_migrate.connect(_sync_roles, sender=self, dispatch_uid="motcua.roles_sync")
        user_logged_in.connect(_remember_language, dispatch_uid="motcua.remember_language")
