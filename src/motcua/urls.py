from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from motcua.accounts.views import set_language

admin.site.site_header = "Quản trị hệ thống Một cửa điện tử"
admin.site.site_title = "Quản trị motcua"
admin.site.index_title = "Quản trị"

urlpatterns = [
    # Django's language switch, also remembered on the signed-in account (accounts/views.py).
    path("i18n/setlang/", set_language, name="set_language"),
    path("quan-tri/", admin.site.urls),
    path("tai-khoan/", include("motcua.accounts.urls")),
    path("thu-tuc/", include("motcua.catalogue.urls")),
    path("lich-lam-viec/", include("motcua.clock.urls")),
    path("ho-so/", include("motcua.dossiers.urls_printed_forms")),
    path("ho-so/", include("motcua.dossiers.urls")),
    path("thong-bao/", include("motcua.notifications.urls")),
    path("cong-dan/", include("motcua.portal.urls")),
    # The receipt's QR code points here: the public tracking page (code + lookup key).
    path(
        "tra-cuu/",
        RedirectView.as_view(pattern_name="portal:track", query_string=True),
        name="track",
    ),
    path("bao-cao/", include("motcua.reports.urls")),
    path("thanh-toan/", include("motcua.payments.urls")),
    path("api/v1/", include("motcua.dossiers.api_urls")),
    path("api/v1/", include("motcua.petitions.api_urls")),
    path("", include("motcua.certify.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("phan-anh/", include("motcua.petitions.urls")),
    path("open311/v2/", include("motcua.petitions.open311_urls")),
    path("", include("motcua.core.urls")),
]
