"""Search meets the spellings people type: i or y ("kí"/"ký", "qui"/"quy"), a Telex "dd" for
"đ", with or without diacritics."""

import pytest

from motcua.catalogue import domain
from motcua.catalogue.selectors import procedure_search


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Đăng ký khai sinh", "dang ki khai sinh"),
        ("dang ki khai sinh", "dang ki khai sinh"),
        ("ĐĂNG KÍ KẾT HÔN", "dang ki ket hon"),
        ("ddang ky", "dang ki"),
        ("Quy trình lý lịch", "qui trinh li lich"),
        ("Phường Phú Mỹ", "phuong phu mi"),
        ("Chứng thực bản sao", "chung thuc ban sao"),
    ],
)
def test_search_key(text, key):
    assert domain.search_key(text) == key


@pytest.mark.parametrize(
    "query", ["dang ki khai sinh", "đăng kí khai sinh", "Đăng ký khai sinh", "ddang ky khai sinh"]
)
def test_every_spelling_finds_the_birth_registration(birth, query):
    assert list(procedure_search(query=query)) == [birth]


def test_a_different_word_still_finds_nothing(birth):
    assert not procedure_search(query="dang ki ket hon").exists()
