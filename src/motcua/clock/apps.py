from django.apps import AppConfig


class ClockConfig(AppConfig):
    name = "motcua.clock"
    label = "clock"
    verbose_name = "Lịch làm việc, thời hạn giải quyết"
