"""Citizen portal: filing URLs (included in portal/urls.py, namespace "portal")."""

urlpatterns: list = []
