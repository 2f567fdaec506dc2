"""Vietnamese number formats as the seed article writes them."""

import pytest

from motcua.core.formatting import vn_number, vn_percent


@pytest.mark.parametrize(
    ("num", "den", "text"),
    [
        (25925, 25969, "99,83%"),
        (45817, 45820, "99,99%"),
        (7834, 7834, "100%"),
        (1, 3, "33,33%"),
        (2, 3, "66,67%"),
        (0, 5, "0%"),
        (1, 0, "—"),
    ],
)
def test_percent(num, den, text):
    assert vn_percent(num, den) == text


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (25925, 0, "25.925"),
        (1234567, 0, "1.234.567"),
        (999, 0, "999"),
        (2.5, 1, "2,5"),
        (-1500, 0, "-1.500"),
        (0, 0, "0"),
        (1000.456, 2, "1.000,46"),
    ],
)
def test_number(value, decimals, text):
    assert vn_number(value, decimals) == text


def test_template_dates_and_numbers_in_vietnamese(settings):
    import datetime

    from django.template import Context, Template
    from django.utils import translation

    with translation.override("vi"):
        out = Template(
            "{% load motcua %}{{ d|date:'SHORT_DATE_FORMAT' }} {{ n|so }} {% ty_le 25925 25969 %}"
        ).render(Context({"d": datetime.date(2024, 2, 7), "n": 25969}))
    assert out == "07/02/2024 25.969 99,83%"


def test_integers_in_form_values_are_never_grouped():
    # Years, ids and versions go back to the server: "2.026" would be a different value.
    from django.template import Context, Template
    from django.utils import translation

    with translation.override("vi"):
        out = Template('<option value="{{ y }}">{{ y }}</option> {{ pk }}').render(
            Context({"y": 2026, "pk": 123456})
        )
    assert out == '<option value="2026">2026</option> 123456'
