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
