"""Export → import into an empty catalogue → export gives the same file (JSON and XLSX)."""

import io
import json

import pytest
from django.core.management import call_command

from motcua.catalogue.models import Component, Field, Procedure, ProcedureVersion
from motcua.catalogue.services import (
    catalogue_export,
    catalogue_import,
    procedure_version_publish,
    procedure_version_revise,
)
from motcua.catalogue.spreadsheet import xlsx_read, xlsx_write


@pytest.fixture
def rich_catalogue(birth, copies, units):
    """Superseded, published and draft versions, fees, components with templates, units."""
    v2 = procedure_version_revise(
        version=birth,
        name="Thủ tục đăng ký khai sinh (2)",
        postal_excluded=True,
        components=[
            {"name": "Tờ khai", "form": "original", "copies": 1, "template_file": "mau/tk.docx"},
            {"name": "Giấy chứng sinh", "form": "certified_copy", "copies": 2, "required": False},
        ],
    )
    procedure_version_publish(version=v2)
    procedure_version_revise(
        version=v2, legal_basis="Nghị định 123/2015/NĐ-CP", units=[units["city"]]
    )
    return catalogue_export()


def wipe():
    Component.objects.all().delete()
    ProcedureVersion.objects.all().delete()
    Procedure.objects.all().delete()
    Field.objects.all().delete()


def test_json_round_trip_without_loss(rich_catalogue):
    assert [
        (p["national_code"], p["version"], p["status"]) for p in rich_catalogue["procedures"]
    ] == [
        ("1.001193", 1, "superseded"),
        ("1.001193", 2, "published"),
        ("1.001193", 3, "draft"),
        ("2.000815", 1, "published"),
    ]
    text = json.dumps(rich_catalogue, ensure_ascii=False)
    wipe()
    catalogue_import(data=json.loads(text))
    assert catalogue_export() == rich_catalogue


def test_xlsx_round_trip_without_loss(rich_catalogue, tmp_path):
    path = tmp_path / "catalogue.xlsx"
    xlsx_write(data=rich_catalogue, path=path)
    wipe()
    catalogue_import(data=xlsx_read(path=path))
    assert catalogue_export() == rich_catalogue


def test_xlsx_errors_name_the_sheet_row(units, tmp_path, rich_catalogue):
    rich_catalogue["procedures"][3]["name"] = ""
    path = tmp_path / "bad.xlsx"
    xlsx_write(data=rich_catalogue, path=path)
    from motcua.catalogue.services import CatalogueImportError

    with pytest.raises(CatalogueImportError) as exc:
        catalogue_import(data=xlsx_read(path=path))
    assert [str(e) for e in exc.value.errors] == [
        "Dòng 5 (trang thu_tuc): (mã 2.000815) Thiếu tên thủ tục."
    ]


def test_cli_export_json_to_stdout_and_xlsx_to_file(rich_catalogue, tmp_path):
    out = io.StringIO()
    call_command("catalogue", "export", stdout=out)
    assert json.loads(out.getvalue()) == rich_catalogue
    path = tmp_path / "c.xlsx"
    call_command(
        "catalogue", "export", "--format", "xlsx", "--output", str(path), stderr=io.StringIO()
    )
    wipe()
    call_command("catalogue", "import", str(path), stdout=io.StringIO())
    assert catalogue_export() == rich_catalogue
