"""Notifications to applicants: an outbox written with the change, delivered in the background."""
