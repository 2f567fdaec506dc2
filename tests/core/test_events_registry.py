"""Dossier changes reach other contexts through `core.events`, not direct calls: the report's
counts and the applicant's notification are subscribers, run in the transition's transaction."""

import pytest
from django.db import transaction

from motcua.core import events
from motcua.dossiers import notify
from motcua.reports import services as report_services


def test_reports_and_notifications_subscribe_to_dossier_changes():
    handlers = events.subscribers(events.DOSSIER_CHANGED)
    assert notify.on_dossier_changed in handlers
    assert report_services.on_dossier_changed in handlers


def test_subscribing_twice_keeps_one_handler():
    seen = []

    def handler(**payload):
        seen.append(payload)

    events.subscribe("test.event", handler)
    events.subscribe("test.event", handler)
    events.publish("test.event", x=1)
    assert seen == [{"x": 1}]


@pytest.mark.django_db(transaction=True)
def test_a_failing_subscriber_rolls_the_publisher_back():
    from django.contrib.auth.models import Group

    def boom(**payload):
        raise RuntimeError("subscriber failed")

    events.subscribe("test.rollback", boom)
    with pytest.raises(RuntimeError), transaction.atomic():
        Group.objects.create(name="written-before-publish")
        events.publish("test.rollback")
    assert not Group.objects.filter(name="written-before-publish").exists()
