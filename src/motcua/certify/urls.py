from django.urls import path

from motcua.certify import views

app_name = "certify"

urlpatterns = [
    path("xac-thuc/", views.verify_upload, name="verify_upload"),
    path("xac-thuc/<uuid:token>/", views.verify, name="verify"),
    path("xac-thuc/<uuid:token>/tai-ve/", views.download, name="download"),
    path("chung-thuc/", views.copy_new, name="copy_new"),
    path("chung-thuc/<int:pk>/", views.copy_detail, name="copy_detail"),
    path("so-hoa/ho-so/<int:pk>/", views.digitise_dossier, name="digitise"),
    path("so-hoa/tim-kiem/", views.digitised_search_view, name="search"),
    path("so-hoa/lo-trinh/", views.paperless_view, name="paperless"),
]
