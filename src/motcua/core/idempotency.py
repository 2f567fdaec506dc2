"""`Idempotency-Key` for create requests: a retried request never creates a second object.

How a view uses it, inside one `transaction.atomic()` that also performs the creation:

    record = idempotency_claim(user=..., key=..., fingerprint=request_fingerprint(...))
    if record.is_replay:
        return Response(record.response_body, status=record.status_code)
    ... create ...
    idempotency_complete(record=record, status_code=201, body=data)

The (user, key) row is inserted *first*. A concurrent request with the same key blocks on the
unique constraint until the first transaction ends: if it committed, the second one sees the
stored response and replays it; if it rolled back (the creation failed), the second one proceeds
as if it were first. Only successful responses are stored, so a request that failed may be
retried with the same key, corrected or not.

The same key with a different body (or another endpoint) raises `IdempotencyKeyReused` (HTTP
422). Keys expire after `IDEMPOTENCY_TTL` (24 hours): after that the same key creates again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from django.db import IntegrityError, transaction

from motcua.core import clock as system_clock
from motcua.core.errors import MessageError
from motcua.core.models import IdempotencyRecord

IDEMPOTENCY_TTL = dt.timedelta(hours=24)
KEY_MAX_LENGTH = 255


class IdempotencyError(MessageError):
    """A problem with the `Idempotency-Key`; `message` is in Vietnamese; `http_status` is the
    API's answer."""

    http_status = 409


class IdempotencyKeyInvalid(IdempotencyError):
    """The header is empty, too long or holds characters other than visible ASCII."""

    http_status = 400


class IdempotencyKeyReused(IdempotencyError):
    """The key was already used by this user for a different request."""

    http_status = 422


class IdempotencyInProgress(IdempotencyError):
    """The key's first request has not finished (only seen inside the same transaction)."""


def idempotency_key_clean(raw: str | None) -> str | None:
    """The header's value, checked; None when the header is absent."""
    if raw is None:
        return None
    key = raw.strip()
    if not key or len(key) > KEY_MAX_LENGTH or not all(33 <= ord(ch) <= 126 for ch in key):
        raise IdempotencyKeyInvalid(
            f"Giá trị Idempotency-Key không hợp lệ: cần từ 1 đến {KEY_MAX_LENGTH} ký tự ASCII "
            "in được, không có khoảng trắng (ví dụ một UUID)."
        )
    return key


def request_fingerprint(*, method: str, path: str, data: Any) -> str:
    """SHA-256 of the method, the path and the body as canonical JSON (key order ignored)."""
    body = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(f"{method.upper()} {path}\n{body}".encode()).hexdigest()


def idempotency_claim(
    *, user, key: str, fingerprint: str, now: dt.datetime | None = None
) -> IdempotencyRecord:
    """Claim `key` for `user`, or return the stored record to replay (`record.is_replay`).

    Call inside the transaction that performs the creation (it is checked). Raises
    `IdempotencyKeyReused` when the key was used with another request.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("idempotency_claim must run inside the creation's transaction.")
    now = now or system_clock.now()
    # A few rounds: between our failed insert and our read, the other holder may have expired
    # or rolled back; then we try to insert again.
    for _ in range(3):
        IdempotencyRecord.objects.filter(
            user=user, key=key, created_at__lte=now - IDEMPOTENCY_TTL
        ).delete()
        try:
            with transaction.atomic():
                record = IdempotencyRecord.objects.create(
                    user=user, key=key, fingerprint=fingerprint, created_at=now
                )
            record.is_replay = False
            return record
        except IntegrityError:
            existing = IdempotencyRecord.objects.filter(user=user, key=key).first()
        if existing is None:
            continue
        if existing.fingerprint != fingerprint:
            raise IdempotencyKeyReused(
                "Idempotency-Key này đã được dùng cho một yêu cầu khác (nội dung khác). Hãy dùng "
                "một khóa mới cho mỗi yêu cầu tạo mới; chỉ gửi lại cùng khóa khi gửi lại đúng "
                "yêu cầu cũ."
            )
        if existing.status_code is None:
            raise IdempotencyInProgress(
                "Yêu cầu trước với cùng Idempotency-Key đang được xử lý; vui lòng thử lại sau."
            )
        existing.is_replay = True
        return existing
    raise IdempotencyInProgress(
        "Không ghi nhận được Idempotency-Key do có nhiều yêu cầu trùng cùng lúc; vui lòng thử lại."
    )


def idempotency_complete(*, record: IdempotencyRecord, status_code: int, body: Any) -> None:
    """Store the response of the claimed request (same transaction as the creation)."""
    record.status_code = status_code
    record.response_body = json.loads(json.dumps(body, default=str))
    record.save(update_fields=["status_code", "response_body"])


def idempotency_records_prune(*, now: dt.datetime | None = None) -> int:
    """Delete expired keys; returns how many. Expired keys are already ignored on use."""
    now = now or system_clock.now()
    deleted, _ = IdempotencyRecord.objects.filter(created_at__lte=now - IDEMPOTENCY_TTL).delete()
    return deleted
