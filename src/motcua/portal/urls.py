"""Citizen portal (Cổng dịch vụ công), mounted at /cong-dan/.

Each area has its own URL module: `catalogue` (public procedure pages), `accounts`
(registration, sign-in, password reset), `filing` (online filing, drafts, assisted filing, the
citizen's documents) and `tracking` (lookup, supplement, payment, results, rating). The landing
page and the citizen's own dossiers are in `views.py`."""

from django.urls import include, path

from motcua.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("", include("motcua.portal.catalogue.urls")),
    path("", include("motcua.portal.accounts.urls")),
    # The citizen's own dossiers
    path("ho-so/", views.my_dossiers, name="my_dossiers"),
    path("ho-so/<str:code>/", views.dossier_detail, name="dossier"),
    path("", include("motcua.portal.filing.urls")),
    path("", include("motcua.portal.tracking.urls")),
]
