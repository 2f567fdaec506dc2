"""Digitisation at reception: stored once by SHA-256, who/when recorded, OCR of a Vietnamese
scan in a background task makes it searchable (diacritics) by officers in scope; the paperless
cut-over blocks paper intake with a clear message."""

import datetime as dt

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase

from motcua.accounts.roles import Role
from motcua.certify.digitise import component_digitise
from motcua.certify.models import Digitisation, PaperlessCutover
from motcua.certify.selectors import digitised_search, dossier_is_digitised
from motcua.documents.models import CitizenDocument
from motcua.dossiers import services
from motcua.dossiers.domain.errors import DossierError
from tests.certify.conftest import scan_png
from tests.portal import tracking_data as data

pytestmark = pytest.mark.django_db

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
SCAN_TEXT = "GIẤY CHỨNG NHẬN QUYỀN SỬ DỤNG ĐẤT\nBà Nguyễn Thị Hương\nphường Hiệp Thành"


@pytest.fixture
def world(make_user):
    return data.make_world(make_user)


def _receive(world, components, at=None, **kw):
    return services.dossier_receive(
        procedure_version=world["procedure"],
        unit=world["units"]["desk"],
        applicant=data.APPLICANT,
        channel=1,
        components=components,
        received_by=world["desk"],
        received_at=at or data.vn(3, 8),
        **kw,
    )


def _png(name, text="Tờ khai"):
    return SimpleUploadedFile(name, scan_png(text), "image/png")


def test_ocr_makes_a_vietnamese_scan_searchable(world, settings, make_user, tree):
    settings.TASKS = IMMEDIATE
    dossier = _receive(world, [{"name": "Tờ khai"}])
    component = dossier.components.get()
    with TestCase.captureOnCommitCallbacks(execute=True):
        digitisation = component_digitise(
            component=component, actor=world["desk"], file=_png("gcn.png", SCAN_TEXT)
        )
    digitisation.refresh_from_db()
    assert digitisation.ocr_status == Digitisation.Ocr.DONE, digitisation.ocr_error
    assert digitisation.ocr_progress == 100
    assert digitisation.digitised_by == world["desk"] and digitisation.content_type == "image/png"
    for q in ("Hiệp Thành", "NGUYỄN THỊ HƯƠNG", "quyền sử dụng đất"):
        assert list(digitised_search(user=world["desk"], q=q)) == [digitisation], q
    assert not digitised_search(user=world["desk"], q="Hiep Thanh").exists()
    outsider = make_user("khac", Role.ONE_STOP_OFFICER, unit=tree["B"])
    assert not digitised_search(user=outsider, q="Hiệp Thành").exists()


def test_files_are_stored_once_by_content(world):
    dossier = _receive(world, [{"name": "Tờ khai"}])
    component = dossier.components.get()
    first = component_digitise(component=component, actor=world["desk"], file=_png("a.png"))
    name = component.file.name
    assert name == f"so-hoa/{first.sha256[:2]}/{first.sha256}.png"
    other = _receive(world, [{"name": "Tờ khai"}]).components.get()
    component_digitise(component=other, actor=world["desk"], file=_png("b.png"))
    assert other.file.name == name  # same bytes, one stored file
    before = default_storage.open(name).read()
    # A new scan of the same component is a new file; the old one is kept unchanged.
    component_digitise(component=component, actor=world["desk"], file=_png("c.png", "Khác"))
    assert component.file.name != name and default_storage.open(name).read() == before
    assert Digitisation.objects.get(component=component).size == len(scan_png("Khác"))
    # Each scan is on the dossier's history: who, when, which file.
    events = component.dossier.events.filter(action="digitise").order_by("id")
    assert [e.data["sha256"] for e in events] == [
        first.sha256,
        Digitisation.objects.get(component=component).sha256,
    ]
    assert {e.actor for e in events} == {world["desk"]}
    assert events[0].action_label == "Số hóa thành phần hồ sơ"


def test_content_decides_the_type(world):
    component = _receive(world, [{"name": "Tờ khai"}]).components.get()
    fake = SimpleUploadedFile("to-khai.pdf", b"<html>not a scan</html>", "application/pdf")
    with pytest.raises(DossierError, match="không phải tệp PDF"):
        component_digitise(component=component, actor=world["desk"], file=fake)
    assert not Digitisation.objects.exists()


def test_only_desk_in_scope_digitises(world, make_user, tree):
    component = _receive(world, [{"name": "Tờ khai"}]).components.get()
    for user in (world["citizen"], make_user("x", Role.ONE_STOP_OFFICER, unit=tree["B"])):
        with pytest.raises(DossierError, match="không có quyền số hóa"):
            component_digitise(component=component, actor=user, file=_png("a.png"))


def test_intake_with_files_records_who_and_when_and_feeds_the_store(world):
    dossier = _receive(
        world, [{"name": "Tờ khai", "file": _png("a.png")}], applicant_user=world["citizen"]
    )
    d = Digitisation.objects.get(component__dossier=dossier)
    assert (d.digitised_by, d.digitised_at) == (world["desk"], data.vn(3, 8))
    doc = CitizenDocument.objects.get(source_dossier=dossier)
    assert doc.owner == world["citizen"] and doc.kind == "component" and doc.sha256 == d.sha256


def test_paperless_cutover_blocks_paper_intake(world):
    PaperlessCutover.objects.create(
        unit=world["units"]["ward"],
        procedure=world["procedure"].procedure,
        paperless_from=dt.date(2025, 3, 4),
    )
    _receive(world, [{"name": "Tờ khai"}], at=data.vn(3, 8))  # the day before: paper accepted
    with pytest.raises(DossierError) as e:
        _receive(world, [{"name": "Tờ khai"}], at=data.vn(4, 8))
    assert str(e.value) == (
        "Từ ngày 04/03/2025 đơn vị không còn nhận hồ sơ giấy cho thủ tục này: chỉ xác nhận "
        "tiếp nhận khi mọi thành phần đã được số hóa. Chưa số hóa: Tờ khai."
    )
    dossier = _receive(world, [{"name": "Tờ khai", "file": _png("a.png")}], at=data.vn(4, 8))
    assert Digitisation.objects.filter(component__dossier=dossier).count() == 1


def test_dossier_counts_as_digitised_with_components_and_result(world):
    dossier = data.filed(world)  # online: its component has a file
    assert not dossier_is_digitised(dossier=dossier)
    services.dossier_result_attach(
        dossier=dossier, actor=world["specialist"], file=data.pdf(), name="KQ", at=data.vn(4, 9)
    )
    assert dossier_is_digitised(dossier=dossier)


def test_ocr_of_a_pdf_goes_page_by_page(world, settings):
    from motcua.certify.digitise import ocr_run
    from tests.certify.conftest import pdf_pages

    component = _receive(world, [{"name": "Tờ khai"}]).components.get()
    pdf = SimpleUploadedFile("to-khai.pdf", pdf_pages(2), "application/pdf")
    digitisation = component_digitise(component=component, actor=world["desk"], file=pdf)
    assert digitisation.ocr_status == Digitisation.Ocr.PENDING  # queued, not yet run
    done = ocr_run(digitisation_id=digitisation.pk)
    assert (done.ocr_status, done.ocr_progress) == (Digitisation.Ocr.DONE, 100)
    assert "Trang 1 của giấy tờ gốc" in done.ocr_text
    assert "Trang 2 của giấy tờ gốc" in done.ocr_text


def test_ocr_failure_is_recorded_not_raised(world, settings):
    from motcua.certify.digitise import ocr_run

    component = _receive(world, [{"name": "Tờ khai"}]).components.get()
    digitisation = component_digitise(component=component, actor=world["desk"], file=_png("a.png"))
    settings.MEDIA_ROOT = settings.MEDIA_ROOT / "elsewhere"  # the stored file is gone
    done = ocr_run(digitisation_id=digitisation.pk)
    assert done.ocr_status == Digitisation.Ocr.FAILED and done.ocr_error
