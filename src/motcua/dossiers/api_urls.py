"""URL map of the dossier REST API, mounted under /api/v1/ (namespace "dossiers_api")."""

from django.urls import path

from motcua.dossiers.api import TRANSITION_APIS, DossierDetailApi, DossierListCreateApi

app_name = "dossiers_api"

urlpatterns = [
    path("ho-so/", DossierListCreateApi.as_view(), name="dossier-list"),
    path("ho-so/<str:code>/", DossierDetailApi.as_view(), name="dossier-detail"),
    *[
        path(f"ho-so/<str:code>/{slug}/", api.as_view(), name=f"dossier-{slug}")
        for slug, api in TRANSITION_APIS.items()
    ],
]
