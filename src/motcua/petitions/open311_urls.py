"""Open311 GeoReport v2, mounted at /open311/v2/."""

from django.urls import re_path

from motcua.petitions import open311

app_name = "open311"
FMT = r"\.(?P<fmt>json|xml)$"

urlpatterns = [
    re_path(r"^services" + FMT, open311.services_list, name="services"),
    re_path(r"^services/(?P<code>[^/]+)" + FMT, open311.service_definition, name="service"),
    re_path(r"^requests" + FMT, open311.requests_view, name="requests"),
    re_path(r"^requests/(?P<rid>[^/]+)" + FMT, open311.request_detail, name="request"),
]
