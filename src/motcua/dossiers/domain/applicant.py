"""The applicant's identification number, checked by its shape (no Django import).

- A person: the personal identification number (số định danh cá nhân) printed on the Căn cước /
  Căn cước công dân card, 12 digits (Luật Căn cước số 26/2023/QH15, Điều 12; Nghị định
  137/2015/NĐ-CP, Điều 13 before it); the 9-digit number of an old identity card (Chứng minh
  nhân dân) is still met on older papers; a passport number (one letter and 7 digits for
  Vietnamese passports, Thông tư 31/2023/TT-BCA; foreign passports vary: 6 to 9 letters and
  digits).
- An organisation: its enterprise / tax code, 10 digits, or 13 as "10 digits-3 digits" for a
  branch (Luật Doanh nghiệp 2020, Điều 29; Thông tư 105/2020/TT-BTC, Điều 5).
The number is optional (some applicants have none at hand); when given it must have one of
these shapes.
"""

from __future__ import annotations

import re

PERSON = "person"
ORGANISATION = "organisation"

_PERSON = re.compile(r"^(\d{12}|\d{9}|[A-Z]\d{7}|[A-Z0-9]{6,9})$")
_ORGANISATION = re.compile(r"^\d{10}(-\d{3})?$")


def id_number_error(*, kind: str, value: str) -> str | None:
    """None when `value` is empty or well formed for `kind`; otherwise why, in Vietnamese."""
    value = (value or "").strip()
    if not value:
        return None
    if "\x00" in value:
        return "Số giấy tờ chứa ký tự không hợp lệ."
    if kind == ORGANISATION:
        if _ORGANISATION.match(value):
            return None
        return (
            f"Mã số doanh nghiệp / mã số thuế “{value}” không đúng: gồm 10 chữ số "
            "(chi nhánh: 10 chữ số, dấu gạch ngang và 3 chữ số)."
        )
    if _PERSON.match(value.upper()) and any(c.isdigit() for c in value):
        return None
    return (
        f"Số giấy tờ “{value}” không đúng: số định danh cá nhân (CCCD) gồm 12 chữ số, "
        "CMND cũ 9 chữ số, hộ chiếu gồm chữ cái và chữ số."
    )
