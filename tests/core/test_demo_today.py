"""`motcua demo-data` loads today's world: Phường Thủ Dầu Một and Phú Lợi with work in flight
on every channel and in every state, played through the real services, and the history of the
dissolved units out of today's worklists."""

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from motcua.accounts.models import User
from motcua.demo import today as demo
from motcua.dossiers.domain.workflow import Channel, Status
from motcua.dossiers.models import Dossier
from motcua.dossiers.selectors import dossier_worklist, transfer_targets

NOW = dt.datetime(2026, 12, 1, 10, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))  # a Tuesday


@pytest.fixture
def world(db, monkeypatch):
    monkeypatch.setattr(demo, "load", lambda now=None, _load=demo.load: _load(NOW))
    call_command("demo-data", "--quiet", stdout=io.StringIO())
    return {u.username: u for u in User.objects.filter(is_demo=True)}


def test_every_state_and_channel_is_in_flight_in_todays_wards(world):
    dossiers = Dossier.objects.all()
    assert {d.status for d in dossiers} == set(Status)
    assert {d.channel for d in dossiers} == set(Channel)
    assert {d.unit.code for d in dossiers} == {"79.25747.PVHCC", "79.25750.PVHCC"}
    assert all(d.procedure_version.version == 2 for d in dossiers)
    assert all(d.received_at is None or d.received_at <= NOW for d in dossiers)


def test_some_are_near_due_some_overdue_some_wait_for_the_citizen(world):
    desk = world["motcua"]
    tabs = {
        tab: dossier_worklist(user=desk, tab=tab, now=NOW).count()
        for tab in ("cho-tiep-nhan", "can-xu-ly", "cho-tra-ket-qua", "cho-bo-sung", "qua-han")
    }
    assert tabs == {
        "cho-tiep-nhan": 2,
        "can-xu-ly": 1,
        "cho-tra-ket-qua": 2,
        "cho-bo-sung": 1,
        # The one running past its due instant, and the one whose supplement was requested
        # after its due instant (late when the pause began: still overdue, clockstate.py).
        "qua-han": 2,
    }
    near = dossier_worklist(user=world["chuyenvien2"], tab="sap-den-han", now=NOW)
    assert near.exists()
    assert Dossier.objects.filter(status=Status.PAYMENT_REQUESTED).count() == 1


def test_each_officer_has_work_on_the_dossiers_of_their_step(world):
    def codes(user, tab):
        return [d.procedure_version.procedure.national_code for d in
                dossier_worklist(user=world[user], tab=tab, now=NOW)]  # fmt: skip

    # Each head of the ward's departments has work: the household business (economy) and a
    # marriage with a foreign element (the office); heads review within their ward.
    waiting = sorted([demo.HOUSEHOLD_BUSINESS, demo.FOREIGN_MARRIAGE])
    assert sorted(codes("lanhdaophong2", "cho-duyet")) == waiting
    assert sorted(codes("lanhdaophong", "cho-duyet")) == waiting
    assert codes("lanhdao", "cho-ky") == [demo.BUILDING_PERMIT]
    assert demo.LAND in codes("chuyenvien.so", "can-xu-ly")  # liên thông at the city's Sở
    assert sorted(codes("motcua2", "can-xu-ly")) == [demo.BIRTH, demo.COPY]


def test_the_electronic_result_waits_for_the_citizen(world):
    d = Dossier.objects.get(status=Status.RESOLVED, channel=Channel.ONLINE)
    assert d.applicant_user == world["congdan"]
    assert d.results.get().name == "Giấy khai sinh (bản điện tử)"


def test_liên_thông_offers_the_city_departments_valid_today(world):
    d = Dossier.objects.get(current_unit__code="79.SNNMT")
    targets = {u.code for u in transfer_targets(actor=world["chuyenvien2"], dossier=d,
                                                day=NOW.date())}  # fmt: skip
    assert {"79.STP", "79.SXD", "79.25747.VP"} <= targets
    assert not any(code.startswith(("718", "74", "257")) for code in targets)


def test_loading_again_adds_nothing(world):
    before = Dossier.objects.count()
    assert demo.load(NOW) == 0
    assert Dossier.objects.count() == before


def test_each_new_ward_numbers_its_own_dossiers(world):
    first = Dossier.objects.filter(unit__code="79.25747.PVHCC").first()
    second = Dossier.objects.filter(unit__code="79.25750.PVHCC").first()
    assert first.code.startswith("000.57.47.H29-")
    assert second.code.startswith("000.57.50.H29-")
