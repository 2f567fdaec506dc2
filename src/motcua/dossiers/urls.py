"""Dossier pages, mounted at /ho-so/."""

from django.urls import path

from motcua.dossiers import views

app_name = "dossiers"

urlpatterns = [
    path("", views.worklist, name="worklist"),
    path("<str:code>/", views.dossier_detail, name="detail"),
]
