"""Report test data: a small restructured tree and dossiers written row by row.

Dossier rows are written directly (not through the dossier services) so each test can place a
receipt, a due instant or a result exactly on a period's boundary; the report must classify
them like any other dossier. `make_dossier` fills the fields the services would.
"""

import datetime as dt
import itertools
from zoneinfo import ZoneInfo

import pytest

from motcua.catalogue.models import Field
from motcua.catalogue.services import procedure_create
from motcua.dossiers.domain.workflow import Status
from motcua.dossiers.models import Dossier
from tests.factories import small_tree

VN = ZoneInfo("Asia/Ho_Chi_Minh")
_codes = itertools.count(1)


def vn(y, mo, d, h=9, mi=0):
    return dt.datetime(y, mo, d, h, mi, tzinfo=VN)


@pytest.fixture
def tree(db):
    return small_tree()


@pytest.fixture
def procedures(tree):
    ht = Field.objects.create(code="HT", name="Hộ tịch")
    dd = Field.objects.create(code="DD", name="Đất đai")
    steps = [{"name": "Giải quyết", "role": "chuyen_vien", "allotted_minutes": 1440}]
    common = {"level": "commune", "time_unit": "working_days", "time_value": 3, "steps": steps}
    return {
        "ks": procedure_create(
            national_code="1.001193", field=ht, name="Đăng ký khai sinh", publish=True, **common
        ),
        "dd": procedure_create(
            national_code="1.000001", field=dd, name="Đăng ký đất đai", publish=True, **common
        ),
    }


@pytest.fixture
def make_dossier(procedures):
    def make(
        unit,
        *,
        received=None,
        due=None,
        finished=None,
        status=Status.PROCESSING,
        procedure="ks",
        channel=1,
        returned=None,
        supplements=0,
        apologised=False,
    ):
        version = procedures[procedure]
        return Dossier.objects.create(
            code=f"T-{next(_codes):06d}",
            lookup_key="ABCD",
            procedure_version=version,
            unit=unit,
            current_unit=unit,
            applicant_name="Nguyễn Văn A",
            channel=channel,
            status=status,
            duration_minutes=1440,
            received_at=received,
            clock_start=received,
            due_at=due,
            appointment_at=due,
            finished_at=finished,
            returned_at=returned,
            supplement_count=supplements,
            apologised=apologised,
        )

    return make
