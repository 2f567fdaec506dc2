"""URLs of the notification outbox (mounted at /thong-bao/)."""

from django.urls import path

from motcua.notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.outbox, name="outbox"),
]
