"""Citizen portal: online filing, drafts, assisted filing and the citizen's documents
(included in portal/urls.py, namespace "portal")."""

from django.urls import path

from motcua.portal.filing import views as filing

urlpatterns = [
    path("nop-ho-so/<str:national_code>/", filing.file_start, name="file_start"),
    path("ban-nhap/", filing.drafts, name="drafts"),
    path("ban-nhap/<uuid:draft_id>/", filing.draft_edit, name="draft"),
    path("ban-nhap/<uuid:draft_id>/xem-lai/", filing.draft_review, name="draft_review"),
    path("ban-nhap/<uuid:draft_id>/da-nop/", filing.draft_done, name="draft_done"),
    path("ban-nhap/<uuid:draft_id>/xoa/", filing.draft_delete, name="draft_delete"),
    path("ho-so-da-ho-tro/", filing.assisted, name="assisted"),
    path("giay-to/", filing.documents, name="documents"),
    path("giay-to/<int:pk>/", filing.document_download, name="document"),
]
