"""Production loads the body's certificate from a PKCS#12 file; without one it refuses to sign.
Development creates a test CA (never committed)."""

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12

from motcua.certify import keys
from motcua.certify.services import certified_copy_create
from motcua.certify.verification import verdict_for
from tests.certify.conftest import scan_png

pytestmark = pytest.mark.django_db


def _p12_from_test_ca(path, passphrase: bytes):
    directory = keys.test_ca_ensure()
    key = serialization.load_pem_private_key((directory / "signer.key").read_bytes(), None)
    cert = x509.load_pem_x509_certificate((directory / "signer.pem").read_bytes())
    ca = x509.load_pem_x509_certificate((directory / "ca.pem").read_bytes())
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"co-quan",
            key,
            cert,
            [ca],
            serialization.BestAvailableEncryption(passphrase),
        )
    )


def test_pkcs12_signs_and_its_root_is_trusted(settings, tmp_path, unit):
    p12 = tmp_path / "co-quan.p12"
    _p12_from_test_ca(p12, b"mat-khau")
    keys._signer_cached.cache_clear()
    settings.DEVELOPMENT = False  # production: no test CA
    settings.MOTCUA_CERTIFY_PKCS12 = str(p12)
    settings.MOTCUA_CERTIFY_PKCS12_PASSPHRASE = "mat-khau"
    doc = certified_copy_create(
        unit=unit,
        source=scan_png("x"),
        source_name="x.png",
        title="Giấy tờ",
        compared_with_original=True,
    )
    assert "motcua TEST" in doc.signer_subject
    with doc.file.open("rb") as f:
        verdict = verdict_for(data=f.read())
    assert verdict.authentic, verdict.reason


def test_wrong_passphrase_says_so(settings, tmp_path):
    p12 = tmp_path / "co-quan.p12"
    _p12_from_test_ca(p12, b"mat-khau")
    keys._signer_cached.cache_clear()
    settings.MOTCUA_CERTIFY_PKCS12 = str(p12)
    settings.MOTCUA_CERTIFY_PKCS12_PASSPHRASE = "sai"
    with pytest.raises(keys.SigningNotConfigured, match="PKCS#12"):
        keys.signer()


def test_production_without_a_certificate_refuses(settings):
    settings.DEVELOPMENT = False
    with pytest.raises(keys.SigningNotConfigured, match="Chưa cấu hình chứng thư số"):
        keys.signer()
    assert not keys.test_ca_in_use()


def test_test_ca_key_is_private(settings):
    directory = keys.test_ca_ensure()
    assert (directory / "signer.key").stat().st_mode & 0o077 == 0
