"""Citizen portal (Cổng dịch vụ công), mounted at /cong-dan/."""

from django.urls import include, path

from motcua.portal.views import accounts, catalogue, home

app_name = "portal"

urlpatterns = [
    path("", home.home, name="home"),
    # Public procedure pages
    path("thu-tuc/", catalogue.procedure_list, name="procedures"),
    path("thu-tuc/<str:national_code>/", catalogue.procedure_detail, name="procedure"),
    path(
        "thu-tuc/<str:national_code>/mau/<int:component_id>/",
        catalogue.component_template,
        name="component_template",
    ),
    # Accounts
    path("dang-ky/", accounts.register, name="register"),
    path("xac-thuc/", accounts.verify, name="verify"),
    path("xac-thuc/gui-lai/", accounts.verify_resend, name="verify_resend"),
    path("dang-nhap/", accounts.LoginView.as_view(), name="login"),
    path("dang-xuat/", accounts.LogoutView.as_view(), name="logout"),
    path("quen-mat-khau/", accounts.password_reset, name="password_reset"),
    path("quen-mat-khau/ma/", accounts.password_reset_phone, name="password_reset_phone"),
    path("quen-mat-khau/email/", accounts.EmailResetView.as_view(), name="password_reset_email"),
    path(
        "quen-mat-khau/email/da-gui/",
        accounts.EmailResetSentView.as_view(),
        name="password_reset_email_sent",
    ),
    path(
        "dat-lai-mat-khau/<uidb64>/<token>/",
        accounts.EmailResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "dat-lai-mat-khau/xong/",
        accounts.ResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    # The citizen's own dossiers
    path("ho-so/", home.my_dossiers, name="my_dossiers"),
    path("ho-so/<str:code>/", home.dossier_detail, name="dossier"),
    # Online filing, drafts, documents (urls_filing) and tracking, supplements, payment,
    # results and rating (urls_tracking).
    path("", include("motcua.portal.urls_filing")),
    path("", include("motcua.portal.urls_tracking")),
]
