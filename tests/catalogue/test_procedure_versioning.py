"""Editing a published procedure makes a new version; the old one stays as it was."""

import pytest
from django.core.exceptions import ValidationError

from motcua.catalogue.models import ProcedureVersion
from motcua.catalogue.services import procedure_version_publish, procedure_version_revise


def snapshot(version):
    version.refresh_from_db()
    return (
        version.name,
        version.status,
        version.time_unit,
        version.time_value,
        version.published_at,
        [(f.description, f.amount) for f in version.fees.all()],
        [(s.name, s.allotted_minutes) for s in version.steps.all()],
        sorted(u.code for u in version.units.all()),
    )


def test_editing_a_published_version_creates_a_draft_copy(birth):
    before = snapshot(birth)
    draft = procedure_version_revise(version=birth, name="Đăng ký khai sinh (sửa đổi)")

    assert draft.pk != birth.pk
    assert (draft.version, draft.status) == (2, ProcedureVersion.Status.DRAFT)
    assert draft.name == "Đăng ký khai sinh (sửa đổi)"
    assert [s.name for s in draft.steps.all()] == [s.name for s in birth.steps.all()]
    assert draft.components.count() == 2 and draft.fees.count() == 1
    assert set(draft.units.all()) == set(birth.units.all())
    assert snapshot(birth) == before  # published version untouched


def test_publishing_the_draft_supersedes_the_old_version_which_stays_readable(birth):
    before = snapshot(birth)
    draft = procedure_version_revise(
        version=birth, fees=[{"description": "Lệ phí mới", "amount": 5000, "unit": "lần"}]
    )
    procedure_version_publish(version=draft)

    birth.refresh_from_db()
    draft.refresh_from_db()
    assert birth.status == ProcedureVersion.Status.SUPERSEDED
    assert draft.status == ProcedureVersion.Status.PUBLISHED and draft.published_at
    # A dossier holding the old version still reads the old contents.
    assert snapshot(birth)[0] == before[0]
    assert snapshot(birth)[5:] == before[5:]
    assert [f.amount for f in draft.fees.all()] == [5000]


def test_a_draft_is_edited_in_place(birth):
    draft = procedure_version_revise(version=birth, name="Nháp 1")
    again = procedure_version_revise(version=draft, name="Nháp 2")
    assert again.pk == draft.pk and again.name == "Nháp 2"
    assert birth.procedure.versions.count() == 2


@pytest.mark.parametrize("target", ["superseded", "second_draft"])
def test_revise_refuses_superseded_versions_and_a_second_draft(birth, target):
    draft = procedure_version_revise(version=birth, name="Nháp")
    if target == "superseded":
        procedure_version_publish(version=draft)
        birth.refresh_from_db()
        with pytest.raises(ValidationError, match="đã được thay thế"):
            procedure_version_revise(version=birth, name="X")
    else:
        with pytest.raises(ValidationError, match="đang có bản nháp phiên bản 2"):
            procedure_version_revise(version=birth, name="X")


def test_only_drafts_can_be_published(birth):
    with pytest.raises(ValidationError, match="Chỉ công bố được bản nháp"):
        procedure_version_publish(version=birth)


def test_legal_minutes_and_names_dossiers_rely_on(birth):
    assert birth.legal_minutes == 480
    assert birth.time_unit == "same_day"
    assert birth.same_day_cutoff.strftime("%H:%M") == "15:00"
    assert [s.order for s in birth.steps.all()] == [1, 2, 3, 4]
    assert [c.order for c in birth.components.all()] == [1, 2]
