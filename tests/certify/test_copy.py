"""A certified copy: register number, fee, PAdES signature validated by pyHanko against the test
CA, QR to the verification page; one changed byte fails on the page and on the command line."""

import hashlib
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from motcua.certify import keys
from motcua.certify.models import SignedDocument
from motcua.certify.pdf import CertifyError
from motcua.certify.services import certified_copy_create
from tests.certify.conftest import pdf_pages, scan_png

pytestmark = pytest.mark.django_db


def _certify(unit, source, **kw):
    return certified_copy_create(
        unit=unit,
        source=source,
        source_name=kw.pop("source_name", "giay-khai-sinh.pdf"),
        title=kw.pop("title", "Giấy khai sinh"),
        compared_with_original=kw.pop("compared", True),
        **kw,
    )


def _bytes(doc):
    with doc.file.open("rb") as f:
        return f.read()


def _tamper(data: bytes) -> bytes:
    """Change one byte in the middle of the signed range (inside the page content)."""
    i = len(data) // 3
    return data[:i] + bytes([data[i] ^ 0x01]) + data[i + 1 :]


def test_copy_validates_with_pyhanko_against_the_test_ca(unit):
    from asn1crypto import pem, x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    doc = _certify(unit, pdf_pages(3))
    data = _bytes(doc)
    ca = x509.Certificate.load(pem.unarmor(keys.test_ca_cert_pem().encode())[2])
    sig = PdfFileReader(io.BytesIO(data)).embedded_signatures[0]
    status = validate_pdf_signature(sig, ValidationContext(trust_roots=[ca], allow_fetching=False))
    assert status.intact and status.valid and status.trusted
    assert status.bottom_line
    assert sig.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"  # PAdES
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert (doc.pages, doc.fee, doc.register_no) == (3, 5_000, f"1/{doc.year}/SCBS-ĐT")
    # The copy has the original's pages plus the certification page.
    assert int(PdfFileReader(io.BytesIO(data)).root["/Pages"]["/Count"]) == 4


def test_copy_is_not_trusted_under_another_ca(unit, tmp_path, settings):
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    data = _bytes(_certify(unit, pdf_pages(1)))
    settings.MOTCUA_CERTIFY_DIR = tmp_path / "other"
    other_roots = keys.trust_roots()
    sig = PdfFileReader(io.BytesIO(data)).embedded_signatures[0]
    status = validate_pdf_signature(
        sig, ValidationContext(trust_roots=other_roots, allow_fetching=False)
    )
    assert status.intact and not status.trusted


def test_register_numbers_follow_per_unit_and_year(tree):
    a, b = tree["A"], tree["B"]
    numbers = [_certify(u, scan_png("Bản chính")).register_no for u in (a, a, b, a)]
    year = SignedDocument.objects.first().year
    assert numbers == [f"{n}/{year}/SCBS-ĐT" for n in (1, 2, 1, 3)]


def test_scan_becomes_pdfa(unit):
    doc = _certify(unit, scan_png("Giấy chứng nhận quyền sử dụng đất"))
    data = _bytes(doc)
    assert doc.pdfa and doc.pages == 1 and doc.fee == 2_000
    assert b"pdfaid:part" in data  # PDF/A identification in the XMP metadata


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"compared": False}, "đối chiếu với bản chính"),
        ({"title": "Giấy\x00tờ"}, "ký tự NUL"),
        ({"title": "  "}, "nhập tên giấy tờ"),
    ],
)
def test_bad_input_is_refused_in_vietnamese(unit, kw, message):
    with pytest.raises(CertifyError, match=message):
        _certify(unit, pdf_pages(1), **kw)
    assert not SignedDocument.objects.exists()


def test_not_a_pdf_or_image_is_refused(unit):
    with pytest.raises(CertifyError, match="PDF, JPEG hoặc PNG"):
        _certify(unit, b"MZ\x90\x00 not a document")


def test_cli_copy_verify_and_tampered(unit, tmp_path, capsys):
    src = tmp_path / "ban-chinh.pdf"
    src.write_bytes(pdf_pages(2))
    out = tmp_path / "ban-sao.pdf"
    call_command("certify", "copy", str(src), str(out), "--unit", unit.code)
    assert "SCBS-ĐT" in capsys.readouterr().out
    call_command("certify", "verify", str(out))
    said = capsys.readouterr().out
    assert said.startswith("XÁC THỰC") and unit.name in said
    bad = tmp_path / "sua.pdf"
    bad.write_bytes(_tamper(out.read_bytes()))
    with pytest.raises(CommandError) as e:
        call_command("certify", "verify", str(bad))
    assert e.value.returncode == 1
    assert "KHÔNG XÁC THỰC" in str(e.value)


def test_cli_ca_cert_prints_pem(capsys):
    call_command("certify", "ca-cert")
    assert capsys.readouterr().out.startswith("-----BEGIN CERTIFICATE-----")


def test_cli_unknown_unit(tmp_path):
    src = tmp_path / "a.pdf"
    src.write_bytes(pdf_pages(1))
    with pytest.raises(CommandError, match="Không có đơn vị"):
        call_command("certify", "copy", str(src), str(tmp_path / "b.pdf"), "--unit", "KHONG")
