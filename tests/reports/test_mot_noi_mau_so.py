"""The on-time denominators have one home (README, "Where each rule lives"):
`OnTimeCounts.seed_denominator` and `OnTimeCounts.national_denominator` in
`reports/domain/ontime.py`. Changing one there (here with monkeypatch) changes the rate in the
report's text, its XLSX export and the report page together."""

import datetime as dt
import io
import re

import pytest
from openpyxl import load_workbook

from motcua.accounts.roles import Role
from motcua.dossiers.domain.workflow import Status
from motcua.reports import services
from motcua.reports.domain.ontime import OnTimeCounts, format_percent, percent
from motcua.reports.domain.periods import year
from motcua.reports.formatting import report_text
from motcua.reports.selectors import ontime_report
from tests.reports.conftest import vn
from tests.support.clock import vn as vn_day

TODAY = dt.date(2026, 1, 1)


@pytest.fixture
def year_2024(tree, make_dossier):
    desk = tree["A.MC"]
    received, due = vn(2024, 3, 4), vn(2024, 3, 7, 17)
    resolved = {"status": Status.RESOLVED, "received": received, "due": due}
    make_dossier(desk, **resolved, finished=vn(2024, 3, 6))  # on time
    make_dossier(desk, **resolved, finished=vn(2024, 3, 12))  # late
    make_dossier(desk, status=Status.STOPPED, received=received, due=due, finished=vn(2024, 3, 5))
    make_dossier(desk, received=received, due=vn(2025, 3, 7))  # open, in time at the year's end
    make_dossier(desk, received=received, due=due)  # open, overdue
    services.facts_rebuild()


def _faces(client):
    """The rates as the text, the XLSX (total row) and the page give them."""
    report = ontime_report(period=year(2024), today=TODAY)
    text = report_text(report)
    xlsx = client.get("/bao-cao/dung-han.xlsx", {"nam": 2024})
    assert xlsx.status_code == 200
    ws = load_workbook(io.BytesIO(xlsx.content)).active
    rows = [[c for c in row] for row in ws.iter_rows(values_only=True)]
    header = next(r for r in rows if r and "Tỷ lệ đúng hạn" in r)
    total = rows[-1]
    sheet = (total[header.index("Tỷ lệ đúng hạn")], total[header.index("Chỉ số 2.1 (QĐ 766)")])
    html = client.get("/bao-cao/", {"nam": 2024}).content.decode()
    table = html.split('data-testid="report-table"', 1)[1]
    heads = re.findall(r'<th scope="col">([^<]*)</th>', table.split("</thead>", 1)[0])[1:]
    foot = re.search(r"<tfoot>(.*?)</tfoot>", table, re.S).group(1)
    cells = re.findall(r"<td>([^<]*)</td>", foot)
    page = (cells[heads.index("Tỷ lệ đúng hạn")], cells[heads.index("Chỉ số 2.1")])
    return report.total.counts, text, sheet, page


@pytest.mark.parametrize("changed", ["seed", "national"])
def test_changing_a_denominator_in_its_home_changes_every_rate(
    client, tree, make_user, year_2024, monkeypatch, fake_clock, changed
):
    fake_clock.at = vn_day(1, 9, month=1, year=2026)
    client.force_login(make_user("giamsat", Role.SUPERVISOR, tree["A"]))
    counts, text, sheet, page = _faces(client)
    before = {"seed": counts.seed_rate, "national": counts.rate_766}
    assert before == {"seed": percent(1, 2), "national": percent(3, 5)}  # 50%, 60%

    if changed == "seed":  # count the stopped dossiers in the seed rate's denominator
        new = property(lambda c: c.resolved + c.ended_unresolved)
        monkeypatch.setattr(OnTimeCounts, "seed_denominator", new)
        expected = percent(1, 3)
    else:  # leave the open dossiers out of indicator 2.1's denominator
        new = property(lambda c: c.resolved + c.ended_unresolved + c.refused)
        monkeypatch.setattr(OnTimeCounts, "national_denominator", new)
        expected = percent(3, 3)

    counts, text_after, sheet_after, page_after = _faces(client)
    after = {"seed": counts.seed_rate, "national": counts.national_rate}
    assert after[changed] == expected != before[changed]
    old, shown = format_percent(before[changed]), format_percent(expected)
    column = 0 if changed == "seed" else 1
    assert old in text and shown not in text
    assert shown in text_after and old not in text_after
    assert sheet[column] == pytest.approx(float(before[changed]) / 100)
    assert sheet_after[column] == pytest.approx(float(expected) / 100)
    assert (page[column], page_after[column]) == (old, shown)
