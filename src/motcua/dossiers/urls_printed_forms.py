"""Printed forms and the dossier log, mounted at /ho-so/ before the dossier pages (so that
`phieu-huong-dan/` and `so-theo-doi/` are not read as dossier codes)."""

from django.urls import path

from motcua.dossiers import views_printed_forms as views

app_name = "dossier_documents"

urlpatterns = [
    path("phieu-huong-dan/", views.guidance_slip, name="guidance"),
    path("so-theo-doi/", views.dossier_log, name="log"),
    path("<str:code>/in/<str:form>/", views.dossier_form, name="form"),
]
