"""Dossier codes (Circular 01/2018/TT-VPCP art. 19) and the citizen's short lookup key.

A code reads `<agency code>-YYMMDD-XXXX`: the agency's identifier (Circular 10/2016/TT-BTTTT,
e.g. `000.00.20.H01`), the day received and the 4-digit sequence of that agency on that day.
Codes are never reused; the sequence is allocated in the database (`DossierCodeSequence`).
"""

from __future__ import annotations

import datetime as dt
import random
import re
import secrets

from motcua.dossiers.domain.errors import AgencyCodeMissing, CodeSequenceExhausted, DossierError

SEQUENCE_MAX = 9999
CODE_RE = re.compile(r"^(?P<agency>[^\s-]+)-(?P<day>\d{6})-(?P<seq>\d{4})$")

# No 0/O, 1/I/L, 2/Z, 5/S, 8/B: the key is read aloud over the phone and typed from paper.
LOOKUP_ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY"
LOOKUP_LENGTH = 8


def dossier_code_format(*, agency_code: str, day: dt.date, sequence: int) -> str:
    agency_code = (agency_code or "").strip()
    if not agency_code or "-" in agency_code or any(c.isspace() for c in agency_code):
        raise DossierError(
            f"Mã định danh cơ quan “{agency_code}” không dùng được để lập mã hồ sơ "
            "(không được để trống, không chứa dấu “-” hay khoảng trắng)."
        )
    if sequence > SEQUENCE_MAX:
        raise CodeSequenceExhausted(
            f"Đơn vị {agency_code} đã tiếp nhận quá {SEQUENCE_MAX} hồ sơ trong ngày "
            f"{day:%d/%m/%Y}: mã hồ sơ theo Thông tư 01/2018/TT-VPCP chỉ có 4 chữ số thứ tự."
        )
    if sequence < 1:
        raise DossierError(f"Số thứ tự hồ sơ phải từ 1 đến {SEQUENCE_MAX} (được {sequence}).")
    return f"{agency_code}-{day:%y%m%d}-{sequence:04d}"


def agency_code_resolve(*, chain: list[tuple[str, str]]) -> str:
    """The identifier of the first unit in `chain` (receiving unit first, its administrative
    unit last: never beyond it) that has one, else `AgencyCodeMissing` naming the
    administrative unit. Format unchanged by Circular 03/2025/TT-VPCP as far as we could check
    (it regulates forms, not identifiers): `V1V2V3.Z1Z2.Y1Y2.MX1X2`, Circular 10/2016/TT-BTTTT.
    """
    for code, _name in chain:
        if (code or "").strip():
            return code.strip()
    name = chain[-1][1] if chain else ""
    raise AgencyCodeMissing(
        f"Đơn vị “{name}” chưa có mã định danh cơ quan (Thông tư 10/2016/TT-BTTTT) nên chưa "
        "thể tiếp nhận hồ sơ: mã hồ sơ phải bắt đầu bằng mã định danh của chính đơn vị tiếp "
        "nhận. Đề nghị quản trị viên nhập mã định danh cho đơn vị rồi tiếp nhận lại."
    )


def dossier_code_parse(code: str) -> tuple[str, dt.date, int]:
    match = CODE_RE.match((code or "").strip())
    if not match:
        raise DossierError(f"Mã hồ sơ “{code}” không đúng dạng <mã cơ quan>-YYMMDD-XXXX.")
    try:
        day = dt.datetime.strptime(match["day"], "%y%m%d").date()
    except ValueError:
        raise DossierError(f"Mã hồ sơ “{code}” có ngày không hợp lệ.") from None
    return match["agency"], day, int(match["seq"])


def lookup_key_generate(length: int = LOOKUP_LENGTH, *, rng: random.Random | None = None) -> str:
    """A new lookup key; from `rng` (a seeded generator: the demo's reproducible history)
    instead of the system's secure source when given."""
    if rng is not None:
        return "".join(rng.choices(LOOKUP_ALPHABET, k=length))
    return "".join(secrets.choice(LOOKUP_ALPHABET) for _ in range(length))


def lookup_key_normalize(key: str) -> str:
    """What the citizen typed, made comparable: case, spaces and dashes do not matter."""
    return re.sub(r"[\s-]", "", key or "").upper()
