"""URL map of the petition REST API, mounted under /api/v1/."""

from django.urls import path

from motcua.petitions.api import PetitionActionApi, PetitionDetailApi, PetitionListCreateApi

app_name = "petitions_api"

urlpatterns = [
    path("phan-anh/", PetitionListCreateApi.as_view(), name="list"),
    path("phan-anh/<str:code>/", PetitionDetailApi.as_view(), name="detail"),
    path("phan-anh/<str:code>/<str:action>/", PetitionActionApi.as_view(), name="act"),
]
