from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "motcua.documents"
    verbose_name = "Kho dữ liệu điện tử của công dân"
