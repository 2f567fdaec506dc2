"""URLs of the calendar administration, mounted at /lich-lam-viec/."""

from django.urls import path

from motcua.clock import views

app_name = "clock"

urlpatterns = [
    path("", views.calendar_view, name="calendar"),
    path("gio-lam-viec/", views.office_hours_view, name="office_hours"),
    path("dieu-chinh/them/", views.override_add, name="override_add"),
    path("dieu-chinh/<int:pk>/xoa/", views.override_delete, name="override_delete"),
    path("nhat-ky/", views.audit_view, name="audit"),
]
