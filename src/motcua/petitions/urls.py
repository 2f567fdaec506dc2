"""Petition pages, mounted at /phan-anh/."""

from django.urls import path

from motcua.petitions import views

app_name = "petitions"

urlpatterns = [
    path("", views.public_list, name="public"),
    path("gui/", views.submit, name="submit"),
    path("tra-cuu/", views.lookup, name="lookup"),
    path("cua-toi/", views.mine, name="mine"),
    path("cong-khai/<str:code>/", views.public_detail, name="public_detail"),
    path("xu-ly/", views.worklist, name="worklist"),
    path("xu-ly/tiep-nhan/", views.intake, name="intake"),
    path("xu-ly/bao-cao/", views.report, name="report"),
    path("xu-ly/<str:code>/", views.detail, name="detail"),
    path("xu-ly/<str:code>/tep/<int:pk>/", views.attachment, name="attachment"),
    path("xu-ly/<str:code>/<str:action>/", views.act, name="act"),
]
