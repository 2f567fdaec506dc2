"""The certifying body's signing key and the trust roots the verification page accepts.

Production: `MOTCUA_CERTIFY_PKCS12` (path of a .p12/.pfx holding the body's key and certificate
chain) with `MOTCUA_CERTIFY_PKCS12_PASSPHRASE`, or a PKCS#11 token (`MOTCUA_CERTIFY_PKCS11_LIB`,
`MOTCUA_CERTIFY_PKCS11_TOKEN`, `MOTCUA_CERTIFY_PKCS11_KEY_LABEL`, `MOTCUA_CERTIFY_PKCS11_PIN`;
needs the `python-pkcs11` package). Trusted roots: `MOTCUA_CERTIFY_TRUST_ROOTS` (PEM files);
the root of the configured chain is always trusted.

Development and tests (MOTCUA_ENV=development, nothing configured): a local test CA and a
signing certificate issued by it are created under `MOTCUA_CERTIFY_DIR` (default
`var/certify/test-ca`), never committed. Production without configuration refuses to sign.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import functools
import os
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

TEST_CA_NAME = "motcua TEST CA (khong dung that)"
TEST_SIGNER_NAME = "motcua TEST - Co quan chung thuc thu nghiem"


class SigningNotConfigured(ImproperlyConfigured):
    pass


KEY_USAGES = (
    "digital_signature",
    "content_commitment",
    "key_encipherment",
    "data_encipherment",
    "key_agreement",
    "key_cert_sign",
    "crl_sign",
    "encipher_only",
    "decipher_only",
)


def _key_usage(*allowed: str):
    """A KeyUsage extension allowing only the usages named."""
    from cryptography import x509

    return x509.KeyUsage(**{u: u in allowed for u in KEY_USAGES})


def test_ca_dir() -> Path:
    return Path(settings.MOTCUA_CERTIFY_DIR) / "test-ca"


def _write_private(path: Path, data: bytes) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def test_ca_ensure() -> Path:
    """Create (once, under a file lock) the test CA and a signing certificate it issued."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    directory = test_ca_dir()
    if (directory / "signer.pem").exists():
        return directory
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (directory / "signer.pem").exists():
            return directory
        now = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
        ca_key = ec.generate_private_key(ec.SECP256R1())
        ca_name = x509.Name(
            [
                x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                x509.NameAttribute(NameOID.ORGANIZATION_NAME, "motcua"),
                x509.NameAttribute(NameOID.COMMON_NAME, TEST_CA_NAME),
            ]
        )
        ca_cert = (
            x509.CertificateBuilder()
            .subject_name(ca_name)
            .issuer_name(ca_name)
            .public_key(ca_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now)
            .not_valid_after(now + dt.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(
                _key_usage("key_cert_sign", "crl_sign"),
                critical=True,
            )
            .add_extension(
                x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False
            )
            .sign(ca_key, hashes.SHA256())
        )
        key = ec.generate_private_key(ec.SECP256R1())
        cert = (
            x509.CertificateBuilder()
            .subject_name(
                x509.Name(
                    [
                        x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "motcua"),
                        x509.NameAttribute(NameOID.COMMON_NAME, TEST_SIGNER_NAME),
                    ]
                )
            )
            .issuer_name(ca_name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now)
            .not_valid_after(now + dt.timedelta(days=1825))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(
                _key_usage("digital_signature", "content_commitment"),
                critical=True,
            )
            .add_extension(
                x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False
            )
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
                critical=False,
            )
            .sign(ca_key, hashes.SHA256())
        )
        pem = serialization.Encoding.PEM
        _write_private(
            directory / "signer.key",
            key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()),
        )
        (directory / "ca.pem").write_bytes(ca_cert.public_bytes(pem))
        (directory / "signer.pem").write_bytes(cert.public_bytes(pem))
    return directory


def test_ca_in_use() -> bool:
    return settings.DEVELOPMENT and not (
        settings.MOTCUA_CERTIFY_PKCS12 or settings.MOTCUA_CERTIFY_PKCS11_LIB
    )


def test_ca_cert_pem() -> str:
    """The test CA's certificate (PEM), created if needed."""
    return (test_ca_ensure() / "ca.pem").read_text()


@functools.cache
def _signer_cached(key: tuple):
    from pyhanko.sign import signers

    kind = key[0]
    if kind == "test":
        directory = Path(key[1])
        return signers.SimpleSigner.load(
            str(directory / "signer.key"),
            str(directory / "signer.pem"),
            ca_chain_files=(str(directory / "ca.pem"),),
        )
    if kind == "pkcs12":
        _, path, passphrase = key
        signer = signers.SimpleSigner.load_pkcs12(
            path, passphrase=passphrase.encode() if passphrase else None
        )
        if signer is None:
            raise SigningNotConfigured(
                "Không đọc được tệp PKCS#12 của cơ quan chứng thực (sai đường dẫn hoặc mật khẩu)."
            )
        return signer
    raise AssertionError(kind)


def signer():
    """The pyHanko signer of the certifying body, as configured."""
    if settings.MOTCUA_CERTIFY_PKCS12:
        return _signer_cached(
            ("pkcs12", settings.MOTCUA_CERTIFY_PKCS12, settings.MOTCUA_CERTIFY_PKCS12_PASSPHRASE)
        )
    if settings.MOTCUA_CERTIFY_PKCS11_LIB:
        from pyhanko.sign import pkcs11  # needs python-pkcs11, not installed by default

        session = pkcs11.open_pkcs11_session(
            settings.MOTCUA_CERTIFY_PKCS11_LIB,
            token_label=settings.MOTCUA_CERTIFY_PKCS11_TOKEN,
            user_pin=settings.MOTCUA_CERTIFY_PKCS11_PIN,
        )
        return pkcs11.PKCS11Signer(session, key_label=settings.MOTCUA_CERTIFY_PKCS11_KEY_LABEL)
    if test_ca_in_use():
        return _signer_cached(("test", str(test_ca_ensure())))
    raise SigningNotConfigured(
        "Chưa cấu hình chứng thư số của cơ quan chứng thực (MOTCUA_CERTIFY_PKCS12 hoặc "
        "MOTCUA_CERTIFY_PKCS11_LIB)."
    )


def trust_roots() -> list:
    """asn1crypto certificates the verification accepts as roots."""
    from asn1crypto import pem, x509

    roots = []
    for path in settings.MOTCUA_CERTIFY_TRUST_ROOTS:
        data = Path(path).read_bytes()
        if pem.detect(data):
            for _, _, der in pem.unarmor(data, multiple=True):
                roots.append(x509.Certificate.load(der))
        else:
            roots.append(x509.Certificate.load(data))
    if test_ca_in_use():
        data = (test_ca_ensure() / "ca.pem").read_bytes()
        roots.append(x509.Certificate.load(pem.unarmor(data)[2]))
    elif settings.MOTCUA_CERTIFY_PKCS12:
        s = signer()
        chain = [c for c in s.cert_registry if c.subject == c.issuer]
        roots.extend(chain)
    return roots


def timestamper():
    """An RFC 3161 timestamper when `MOTCUA_CERTIFY_TSA_URL` is set, else None."""
    url = settings.MOTCUA_CERTIFY_TSA_URL
    if not url:
        return None
    from pyhanko.sign.timestamps import HTTPTimeStamper

    return HTTPTimeStamper(url)
