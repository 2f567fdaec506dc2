"""The citizen's e-data store: files filed online are kept; a stored document is reused in a
new filing with one click and the reuse is recorded on the new dossier; electronic results
join the store; only the owner sees a document."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from motcua.accounts.roles import Role
from motcua.documents.models import CitizenDocument, DocumentReuse
from motcua.documents.services import citizen_document_add_result
from motcua.dossiers.models import Dossier
from motcua.portal.models import FilingDraftFile
from tests.documents.filing import PDF, draft_post, draft_start, draft_submit, upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def hoa(client, make_user, catalogue):
    user = make_user("0912345678", Role.CITIZEN, phone="0912345678", full_name="Hoà")
    client.force_login(user)
    return user


def _first_filing(client, catalogue, wards, django_capture_on_commit_callbacks):
    component = catalogue["copy"].components.get()
    draft = draft_start(client)
    draft_post(client, draft, unit=wards["phu_cuong"], files={component.pk: upload("a.pdf", PDF)})
    with django_capture_on_commit_callbacks(execute=True):
        draft_submit(client, draft)
    return component, CitizenDocument.objects.get()


def test_reuse_a_stored_document_in_a_second_filing(
    client, hoa, catalogue, wards, media, django_capture_on_commit_callbacks
):
    component, doc = _first_filing(client, catalogue, wards, django_capture_on_commit_callbacks)
    draft = draft_start(client)
    page = client.get(reverse("portal:draft", args=[draft.pk])).content.decode()
    assert "Dùng lại giấy tờ đã lưu" in page
    assert f'value="reuse:{component.pk}:{doc.pk}"' in page

    draft_post(client, draft, unit=wards["hiep_thanh"], action=f"reuse:{component.pk}:{doc.pk}")
    chosen = FilingDraftFile.objects.get(draft=draft)
    assert chosen.document == doc and chosen.file.name == doc.file.name
    with django_capture_on_commit_callbacks(execute=True):
        assert draft_submit(client, draft).status_code == 302

    second = Dossier.objects.get(unit=wards["hiep_thanh"])
    assert second.components.get().file.read() == PDF
    reuse = DocumentReuse.objects.get()
    assert (reuse.document, reuse.dossier, reuse.component_name) == (doc, second, component.name)
    assert CitizenDocument.objects.count() == 1  # no duplicate of the same file
    doc.file.open("rb")
    assert doc.file.read() == PDF  # submitting never deletes a stored document's file
    doc.file.close()


def test_another_citizens_document_cannot_be_reused(
    client, hoa, catalogue, wards, make_user, django_capture_on_commit_callbacks
):
    component, doc = _first_filing(client, catalogue, wards, django_capture_on_commit_callbacks)
    client.force_login(make_user("0987654321", Role.CITIZEN, phone="0987654321"))
    draft = draft_start(client)
    r = draft_post(client, draft, unit=wards["phu_cuong"], action=f"reuse:{component.pk}:{doc.pk}")
    assert r.status_code == 400
    assert "Không tìm thấy giấy tờ trong kho dữ liệu của bạn." in r.content.decode()
    assert not FilingDraftFile.objects.filter(draft=draft).exists()


def test_an_electronic_result_joins_the_store(
    client, hoa, catalogue, wards, django_capture_on_commit_callbacks
):
    _first_filing(client, catalogue, wards, django_capture_on_commit_callbacks)
    dossier = Dossier.objects.get()
    result = citizen_document_add_result(dossier=dossier, file=ContentFile(PDF, name="kq.pdf"))
    assert (result.owner, result.kind, result.source_dossier) == (hoa, "result", dossier)
    assert result.name == f"Kết quả: {dossier.procedure_version.name}"
    page = client.get(reverse("portal:documents")).content.decode()
    assert "Kết quả giải quyết" in page and "Thành phần hồ sơ đã nộp" in page
    # A dossier received at the counter without an account keeps nothing.
    Dossier.objects.filter(pk=dossier.pk).update(applicant_user=None)
    dossier.refresh_from_db()
    assert citizen_document_add_result(dossier=dossier, file=ContentFile(PDF, name="x.pdf")) is None


def test_a_stored_result_file_is_referenced_not_copied(
    client, hoa, catalogue, wards, media, django_capture_on_commit_callbacks
):
    _first_filing(client, catalogue, wards, django_capture_on_commit_callbacks)
    dossier = Dossier.objects.get()
    stored = dossier.components.get().file  # any file already in storage, e.g. a signed result
    before = sorted(p for p in media.rglob("*") if p.is_file())
    result = citizen_document_add_result(dossier=dossier, file=stored, name="Bản sao chứng thực")
    assert result.file.name == stored.name and result.size == len(PDF)
    assert result.sha256 == CitizenDocument.objects.get(kind="component").sha256
    assert sorted(p for p in media.rglob("*") if p.is_file()) == before
    assert stored.closed  # opened to be hashed, closed again
