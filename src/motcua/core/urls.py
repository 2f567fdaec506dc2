from django.urls import path

from motcua.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("suc-khoe/", views.health, name="health"),
    path("suc-khoe.json", views.health, name="health_json"),
    path("quan-ly/suc-khoe/", views.health_page, name="health_page"),
]
