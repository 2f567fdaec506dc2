from django.apps import AppConfig


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
