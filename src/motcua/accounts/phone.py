"""Vietnamese mobile numbers as people type them: one home for sign-in, registration and
the portal's wording."""

import re

_PHONE = re.compile(r"^0[35789]\d{8}$")


def phone_normalize(text: str) -> str | None:
    """'0912 345 678', '+84 912.345.678', '84912345678' → '0912345678'; None if not a
    Vietnamese mobile number (10 digits, prefix 03/05/07/08/09)."""
    digits = re.sub(r"[\s.\-()]", "", text or "")
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) == 11:
        digits = "0" + digits[2:]
    return digits if _PHONE.match(digits) else None


def looks_like_phone(text: str) -> bool:
    return bool(re.fullmatch(r"\+?[\d\s.\-()]{9,16}", (text or "").strip()))
