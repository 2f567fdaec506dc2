"""In December 2026 nobody files to a ward dissolved on 30/6/2025: the services refuse it and
name the successor; the portal offers only units valid today."""

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from motcua.accounts.models import User
from motcua.catalogue.models import ProcedureVersion
from motcua.dossiers import services
from motcua.dossiers.domain.errors import DossierError
from motcua.org.models import OrgUnit
from motcua.portal.catalogue.selectors import portal_units

AT = dt.datetime(2026, 12, 1, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


@pytest.fixture
def world(db):
    call_command("demo-data", "--quiet", stdout=io.StringIO())
    return {u.username: u for u in User.objects.filter(is_demo=True)}


def test_filing_to_a_dissolved_ward_is_refused_naming_its_successor(world):
    birth = ProcedureVersion.objects.get(procedure__national_code="1.001193", status="published")
    with pytest.raises(DossierError) as refused:
        services.dossier_submit(
            procedure_version=birth,
            unit=OrgUnit.objects.get(code="25747.MC"),
            applicant={"name": "Ngô Văn An", "phone": "0903000111"},
            components=[],
            submitted_by=world["congdan"],
            submitted_at=AT,
        )
    message = refused.value.message
    assert "không còn hoạt động vào ngày 01/12/2026" in message
    assert "Trung tâm Phục vụ hành chính công phường Thủ Dầu Một" in message


def test_the_portal_lists_each_ward_once_and_only_todays(world):
    names = [u.name for u in portal_units()]
    assert names.count("Phường Phú Lợi") == 1
    assert "Phường Phú Cường" not in names
    assert all(u.valid_to is None for u in portal_units())
