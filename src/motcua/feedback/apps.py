from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "motcua.feedback"
    verbose_name = "Đánh giá sự hài lòng"
