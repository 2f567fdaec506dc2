"""Citizen portal: tracking URLs (included in portal/urls.py, namespace "portal")."""

from django.urls import path

from motcua.portal.tracking import views as tracking

urlpatterns = [
    path("tra-cuu/", tracking.track, name="track"),
    path("ho-so/<str:code>/bo-sung/", tracking.supplement_submit, name="supplement"),
    path("ho-so/<str:code>/thanh-toan/", tracking.payment_pay, name="pay"),
    path("thanh-toan/ket-qua/", tracking.payment_return, name="payment_return"),
    path(
        "ho-so/<str:code>/ket-qua/<int:result_id>/",
        tracking.result_download,
        name="result_download",
    ),
    path("ho-so/<str:code>/danh-gia/", tracking.rating_submit, name="rate"),
]
