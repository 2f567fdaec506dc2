"""Hole 9 of issue 9: files only through the application, to those who may read the dossier;
no orphan file after a refused post; active content refused; attachment + nosniff."""

import zlib
from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.accounts.roles import Role
from motcua.dossiers.uploads import UploadRejected, validate_upload
from tests.documents import filing

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
PNG = filing.PNG


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def _stored(media):
    return sorted(p.name for p in media.rglob("*") if p.is_file()) if media.exists() else []


@pytest.fixture
def scanned(receive, people, make_user):
    """A dossier with the citizen's scan, owned by a citizen and filed with a volunteer."""
    from motcua.dossiers.models import Dossier

    dossier = receive(
        components=[
            {"name": "Tờ khai", "file": SimpleUploadedFile("tờ khai.pdf", PDF)},
            {"name": "Giấy chứng nhận quyền sử dụng đất"},
        ]
    )
    Dossier.objects.filter(pk=dossier.pk).update(
        applicant_user=people["citizen"], assisted_by=people["digital"]
    )
    dossier.refresh_from_db()
    return dossier, dossier.components.get(name="Tờ khai")


def _url(dossier, component):
    return f"/ho-so/{dossier.code}/tep/{component.pk}/"


@pytest.mark.parametrize("who", ["desk", "specialist", "citizen", "digital"])
def test_readers_download_as_an_attachment(client, scanned, people, who):
    dossier, component = scanned
    client.force_login(people[who])
    response = client.get(_url(dossier, component))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "filename*=UTF-8''" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


@pytest.mark.parametrize("who", ["other_desk", "citizen2", None])
def test_others_and_anonymous_get_404(client, scanned, people, who):
    dossier, component = scanned
    if who:
        client.force_login(people[who])
    assert client.get(_url(dossier, component)).status_code == 404


def test_a_component_of_another_dossier_is_404(client, scanned, receive, people):
    dossier, component = scanned
    other = receive()
    client.force_login(people["desk"])
    assert client.get(f"/ho-so/{other.code}/tep/{component.pk}/").status_code == 404


def test_page_and_api_link_to_the_application_never_to_media(client, scanned, people):
    dossier, component = scanned
    client.force_login(people["desk"])
    html = client.get(f"/ho-so/{dossier.code}/").content.decode()
    assert _url(dossier, component) in html and "/media/" not in html
    data = client.get(f"/api/v1/ho-so/{dossier.code}/").json()
    files = [c["file"] for c in data["components"] if c["file"]]
    assert files == [_url(dossier, component)]


def test_x_accel_redirect_when_configured(client, scanned, people, settings):
    settings.MOTCUA_FILE_SERVE = "x-accel-redirect"
    dossier, component = scanned
    client.force_login(people["desk"])
    response = client.get(_url(dossier, component))
    # Percent-encoded (headers are Latin-1; nginx decodes the URI).
    assert response["X-Accel-Redirect"] == "/_tep/" + quote(component.file.name)
    assert response.content == b""
    assert response["Content-Disposition"].startswith("attachment;")


JS_PDF = PDF.replace(
    b"/Type /Catalog", b"/Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >>"
)
HIDDEN = zlib.compress(b"<< /S /JavaScript /JS (app.alert(1)) >>")
ACTIVE = [
    ("js.pdf", JS_PDF),
    ("escaped.pdf", PDF.replace(b"/Type /Catalog", b"/OpenAction << /S /J#61vaScript >>")),
    ("launch.pdf", PDF.replace(b"/Type /Catalog", b"/OpenAction << /S /Launch /F (cmd) >>")),
    (
        "objstm.pdf",
        PDF.replace(b"endobj\n", b"endobj\n2 0 obj << /Type /ObjStm /Filter /FlateDecode >>"
                    + b"\nstream\n" + HIDDEN + b"\nendstream\nendobj\n"),
    ),
    ("svg.png", b"\x89PNG\r\n\x1a\n<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"),
    ("page.jpg", b"\xff\xd8\xff\xe0<html><script>alert(1)</script></html>"),
]  # fmt: skip


@pytest.mark.parametrize("name, content", ACTIVE, ids=[n for n, _ in ACTIVE])
def test_active_content_is_refused(name, content):
    with pytest.raises(UploadRejected, match="nội dung chủ động"):
        validate_upload(SimpleUploadedFile(name, content))


@pytest.mark.parametrize("name, content", [("to-khai.pdf", PDF), ("anh.png", PNG)])
def test_plain_scans_pass(name, content):
    assert validate_upload(SimpleUploadedFile(name, content)).extensions


@pytest.mark.django_db(transaction=True)
def test_a_refused_draft_post_leaves_no_file_on_disk(client, make_user, media):
    """Reproduction: `action=reuse:abc` with a file refused the post but kept the file."""
    from tests.portal.data import make_catalogue, make_wards

    wards = make_wards()
    make_catalogue(wards)
    client.force_login(make_user("0912345678", Role.CITIZEN, phone="0912345678"))
    draft = filing.draft_start(client)
    component = draft.procedure_version.components.first()
    response = filing.draft_post(
        client,
        draft,
        unit=wards["phu_cuong"],
        action="reuse:abc",
        files={component.pk: filing.upload("ban-chinh.pdf", filing.PDF)},
    )
    assert response.status_code == 400
    assert _stored(media) == []
    # The same upload with a valid action is stored, once the transaction commits.
    response = filing.draft_post(
        client,
        draft,
        unit=wards["phu_cuong"],
        files={component.pk: filing.upload("ban-chinh.pdf", filing.PDF)},
    )
    assert response.status_code == 302
    stored = _stored(media)
    assert len(stored) == 1 and stored[0].startswith("ban-chinh") and stored[0].endswith(".pdf")


def test_admin_links_to_the_download_view_not_media(client, scanned):
    from motcua.accounts.models import User

    dossier, component = scanned
    client.force_login(User.objects.create_superuser("root", "r@example.vn", "quan-tri-9-xyz"))
    html = client.get(f"/quan-tri/dossiers/dossier/{dossier.pk}/change/").content.decode()
    assert _url(dossier, component) in html and "/media/" not in html
