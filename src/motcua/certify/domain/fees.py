"""Fee for certifying a copy from the original (phí chứng thực bản sao từ bản chính).

Circular 226/2016/TT-BTC (Bộ Tài chính, 11/11/2016), art. 4 item 1: 2.000 đồng per page for
the first two pages, 1.000 đồng per page from the third page, at most 200.000 đồng per copy.
The same fee applies to the electronic copy certified from the original (domain.md §6).
"""

FIRST_PAGES = 2
FIRST_PAGE_FEE = 2_000
NEXT_PAGE_FEE = 1_000
MAX_FEE_PER_COPY = 200_000


def copy_fee(pages: int) -> int:
    """Fee in đồng for one certified copy of `pages` pages."""
    if pages < 1:
        raise ValueError("Bản sao phải có ít nhất một trang.")
    first = min(pages, FIRST_PAGES) * FIRST_PAGE_FEE
    rest = max(pages - FIRST_PAGES, 0) * NEXT_PAGE_FEE
    return min(first + rest, MAX_FEE_PER_COPY)


def copies_fee(pages: int, copies: int) -> int:
    """Fee for `copies` certified copies of the same `pages`-page original (cap per copy)."""
    if copies < 1:
        raise ValueError("Số bản sao phải từ 1 trở lên.")
    return copy_fee(pages) * copies
