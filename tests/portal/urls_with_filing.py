"""The project's URLs plus a stand-in `portal:file_start`, as the online-filing part will add."""

from django.http import HttpResponse
from django.urls import include, path

from motcua.portal import urls as portal_urls

portal_patterns = [
    *portal_urls.urlpatterns,
    path("nop/<str:national_code>/", lambda r, national_code: HttpResponse(), name="file_start"),
]

urlpatterns = [
    path("cong-dan/", include((portal_patterns, "portal"))),
    path("", include("motcua.urls")),
]
