"""Writes on the procedure catalogue: create, revise, publish, import and export.

Every write is keyword-only and atomic. A published version is never changed in place:
`procedure_version_revise` copies it into a new draft, `procedure_version_publish` makes the
draft the applicable version and marks the old one superseded (it stays readable, and
dossiers received under it keep pointing at it).
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from motcua.accounts.roles import Role
from motcua.catalogue import domain
from motcua.catalogue.models import Component, Fee, Field, Procedure, ProcedureVersion, ProcessStep
from motcua.clock.domain import startpolicy
from motcua.core import clock as system_clock
from motcua.org.models import OrgUnit

FORMAT = "motcua.catalogue"
FORMAT_VERSION = 1

# Attributes of a version that the services, the importer and the exporter carry.
VERSION_FIELDS = (
    "name",
    "field",
    "level",
    "agency",
    "time_unit",
    "time_value",
    "same_day_cutoff",
    "result_type",
    "online_level",
    "eligible_full_online",
    "postal_excluded",
    "published_on_portal",
    "clock_start_policy",
    "legal_basis",
)
FEE_FIELDS = ("description", "amount", "unit", "note")
COMPONENT_FIELDS = ("name", "form", "copies", "required", "template_name", "template_file")
STEP_FIELDS = ("name", "role", "performer", "unit_kind", "allotted_minutes")
CHILDREN = {
    "fees": (Fee, FEE_FIELDS),
    "components": (Component, COMPONENT_FIELDS),
    "steps": (ProcessStep, STEP_FIELDS),
}
UNIT_KIND_PREFIX = "kind:"


# --------------------------------------------------------------------------- versions


def _check_keys(contents: Mapping[str, Any]) -> None:
    unknown = set(contents) - set(VERSION_FIELDS) - set(CHILDREN) - {"units"}
    if unknown:
        raise TypeError(f"Thuộc tính không hợp lệ: {', '.join(sorted(unknown))}")


def _steps_check(version: ProcedureVersion) -> None:
    minutes = list(version.steps.values_list("allotted_minutes", flat=True))
    error = domain.steps_time_error(version.legal_minutes, minutes)
    if error:
        raise ValidationError({"steps": error})


def _children_of(version: ProcedureVersion) -> dict[str, list[dict[str, Any]]]:
    out = {}
    for key, (_model, fields) in CHILDREN.items():
        out[key] = [{f: getattr(child, f) for f in fields} for child in getattr(version, key).all()]
    return out


def _write(version: ProcedureVersion, contents: Mapping[str, Any]) -> ProcedureVersion:
    """Apply `contents` to a draft (or new) version, replace its children, check the steps."""
    for key in VERSION_FIELDS:
        if key in contents:
            setattr(version, key, contents[key])
    version.full_clean(exclude=["procedure", "created_by"], validate_constraints=False)
    version.save()
    if "units" in contents:
        version.units.set(list(contents["units"]))
    for key, (model, fields) in CHILDREN.items():
        if key not in contents:
            continue
        getattr(version, key).all().delete()
        rows = []
        for order, spec in enumerate(contents[key], start=1):
            extra = set(spec) - set(fields) - {"order"}
            if extra:
                raise TypeError(f"Thuộc tính không hợp lệ trong {key}: {', '.join(sorted(extra))}")
            child = model(version=version, order=order, **{k: spec[k] for k in fields if k in spec})
            child.full_clean(exclude=["version"])
            rows.append(child)
        model.objects.bulk_create(rows)
    _steps_check(version)
    return version


@transaction.atomic
def procedure_create(
    *, national_code: str, user=None, publish: bool = False, **contents: Any
) -> ProcedureVersion:
    """Create a procedure and its first version (a draft unless `publish`).

    `contents`: the version attributes (`name`, `field`, `level`, `time_unit`, …), `units`
    (OrgUnits) and the children as lists of dicts: `fees`, `components`, `steps`.
    """
    _check_keys(contents)
    procedure = Procedure(national_code=(national_code or "").strip())
    procedure.full_clean()
    procedure.save()
    version = ProcedureVersion(procedure=procedure, version=1, created_by=user)
    _write(version, contents)
    if publish:
        version = procedure_version_publish(version=version, user=user)
    return version


@transaction.atomic
def procedure_version_revise(*, version: ProcedureVersion, user=None, **changes: Any):
    """Change a procedure's contents the versioned way and return the draft that holds them.

    A draft is edited in place. A published version is copied (with its units, fees,
    components and steps) into a new draft numbered after the newest one, and the changes go
    into that copy: the published version itself is not touched until the draft is published.
    """
    _check_keys(changes)
    version = ProcedureVersion.objects.select_for_update().get(pk=version.pk)
    if version.status == ProcedureVersion.Status.DRAFT:
        return _write(version, changes)
    if version.status == ProcedureVersion.Status.SUPERSEDED:
        raise ValidationError(
            f"Phiên bản {version.version} của thủ tục {version.national_code} đã được thay thế; "
            "hãy sửa phiên bản đang áp dụng."
        )
    siblings = ProcedureVersion.objects.filter(procedure_id=version.procedure_id)
    draft = siblings.filter(status=ProcedureVersion.Status.DRAFT).first()
    if draft is not None:
        raise ValidationError(
            f"Thủ tục {version.national_code} đang có bản nháp phiên bản {draft.version}; "
            "hãy sửa hoặc công bố bản nháp đó."
        )
    contents: dict[str, Any] = {f: getattr(version, f) for f in VERSION_FIELDS}
    contents["units"] = list(version.units.all())
    contents.update(_children_of(version))
    contents.update(changes)
    new = ProcedureVersion(
        procedure_id=version.procedure_id,
        version=siblings.aggregate(n=Max("version"))["n"] + 1,
        status=ProcedureVersion.Status.DRAFT,
        created_by=user,
    )
    return _write(new, contents)


@transaction.atomic
def procedure_version_publish(
    *, version: ProcedureVersion, user=None, published_at: datetime.datetime | None = None
) -> ProcedureVersion:
    """Make a draft the applicable version; the previously published one becomes superseded."""
    version = ProcedureVersion.objects.select_for_update().get(pk=version.pk)
    if version.status != ProcedureVersion.Status.DRAFT:
        raise ValidationError(
            f"Chỉ công bố được bản nháp; phiên bản {version.version} đang ở trạng thái "
            f"“{version.get_status_display()}”."
        )
    version.full_clean(exclude=["procedure", "created_by"], validate_constraints=False)
    _steps_check(version)
    ProcedureVersion.objects.filter(
        procedure_id=version.procedure_id, status=ProcedureVersion.Status.PUBLISHED
    ).update(status=ProcedureVersion.Status.SUPERSEDED)
    version.status = ProcedureVersion.Status.PUBLISHED
    version.published_at = published_at or system_clock.now()
    version.save(update_fields=["status", "published_at", "search_text"])
    return version


# --------------------------------------------------------------------------- export


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _version_dict(v: ProcedureVersion, field_codes: dict[int, str]) -> dict[str, Any]:
    return {
        "national_code": v.procedure.national_code,
        "version": v.version,
        "status": v.status,
        "published_at": v.published_at.isoformat() if v.published_at else None,
        "name": v.name,
        "field": field_codes[v.field_id],
        "level": v.level,
        "agency": v.agency,
        "units": sorted(u.code for u in v.units.all()),
        "time_unit": v.time_unit,
        "time_value": _number(v.time_value),
        "same_day_cutoff": v.same_day_cutoff.strftime("%H:%M") if v.same_day_cutoff else None,
        "result_type": v.result_type,
        "online_level": v.online_level,
        "eligible_full_online": v.eligible_full_online,
        "postal_excluded": v.postal_excluded,
        "published_on_portal": v.published_on_portal,
        "clock_start_policy": v.clock_start_policy,
        "legal_basis": v.legal_basis,
        "fees": [{f: getattr(x, f) for f in FEE_FIELDS} for x in v.fees.all()],
        "components": [
            {
                **{f: getattr(x, f) for f in COMPONENT_FIELDS if f != "template_file"},
                "template_file": x.template_file.name or "",
            }
            for x in v.components.all()
        ],
        "steps": [{f: getattr(x, f) for f in STEP_FIELDS} for x in v.steps.all()],
    }


def catalogue_export() -> dict[str, Any]:
    """The whole catalogue, every version, in the format `catalogue_import` reads."""
    fields = list(Field.objects.order_by("code"))
    field_codes = {f.pk: f.code for f in fields}
    versions = (
        ProcedureVersion.objects.select_related("procedure")
        .prefetch_related("units", "fees", "components", "steps")
        .order_by("procedure__national_code", "version")
    )
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "fields": [{"code": f.code, "name": f.name} for f in fields],
        "procedures": [_version_dict(v, field_codes) for v in versions],
    }


# --------------------------------------------------------------------------- import


@dataclass(frozen=True)
class ImportRowError:
    row: str  # "3" for the 3rd procedure of a JSON file, "quy_trinh dòng 7" for XLSX
    message: str

    def __str__(self) -> str:
        return f"Dòng {self.row}: {self.message}"


class CatalogueImportError(Exception):
    """The file was rejected; nothing was imported. `errors` lists every bad row."""

    def __init__(self, errors: list[ImportRowError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


@dataclass
class ImportResult:
    created: int = 0
    unchanged: int = 0
    fields_created: int = 0


def _choices(choices) -> set[str]:
    return {value for value, _label in choices}


ROLE_VALUES = {r.value for r in Role}
KIND_VALUES = _choices(OrgUnit.Kind.choices)


class _RowChecker:
    """Checks one procedure row and builds its canonical form (the shape of the export)."""

    def __init__(self, label: str, row: Any, field_codes: set[str], units_by_code, units_by_kind):
        self.label = label
        self.row = row
        self.errors: list[ImportRowError] = []
        self.field_codes = field_codes
        self.units_by_code = units_by_code
        self.units_by_kind = units_by_kind

    def err(self, message: str) -> None:
        code = self.row.get("national_code") if isinstance(self.row, dict) else None
        prefix = f"(mã {code}) " if code else ""
        self.errors.append(ImportRowError(self.label, prefix + message))

    def text(self, key: str, label: str, *, required=False, max_length=None) -> str:
        value = self.row.get(key)
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.err(f"{label} phải là chuỗi ký tự.")
            return ""
        value = value.strip()
        if required and not value:
            self.err(f"Thiếu {label}.")
        if max_length and len(value) > max_length:
            self.err(f"{label} dài quá {max_length} ký tự.")
        return value

    def choice(self, key: str, label: str, choices, default: str | None = None) -> str:
        value = self.row.get(key, default)
        allowed = _choices(choices)
        if value not in allowed:
            self.err(
                f"{label} “{value}” không hợp lệ; giá trị cho phép: {', '.join(sorted(allowed))}."
            )
        return value

    def boolean(self, key: str, label: str, default: bool) -> bool:
        value = self.row.get(key, default)
        if not isinstance(value, bool):
            self.err(f"{label} phải là true hoặc false.")
            return default
        return value

    def check(self) -> dict[str, Any] | None:
        row = self.row
        if not isinstance(row, dict):
            self.errors.append(ImportRowError(self.label, "Mỗi thủ tục phải là một đối tượng."))
            return None
        V = ProcedureVersion
        out: dict[str, Any] = {}
        code = self.text("national_code", "mã thủ tục", required=True, max_length=32)
        if code and any(c.isspace() for c in code):
            self.err(f"Mã thủ tục “{code}” không được chứa khoảng trắng.")
        out["national_code"] = code
        version = row.get("version")
        if version is not None and (
            isinstance(version, bool) or not isinstance(version, int) or version < 1
        ):
            self.err("Phiên bản phải là số nguyên dương.")
            version = None
        out["version"] = version
        out["status"] = self.choice("status", "Trạng thái", V.Status.choices, "published")
        published_at = row.get("published_at")
        if published_at:
            try:
                parsed = datetime.datetime.fromisoformat(str(published_at))
                if timezone.is_naive(parsed):
                    parsed = timezone.make_aware(parsed)
                out["published_at"] = parsed.isoformat()
            except ValueError:
                self.err(f"Ngày công bố “{published_at}” không đúng định dạng ISO 8601.")
                out["published_at"] = None
        else:
            out["published_at"] = None
        out["name"] = self.text("name", "tên thủ tục", required=True, max_length=500)
        field = self.text("field", "lĩnh vực", required=True)
        if field and field not in self.field_codes:
            self.err(f"Lĩnh vực “{field}” không có trong danh sách lĩnh vực.")
        out["field"] = field
        out["level"] = self.choice("level", "Cấp thực hiện", V.Level.choices)
        out["agency"] = self.text("agency", "cơ quan thực hiện", max_length=500)
        out["units"] = self.units(row.get("units", []))
        time_unit = self.choice("time_unit", "Đơn vị thời hạn", V.TimeUnit.choices)
        out["time_unit"] = time_unit
        raw_value = row.get("time_value", 1 if time_unit == domain.SAME_DAY else None)
        try:
            if isinstance(raw_value, bool):
                raise InvalidOperation
            value = Decimal(str(raw_value))
            if not value.is_finite() or value <= 0 or value != value.quantize(Decimal("0.01")):
                raise InvalidOperation
        except (InvalidOperation, ValueError):
            self.err(
                f"Thời hạn giải quyết “{raw_value}” phải là số dương (tối đa 2 chữ số thập phân)."
            )
            value = Decimal(1)
        if time_unit == domain.SAME_DAY and value != 1:
            self.err("Thủ tục giải quyết trong ngày phải có thời hạn là 1.")
        out["time_value"] = _number(value)
        cutoff = row.get("same_day_cutoff")
        if cutoff:
            try:
                cutoff = datetime.time.fromisoformat(str(cutoff)).strftime("%H:%M")
            except ValueError:
                self.err(f"Giờ tiếp nhận muộn nhất “{cutoff}” phải có dạng HH:MM.")
                cutoff = None
            if cutoff and time_unit != domain.SAME_DAY:
                self.err("Chỉ khai báo giờ tiếp nhận muộn nhất cho thủ tục giải quyết trong ngày.")
        out["same_day_cutoff"] = cutoff or None
        out["result_type"] = self.choice(
            "result_type", "Loại kết quả", V.ResultType.choices, "both"
        )
        out["online_level"] = self.choice(
            "online_level", "Mức độ trực tuyến", V.OnlineLevel.choices, "none"
        )
        out["eligible_full_online"] = self.boolean(
            "eligible_full_online", "Đủ điều kiện trực tuyến toàn trình", False
        )
        if out["online_level"] == V.OnlineLevel.FULL and not out["eligible_full_online"]:
            self.err("Thủ tục trực tuyến toàn trình phải có eligible_full_online = true.")
        out["postal_excluded"] = self.boolean("postal_excluded", "Không qua bưu chính", False)
        out["published_on_portal"] = self.boolean("published_on_portal", "Công khai", True)
        out["legal_basis"] = self.text("legal_basis", "căn cứ pháp lý")
        out["fees"] = self.fees(row.get("fees", []))
        out["components"] = self.components(row.get("components", []))
        out["steps"] = self.steps(row.get("steps", []))
        if time_unit in _choices(V.TimeUnit.choices) and out["steps"] is not None:
            legal = domain.legal_minutes(time_unit, value)
            error = domain.steps_time_error(legal, [s["allotted_minutes"] for s in out["steps"]])
            if error:
                self.err(error)
        return out

    def units(self, value) -> list[str]:
        if not isinstance(value, list):
            self.err("Đơn vị thực hiện (units) phải là một danh sách mã đơn vị.")
            return []
        codes: set[str] = set()
        for item in value:
            item = str(item).strip()
            if item.startswith(UNIT_KIND_PREFIX):
                kind = item[len(UNIT_KIND_PREFIX) :]
                if kind not in KIND_VALUES:
                    self.err(f"Loại đơn vị “{kind}” không hợp lệ.")
                codes.update(self.units_by_kind.get(kind, []))
            elif item in self.units_by_code:
                codes.add(item)
            else:
                self.err(f"Không tìm thấy đơn vị có mã “{item}”.")
        return sorted(codes)

    def _list(self, value, label: str) -> list:
        if not isinstance(value, list) or not all(isinstance(x, dict) for x in value):
            self.err(f"{label} phải là một danh sách đối tượng.")
            return []
        return value

    def _int(self, spec, key, label, n, *, minimum=0, default=None) -> int:
        value = spec.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            self.err(f"{label} thứ {n}: “{value}” phải là số nguyên ≥ {minimum}.")
            return minimum
        return value

    def _str(self, spec, key, label, n, *, required=False) -> str:
        value = spec.get(key) or ""
        if not isinstance(value, str):
            self.err(f"{label} thứ {n}: {key} phải là chuỗi ký tự.")
            return ""
        if required and not value.strip():
            self.err(f"{label} thứ {n}: thiếu {key}.")
        return value.strip()

    def fees(self, value) -> list[dict]:
        out = []
        for n, spec in enumerate(self._list(value, "Phí, lệ phí (fees)"), start=1):
            out.append(
                {
                    "description": self._str(spec, "description", "Phí", n, required=True),
                    "amount": self._int(spec, "amount", "Mức thu của phí", n, default=0),
                    "unit": self._str(spec, "unit", "Phí", n),
                    "note": self._str(spec, "note", "Phí", n),
                }
            )
        return out

    def components(self, value) -> list[dict]:
        out = []
        forms = _choices(Component.Form.choices)
        for n, spec in enumerate(self._list(value, "Thành phần hồ sơ (components)"), start=1):
            form = spec.get("form", "original")
            if form not in forms:
                self.err(
                    f"Thành phần hồ sơ thứ {n}: loại bản “{form}” không hợp lệ; "
                    f"giá trị cho phép: {', '.join(sorted(forms))}."
                )
            required = spec.get("required", True)
            if not isinstance(required, bool):
                self.err(f"Thành phần hồ sơ thứ {n}: required phải là true hoặc false.")
                required = True
            out.append(
                {
                    "name": self._str(spec, "name", "Thành phần hồ sơ", n, required=True),
                    "form": form,
                    "copies": self._int(spec, "copies", "Số bản", n, minimum=1, default=1),
                    "required": required,
                    "template_name": self._str(spec, "template_name", "Thành phần hồ sơ", n),
                    "template_file": self._str(spec, "template_file", "Thành phần hồ sơ", n),
                }
            )
        return out

    def steps(self, value) -> list[dict]:
        out = []
        for n, spec in enumerate(self._list(value, "Quy trình nội bộ (steps)"), start=1):
            role = spec.get("role")
            if role not in ROLE_VALUES:
                self.err(
                    f"Bước {n}: vai trò “{role}” không hợp lệ; giá trị cho phép: "
                    f"{', '.join(sorted(ROLE_VALUES))}."
                )
            unit_kind = spec.get("unit_kind") or ""
            if unit_kind and unit_kind not in KIND_VALUES:
                self.err(f"Bước {n}: loại đơn vị “{unit_kind}” không hợp lệ.")
            out.append(
                {
                    "name": self._str(spec, "name", "Bước", n, required=True),
                    "role": role,
                    "performer": self._str(spec, "performer", "Bước", n),
                    "unit_kind": unit_kind,
                    "allotted_minutes": self._int(
                        spec, "allotted_minutes", "Thời gian của bước", n, minimum=1
                    ),
                }
            )
        return out


def _content(d: Mapping[str, Any]) -> dict[str, Any]:
    """What two versions must share to count as the same contents."""
    return {k: v for k, v in d.items() if k not in {"version", "status", "published_at"}}


@transaction.atomic
def catalogue_import(*, data: Any, user=None) -> ImportResult:
    """Import a catalogue file (the `catalogue_export` format) all or nothing.

    Every row is checked first; if any is bad, `CatalogueImportError` lists them all (row
    number and reason) and nothing is written. A row with `version` is created as that
    version, or skipped if identical (a different one with the same number is an error). A
    row without `version` is compared with the applicable version and, if different, becomes
    a new version (published unless `status` says otherwise). Importing twice changes
    nothing.
    """
    errors: list[ImportRowError] = []
    if isinstance(data, dict):
        # Problems the file reader found (an XLSX child row without its procedure).
        errors.extend(ImportRowError(label, msg) for label, msg in data.get("_errors", []))
    if not isinstance(data, dict) or not isinstance(data.get("procedures"), list):
        raise CatalogueImportError(
            [ImportRowError("0", "Tệp phải là một đối tượng có danh sách “procedures”.")]
        )
    if data.get("format", FORMAT) != FORMAT:
        errors.append(ImportRowError("0", f"Định dạng “{data.get('format')}” không phải {FORMAT}."))

    field_rows = data.get("fields", [])
    file_fields: dict[str, str] = {}
    if not isinstance(field_rows, list):
        errors.append(ImportRowError("0", "“fields” phải là một danh sách lĩnh vực."))
        field_rows = []
    for n, f in enumerate(field_rows, start=1):
        label = data.get("_field_rows", {}).get(n, f"lĩnh vực {n}")
        code = f.get("code") if isinstance(f, dict) else None
        name = f.get("name") if isinstance(f, dict) else None
        if not isinstance(code, str) or not code.strip() or not isinstance(name, str) or not name:
            errors.append(ImportRowError(label, "Lĩnh vực phải có mã (code) và tên (name)."))
            continue
        file_fields[code.strip()] = name.strip()
    db_fields = {f.code: f for f in Field.objects.all()}
    field_codes = set(db_fields) | set(file_fields)

    units_by_code: dict[str, OrgUnit] = {u.code: u for u in OrgUnit.objects.all()}
    units_by_kind: dict[str, list[str]] = {}
    for u in units_by_code.values():
        units_by_kind.setdefault(u.kind, []).append(u.code)

    labels = data.get("_rows") or {}
    checked: list[tuple[str, dict]] = []
    for n, row in enumerate(data["procedures"], start=1):
        label = labels.get(n, str(n))
        checker = _RowChecker(label, row, field_codes, units_by_code, units_by_kind)
        clean = checker.check()
        errors.extend(checker.errors)
        if clean is not None and not checker.errors:
            checked.append((label, clean))

    seen: dict[tuple[str, int], str] = {}
    published_in_file: dict[str, str] = {}
    for label, row in checked:
        key = (row["national_code"], row["version"])
        if row["version"] is not None:
            if key in seen:
                errors.append(
                    ImportRowError(
                        label,
                        f"(mã {key[0]}) Phiên bản {key[1]} trùng với dòng {seen[key]}.",
                    )
                )
            seen[key] = label
        if row["status"] == ProcedureVersion.Status.PUBLISHED:
            if row["national_code"] in published_in_file:
                errors.append(
                    ImportRowError(
                        label,
                        f"(mã {row['national_code']}) Có nhiều hơn một phiên bản đang áp dụng "
                        f"(xem dòng {published_in_file[row['national_code']]}).",
                    )
                )
            published_in_file.setdefault(row["national_code"], label)
    if errors:
        raise CatalogueImportError(errors)

    result = ImportResult()
    for code, name in file_fields.items():
        if code not in db_fields:
            db_fields[code] = Field.objects.create(code=code, name=name)
            result.fields_created += 1
        elif db_fields[code].name != name:
            db_fields[code].name = name
            db_fields[code].save(update_fields=["name"])

    # Explicit versions first, in order, so a version-less row compares with the newest.
    checked.sort(key=lambda lr: (lr[1]["version"] is None, lr[1]["version"] or 0))
    for label, row in checked:
        try:
            _import_row(row, db_fields, units_by_code, user, result)
        except ValidationError as exc:
            errors.append(ImportRowError(label, f"(mã {row['national_code']}) {_text(exc)}"))
    if errors:
        # Undo whatever the earlier rows wrote: the import is all or nothing.
        transaction.set_rollback(True)
        raise CatalogueImportError(errors)
    return result


def _text(exc: ValidationError) -> str:
    return " ".join(exc.messages)


def _import_row(row, db_fields, units_by_code, user, result: ImportResult) -> None:
    # Older exports and the spreadsheet have no clock-start policy: the legal default.
    row = {**row, "clock_start_policy": row.get("clock_start_policy") or startpolicy.DEFAULT_POLICY}
    code = row["national_code"]
    procedure, _ = Procedure.objects.get_or_create(national_code=code)
    existing = {v.version: v for v in procedure.versions.all()}
    field_codes = {f.pk: c for c, f in db_fields.items()}

    def as_dict(v):
        return _version_dict(v, field_codes)

    if row["version"] is not None and row["version"] in existing:
        if (
            _content(as_dict(existing[row["version"]])) == _content(row)
            and existing[row["version"]].status == row["status"]
        ):
            result.unchanged += 1
            return
        raise ValidationError(
            f"Phiên bản {row['version']} đã có trong danh mục với nội dung khác; "
            "bỏ số phiên bản để tạo phiên bản mới."
        )
    if row["version"] is None and existing:
        current = next(
            (v for v in existing.values() if v.status == ProcedureVersion.Status.PUBLISHED),
            existing[max(existing)],
        )
        if _content(as_dict(current)) == _content(row):
            result.unchanged += 1
            return
    number = row["version"] or (max(existing) + 1 if existing else 1)
    contents = {k: row[k] for k in VERSION_FIELDS if k != "clock_start_policy"}
    # Older exports and the spreadsheet have no clock-start policy: the legal default.
    contents["clock_start_policy"] = row.get("clock_start_policy") or (startpolicy.DEFAULT_POLICY)
    contents["field"] = db_fields[row["field"]]
    contents["time_value"] = Decimal(str(row["time_value"]))
    contents["same_day_cutoff"] = (
        datetime.time.fromisoformat(row["same_day_cutoff"]) if row["same_day_cutoff"] else None
    )
    contents["units"] = [units_by_code[c] for c in row["units"]]
    for key in CHILDREN:
        contents[key] = row[key]
    version = ProcedureVersion(
        procedure=procedure, version=number, status=ProcedureVersion.Status.DRAFT, created_by=user
    )
    _write(version, contents)
    published_at = (
        datetime.datetime.fromisoformat(row["published_at"]) if row["published_at"] else None
    )
    if row["status"] == ProcedureVersion.Status.PUBLISHED:
        current = procedure.versions.filter(status=ProcedureVersion.Status.PUBLISHED).first()
        if current is not None and current.version > number:
            raise ValidationError(
                f"Phiên bản {current.version} mới hơn đang được áp dụng; "
                f"không thể công bố phiên bản {number}."
            )
        procedure_version_publish(version=version, user=user, published_at=published_at)
    elif row["status"] == ProcedureVersion.Status.SUPERSEDED or published_at:
        version.status = row["status"]
        version.published_at = published_at
        version.save(update_fields=["status", "published_at"])
    result.created += 1
