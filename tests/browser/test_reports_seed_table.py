"""The People's Council's supervisor reads the seed article's own table in the browser.

Loads the full Thủ Dầu Một history once (80.658 dossiers, about a minute), then reads the
on-time table by year and quarter as the supervisor sees it.
"""

import io

import pytest
from django.core.management import call_command

from motcua.demo.history import load_profile

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def tdm(transactional_db):
    call_command("demo-data", "--quiet", stdout=io.StringIO())
    load_profile("tdm", stdout=io.StringIO(), progress=False)


def test_supervisor_sees_the_seed_figures_by_year_and_quarter(page, login, tdm):
    login(page, "giamsat")
    page.goto("/bao-cao/?nam=2021&don_vi=718")
    assert "đã giải quyết 25.925/25.969 hồ sơ đúng hạn, đạt tỷ lệ 99,83%" in (
        page.get_by_test_id("seed-sentence").inner_text()
    )
    rows = page.get_by_test_id("by-quarter").get_by_role("row")
    y2021 = rows.filter(has_text="Năm 2021").inner_text().split()
    y2022 = rows.filter(has_text="Năm 2022").inner_text().split()
    assert {"25.969", "25.925", "44", "99,83%"} <= set(y2021)
    assert {"45.820", "45.817", "3", "99,99%"} <= set(y2022)
    q1_2023 = rows.filter(has_text="Quý 1/2023").inner_text().split()
    assert {"7.834", "100%"} <= set(q1_2023)
