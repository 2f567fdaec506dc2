"""Wrong-type and oversize uploads are refused with a clear Vietnamese message, and the whole
save is refused: no file stored, no field of the same request changed."""

import pytest

from motcua.accounts.roles import Role
from motcua.portal.models import FilingDraftFile
from tests.documents.filing import HTML, PDF, PNG, draft_post, draft_start, upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def draft(client, make_user, catalogue, wards):
    client.force_login(make_user("0912345678", Role.CITIZEN, phone="0912345678"))
    d = draft_start(client)
    draft_post(client, d, unit=wards["phu_cuong"], applicant_name="Tên đã lưu")
    d.refresh_from_db()
    return d


def _stored(media):
    return [p for p in media.rglob("*") if p.is_file()] if media.exists() else []


def _refused(client, draft, wards, f):
    component = draft.procedure_version.components.get()
    before = draft.token
    r = draft_post(
        client, draft, unit=wards["hiep_thanh"], applicant_name="Tên mới",
        files={component.pk: f},
    )  # fmt: skip
    assert r.status_code == 400
    draft.refresh_from_db()
    assert (draft.applicant_name, draft.unit, draft.token) == (
        "Tên đã lưu", wards["phu_cuong"], before
    )  # fmt: skip
    assert not FilingDraftFile.objects.exists()
    return r.content.decode()


def test_html_renamed_pdf_is_refused(client, draft, wards, media):
    page = _refused(client, draft, wards, upload("ban-chinh.pdf", HTML))
    assert "Tệp “Bản chính giấy tờ” (ban-chinh.pdf) không phải tệp PDF, JPEG" in page
    assert 'role="alert"' in page
    assert _stored(media) == []


def test_a_png_named_pdf_is_refused(client, draft, wards, media):
    page = _refused(client, draft, wards, upload("anh.pdf", PNG, "image/png"))
    assert "có nội dung PNG nhưng tên tệp có đuôi “.pdf”" in page
    assert _stored(media) == []


def test_oversize_is_refused(client, draft, wards, media, settings):
    settings.MOTCUA_UPLOAD_MAX_BYTES = 1024 * 1024
    big = PDF + b"0" * (2 * 1024 * 1024)
    page = _refused(client, draft, wards, upload("ban-chinh.pdf", big))
    assert "vượt quá giới hạn 1 MB" in page
    assert _stored(media) == []


def test_the_limit_is_shown_on_the_form(client, draft, settings):
    settings.MOTCUA_UPLOAD_MAX_BYTES = 5 * 1024 * 1024
    page = client.get(f"/cong-dan/ban-nhap/{draft.pk}/").content.decode()
    assert "PDF, JPEG hoặc PNG, tối đa 5 MB" in page
