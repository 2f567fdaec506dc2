"""In a real browser: the desk officer opens a citizen's uploaded scan from the dossier page;
another ward's officer and an anonymous visitor get 404 at the same address."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def test_officer_opens_the_scan_others_get_404(
    browser, live_server, page, login, receive, people, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    dossier = receive(
        components=[
            {"name": "Tờ khai", "file": SimpleUploadedFile("to-khai.pdf", PDF)},
            {"name": "Giấy chứng nhận quyền sử dụng đất"},
        ]
    )
    component = dossier.components.get(name="Tờ khai")
    # Committed for real (live server): the file reached the disk at commit.
    assert (settings.MEDIA_ROOT / component.file.name).read_bytes() == PDF

    login(page, "motcua")
    page.goto(f"/ho-so/{dossier.code}/")
    link = page.get_by_role("link", name="Tải tệp")
    assert link.get_attribute("href") == f"/ho-so/{dossier.code}/tep/{component.pk}/"
    with page.expect_download() as download:
        link.click()
    saved = download.value
    assert saved.suggested_filename == "to-khai.pdf"
    assert open(saved.path(), "rb").read() == PDF

    url = f"{live_server.url}/ho-so/{dossier.code}/tep/{component.pk}/"
    for who in ["motcua2", None]:  # another ward's desk, then an anonymous visitor
        context = browser.new_context(base_url=live_server.url)
        other = context.new_page()
        if who:
            login(other, who)
        response = other.request.get(url, max_redirects=0)
        assert response.status == 404, who
        assert b"%PDF" not in response.body()
        context.close()
