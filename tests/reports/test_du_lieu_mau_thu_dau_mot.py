"""`motcua demo-data --profile tdm` then `motcua report on-time` prints the seed article's three
figures. The profile decides when each dossier finished; the report classifies them."""

import io
import json

import pytest
from django.core.management import call_command

from motcua.demo.history import DemoError, load_profile
from motcua.dossiers.models import Dossier, DossierEvent
from motcua.reports.domain.periods import Period, year
from motcua.reports.selectors import ontime_counts_direct, ontime_report


def _base_demo():
    call_command("demo-data", "--quiet", stdout=io.StringIO())


def _report(first, last, *extra):
    out = io.StringIO()
    call_command("report", "on-time", "--from", first, "--to", last, *extra, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_tdm_profile_prints_the_seed_figures():
    _base_demo()
    created = load_profile("tdm", stdout=io.StringIO(), progress=False)
    assert created > 79_000
    assert "đã giải quyết 25.925/25.969 hồ sơ đúng hạn, đạt tỷ lệ 99,83%" in _report(
        "2021-01-01", "2021-12-31"
    )
    assert "đã giải quyết 45.817/45.820 hồ sơ đúng hạn, đạt tỷ lệ 99,99%" in _report(
        "2022-01-01", "2022-12-31", "--unit", "718"
    )
    assert "đã giải quyết 7.834/7.834 hồ sơ đúng hạn, đạt tỷ lệ 100%" in _report(
        "2023-01-01", "2023-03-31"
    )
    # the plain GROUP BY over the dossiers finds the same numbers
    ((direct, _),) = ontime_counts_direct(period=year(2021)).values()
    assert (direct.resolved_in_time, direct.resolved) == (25_925, 25_969)
    # realistic mix: online share rises, refusals and stops carry reasons
    r21 = ontime_report(period=year(2021)).total.extra
    r22 = ontime_report(period=year(2022)).total.extra
    assert r22["received_online"] / r22["received"] > r21["received_online"] / r21["received"]
    assert r21["refused"] and r21["stopped"] and r21["received_supplement"]
    assert DossierEvent.objects.filter(action="apologise").exists()
    assert not DossierEvent.objects.filter(action__in=["refuse", "stop"], reason="").exists()
    # running it again adds nothing
    n = Dossier.objects.count()
    assert load_profile("tdm", stdout=io.StringIO(), progress=False) == 0
    assert Dossier.objects.count() == n


@pytest.mark.django_db
def test_scaled_profile_for_benchmarks():
    _base_demo()
    assert load_profile("tdm", dossiers=400, years="2024", stdout=io.StringIO(),
                        progress=False) == 400  # fmt: skip
    # demo-data also plays today's dossiers in the new wards (79.*); the profile adds 400
    assert Dossier.objects.exclude(unit__code__startswith="79.").count() == 400
    period = Period(year(2024).first, year(2024).last)
    report = ontime_report(period=period)
    ((direct, extra),) = ontime_counts_direct(period=period).values()
    assert report.total.counts.resolved == direct.resolved > 300
    assert report.total.extra == extra
    assert load_profile("tdm", dossiers=400, years="2024", stdout=io.StringIO()) == 0


@pytest.mark.django_db
def test_profile_needs_the_base_demo_and_a_known_name():
    with pytest.raises(DemoError, match="demo-data"):
        load_profile("tdm", dossiers=10, years="2024", stdout=io.StringIO(), progress=False)
    with pytest.raises(DemoError, match="Không có bộ dữ liệu"):
        load_profile("hanoi", stdout=io.StringIO())
    with pytest.raises(DemoError, match="2021-2025"):
        load_profile("tdm", years="hai nghìn", stdout=io.StringIO())


@pytest.mark.django_db
def test_json_output(tree):
    out = _report("2024-01-01", "2024-03-31", "--json", "--unit", "D")
    data = json.loads(out)
    assert data["period"] == {"from": "2024-01-01", "to": "2024-03-31", "label": "Quý 1/2024"}
    assert data["unit"] == "D" and data["total"]["resolved"] == 0
