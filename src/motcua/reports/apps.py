from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "motcua.reports"
    label = "reports"
    verbose_name = "Báo cáo và giám sát"

    def ready(self) -> None:
        from motcua.core import events
        from motcua.reports import services

        # The pre-aggregated counts follow each dossier change, in the same transaction.
        events.subscribe(events.DOSSIER_CHANGED, services.on_dossier_changed)
