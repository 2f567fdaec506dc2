from django.apps import AppConfig


class DossiersConfig(AppConfig):
    name = "motcua.dossiers"
    label = "dossiers"
    verbose_name = "Hồ sơ"

    def ready(self) -> None:
        from motcua.core import events
        from motcua.dossiers import notify

        # The applicant's notification is written in the transition's transaction.
        events.subscribe(events.DOSSIER_CHANGED, notify.on_dossier_changed)
