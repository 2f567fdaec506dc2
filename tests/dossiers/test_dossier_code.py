"""Dossier code format (Circular 01/2018/TT-VPCP art. 19) and the citizen's lookup key."""

import datetime as dt

import pytest

from motcua.dossiers.domain.codes import (
    LOOKUP_ALPHABET,
    dossier_code_format,
    dossier_code_parse,
    lookup_key_generate,
    lookup_key_normalize,
)
from motcua.dossiers.domain.errors import CodeSequenceExhausted, DossierError

DAY = dt.date(2023, 3, 7)


@pytest.mark.parametrize(
    ("agency", "seq", "code"),
    [
        ("000.00.20.H01", 1, "000.00.20.H01-230307-0001"),
        ("000.00.20.H01", 42, "000.00.20.H01-230307-0042"),
        ("000.00.00.H29", 9999, "000.00.00.H29-230307-9999"),
    ],
)
def test_format(agency, seq, code):
    assert dossier_code_format(agency_code=agency, day=DAY, sequence=seq) == code
    assert dossier_code_parse(code) == (agency, DAY, seq)


def test_past_9999_fails_loudly():
    with pytest.raises(CodeSequenceExhausted, match="quá 9999 hồ sơ trong ngày 07/03/2023"):
        dossier_code_format(agency_code="000.00.20.H01", day=DAY, sequence=10000)


@pytest.mark.parametrize("seq", [0, -1])
def test_sequence_starts_at_one(seq):
    with pytest.raises(DossierError):
        dossier_code_format(agency_code="000.00.20.H01", day=DAY, sequence=seq)


@pytest.mark.parametrize("agency", ["", "  ", "000-00", "000 00"])
def test_unusable_agency_code(agency):
    with pytest.raises(DossierError, match="Mã định danh cơ quan"):
        dossier_code_format(agency_code=agency, day=DAY, sequence=1)


@pytest.mark.parametrize("code", ["", "H01-230307-001", "H01-231307-0001", "H01-230307"])
def test_parse_rejects(code):
    with pytest.raises(DossierError):
        dossier_code_parse(code)


def test_lookup_key_is_short_and_unambiguous():
    keys = {lookup_key_generate() for _ in range(200)}
    assert len(keys) == 200
    for key in keys:
        assert len(key) == 8
        assert set(key) <= set(LOOKUP_ALPHABET)
        assert not set(key) & set("0O1IL")


def test_lookup_key_normalize():
    assert lookup_key_normalize(" 3a4c-9dke ") == "3A4C9DKE"
