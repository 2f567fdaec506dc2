"""Circular 226/2016/TT-BTC art. 4: 2.000 đ/page for pages 1–2, 1.000 đ from page 3, at most
200.000 đ per copy."""

import pytest

from motcua.certify.domain.fees import copies_fee, copy_fee


@pytest.mark.parametrize(
    ("pages", "fee"),
    [
        (1, 2_000),
        (2, 4_000),
        (3, 5_000),
        (10, 12_000),
        (100, 102_000),
        (198, 200_000),
        (199, 200_000),
        (500, 200_000),
    ],
)
def test_copy_fee_table(pages, fee):
    assert copy_fee(pages) == fee


def test_cap_applies_per_copy():
    assert copies_fee(500, 3) == 600_000
    assert copies_fee(3, 2) == 10_000


@pytest.mark.parametrize("pages", [0, -1])
def test_no_pages_is_an_error(pages):
    with pytest.raises(ValueError, match="ít nhất một trang"):
        copy_fee(pages)
