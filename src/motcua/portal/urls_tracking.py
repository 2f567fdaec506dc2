"""Citizen portal: tracking URLs (included in portal/urls.py, namespace "portal")."""

urlpatterns: list = []
