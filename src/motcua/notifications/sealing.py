"""Sealing messages that carry a secret (a one-time code) while they wait in the outbox.

The outbox row must hold what is needed to send the message, but nobody reading the outbox
(the page, the admin, an export, a database dump without the key) may read the code. The real
subject and body are encrypted with Fernet (AES-128-CBC + HMAC-SHA256, from `cryptography`)
under a key derived from SECRET_KEY with Django's `salted_hmac`; the row's visible
`subject`/`body` show the code masked. `notification_deliver` unseals just before calling the
gateway and erases the sealed text once the row is final (sent or given up).
"""

import base64
import json

from cryptography.fernet import Fernet, InvalidToken
from django.utils.crypto import salted_hmac

MASK = "••••••"


def _fernet() -> Fernet:
    key = salted_hmac("motcua.notifications.sealing", "fernet-key", algorithm="sha256").digest()
    return Fernet(base64.urlsafe_b64encode(key))


def seal(*, subject: str, body: str) -> str:
    return _fernet().encrypt(json.dumps({"subject": subject, "body": body}).encode()).decode()


def unseal(token: str) -> tuple[str, str] | None:
    """(subject, body) of a sealed message; None when it cannot be read (key changed)."""
    try:
        data = json.loads(_fernet().decrypt(token.encode()))
    except (InvalidToken, ValueError):
        return None
    return data["subject"], data["body"]
