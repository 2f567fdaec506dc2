"""Digitised component files: PDF, JPEG or PNG by content, within the size limit; a refused
file leaves no dossier, no code, no stored file and no notification."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.dossiers import services
from motcua.dossiers.domain.workflow import Status
from motcua.dossiers.models import Dossier, DossierCodeSequence, DossierComponent
from motcua.dossiers.uploads import UploadRejected, kind_of, validate_upload
from motcua.notifications.models import Notification

from .conftest import COMPONENTS, vn

PDF = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 40
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 40
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"


def upload(name, content, content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def stored_files(media):
    return sorted(p.name for p in media.rglob("*") if p.is_file()) if media.exists() else []


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (PDF, "PDF"),
        (PNG, "PNG"),
        (JPEG, "JPEG"),
        (HTML, None),
        (b"PK\x03\x04", None),  # a .docx / zip
        (b"%PD", None),
        (b"", None),
    ],
)
def test_kind_is_read_from_the_content(head, kind):
    found = kind_of(head[:8])
    assert (found.label if found else None) == kind


@pytest.mark.parametrize(
    ("name", "content"),
    [("to-khai.pdf", PDF), ("so-do.PNG", PNG), ("anh.jpg", JPEG), ("anh.jpeg", JPEG)],
)
def test_valid_files_are_accepted(name, content):
    f = upload(name, content)
    assert validate_upload(f).label in {"PDF", "PNG", "JPEG"}
    assert f.tell() == 0  # the check leaves the file ready to be stored


def test_html_renamed_pdf_is_refused():
    with pytest.raises(UploadRejected) as exc:
        validate_upload(upload("to-khai.pdf", HTML), label="Tờ khai")
    assert exc.value.message.startswith("Tệp “Tờ khai” (to-khai.pdf) không phải tệp PDF, JPEG")


def test_extension_must_match_the_content():
    with pytest.raises(UploadRejected, match="có nội dung PNG nhưng tên tệp có đuôi “.pdf”"):
        validate_upload(upload("so-do.pdf", PNG))


def test_empty_file_is_refused():
    with pytest.raises(UploadRejected, match="rỗng"):
        validate_upload(upload("to-khai.pdf", b""))


def test_size_limit_from_the_setting(settings):
    settings.MOTCUA_UPLOAD_MAX_BYTES = 2 * 1024 * 1024
    ok = upload("to-khai.pdf", PDF + b"0" * (2 * 1024 * 1024 - len(PDF)))
    validate_upload(ok)  # exactly at the limit
    too_big = upload("to-khai.pdf", PDF + b"0" * (2 * 1024 * 1024 - len(PDF) + 1))
    with pytest.raises(UploadRejected) as exc:
        validate_upload(too_big, label="Tờ khai")
    # Just over the limit: megabytes would read "2 MB > 2 MB", so the bytes are given.
    assert "có dung lượng 2.097.153 byte, vượt quá giới hạn 2.097.152 byte" in (exc.value.message)
    with pytest.raises(UploadRejected, match="dung lượng 3 MB, vượt quá giới hạn 2 MB"):
        validate_upload(upload("to-khai.pdf", PDF + b"0" * (3 * 1024 * 1024 - len(PDF))))


def test_default_limit_is_10_megabytes(settings):
    # settings.py's default (MOTCUA_UPLOAD_MAX_BYTES unset in the test environment).
    big = upload("ban-ve.pdf", PDF + b"0" * (10 * 1024 * 1024 + 600 * 1024))
    with pytest.raises(UploadRejected) as exc:
        validate_upload(big)
    assert "có dung lượng 10,6 MB, vượt quá giới hạn 10 MB" in exc.value.message


def _components(**files):
    return [{"name": c["name"], "file": files.get(c["name"])} for c in COMPONENTS[:2]]


def test_receive_stores_the_digitised_files(receive, media):
    dossier = receive(
        components=_components(
            **{
                "Tờ khai": upload("to-khai.pdf", PDF),
                "Giấy chứng nhận quyền sử dụng đất": upload("gcn.png", PNG, "image/png"),
            }
        )
    )
    stored = {c.name: c for c in dossier.components.all()}
    assert stored["Tờ khai"].file.name.startswith("ho-so/")
    assert stored["Tờ khai"].file.read() == PDF
    stored["Tờ khai"].file.close()
    with stored["Giấy chứng nhận quyền sử dụng đất"].file.open("rb") as f:
        assert f.read() == PNG
    assert stored_files(media) == ["gcn.png", "to-khai.pdf"]


def test_components_without_files_still_work(receive):
    dossier = receive()
    assert all(not c.file for c in dossier.components.all())


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("to-khai.pdf", HTML, "không phải tệp PDF"),
        ("to-khai.pdf", b"", "rỗng"),
        ("to-khai.pdf", PDF + b"0" * 2048, "vượt quá giới hạn"),
    ],
)
def test_refused_file_saves_nothing(receive, media, settings, name, content, message):
    settings.MOTCUA_UPLOAD_MAX_BYTES = 1024
    good = upload("gcn.png", PNG, "image/png")
    with pytest.raises(UploadRejected, match=message):
        receive(
            components=_components(
                **{"Tờ khai": upload(name, content), "Giấy chứng nhận quyền sử dụng đất": good}
            )
        )
    assert not Dossier.objects.exists()
    assert not DossierComponent.objects.exists()
    assert not DossierCodeSequence.objects.exists()
    assert not Notification.objects.exists()
    assert stored_files(media) == []


def test_supplement_with_a_refused_file_changes_nothing(processing, people, media):
    services.dossier_request_supplement(
        dossier=processing, actor=people["specialist"], reason="Thiếu sơ đồ", at=vn(4, 9)
    )
    version = processing.version
    with pytest.raises(UploadRejected):
        services.dossier_receive_supplement(
            dossier=processing,
            actor=people["desk"],
            components=[{"name": "Sơ đồ thửa đất", "file": upload("so-do.pdf", HTML)}],
            at=vn(5, 9),
        )
    processing.refresh_from_db()
    assert processing.status == Status.SUPPLEMENT_REQUESTED
    assert processing.version == version
    assert processing.pauses.get().ended_at is None
    assert not processing.components.filter(supplement=True).exists()
    assert stored_files(media) == []

    services.dossier_receive_supplement(
        dossier=processing,
        actor=people["desk"],
        components=[{"name": "Sơ đồ thửa đất", "file": upload("so-do.jpg", JPEG)}],
        at=vn(5, 9),
    )
    added = processing.components.get(supplement=True)
    with added.file.open("rb") as f:
        assert f.read() == JPEG
