from django.urls import path

from motcua.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("suc-khoe/", views.health, name="health"),
]
