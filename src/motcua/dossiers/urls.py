"""Dossier pages, mounted at /ho-so/."""

from django.urls import path

from motcua.dossiers import views, views_desk, views_files

app_name = "dossiers"

urlpatterns = [
    path("", views.worklist, name="worklist"),
    path("tiep-nhan/", views.intake, name="intake"),
    path("tiep-nhan/thu-tuc/", views.intake_procedures, name="intake_procedures"),
    path("tiep-nhan/nguoi-nop/", views.intake_applicant, name="intake_applicant"),
    path("tiep-nhan/huong-dan/", views.intake_guidance, name="intake_guidance"),
    path("<str:code>/", views.dossier_detail, name="detail"),
    path("<str:code>/thao-tac/<str:action>/", views.dossier_action, name="action"),
    # A component's file, for whoever may read the dossier (never a public /media/ URL).
    path("<str:code>/tep/<int:component_id>/", views_files.component_file, name="component_file"),
    path("<str:code>/ket-qua-dien-tu/", views_desk.result_attach, name="result_attach"),
]
