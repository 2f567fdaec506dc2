from django.apps import AppConfig


class PortalConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "motcua.portal"
    verbose_name = "Cổng dịch vụ công"

    def ready(self):
        from django.core import checks

        checks.register(_shared_cache_check, checks.Tags.caches, deploy=True)


def _shared_cache_check(app_configs=None, **kwargs):
    """Sign-in limits live in the default cache: in production it must be shared by every
    process (database cache or Redis), or each process counts on its own."""
    from django.conf import settings
    from django.core import checks

    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if settings.DEVELOPMENT or not backend.endswith(("LocMemCache", "DummyCache")):
        return []
    return [
        checks.Warning(
            "Bộ nhớ đệm mặc định là LocMemCache: giới hạn số lần đăng nhập sai chỉ tính riêng "
            "từng tiến trình. Hãy dùng bộ nhớ đệm dùng chung (DatabaseCache hoặc Redis).",
            id="motcua.W001",
        )
    ]
