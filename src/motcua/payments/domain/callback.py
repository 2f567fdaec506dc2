"""Signed gateway callbacks, in plain Python (no Django).

A gateway tells us the outcome of a payment by sending the citizen's browser back to our return
URL with the reference, the amount, the outcome and a signature. The signature is an HMAC-SHA256
over those three values with a key only the server knows, so a citizen cannot turn "declined"
into "paid" or change the amount by editing the URL. Replays are stopped by the service: a
payment takes one outcome only, from "pending".
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

from motcua.core.errors import MessageError

PAID = "paid"
DECLINED = "declined"
OUTCOMES = (PAID, DECLINED)


class CallbackInvalid(MessageError):
    """The callback is malformed or its signature is wrong; `message` is in Vietnamese."""


@dataclass(frozen=True)
class CallbackResult:
    reference: str
    amount: int
    outcome: str  # PAID or DECLINED

    @property
    def paid(self) -> bool:
        return self.outcome == PAID


def _message(reference: str, amount: int, outcome: str) -> bytes:
    return f"{reference}|{amount}|{outcome}".encode()


def callback_sign(*, key: bytes, reference: str, amount: int, outcome: str) -> str:
    if outcome not in OUTCOMES:
        raise ValueError(f"unknown outcome {outcome!r}")
    return hmac.new(key, _message(reference, int(amount), outcome), hashlib.sha256).hexdigest()


def callback_verify(*, key: bytes, data) -> CallbackResult:
    """Check a callback's fields (`ma`, `so_tien`, `ket_qua`, `chu_ky`) and signature."""
    reference = str(data.get("ma") or "").strip()
    outcome = str(data.get("ket_qua") or "").strip()
    signature = str(data.get("chu_ky") or "").strip()
    try:
        amount = int(str(data.get("so_tien") or ""))
    except ValueError:
        amount = -1
    if not reference or outcome not in OUTCOMES or amount < 0 or not signature:
        raise CallbackInvalid("Kết quả thanh toán không hợp lệ (thiếu hoặc sai thông tin).")
    expected = callback_sign(key=key, reference=reference, amount=amount, outcome=outcome)
    if not hmac.compare_digest(expected, signature):
        raise CallbackInvalid("Kết quả thanh toán không hợp lệ (sai chữ ký).")
    return CallbackResult(reference=reference, amount=amount, outcome=outcome)
