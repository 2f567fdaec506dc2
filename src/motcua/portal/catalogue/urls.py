"""Citizen portal: the public procedure pages (included in portal/urls.py, namespace "portal")."""

from django.urls import path

from motcua.portal.catalogue import views

urlpatterns = [
    path("thu-tuc/", views.procedure_list, name="procedures"),
    path("thu-tuc/<str:national_code>/", views.procedure_detail, name="procedure"),
    path(
        "thu-tuc/<str:national_code>/mau/<int:component_id>/",
        views.component_template,
        name="component_template",
    ),
]
