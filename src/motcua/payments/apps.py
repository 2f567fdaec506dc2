from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "motcua.payments"
    verbose_name = "Thanh toán"

    def ready(self):
        from django.core import checks

        checks.register(_gateway_check, checks.Tags.security, deploy=False)


def _gateway_check(app_configs=None, **kwargs):
    """Production refuses to start on the sandbox gateway unless explicitly allowed."""
    from django.core import checks

    from motcua.payments.gateways import gateway_problem

    problem = gateway_problem()
    return [checks.Error(problem, id="motcua.E001")] if problem else []
