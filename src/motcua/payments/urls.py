"""Payment pages, mounted at /thanh-toan/: the local sandbox gateway's approve/decline page."""

from django.urls import path

from motcua.payments import views

app_name = "payments"

urlpatterns = [
    path("sandbox/<str:reference>/", views.sandbox_page, name="sandbox"),
    path("ho-so/<str:code>/nop-tai-quay/", views.payment_counter, name="counter"),
]
