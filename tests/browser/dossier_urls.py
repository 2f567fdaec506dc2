"""The project's URLs with the printed-form downloads mounted under /ho-so/ (as README's
"Biểu mẫu in" describes), for browser tests run before the lead mounts them in motcua.urls."""

from django.urls import include, path

from motcua.urls import urlpatterns as project

urlpatterns = [path("ho-so/", include("motcua.dossiers.urls_documents")), *project]
