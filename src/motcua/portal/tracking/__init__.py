"""Tracking a dossier: the public lookup by code and key, the citizen's own dossiers, online
supplement, payment, electronic results and rating."""
