"""A result attached with sign=True is signed by the body, replaces the file the citizen gets,
and is verified on the same public page as certified copies."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from motcua.certify.models import SignedDocument
from motcua.certify.pdf import CertifyError
from motcua.certify.services import result_sign
from motcua.documents.models import CitizenDocument
from motcua.dossiers import services
from tests.certify.conftest import pdf_pages
from tests.portal import tracking_data as data

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(make_user):
    return data.make_world(make_user)


def _read(field):
    with field.open("rb") as f:
        return f.read()


def test_signed_result_is_verifiable_and_reaches_the_citizen(client, world):
    dossier = data.filed(world)
    original = pdf_pages(1)
    result = services.dossier_result_attach(
        dossier=dossier,
        actor=world["specialist"],
        file=SimpleUploadedFile("gcn.pdf", original, "application/pdf"),
        name="Giấy chứng nhận",
        at=data.vn(4, 9),
        sign=True,
    )
    signed = SignedDocument.objects.get(result=result)
    assert signed.kind == SignedDocument.Kind.RESULT and signed.signed_by == world["specialist"]
    assert signed.unit == world["units"]["ward"]  # the issuing body, not the desk
    body = _read(result.file)
    assert body != original and body.startswith(original[:8])  # incremental signature
    assert result.file.name == signed.file.name
    doc = CitizenDocument.objects.get(source_dossier=dossier, kind="result")
    assert doc.file.name == result.file.name and doc.sha256 == signed.sha256
    event = dossier.events.order_by("-id").first()
    assert event.data["signed"] == str(signed.token)

    url = reverse("certify:verify_upload")
    page = client.post(url, {"file": SimpleUploadedFile("kq.pdf", body)}).content.decode()
    assert "XÁC THỰC" in page and "KHÔNG XÁC THỰC" not in page
    assert dossier.code in page
    bad = body[:-40] + bytes([body[-40] ^ 1]) + body[-39:]
    page = client.post(url, {"file": SimpleUploadedFile("kq.pdf", bad)}).content.decode()
    assert "KHÔNG XÁC THỰC" in page


def test_signing_twice_returns_the_same_record(world):
    dossier = data.filed(world)
    result = services.dossier_result_attach(
        dossier=dossier,
        actor=world["specialist"],
        file=SimpleUploadedFile("gcn.pdf", pdf_pages(1), "application/pdf"),
        name="Giấy chứng nhận",
        at=data.vn(4, 9),
    )
    assert not SignedDocument.objects.exists()
    first = result_sign(result=result, actor=world["specialist"])
    assert result_sign(result=result, actor=world["specialist"]) == first
    assert SignedDocument.objects.count() == 1


def test_an_image_result_cannot_be_signed(world):
    from tests.certify.conftest import scan_png

    dossier = data.filed(world)
    with pytest.raises(CertifyError, match="Chỉ ký số được kết quả dạng PDF"):
        services.dossier_result_attach(
            dossier=dossier,
            actor=world["specialist"],
            file=SimpleUploadedFile("gcn.png", scan_png("x"), "image/png"),
            name="Giấy chứng nhận",
            at=data.vn(4, 9),
            sign=True,
        )
    assert not dossier.results.exists()
