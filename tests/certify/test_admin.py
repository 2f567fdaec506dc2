"""Administrators set the paperless dates in the admin; the register is read only there."""

import datetime as dt

import pytest

from motcua.certify.models import PaperlessCutover

pytestmark = pytest.mark.django_db


def test_admin_sets_a_paperless_date(client, django_user_model, tree):
    admin = django_user_model.objects.create_superuser("root", "r@example.invalid", "x")
    client.force_login(admin)
    response = client.post(
        "/quan-tri/certify/paperlesscutover/add/",
        {"unit": tree["A"].pk, "procedure": "", "paperless_from": "01/07/2026", "note": "QĐ"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    cutover = PaperlessCutover.objects.get()
    assert cutover.paperless_from == dt.date(2026, 7, 1) and cutover.procedure is None
    assert client.get("/quan-tri/certify/signeddocument/").status_code == 200
    assert client.get("/quan-tri/certify/signeddocument/add/").status_code == 403
