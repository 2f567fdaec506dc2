"""At the desk's intake page: after the paperless date, confirming a paper intake shows the
clear Vietnamese message and receives nothing; with every component scanned it is received and
the components are recorded as digitised by the officer."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.certify.models import Digitisation, PaperlessCutover
from motcua.dossiers.models import Dossier
from tests.certify.conftest import scan_png
from tests.dossiers.conftest import people, procedure, units  # noqa: F401
from tests.dossiers.test_intake_view import NOW, _components, _post


@pytest.fixture(autouse=True)
def frozen_now(fake_clock):
    fake_clock.at = NOW
    return fake_clock


@pytest.fixture
def desk(client, people):  # noqa: F811
    client.force_login(people["desk"])
    return client


@pytest.fixture
def cutover(units, procedure):  # noqa: F811
    return PaperlessCutover.objects.create(
        unit=units["ward"], procedure=procedure.procedure, paperless_from=dt.date(2025, 3, 1)
    )


def test_paper_intake_is_refused_after_the_date(desk, procedure, cutover):  # noqa: F811
    response = _post(desk, procedure)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Từ ngày 01/03/2025 đơn vị không còn nhận hồ sơ giấy cho thủ tục này" in page
    assert "Chưa số hóa: Tờ khai; Giấy chứng nhận quyền sử dụng đất." in page
    assert not Dossier.objects.exists()


def test_scanned_intake_is_received_and_recorded(desk, procedure, people, cutover):  # noqa: F811
    scans = {
        f"tep_{c.pk}": SimpleUploadedFile(f"{c.pk}.png", scan_png(c.name), "image/png")
        for c in _components(procedure)
        if c.required
    }
    response = _post(desk, procedure, **scans)
    assert response.status_code in (200, 302), response.content.decode()[:3000]
    dossier = Dossier.objects.get()
    records = Digitisation.objects.filter(component__dossier=dossier)
    assert records.count() == 2
    assert {r.digitised_by for r in records} == {people["desk"]}
