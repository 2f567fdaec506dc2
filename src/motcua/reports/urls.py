"""URLs of the reports and supervision workspace (mounted at /bao-cao/)."""

from django.urls import path

from motcua.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.index, name="index"),
]
