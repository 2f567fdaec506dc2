from django.apps import AppConfig


class CertifyConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "motcua.certify"
    label = "certify"
    verbose_name = "Chứng thực bản sao điện tử và ký số kết quả"
