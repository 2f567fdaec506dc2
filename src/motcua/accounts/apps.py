from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _sync_roles(sender, **kwargs):
    from motcua.accounts.services import roles_sync

    roles_sync()


class AccountsConfig(AppConfig):
    name = "motcua.accounts"
    label = "accounts"
    verbose_name = "Người dùng và vai trò"

    def ready(self):
        # Role groups and their permissions exist as soon as the database is migrated.
        post_migrate.connect(_sync_roles, sender=self, dispatch_uid="motcua.roles_sync")
