from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _sync_roles(sender, **kwargs):
    # Our models' permissions exist only after our own post_migrate: give them to the
    # administrators' role now (accounts synced the roles before they existed).
    from motcua.accounts.services import roles_sync

    roles_sync()


class PetitionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "motcua.petitions"
    verbose_name = "Phản ánh, kiến nghị"

    def ready(self) -> None:
        # The petition events join the outbox's event list (templates in
        # templates/notifications/petition_*), kept here so the notifications app stays ours-free.
        from motcua.notifications.events import EVENTS
        from motcua.petitions.notify import PETITION_EVENTS

        EVENTS.update(PETITION_EVENTS)
        post_migrate.connect(_sync_roles, sender=self, dispatch_uid="motcua.petitions.roles_sync")
        # Group 5 of Decision 766 (5.2, 5.3) and the complaint half of 5.4, fed to the reports.
        from motcua.petitions.indicators import register

        register()
