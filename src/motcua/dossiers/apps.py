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
        # Officers read the outbox rows about the dossiers they may read.
        from motcua.dossiers.selectors import dossier_list_visible
        from motcua.notifications.selectors import ref_visibility_register

        ref_visibility_register(
            notify.REF_TYPE, lambda *, user: dossier_list_visible(user=user).values("code")
        )
