"""The printed forms of a dossier: `motcua.printing` dataclasses built from the dossier and its
audit events, rendered with the rule set the dossier was received under.

- `receipt_data` (Mẫu 01), `supplement_data` (Mẫu 02, from the last supplement request),
  `refusal_data` (Mẫu 03), `apology_data` (Mẫu 04), `stop_data` (TT 03/2025 Mẫu 05) and
  `control_sheet_data` (phiếu kiểm soát: one hand-over per audit event, with the step's result);
- `guidance_data`: the single guidance slip (Mẫu 02) for an incomplete intake that was not
  received, so no dossier exists;
- `log_rows` / `dossier_log`: the dossier log (Sổ theo dõi hồ sơ) of the reader's units.

The wording of each form lives in the printing templates; this module only fills the fields.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from django.db.models import Prefetch
from django.utils import timezone, translation

from motcua import printing
from motcua.catalogue.models import Component as CatalogueComponent
from motcua.core.errors import MessageError
from motcua.core.formatting import vn_number
from motcua.dossiers.domain.workflow import CHANNEL_LABELS, Action, Channel, Status
from motcua.dossiers.models import Dossier, DossierEvent
from motcua.dossiers.notify import lines
from motcua.org.models import OrgUnit
from motcua.org.selectors import unit_administrative
from motcua.printing.render import manifest

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

# Form keys of `motcua.printing` that a dossier can print (in URLs: /ho-so/<code>/in/<form>/).
FORMS = ("receipt", "supplement", "refusal", "apology", "stop", "control_sheet")

# Administrative prefixes dropped from a unit's name to give the place name of the date line.
PLACE_PREFIXES = ("Thành phố ", "Thị trấn ", "Thị xã ", "Phường ", "Quận ", "Huyện ", "Tỉnh ")
PLACE_PREFIXES += ("Xã ", "Đặc khu ")

# Audit actions that hand the dossier from one step, person or body to another: the lines of
# the control sheet.
HANDOVER_ACTIONS = frozenset(
    {
        Action.ASSIGN,
        Action.FORWARD,
        Action.APPROVE,
        Action.SIGN,
        Action.TRANSFER,
        Action.TRANSFER_RETURN,
        Action.SEND_BACK,
        Action.MARK_RESULT_READY,
        Action.RETURN_RESULT,
    }
)
STEP_RESULTS = {c.value: c.label.lower() for c in DossierEvent.StepResult}
FORM_LABELS = dict(CatalogueComponent.Form.choices)
NO_ASSIGNEE = "(chưa phân công)"
DEFAULT_LEGAL_BASIS = "Quy định của thủ tục hành chính đã được công bố"


class DocumentUnavailable(MessageError):
    """This form cannot be printed for this dossier (yet); `message` is in Vietnamese."""


# --- small helpers -----------------------------------------------------------------------------


def person_name(user) -> str:
    if user is None:
        return ""
    return (user.full_name or user.get_full_name() or user.username).strip()


def agency_name(admin: OrgUnit) -> str:
    """ "Phường Hiệp Thành" → "Ủy ban nhân dân phường Hiệp Thành"."""
    return f"Ủy ban nhân dân {admin.name[:1].lower()}{admin.name[1:]}"


def place_name(admin: OrgUnit) -> str:
    for prefix in PLACE_PREFIXES:
        if admin.name.startswith(prefix):
            return admin.name[len(prefix) :]
    return admin.name


def local_date(at: dt.datetime) -> dt.date:
    return timezone.localtime(at, LOCAL_TZ).date()


def _header(unit: OrgUnit, on: dt.date) -> dict:
    admin = unit_administrative(unit=unit)
    return {
        "agency_name": agency_name(admin),
        "unit_name": unit.name,
        "place": place_name(admin),
        "issued_on": on,
    }


def _applicant(dossier: Dossier) -> dict:
    return {
        "applicant_name": dossier.applicant_name,
        "applicant_address": dossier.applicant_address,
        "phone": dossier.applicant_phone,
        "email": dossier.applicant_email,
    }


def _last_event(dossier: Dossier, action: Action, what: str) -> DossierEvent:
    event = (
        dossier.events.filter(action=action).select_related("actor").order_by("-at", "-id").first()
    )
    if event is None:
        raise DocumentUnavailable(f"Hồ sơ {dossier.code} chưa có {what} nên chưa có phiếu để in.")
    return event


def _items(text: str) -> list[str]:
    return lines(text) or [text.strip()]


def rule_set(dossier: Dossier) -> str:
    """The rule set the dossier keeps for life: that of its reception (or filing)."""
    return printing.rule_set_for(dossier.received_at or dossier.created_at)


# --- forms of a dossier ------------------------------------------------------------------------


def receipt_data(dossier: Dossier, *, status_url: str) -> printing.ReceiptData:
    """Giấy tiếp nhận hồ sơ và hẹn trả kết quả, with the appointment given at reception."""
    if dossier.received_at is None:
        raise DocumentUnavailable(f"Hồ sơ {dossier.code} chưa được tiếp nhận.")
    pv = dossier.procedure_version
    received = (
        dossier.events.filter(action=Action.RECEIVE).order_by("at", "id").only("data").first()
    )
    due = received.data.get("due_at") if received else None
    fees = "; ".join(f"{f.description}: {vn_number(f.amount)} đồng" for f in pv.fees.all())
    return printing.ReceiptData(
        **_header(dossier.unit, local_date(dossier.received_at)),
        **_applicant(dossier),
        dossier_code=dossier.code,
        procedure_name=pv.name,
        components=[
            printing.Component(name=c.name, form=FORM_LABELS.get(c.form, c.form), copies=c.copies)
            for c in dossier.components.all()
            if not c.supplement
        ],
        processing_time=pv.time_text,
        received_at=dossier.received_at,
        due_at=dt.datetime.fromisoformat(due) if due else dossier.due_at,
        result_delivery=dossier.get_result_delivery_display(),
        lookup_key=dossier.lookup_key,
        status_url=status_url,
        officer_name=person_name(dossier.received_by),
        fees=fees,
    )


def supplement_data(dossier: Dossier) -> printing.SupplementData:
    """Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ for the last supplement request."""
    event = _last_event(dossier, Action.REQUEST_SUPPLEMENT, "yêu cầu bổ sung")
    officer = event.actor
    return printing.SupplementData(
        **_header(dossier.unit, local_date(event.at)),
        **_applicant(dossier),
        procedure_name=dossier.procedure_version.name,
        missing=_items(event.reason),
        reason="Hồ sơ chưa đầy đủ, chưa hợp lệ theo quy định của thủ tục hành chính.",
        contact_name=person_name(officer),
        contact_phone=(officer.phone if officer else "") or "…",
        officer_name=person_name(officer),
        dossier_code=dossier.code,
    )


def refusal_data(dossier: Dossier) -> printing.RefusalData:
    event = _last_event(dossier, Action.REFUSE, "quyết định từ chối tiếp nhận")
    return printing.RefusalData(
        **_header(dossier.unit, local_date(event.at)),
        **_applicant(dossier),
        procedure_name=dossier.procedure_version.name,
        legal_basis=dossier.procedure_version.legal_basis.strip() or DEFAULT_LEGAL_BASIS,
        reasons=_items(event.reason),
        officer_name=person_name(event.actor),
        dossier_code=dossier.code,
    )


def _signer(user) -> tuple[str, str]:
    roles = sorted(getattr(user, "roles", set()) or [])
    return (roles[0].label if roles else "Người ký", person_name(user))


def _signed_notice(dossier: Dossier, event) -> dict:
    """What a notice signed for the administrative body (apology, stop) says of the dossier:
    header and applicant, the issuing body, the dossier, and the signer of `event`."""
    title, name = _signer(event.actor)
    return {
        **_header(dossier.unit, local_date(event.at)),
        **_applicant(dossier),
        "issuer_name": agency_name(unit_administrative(unit=dossier.unit)),
        "dossier_code": dossier.code,
        "procedure_name": dossier.procedure_version.name,
        "received_at": dossier.received_at,
        "signer_title": str(title),
        "signer_name": name,
    }


def apology_data(dossier: Dossier) -> printing.ApologyData:
    event = _last_event(dossier, Action.APOLOGISE, "văn bản xin lỗi, hẹn lại")
    before = event.data.get("appointment_before")
    new = event.data.get("new_appointment")
    return printing.ApologyData(
        **_signed_notice(dossier, event),
        due_at=dt.datetime.fromisoformat(before) if before else dossier.due_at,
        reason=event.reason,
        new_due_at=dt.datetime.fromisoformat(new) if new else dossier.appointment_at,
    )


def stop_data(dossier: Dossier) -> printing.StopData:
    """Thông báo dừng giải quyết hồ sơ (only in the TT 03/2025 set)."""
    event = _last_event(dossier, Action.STOP, "quyết định dừng xử lý")
    return printing.StopData(
        **_signed_notice(dossier, event),
        legal_basis=dossier.procedure_version.legal_basis.strip() or DEFAULT_LEGAL_BASIS,
        reasons=_items(event.reason),
    )


def control_sheet_data(dossier: Dossier) -> printing.ControlSheetData:
    """Phiếu kiểm soát: one line per hand-over in the audit trail, with the step's result."""
    if dossier.received_at is None:
        raise DocumentUnavailable(f"Hồ sơ {dossier.code} chưa được tiếp nhận.")
    steps = {s.order: s.name for s in dossier.procedure_version.steps.all()}
    events = (
        dossier.events.filter(action__in=[a.value for a in HANDOVER_ACTIONS])
        .select_related("actor", "to_user", "from_unit", "to_unit")
        .order_by("at", "id")
    )
    handovers, coordinating, handling = [], [], ""
    for e in events:
        giver_unit = e.from_unit.name if e.from_unit else dossier.unit.name
        receiver_unit = e.to_unit.name if e.to_unit else giver_unit
        if e.action == Action.RETURN_RESULT:
            receiver_unit, receiver = "Cá nhân, tổ chức", dossier.applicant_name
        else:
            receiver = person_name(e.to_user) or NO_ASSIGNEE
        if e.action == Action.ASSIGN and not handling and e.to_unit:
            handling = e.to_unit.name
        if e.action == Action.TRANSFER and e.to_unit and e.to_unit.name not in coordinating:
            coordinating.append(e.to_unit.name)
        note = Action(e.action).label
        if e.reason:
            note = f"{note}: {e.reason}"
        handovers.append(
            printing.Handover(
                step=steps.get(e.from_step or 0, "Tiếp nhận hồ sơ"),
                giver_unit=giver_unit,
                giver_name=person_name(e.actor),
                receiver_unit=receiver_unit,
                receiver_name=receiver,
                at=e.at,
                result=STEP_RESULTS.get(e.step_result, ""),
                note=note,
            )
        )
    return printing.ControlSheetData(
        **_header(dossier.unit, local_date(dossier.received_at)),
        dossier_code=dossier.code,
        applicant_name=dossier.applicant_name,
        procedure_name=dossier.procedure_version.name,
        handling_body=handling or dossier.current_unit.name,
        coordinating_bodies=coordinating,
        received_at=dossier.received_at,
        due_at=dossier.appointment_at or dossier.due_at,
        handovers=handovers,
    )


BUILDERS = {
    "supplement": supplement_data,
    "refusal": refusal_data,
    "apology": apology_data,
    "stop": stop_data,
    "control_sheet": control_sheet_data,
}


def closing_forms(dossier: Dossier) -> list[str]:
    """The notices this dossier's state calls for and its rule set prints: the refusal
    (Mẫu 03) of a dossier not received, the stop notice of a stopped one, the apology with a
    new appointment (Mẫu 04) once given."""
    wanted = []
    if dossier.status == Status.NOT_RECEIVED:
        wanted.append("refusal")
    if dossier.status == Status.STOPPED:
        wanted.append("stop")
    if dossier.apologised:
        wanted.append("apology")
    if not wanted:
        return []
    printed = manifest(rule_set(dossier))["forms"]
    return [form for form in wanted if form in printed]


def dossier_form_pdf(dossier: Dossier, form: str, *, status_url: str) -> bytes:
    """Render `form` of the dossier's rule set; `DocumentUnavailable` if it has none to print."""
    rules = rule_set(dossier)
    if form not in FORMS or form not in manifest(rules)["forms"]:
        raise DocumentUnavailable(
            f"Bộ biểu mẫu áp dụng cho hồ sơ {dossier.code} không có mẫu “{form}”."
        )
    if form == "receipt":
        data = receipt_data(dossier, status_url=status_url)
    else:
        data = BUILDERS[form](dossier)
    # An officer reading the site in English gets the form bilingual (printing/README).
    return printing.render_form(
        rule_set=rules, form=form, data=data, language=translation.get_language()
    )


# --- guidance slip for an intake that was not received -----------------------------------------


def guidance_data(
    *,
    procedure_version,
    unit: OrgUnit,
    applicant: dict,
    missing: Iterable,
    officer,
    on: dt.date | None = None,
) -> printing.SupplementData:
    """Mẫu 02 for a citizen whose dossier was incomplete at the counter: every missing
    component (catalogue `Component` rows) listed once; no dossier is created."""
    missing = list(missing)
    return printing.SupplementData(
        **_header(unit, on or timezone.localdate(timezone=LOCAL_TZ)),
        applicant_name=str(applicant.get("name", "")).strip(),
        applicant_address=str(applicant.get("address", "")).strip(),
        phone=str(applicant.get("phone", "")).strip(),
        email=str(applicant.get("email", "")).strip(),
        procedure_name=procedure_version.name,
        missing=[
            f"{c.name} ({FORM_LABELS.get(c.form, c.form).lower()}, {c.copies} bản)" for c in missing
        ],
        reason="Hồ sơ chưa đủ thành phần theo quy định của thủ tục hành chính.",
        contact_name=person_name(officer),
        contact_phone=officer.phone or "…",
        officer_name=person_name(officer),
    )


def guidance_pdf(**kwargs) -> bytes:
    data = guidance_data(**kwargs)
    rules = printing.rule_set_for(data.issued_on)
    return printing.render_form(
        rule_set=rules, form="supplement", data=data, language=translation.get_language()
    )


# --- the dossier log ---------------------------------------------------------------------------


def _day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=LOCAL_TZ)


def log_dossiers(*, dossiers, start: dt.date, end: dt.date):
    """`dossiers` (already scoped to the reader) received between `start` and `end` (Vietnamese
    dates, inclusive), oldest first, with what the log prints loaded in a fixed number of
    queries."""
    first_assign = Prefetch(
        "events",
        queryset=DossierEvent.objects.filter(action=Action.ASSIGN)
        .select_related("to_unit")
        .order_by("at", "id"),
        to_attr="assignments",
    )
    return (
        dossiers.filter(
            received_at__gte=_day_start(start),
            received_at__lt=_day_start(end + dt.timedelta(days=1)),
        )
        .select_related("procedure_version", "current_unit")
        .prefetch_related(first_assign)
        .order_by("received_at", "id")
    )


NOTE_STATUSES = {Status.STOPPED, Status.WITHDRAWN, Status.NOT_RECEIVED}


def log_row(d: Dossier) -> printing.LogRow:
    assigned = d.assignments[0] if d.assignments else None
    status = Status(d.status)
    notes = [status.label] if status in NOTE_STATUSES else []
    if d.apologised:
        notes.append("Đã xin lỗi, hẹn lại")
    if d.is_late_flag:
        notes.append("Bổ sung nhiều lần")
    return printing.LogRow(
        dossier_code=d.code,
        procedure_name=d.procedure_version.name,
        applicant_name=d.applicant_name,
        received_at=d.received_at,
        due_at=d.appointment_at or d.due_at,
        applicant_address=d.applicant_address,
        phone=d.applicant_phone,
        handling_body=(assigned.to_unit.name if assigned and assigned.to_unit else "")
        or d.current_unit.name,
        transferred_at=assigned.at if assigned else None,
        result_received_at=d.finished_at if status in (Status.RESOLVED, Status.RETURNED) else None,
        returned_at=d.returned_at,
        channel=CHANNEL_LABELS[Channel(d.channel)],
        note="; ".join(notes),
    )


def dossier_log(*, dossiers, start: dt.date, end: dt.date, unit: OrgUnit | None) -> bytes:
    rows = [log_row(d) for d in log_dossiers(dossiers=dossiers, start=start, end=end)]
    header = {}
    if unit is not None:
        admin = unit_administrative(unit=unit)
        header = {"agency_name": agency_name(admin), "unit_name": unit.name}
    return printing.dossier_log_xlsx(rows, printing.LogPeriod(start=start, end=end, **header))
