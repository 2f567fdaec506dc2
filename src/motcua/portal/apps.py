from django.apps import AppConfig


class PortalConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "motcua.portal"
    verbose_name = "Cổng dịch vụ công"
