"""Writes of online filing (nộp hồ sơ trực tuyến): drafts, their files, submission.

A draft (`FilingDraft`) lives on the server until it is submitted, so it survives logout. Its
files are checked when they are attached (`motcua.dossiers.uploads.validate_upload`: PDF, JPEG
or PNG by content, size limit); a refused file changes nothing, not even the other fields of
the same request. A stored document of the citizen may be reused instead of an upload.

Submission (`draft_submit`) locks the draft row (`select_for_update`), creates the dossier
through `motcua.dossiers.services.dossier_submit` (channel online, status 1 "Mới đăng ký";
its audit event "submit" sends the "dossier.submitted" acknowledgement by e-mail/SMS),
marks the draft submitted and consumes its one-time token, all in one transaction: a double
click or a retried request waits for the first one, finds the draft submitted and gets the same
dossier back. Every edit renews the token, so a review page that no longer matches the draft
cannot be submitted.

Bad input raises Django's `ValidationError` (Vietnamese messages) and writes nothing.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.core.validators import validate_email
from django.db import transaction

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.accounts.services import user_create
from motcua.catalogue.models import ProcedureVersion
from motcua.core import clock as system_clock
from motcua.documents.models import CitizenDocument
from motcua.documents.services import citizen_document_add, document_reuse_record, file_sha256
from motcua.dossiers import services as dossier_services
from motcua.dossiers.domain.errors import DossierError, DossierIncomplete
from motcua.dossiers.models import APPLICANT_FIELDS, Dossier
from motcua.dossiers.uploads import validate_upload
from motcua.portal.domain.text import phone_normalize
from motcua.portal.models import CitizenProfile, FilingDraft, FilingDraftFile

Delivery = FilingDraft.Delivery

DRAFT_FIELDS = (
    "unit",
    *(f"applicant_{name}" for name in APPLICANT_FIELDS),
    "result_delivery",
    "delivery_address",
)


# --- who may file ----------------------------------------------------------------------------


def filer_role(user) -> Role | None:
    """CITIZEN (files for themself), DIGITAL_TEAM (files for a citizen) or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    if Role.CITIZEN in user.roles:
        return Role.CITIZEN
    if Role.DIGITAL_TEAM in user.roles:
        return Role.DIGITAL_TEAM
    return None


def _editable(draft: FilingDraft, user) -> None:
    if draft.owner_id != user.pk:
        raise PermissionDenied
    if draft.status != FilingDraft.Status.DRAFT:
        raise ValidationError("Hồ sơ này đã được nộp, không sửa được bản nháp nữa.")


# --- assisted filing: the citizen --------------------------------------------------------------


@transaction.atomic
def assisted_citizen_get_or_create(*, helper, phone: str, full_name: str = "") -> tuple[User, bool]:
    """The citizen account with `phone`, created (active, no password) when there is none.

    The citizen claims a created account later with "Quên mật khẩu" by SMS code to that phone,
    which proves they own it. An officer's account with that phone is never used.
    """
    if filer_role(helper) is not Role.DIGITAL_TEAM:
        raise PermissionDenied
    normalized = phone_normalize(phone)
    if not normalized:
        raise ValidationError(
            {"phone": "Số điện thoại không hợp lệ (10 chữ số, ví dụ 0912345678)."}
        )
    found = list(User.objects.filter(phone=normalized).prefetch_related("groups")[:2])
    citizens = [u for u in found if Role.CITIZEN in u.roles]
    if len(found) > 1 or (found and not citizens):
        raise ValidationError(
            {"phone": "Số điện thoại này thuộc tài khoản không phải công dân hoặc bị trùng: "
             "vui lòng liên hệ Bộ phận Một cửa."}
        )  # fmt: skip
    if citizens:
        return citizens[0], False
    full_name = " ".join((full_name or "").split())
    if not full_name:
        raise ValidationError(
            {"full_name": "Chưa có tài khoản với số điện thoại này: nhập họ và tên công dân "
             "để tạo tài khoản."}
        )  # fmt: skip
    if User.objects.filter(username__iexact=normalized).exists():
        raise ValidationError({"phone": "Số điện thoại này đã được dùng làm tên đăng nhập."})
    user = user_create(
        username=normalized,
        password=None,
        full_name=full_name,
        phone=normalized,
        roles=[Role.CITIZEN],
    )
    CitizenProfile.objects.create(user=user)
    return user, True


# --- drafts ----------------------------------------------------------------------------------


@transaction.atomic
def draft_create(
    *,
    owner,
    procedure_version: ProcedureVersion,
    citizen=None,
    consent: bool = False,
    consent_note: str = "",
    now: dt.datetime | None = None,
) -> FilingDraft:
    """A new draft prefilled from the citizen's account. A digital team member must name the
    citizen and record their consent; a citizen files for themself."""
    role = filer_role(owner)
    if role is None:
        raise PermissionDenied
    if role is Role.CITIZEN:
        citizen = owner
        consent, consent_note = False, ""
    else:
        if citizen is None or Role.CITIZEN not in citizen.roles:
            raise ValidationError("Cần chọn tài khoản công dân được hỗ trợ nộp hồ sơ.")
        if not consent:
            raise ValidationError(
                {"consent": "Cần ghi nhận công dân đồng ý cho Tổ công nghệ số cộng đồng nộp "
                 "hồ sơ thay."}
            )  # fmt: skip
    units = list(procedure_version.units.all()[:2])
    return FilingDraft.objects.create(
        owner=owner,
        citizen=citizen,
        procedure_version=procedure_version,
        unit=units[0] if len(units) == 1 else None,
        applicant_name=citizen.full_name,
        applicant_phone=citizen.phone,
        applicant_email=citizen.email,
        result_delivery=Delivery.ELECTRONIC,
        consent=bool(consent),
        consent_note=(consent_note or "").strip(),
        consent_at=(now or system_clock.now()) if consent else None,
    )


def _file_attach(*, draft: FilingDraft, component, upload) -> None:
    """Replace the draft's file for `component` with `upload` (already validated)."""
    _file_detach(draft=draft, component=component)
    FilingDraftFile.objects.create(
        draft=draft,
        component=component,
        file=File(upload, name=os.path.basename(upload.name)),
        original_name=os.path.basename(upload.name)[:255],
        size=upload.size,
        sha256=file_sha256(upload),
    )


def _file_detach(*, draft: FilingDraft, component) -> None:
    for old in FilingDraftFile.objects.filter(draft=draft, component=component):
        if old.document_id is None and old.file:
            name, storage = old.file.name, old.file.storage
            transaction.on_commit(lambda n=name, s=storage: s.delete(n))
        old.delete()


@transaction.atomic
def draft_save(
    *,
    draft: FilingDraft,
    user,
    fields: Mapping[str, Any],
    uploads: Mapping[int, Any] | None = None,
) -> FilingDraft:
    """Save the draft's fields and newly uploaded component files (component id → file).

    Every file is checked first: one refused file refuses the whole save (nothing written).
    Each save renews the submission token (the review page must be seen again)."""
    _editable(draft, user)
    components = {c.pk: c for c in draft.procedure_version.components.all()}
    uploads = {int(k): v for k, v in (uploads or {}).items() if v}
    for component_id, upload in uploads.items():
        component = components.get(component_id)
        if component is None:
            raise ValidationError("Thành phần hồ sơ không thuộc thủ tục này.")
        validate_upload(upload, label=component.name)  # UploadRejected: nothing written yet

    unknown = set(fields) - set(DRAFT_FIELDS)
    if unknown:
        raise ValueError(f"Trường không hợp lệ: {sorted(unknown)}")
    errors: dict[str, str] = {}
    for name, value in fields.items():
        if name == "unit":
            if value is not None and not draft.procedure_version.units.filter(pk=value.pk).exists():
                errors["unit"] = "Đơn vị này không giải quyết thủ tục đã chọn."
            draft.unit = value
            continue
        value = " ".join(str(value or "").split()) if name != "delivery_address" else (
            str(value or "").strip()
        )  # fmt: skip
        setattr(draft, name, value)
    if draft.applicant_phone and not phone_normalize(draft.applicant_phone):
        errors["applicant_phone"] = "Số điện thoại không hợp lệ (10 chữ số, ví dụ 0912345678)."
    elif draft.applicant_phone:
        draft.applicant_phone = phone_normalize(draft.applicant_phone)
    if draft.applicant_email:
        try:
            validate_email(draft.applicant_email)
        except ValidationError:
            errors["applicant_email"] = "Địa chỉ thư điện tử không hợp lệ."
    if draft.result_delivery not in Delivery.values:
        errors["result_delivery"] = "Hình thức nhận kết quả không hợp lệ."
    elif draft.result_delivery == Delivery.POST and draft.procedure_version.postal_excluded:
        errors["result_delivery"] = "Thủ tục này không trả kết quả qua bưu chính."
    if errors:
        raise ValidationError(errors)
    draft.token = uuid.uuid4()
    draft.save()
    for component_id, upload in uploads.items():
        _file_attach(draft=draft, component=components[component_id], upload=upload)
    return draft


@transaction.atomic
def draft_file_reuse(*, draft: FilingDraft, user, component_id: int, document_id: int) -> None:
    """Use one of the citizen's stored documents for a component instead of an upload (the
    same stored file, no copy). Only the citizen filing for themself reuses their store."""
    _editable(draft, user)
    if draft.assisted:
        raise PermissionDenied
    component = draft.procedure_version.components.filter(pk=component_id).first()
    if component is None:
        raise ValidationError("Thành phần hồ sơ không thuộc thủ tục này.")
    try:
        doc = CitizenDocument.objects.get(pk=document_id, owner=draft.citizen_id)
    except CitizenDocument.DoesNotExist as exc:
        raise ValidationError("Không tìm thấy giấy tờ trong kho dữ liệu của bạn.") from exc
    _file_detach(draft=draft, component=component)
    reused = FilingDraftFile(
        draft=draft,
        component=component,
        original_name=doc.original_name or os.path.basename(doc.file.name),
        size=doc.size,
        sha256=doc.sha256,
        document=doc,
    )
    reused.file.name = doc.file.name
    reused.save()
    draft.token = uuid.uuid4()
    draft.save(update_fields=["token", "updated_at"])


@transaction.atomic
def draft_file_remove(*, draft: FilingDraft, user, component_id: int) -> None:
    _editable(draft, user)
    component = draft.procedure_version.components.filter(pk=component_id).first()
    if component is not None:
        _file_detach(draft=draft, component=component)
    draft.token = uuid.uuid4()
    draft.save(update_fields=["token", "updated_at"])


@transaction.atomic
def draft_delete(*, draft: FilingDraft, user) -> None:
    _editable(draft, user)
    for f in draft.files.all():
        if f.document_id is None and f.file:
            name, storage = f.file.name, f.file.storage
            transaction.on_commit(lambda n=name, s=storage: s.delete(n))
    draft.delete()


# --- review and submission -------------------------------------------------------------------


def draft_problems(draft: FilingDraft, files: list[FilingDraftFile] | None = None) -> list[str]:
    """What still stops the draft from being submitted, in Vietnamese (empty: ready)."""
    problems = []
    if draft.unit_id is None:
        problems.append("Chưa chọn nơi nộp hồ sơ (cơ quan giải quyết).")
    if not draft.applicant_name.strip():
        problems.append("Chưa nhập tên người nộp hồ sơ.")
    if not (draft.applicant_phone or draft.applicant_email):
        problems.append("Cần số điện thoại hoặc thư điện tử để nhận thông báo về hồ sơ.")
    if draft.result_delivery == Delivery.POST and not draft.delivery_address.strip():
        problems.append("Chưa nhập địa chỉ nhận kết quả qua bưu chính.")
    if draft.assisted and not draft.consent:
        problems.append("Chưa ghi nhận công dân đồng ý cho hỗ trợ nộp hồ sơ.")
    files = draft.files.all() if files is None else files
    have = {f.component_id for f in files}
    missing = [
        c.name for c in draft.procedure_version.components.all() if c.required and c.pk not in have
    ]
    if missing:
        problems.append("Chưa có tệp của thành phần bắt buộc: " + "; ".join(missing) + ".")
    return problems


def draft_submit(*, draft_id, user, token, now: dt.datetime | None = None) -> tuple[Dossier, bool]:
    """Submit the draft as an online dossier; returns (dossier, created).

    Idempotent: the draft row is locked and marked submitted in the dossier's transaction, so a
    second request (double click, retry) gets (the same dossier, False). A token that is not
    the draft's current one (the draft changed after the review page was shown) is refused.
    """
    at = now or system_clock.now()
    opened: list = []
    try:
        with transaction.atomic():
            draft = FilingDraft.objects.select_for_update().filter(pk=draft_id, owner=user).first()
            if draft is None:
                raise FilingDraft.DoesNotExist
            if draft.status == FilingDraft.Status.SUBMITTED:
                return draft.dossier, False
            if str(token) != str(draft.token):
                raise ValidationError(
                    "Bản nháp đã thay đổi sau khi bạn xem lại: vui lòng kiểm tra lại thông tin "
                    "trước khi nộp."
                )
            files = list(draft.files.select_related("component", "document"))
            problems = draft_problems(draft, files)
            if problems:
                raise ValidationError(problems)
            by_component = {f.component_id: f for f in files}
            components = []
            for c in draft.procedure_version.components.all():
                f = by_component.get(c.pk)
                if f is None:
                    continue
                handle = f.file.open("rb")
                opened.append(handle)
                components.append(
                    {"name": c.name, "file": File(handle, name=os.path.basename(f.original_name))}
                )
            data: dict[str, Any] = {"draft": str(draft.pk)}
            if draft.result_delivery == Delivery.POST:
                data["delivery_address"] = draft.delivery_address
            if draft.assisted:
                data["consent"] = {
                    "citizen": draft.citizen.username,
                    "note": draft.consent_note,
                    "at": draft.consent_at.isoformat() if draft.consent_at else "",
                }
            reused = [f.document for f in files if f.document_id]
            if reused:
                data["reused_documents"] = [d.pk for d in reused]
            dossier = dossier_services.dossier_submit(
                procedure_version=draft.procedure_version,
                unit=draft.unit,
                applicant={
                    "kind": draft.applicant_kind,
                    "name": draft.applicant_name,
                    "id_number": draft.applicant_id_number,
                    "phone": draft.applicant_phone,
                    "email": draft.applicant_email,
                    "address": draft.applicant_address,
                },
                components=components,
                submitted_by=user,
                submitted_at=at,
                result_delivery=draft.result_delivery,
                # The citizen owns the dossier; a helper is recorded as `assisted_by`.
                applicant_user=draft.citizen,
                data=data,
            )
            _documents_keep(draft=draft, dossier=dossier, files=files, at=at)
            draft.status = FilingDraft.Status.SUBMITTED
            draft.dossier = dossier
            draft.submitted_at = at
            draft.save(update_fields=["status", "dossier", "submitted_at", "updated_at"])
            for f in files:
                if f.document_id is None and f.file:
                    name, storage = f.file.name, f.file.storage
                    transaction.on_commit(lambda n=name, s=storage: s.delete(n))
            return dossier, True
    except DossierIncomplete as exc:
        raise ValidationError(
            "Chưa có tệp của thành phần bắt buộc: " + "; ".join(exc.missing) + "."
        ) from exc
    except DossierError as exc:
        raise ValidationError(str(exc)) from exc
    finally:
        for handle in opened:
            handle.close()


def _documents_keep(*, draft: FilingDraft, dossier: Dossier, files, at: dt.datetime) -> None:
    """Reuses are recorded on the new dossier; new uploads join the citizen's store (the
    dossier component's stored file, no copy), unless the same file is there already."""
    owner = draft.citizen
    known = set(CitizenDocument.objects.filter(owner=owner).values_list("sha256", "name"))
    stored = {c.name: c for c in dossier.components.all()}
    for f in files:
        name = f.component.name
        if f.document_id:
            document_reuse_record(document=f.document, dossier=dossier, component_name=name, at=at)
            continue
        component = stored.get(name)
        if component is None or not component.file or (f.sha256, name) in known:
            continue
        citizen_document_add(
            owner=owner,
            name=name,
            kind=CitizenDocument.Kind.COMPONENT,
            file=component.file,
            source_dossier=dossier,
            sha256=f.sha256,
        )
        known.add((f.sha256, name))
