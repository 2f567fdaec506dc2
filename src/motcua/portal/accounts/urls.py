"""Citizen portal: registration, phone verification, sign-in and password reset (included in
portal/urls.py, namespace "portal")."""

from django.urls import path

from motcua.portal.accounts import views

urlpatterns = [
    path("dang-ky/", views.register, name="register"),
    path("xac-thuc/", views.verify, name="verify"),
    path("xac-thuc/gui-lai/", views.verify_resend, name="verify_resend"),
    path("dang-nhap/", views.LoginView.as_view(), name="login"),
    path("dang-xuat/", views.LogoutView.as_view(), name="logout"),
    path("quen-mat-khau/", views.password_reset, name="password_reset"),
    path("quen-mat-khau/ma/", views.password_reset_phone, name="password_reset_phone"),
    path("quen-mat-khau/email/", views.EmailResetView.as_view(), name="password_reset_email"),
    path(
        "quen-mat-khau/email/da-gui/",
        views.EmailResetSentView.as_view(),
        name="password_reset_email_sent",
    ),
    path(
        "dat-lai-mat-khau/<uidb64>/<token>/",
        views.EmailResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "dat-lai-mat-khau/xong/",
        views.ResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
