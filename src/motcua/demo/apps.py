from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo and benchmark data: `motcua demo-data` drives each context's loader. It sits on
    top of every other app (it may import any of them; none imports it)."""

    name = "motcua.demo"
    label = "demo"
    verbose_name = "Dữ liệu mẫu"
