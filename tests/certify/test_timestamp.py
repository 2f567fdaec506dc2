"""With MOTCUA_CERTIFY_TSA_URL set, the signature carries an RFC 3161 timestamp. The TSA here is
pyHanko's dummy timestamper behind a loopback HTTP server, with a TSA certificate issued by the
test CA."""

import asyncio
import datetime as dt
import http.server
import threading

import pytest
from asn1crypto import keys as asn1_keys
from asn1crypto import pem, tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from motcua.certify import keys
from motcua.certify.services import certified_copy_create
from motcua.certify.verification import verdict_for
from tests.certify.conftest import scan_png

pytestmark = pytest.mark.django_db


def _tsa_certificate():
    """A timestamping authority with a CA of its own, which the verification must then trust
    (MOTCUA_CERTIFY_TRUST_ROOTS). pyHanko's dummy TSA signs with RSA only."""
    ca_key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "motcua TEST TSA CA")])
    tsa_ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "motcua TEST TSA")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    der = serialization.Encoding.DER
    return (
        asn1_x509.Certificate.load(tsa_ca.public_bytes(der)),
        asn1_x509.Certificate.load(cert.public_bytes(der)),
        asn1_keys.PrivateKeyInfo.load(
            key.private_bytes(der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        ),
    )


@pytest.fixture
def tsa(tmp_path):
    from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

    tsa_ca, cert, key = _tsa_certificate()
    stamper = DummyTimeStamper(tsa_cert=cert, tsa_key=key)
    calls = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            request = tsp.TimeStampReq.load(body)
            response = asyncio.run(stamper.async_request_tsa_response(request))
            calls.append(request)
            data = response.dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    root = tmp_path / "tsa-ca.pem"
    root.write_bytes(pem.armor("CERTIFICATE", tsa_ca.dump()))
    yield f"http://127.0.0.1:{server.server_port}/", calls, str(root)
    server.shutdown()


def test_copy_is_timestamped_when_a_tsa_is_configured(settings, unit, tsa):
    url, calls, root = tsa
    settings.MOTCUA_CERTIFY_TSA_URL = url
    settings.MOTCUA_CERTIFY_TRUST_ROOTS = [root]
    doc = certified_copy_create(
        unit=unit,
        source=scan_png("x"),
        source_name="x.png",
        title="Giấy tờ",
        compared_with_original=True,
    )
    assert doc.timestamped and calls  # pyHanko also asks once to size the signature
    with doc.file.open("rb") as f:
        data = f.read()
    import io

    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    sig = PdfFileReader(io.BytesIO(data)).embedded_signatures[0]
    status = validate_pdf_signature(
        sig, ValidationContext(trust_roots=keys.trust_roots(), allow_fetching=False)
    )
    assert status.timestamp_validity is not None and status.timestamp_validity.trusted
    assert verdict_for(data=data).authentic
