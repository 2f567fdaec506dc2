"""What a published answer may show: the question and the answer with personal data masked.

Pure functions. The sender's own name (and any other given names), e-mail addresses, phone
numbers and identity-card / tax numbers (runs of 9 or more digits, spaces and dots allowed
between them) are replaced by "***". The officer can also write the public wording of the
question when publishing; it goes through the same masking.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MASK = "***"
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# +84 912 345 678, 0912.345.678, 074089001234 (CCCD), 0301234567-001 (tax code)...
_NUMBER = re.compile(r"(?<![\w.\-])\+?\d(?:[\s.\-]?\d){8,}(?![\w])")


def redact(text: str, *, names: Iterable[str] = ()) -> str:
    text = _EMAIL.sub(MASK, text or "")
    text = _NUMBER.sub(MASK, text)
    for name in sorted(
        {n.strip() for n in names if n and len(n.strip()) >= 3}, key=len, reverse=True
    ):
        text = re.sub(re.escape(name), MASK, text, flags=re.IGNORECASE)
    return text
