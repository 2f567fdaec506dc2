from django.apps import AppConfig


class ClockConfig(AppConfig):
    name = "motcua.clock"
    label = "clock"
    verbose_name = "Lịch làm việc, thời hạn giải quyết"

    def ready(self):
        from django.core import checks

        checks.register(_legal_hours_check)

        from django.db.models.signals import post_delete, post_save

        from motcua.clock.models import CalendarOverride, CalendarOverrideAudit, OfficeHours
        from motcua.clock.selectors import calendar_changed

        for model in (OfficeHours, CalendarOverride, CalendarOverrideAudit):
            post_save.connect(calendar_changed, sender=model, dispatch_uid=f"cal-{model}")
            post_delete.connect(calendar_changed, sender=model, dispatch_uid=f"cal-del-{model}")


def _legal_hours_check(app_configs=None, **kwargs):
    """A mistyped MOTCUA_LEGAL_HOURS stops the start, not the first deadline computed."""
    from django.conf import settings
    from django.core import checks

    from motcua.clock.domain.legalhours import LegalHoursError, parse_legal_hours

    try:
        parse_legal_hours(settings.MOTCUA_LEGAL_HOURS)
    except LegalHoursError as e:
        return [checks.Error(str(e), id="motcua.E020")]
    return []
