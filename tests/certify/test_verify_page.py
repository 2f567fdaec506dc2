"""The public verification page and the officer's certification page."""

import pytest
from django.urls import reverse

from motcua.accounts.roles import Role
from motcua.certify.models import SignedDocument
from motcua.certify.services import certified_copy_create
from tests.certify.conftest import pdf_pages, scan_png

pytestmark = pytest.mark.django_db


@pytest.fixture
def copy(unit):
    return certified_copy_create(
        unit=unit,
        source=pdf_pages(2),
        source_name="a.pdf",
        title="Bằng tốt nghiệp",
        compared_with_original=True,
    )


def _data(doc):
    with doc.file.open("rb") as f:
        return f.read()


def _upload(client, url, data, name="ban-sao.pdf"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(url, {"file": SimpleUploadedFile(name, data, "application/pdf")})


def test_qr_page_shows_who_certified_and_when(client, copy):
    page = client.get(reverse("certify:verify", kwargs={"token": copy.token})).content.decode()
    assert copy.register_no in page and copy.unit.name in page and "Bằng tốt nghiệp" in page
    assert "XÁC THỰC" not in page  # no verdict before a file is given


def test_open_the_copy_from_the_qr_page(client, copy):
    response = client.get(reverse("certify:download", kwargs={"token": copy.token}))
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == _data(copy)


def test_upload_the_genuine_copy_says_authentic(client, copy):
    url = reverse("certify:verify", kwargs={"token": copy.token})
    page = _upload(client, url, _data(copy)).content.decode()
    assert "XÁC THỰC: bản sao là bản gốc điện tử" in page
    assert f"Đơn vị chứng thực: {copy.unit.name}" in page
    page = _upload(client, reverse("certify:verify_upload"), _data(copy)).content.decode()
    assert "XÁC THỰC: bản sao là bản gốc điện tử" in page and copy.register_no in page


@pytest.mark.parametrize("where", [0.3, 0.6, 0.97])
def test_one_changed_byte_says_altered(client, copy, where):
    data = _data(copy)
    i = int(len(data) * where)
    bad = data[:i] + bytes([data[i] ^ 0x20]) + data[i + 1 :]
    page = _upload(client, reverse("certify:verify_upload"), bad).content.decode()
    assert "KHÔNG XÁC THỰC" in page
    assert "XÁC THỰC: bản sao là bản gốc" not in page


def test_another_genuine_copy_on_this_qr_page_is_not_this_copy(client, copy, unit):
    other = certified_copy_create(
        unit=unit,
        source=scan_png("Khác"),
        source_name="b.png",
        title="Khác",
        compared_with_original=True,
    )
    url = reverse("certify:verify", kwargs={"token": copy.token})
    page = _upload(client, url, _data(other)).content.decode()
    assert "KHÔNG XÁC THỰC" in page and "không phải bản có mã QR" in page


def test_not_a_pdf_says_so(client):
    page = _upload(client, reverse("certify:verify_upload"), b"hello\x00world").content.decode()
    assert "Tệp không phải PDF" in page


def test_unknown_token_is_404(client):
    url = reverse("certify:verify", kwargs={"token": "00000000-0000-4000-8000-000000000000"})
    assert client.get(url).status_code == 404


def test_officer_certifies_from_the_desk(client, make_user, unit, password):
    officer = make_user("mc", Role.ONE_STOP_OFFICER, unit=unit)
    client.force_login(officer)
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        reverse("certify:copy_new"),
        {
            "unit": unit.pk,
            "title": "Sổ hộ khẩu",
            "compared": "on",
            "file": SimpleUploadedFile("scan.png", scan_png("Sổ hộ khẩu"), "image/png"),
        },
    )
    doc = SignedDocument.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("certify:copy_detail", kwargs={"pk": doc.pk})
    assert doc.signed_by == officer and doc.fee == 2_000
    page = client.get(response["Location"]).content.decode()
    assert doc.register_no in page and "PDF/A-2b" in page


def test_officer_must_confirm_the_comparison(client, make_user, unit):
    client.force_login(make_user("mc", Role.ONE_STOP_OFFICER, unit=unit))
    from django.core.files.uploadedfile import SimpleUploadedFile

    page = client.post(
        reverse("certify:copy_new"),
        {
            "unit": unit.pk,
            "title": "Sổ hộ khẩu",
            "file": SimpleUploadedFile("scan.png", scan_png("x"), "image/png"),
        },
    ).content.decode()
    assert "Phải đối chiếu với bản chính" in page
    assert not SignedDocument.objects.exists()


def test_out_of_scope_unit_and_citizen_refused(client, make_user, tree):
    client.force_login(make_user("mc", Role.ONE_STOP_OFFICER, unit=tree["A"]))
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        reverse("certify:copy_new"),
        {
            "unit": tree["B"].pk,
            "title": "x",
            "compared": "on",
            "file": SimpleUploadedFile("scan.png", scan_png("x"), "image/png"),
        },
    )
    assert response.status_code == 200 and not SignedDocument.objects.exists()
    client.force_login(make_user("dan", Role.CITIZEN))
    assert client.get(reverse("certify:copy_new")).status_code == 403


def test_register_list_query_count(client, make_user, unit, django_assert_num_queries):
    """The register list costs the same number of queries for 1 entry as for 4."""
    client.force_login(make_user("mc", Role.ONE_STOP_OFFICER, unit=unit))
    for n in (1, 3):
        for i in range(n):
            certified_copy_create(
                unit=unit,
                source=scan_png(f"{n}-{i}"),
                source_name="s.png",
                title=f"T{n}{i}",
                compared_with_original=True,
            )
        client.get(reverse("certify:copy_new"))  # warm the session
        with django_assert_num_queries(8):
            page = client.get(reverse("certify:copy_new")).content.decode()
        assert page.count("SCBS-ĐT") == SignedDocument.objects.count()


def test_too_large_a_file_is_refused(client, settings):
    settings.MOTCUA_UPLOAD_MAX_BYTES = 100
    page = _upload(client, reverse("certify:verify_upload"), b"%PDF-" + b"0" * 300)
    assert "Tệp quá lớn để là một bản sao điện tử." in page.content.decode()


def test_verification_page_in_english(client, copy):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    url = reverse("certify:verify", kwargs={"token": copy.token})
    page = _upload(client, url, _data(copy)).content.decode()
    assert "AUTHENTIC: the file is the original electronic copy, unaltered" in page
    assert "Register entry" in page and "Kiểm tra bản sao" not in page


def test_nul_in_the_title_gets_a_vietnamese_message(client, make_user, unit):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(make_user("mc", Role.ONE_STOP_OFFICER, unit=unit))
    page = client.post(
        reverse("certify:copy_new"),
        {
            "unit": unit.pk,
            "title": "Giấy\x00tờ",
            "compared": "on",
            "file": SimpleUploadedFile("scan.png", scan_png("x"), "image/png"),
        },
    ).content.decode()
    assert "ký tự NUL" in page
    assert not SignedDocument.objects.exists()


def test_uploads_from_one_address_are_rate_limited(client, copy, monkeypatch):
    from motcua.accounts import ratelimit

    monkeypatch.setitem(ratelimit.LIMITS, "verify:ip", (2, 900))
    url = reverse("certify:verify_upload")
    for _ in range(2):
        assert "XÁC THỰC: bản sao" in _upload(client, url, _data(copy)).content.decode()
    page = _upload(client, url, _data(copy)).content.decode()
    assert "Bạn đã thử quá nhiều lần" in page and "XÁC THỰC: bản sao" not in page
