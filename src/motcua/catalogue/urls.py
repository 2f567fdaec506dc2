"""Catalogue pages, mounted at /thu-tuc/."""

from django.urls import path

from motcua.catalogue import views

app_name = "catalogue"

urlpatterns = [
    path("", views.procedure_list, name="list"),
    path("<str:national_code>/", views.procedure_detail, name="detail"),
    path("<str:national_code>/phien-ban/<int:version>/", views.procedure_detail, name="version"),
]
