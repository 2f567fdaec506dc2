"""The desk's digitisation page, the officers' search, the supervisors' roadmap progress."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse

from motcua.accounts.roles import Role
from motcua.certify.models import Digitisation, PaperlessCutover
from motcua.certify.selectors import indicator_digitised_counts, paperless_progress
from motcua.dossiers import services
from tests.certify.conftest import scan_png
from tests.portal import tracking_data as data

pytestmark = pytest.mark.django_db
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
YEAR_2025 = (
    dt.datetime(2025, 1, 1, tzinfo=data.VN),
    dt.datetime(2026, 1, 1, tzinfo=data.VN),
)


@pytest.fixture
def world(make_user):
    return data.make_world(make_user)


def _paper(world, at):
    return services.dossier_receive(
        procedure_version=world["procedure"],
        unit=world["units"]["desk"],
        applicant=data.APPLICANT,
        channel=1,
        components=[{"name": "Tờ khai"}],
        received_by=world["desk"],
        received_at=at,
    )


def test_desk_digitises_a_paper_component_and_ocr_runs(client, world, settings):
    settings.TASKS = IMMEDIATE
    dossier = _paper(world, data.vn(3, 8))
    component = dossier.components.get()
    client.force_login(world["desk"])
    url = reverse("certify:digitise", kwargs={"pk": dossier.pk})
    assert "Chưa số hóa" in client.get(url).content.decode()
    scan = SimpleUploadedFile("to-khai.png", scan_png("Tờ khai đăng ký biến động"), "image/png")
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(url, {"component": component.pk, "file": scan})
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "Đã số hóa: Motcua" in page and "Đã nhận dạng chữ (100%)" in page
    search = client.get(reverse("certify:search"), {"q": "đăng ký biến động"}).content.decode()
    assert dossier.code in search
    history = client.get(reverse("dossiers:detail", args=[dossier.code])).content.decode()
    assert "Số hóa thành phần hồ sơ" in history
    assert reverse("certify:digitise", kwargs={"pk": dossier.pk}) in history


def test_bad_scan_gets_a_vietnamese_message(client, world):
    dossier = _paper(world, data.vn(3, 8))
    client.force_login(world["desk"])
    url = reverse("certify:digitise", kwargs={"pk": dossier.pk})
    bad = SimpleUploadedFile("to-khai.png", b"\x00\x01 not an image", "image/png")
    page = client.post(url, {"component": dossier.components.get().pk, "file": bad})
    assert "không phải tệp PDF, JPEG" in page.content.decode()
    assert not Digitisation.objects.exists()


def test_others_cannot_open_the_digitisation_page(client, world, make_user, tree):
    dossier = _paper(world, data.vn(3, 8))
    url = reverse("certify:digitise", kwargs={"pk": dossier.pk})
    client.force_login(world["specialist"])
    assert client.get(url).status_code == 404
    client.force_login(make_user("khac", Role.ONE_STOP_OFFICER, unit=tree["B"]))
    assert client.get(url).status_code == 404
    client.force_login(world["citizen"])
    assert client.get(reverse("certify:search"), {"q": "x"}).status_code == 403


def test_progress_by_unit_procedure_and_month(world, make_user, client, django_assert_num_queries):
    online = data.filed(world)  # March: component file, then a result
    services.dossier_result_attach(
        dossier=online, actor=world["specialist"], file=data.pdf(), name="KQ", at=data.vn(4, 9)
    )
    _paper(world, data.vn(3, 8))  # March: paper, not digitised
    _paper(world, data.vn(3, 8, month=4))  # April
    supervisor = make_user("giamsat", Role.SUPERVISOR, unit=world["units"]["city"])
    rows = paperless_progress(user=supervisor, start=YEAR_2025[0], end=YEAR_2025[1])
    assert [(r["month"].month, r["total"], r["digitised"], r["share"]) for r in rows] == [
        (3, 2, 1, 0.5),
        (4, 1, 0, 0.0),
    ]
    assert indicator_digitised_counts(user=supervisor, start=YEAR_2025[0], end=YEAR_2025[1]) == {
        "total": 3,
        "digitised": 1,
        "share": 1 / 3,
    }
    PaperlessCutover.objects.create(
        unit=world["units"]["ward"], procedure=None, paperless_from=dt.date(2025, 6, 1)
    )
    client.force_login(supervisor)
    client.get(reverse("certify:paperless"), {"nam": 2025})
    # session, user, roles, the supervisor's unit; rows, overall, cut-overs (scopes inlined)
    with django_assert_num_queries(7):
        page = client.get(reverse("certify:paperless"), {"nam": 2025}).content.decode()
    assert "01/06/2025" in page and "mọi thủ tục" in page
    assert "03/2025" in page and "50%" in page and "04/2025" in page
    client.force_login(world["desk"])
    assert client.get(reverse("certify:paperless")).status_code == 403


def test_desk_reuses_a_document_the_citizen_already_holds(client, world):
    from motcua.documents.models import DocumentReuse
    from motcua.documents.services import dossier_components_to_store

    earlier = data.filed(world)
    assert dossier_components_to_store(dossier=earlier) == 1
    assert dossier_components_to_store(dossier=earlier) == 0  # once only
    held = earlier.citizen_documents.get()
    dossier = services.dossier_receive(
        procedure_version=world["procedure"],
        unit=world["units"]["desk"],
        applicant=data.APPLICANT,
        channel=1,
        components=[{"name": "Tờ khai"}],
        received_by=world["desk"],
        received_at=data.vn(5, 8),
        applicant_user=world["citizen"],
    )
    client.force_login(world["desk"])
    url = reverse("certify:digitise", kwargs={"pk": dossier.pk})
    page = client.get(url).content.decode()
    assert "Hoặc dùng lại giấy tờ công dân đã có" in page and held.name in page
    component = dossier.components.get()
    response = client.post(url, {"component": component.pk, "document": held.pk})
    assert response.status_code == 302
    component.refresh_from_db()
    assert component.file.name == held.file.name  # same stored file, no copy
    reuse = DocumentReuse.objects.get(dossier=dossier)
    assert (reuse.document, reuse.component_name) == (held, "Tờ khai")
    assert Digitisation.objects.get(component=component).digitised_by == world["desk"]
    event = dossier.events.get(action="digitise")
    assert event.data == {
        "component": "Tờ khai",
        "sha256": held.sha256,
        "reused_document": held.pk,
    }


def test_another_citizens_document_cannot_be_reused(client, world):
    from motcua.documents.services import dossier_components_to_store

    earlier = data.filed(world, citizen=world["citizen2"])
    dossier_components_to_store(dossier=earlier)
    theirs = earlier.citizen_documents.get()
    dossier = services.dossier_receive(
        procedure_version=world["procedure"],
        unit=world["units"]["desk"],
        applicant=data.APPLICANT,
        channel=1,
        components=[{"name": "Tờ khai"}],
        received_by=world["desk"],
        received_at=data.vn(5, 8),
        applicant_user=world["citizen"],
    )
    client.force_login(world["desk"])
    url = reverse("certify:digitise", kwargs={"pk": dossier.pk})
    assert (
        client.post(
            url, {"component": dossier.components.get().pk, "document": theirs.pk}
        ).status_code
        == 404
    )


def test_ocr_progress_is_polled_with_htmx(client, world):
    dossier = _paper(world, data.vn(3, 8))
    component = dossier.components.get()
    from motcua.certify.digitise import component_digitise

    component_digitise(
        component=component,
        actor=world["desk"],
        file=SimpleUploadedFile("a.png", scan_png("x"), "image/png"),
    )  # OCR queued (on commit, never run in this test)
    client.force_login(world["desk"])
    url = reverse("certify:digitise", kwargs={"pk": dossier.pk})
    fragment = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert fragment.lstrip().startswith('<div id="digitise-table"')
    assert 'hx-trigger="every 2s"' in fragment and "Chờ nhận dạng chữ (0%)" in fragment
    assert "<html" not in fragment


def test_search_list_query_count(client, world, django_assert_num_queries):
    from motcua.certify.digitise import component_digitise, ocr_run

    client.force_login(world["desk"])
    url = reverse("certify:search")
    for n in (1, 2):
        for _ in range(n):
            component = _paper(world, data.vn(3, 8)).components.get()
            d = component_digitise(
                component=component,
                actor=world["desk"],
                file=SimpleUploadedFile("a.png", scan_png(f"Hộ tịch {n} {_}"), "image/png"),
            )
            ocr_run(digitisation_id=d.pk)
        client.get(url, {"q": "hộ tịch"})
        # the same for one hit as for three: session, user, roles, the officer's unit and its
        # administrative unit, the administrative units nested below, hits
        # (+1: the dossier policy resolves the reader's units once for its read filter)
        with django_assert_num_queries(8):
            page = client.get(url, {"q": "hộ tịch"}).content.decode()
        assert page.count("<tr>") - 1 == Digitisation.objects.count()
