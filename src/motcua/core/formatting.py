"""Vietnamese number and percentage formats: 25.925 and 99,83%.

Plain Python so that reports, PDFs and the command line format exactly as the web pages do.
"""

from decimal import ROUND_HALF_UP, Decimal


def vn_number(value: int | float | Decimal, decimals: int = 0) -> str:
    quantum = Decimal(1).scaleb(-decimals)
    d = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if d < 0 else ""
    whole, _, frac = f"{abs(d):f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = ".".join(groups)
    return f"{sign}{text},{frac}" if decimals else f"{sign}{text}"


def vn_percent(numerator: int, denominator: int, decimals: int = 2) -> str:
    """`vn_percent(25925, 25969)` → '99,83%'. Whole numbers drop the decimals: '100%'."""
    if denominator == 0:
        return "—"
    value = (Decimal(numerator) * 100 / Decimal(denominator)).quantize(
        Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP
    )
    if value == value.to_integral_value():
        return f"{vn_number(value)}%"
    return f"{vn_number(value, decimals)}%"
