"""URLs of the reports and supervision workspace (mounted at /bao-cao/)."""

from django.urls import path

from motcua.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.index, name="index"),
    path("dung-han.xlsx", views.export_xlsx, name="export_xlsx"),
    path("dung-han.pdf", views.export_pdf, name="export_pdf"),
    path("tra-lai/", views.returned, name="returned"),
    path("tra-lai.xlsx", views.returned_xlsx, name="returned_xlsx"),
    path("thu-tuc/", views.procedures, name="procedures"),
    path("chi-so-766/", views.indicators, name="indicators"),
    path("bang-dieu-khien/", views.dashboard, name="dashboard"),
]
