from django.apps import AppConfig


class CertifyConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "motcua.certify"
    label = "certify"
    verbose_name = "Chứng thực bản sao điện tử và ký số kết quả"

    def ready(self) -> None:
        # Group 4 of Decision 766 (4.2 digitised dossiers, 4.7 electronic certified copies).
        from motcua.certify.indicators import register

        register()

        from motcua.certify import digitise, services
        from motcua.core import events

        # Dossier intake and result attachment call certify through events: dossiers does not
        # import certify (certify builds on dossiers).
        events.subscribe(events.DOSSIER_INTAKE_CHECKING, digitise.paper_intake_check)
        events.subscribe(events.DOSSIER_INTAKE_RECEIVED, digitise.intake_digitise_record)
        events.subscribe(events.DOSSIER_RESULT_SIGNING, services.result_sign)
