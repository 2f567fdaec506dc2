"""The project's URL map with the outbox mounted, whether or not the project mounts it yet."""

from django.urls import include, path

from motcua import urls as project

urlpatterns = list(project.urlpatterns)
if not any(getattr(p, "namespace", None) == "notifications" for p in urlpatterns):
    urlpatterns.insert(0, path("thong-bao/", include("motcua.notifications.urls")))
