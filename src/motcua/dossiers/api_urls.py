"""URL map of the dossier REST API, mounted under /api/v1/."""

from django.urls import path

app_name = "dossiers_api"

urlpatterns: list = []
