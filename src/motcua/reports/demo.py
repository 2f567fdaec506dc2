"""Historical demo dossiers: Thủ Dầu Một 1/1/2021 – 31/3/2023 (`--profile tdm`), or any number
of dossiers over given years for benchmarks (`--dossiers N --years 2021-2025`).

The dossiers are written in bulk (80,000 in a minute or so), but every date comes from the same
legal clock as real ones: the unit's `WorkCalendar` gives the clock start, the due instant
(pauses of supplement requests included) and the same-day rule. The generator decides *when*
each dossier finished — mostly well before its due instant, a few after it — and the report
classifies them from finished vs due like any other dossier; no class is stored. The `tdm`
profile then keeps exactly as many dossiers finishing in each period as the seed article
reports (25.969 in 2021, 45.820 in 2022, 7.834 in Q1/2023) and makes exactly 44, 3 and 0 of
them finish after their due instant, so the report prints the seed's figures.

What is simplified: dossiers carry no components, and only the events a supervisor audits are
written (refusal, stop, withdrawal, supplement request and receipt, apology, liên thông transfer
and return), not every hand-over.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import Max

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.accounts.services import user_create
from motcua.catalogue.domain import SAME_DAY
from motcua.catalogue.models import ProcedureVersion
from motcua.clock.domain.worktime import DEFAULT_CUTOFF, WorkCalendar
from motcua.clock.selectors import work_calendar_for
from motcua.clock.services import from_wall_time
from motcua.dossiers.domain.codes import LOOKUP_ALPHABET, LOOKUP_LENGTH, dossier_code_format
from motcua.dossiers.domain.workflow import Channel, Status
from motcua.dossiers.models import Dossier, DossierCodeSequence, DossierEvent, DossierPause
from motcua.dossiers.services import agency_code_for
from motcua.org.models import OrgUnit
from motcua.reports import services
from motcua.reports.bulk import copy_data, copy_text, insert_rows
from motcua.reports.domain.periods import Period, quarter, year
from motcua.reports.models import DemoLoad, DossierFactState

CITY = "718"
WARDS = (
    "25741", "25744", "25747", "25750", "25753", "25756", "25759",
    "25760", "25762", "25763", "25765", "25768", "25771", "25774",
)  # fmt: skip
WINDOW = Period(dt.date(2021, 1, 1), dt.date(2023, 3, 31))
# (period, dossiers finishing in it, of which after their due instant) — the seed article.
TDM_TARGETS = ((year(2021), 25_969, 44), (year(2022), 45_820, 3), (quarter(2023, 1), 7_834, 0))

SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Võ", "Phan", "Đặng", "Bùi")
MIDDLE = ("Văn", "Thị", "Minh", "Ngọc", "Thanh", "Hữu", "Quốc", "Thu", "Hoài", "Gia")
GIVEN = ("An", "Bình", "Châu", "Dũng", "Hà", "Hải", "Hạnh", "Khánh", "Lan", "Long", "Mai",
         "Nam", "Phúc", "Quyên", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vy")  # fmt: skip
REFUSE_REASONS = (
    "Thủ tục không thuộc thẩm quyền giải quyết của phường; hướng dẫn nộp tại UBND thành phố.",
    "Người nộp không thuộc đối tượng được giải quyết theo quy định.",
    "Hồ sơ trực tuyến nộp trùng với hồ sơ đã tiếp nhận trước đó.",
)
STOP_REASONS = (
    "Người yêu cầu không bổ sung hồ sơ trong thời hạn đã hướng dẫn.",
    "Có tranh chấp về quyền sử dụng đất đang được Tòa án thụ lý.",
    "Kết quả xác minh cho thấy thông tin kê khai không đúng sự thật.",
)
WITHDRAW_REASONS = (
    "Công dân có đơn xin rút hồ sơ để hoàn thiện lại giấy tờ.",
    "Công dân không còn nhu cầu giải quyết.",
)
SUPPLEMENT_REASONS = (
    "Bổ sung bản sao có chứng thực Giấy chứng nhận quyền sử dụng đất.",
    "Tờ khai còn thiếu chữ ký của người yêu cầu; đề nghị ký bổ sung.",
    "Bổ sung văn bản ủy quyền có chứng thực.",
)
APOLOGY_REASON = "Hồ sơ phải xác minh thêm tại đơn vị liên quan nên chưa có kết quả đúng hẹn."


class DemoError(RuntimeError):
    pass


@dataclass
class Draft:
    """One dossier before it is written: wall-time (naive) instants."""

    unit: OrgUnit
    version: ProcedureVersion
    channel: int
    submitted: dt.datetime
    outcome: str = "resolved"  # resolved, refused, stopped, withdrawn
    start: dt.datetime | None = None
    due: dt.datetime | None = None
    finished: dt.datetime | None = None
    returned: dt.datetime | None = None
    pauses: list[tuple[dt.datetime, dt.datetime]] = field(default_factory=list)
    assisted: bool = False
    late: bool = False
    apology_at: dt.datetime | None = None
    appointment: dt.datetime | None = None
    transfer_to: OrgUnit | None = None


class Generator:
    def __init__(self, *, rng: random.Random, units: dict[str, OrgUnit]) -> None:
        self.rng = rng
        self.units = units
        self.calendars: dict[int, WorkCalendar] = {}
        versions = list(
            ProcedureVersion.objects.filter(status="published").select_related("procedure")
        )
        self.ward_versions = [v for v in versions if v.level == "commune"]
        self.city_versions = [v for v in versions if v.level == "district"]
        if not self.ward_versions or not self.city_versions:
            raise DemoError(
                "Chưa có danh mục thủ tục cấp xã và cấp huyện: chạy `motcua demo-data` trước."
            )
        # Certification and civil status (same-day) are most of a ward's work.
        self.ward_weights = [6 if v.time_unit == SAME_DAY else 1 for v in self.ward_versions]
        self.city_weights = [1] * len(self.city_versions)
        self.desks = [units[f"{w}.MC"] for w in WARDS]
        self.city_desk = units[f"{CITY}.MC"]
        self.transfer_targets = [u for c, u in units.items() if c in ("718.TNMT", "718.QLDT")]

    def calendar(self, unit: OrgUnit) -> WorkCalendar:
        cal = self.calendars.get(unit.pk)
        if cal is None:
            cal = self.calendars[unit.pk] = work_calendar_for(unit)
        return cal

    def online_share(self, day: dt.date) -> float:
        # 12% in January 2021 rising to about 45% by 2023, then flattening.
        months = (day.year - 2021) * 12 + day.month - 1
        return min(0.55, 0.12 + 0.33 * months / 26)

    def draft(self, day: dt.date) -> Draft:
        rng = self.rng
        city = rng.random() < 0.28
        if city:
            unit = self.city_desk
            version = rng.choices(self.city_versions, self.city_weights)[0]
        else:
            unit = rng.choice(self.desks)
            version = rng.choices(self.ward_versions, self.ward_weights)[0]
        r = rng.random()
        online_ok = version.online_level != "none"
        if online_ok and r < self.online_share(day):
            channel = Channel.ONLINE
        elif r > 0.97 and not version.postal_excluded:
            channel = Channel.POSTAL
        else:
            channel = Channel.COUNTER
        cal = self.calendar(unit)
        if channel == Channel.ONLINE and rng.random() < 0.25:
            # Filed online in the evening: the clock starts at the next opening.
            submitted = dt.datetime.combine(day, dt.time(rng.randint(18, 21), rng.randint(0, 59)))
        else:
            minute = rng.choice((rng.randint(450, 689), rng.randint(780, 1019)))
            submitted = dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=minute)
        d = Draft(unit=unit, version=version, channel=int(channel), submitted=submitted)
        d.assisted = channel == Channel.ONLINE and not city and rng.random() < 0.2
        if channel == Channel.ONLINE and rng.random() < 0.012:
            d.outcome = "refused"
            d.finished = cal.due(cal.clock_start(submitted), rng.randint(30, 240))
            return d
        self._timing(d, cal)
        return d

    def _timing(self, d: Draft, cal: WorkCalendar) -> None:
        rng = self.rng
        minutes = d.version.legal_minutes
        d.start = cal.clock_start(d.submitted)
        same_day = d.version.time_unit == SAME_DAY
        if not same_day and rng.random() < 0.04:
            # A supplement request a third of the way in; the citizen answers in 1–3 days.
            p0 = cal.due(d.start, max(30, minutes // 3))
            p1 = cal.due(p0, rng.randint(1, 3) * 480)
            d.pauses.append((p0, p1))
            if rng.random() < 0.05:  # a second request: late for Decision 766
                q0 = cal.due(p1, 60)
                d.pauses.append((q0, cal.due(q0, 480)))
        if same_day:
            cutoff = d.version.same_day_cutoff or DEFAULT_CUTOFF
            d.due = cal.due_same_day(d.submitted, cutoff)
        else:
            d.due = cal.due(d.start, minutes, d.pauses)
        roll = rng.random()
        if roll < 0.003:
            d.outcome = "stopped"
        elif roll < 0.005:
            d.outcome = "withdrawn"
        if d.outcome != "resolved":
            d.finished = cal.due(d.start, max(30, minutes // 2), d.pauses)
            return
        if same_day:
            used = cal.elapsed(d.start, d.due)
            d.finished = cal.due(d.start, max(1, int(used * rng.uniform(0.1, 1.0))))
        elif rng.random() < 0.2:
            d.finished = d.due  # on the due instant: đúng hạn
        else:
            d.finished = cal.due(d.start, int(minutes * rng.uniform(0.25, 0.97)), d.pauses)
        d.finished = min(d.finished, d.due)
        if d.unit == self.city_desk and d.version.field.code in ("DD", "XD") and rng.random() < 0.3:
            d.transfer_to = rng.choice(self.transfer_targets) if self.transfer_targets else None

    def make_late(self, d: Draft, limit: dt.date) -> bool:
        """Finish this dossier after its due instant (still on or before `limit`)."""
        cal = self.calendar(d.unit)
        finished = cal.due(d.due, self.rng.randint(60, 960))
        if finished.date() > limit:
            return False
        d.finished, d.late = finished, True
        if self.rng.random() < 0.6:
            # Mẫu 04 before the due instant, with a new appointment after the finish.
            d.apology_at = max(d.start, d.due - dt.timedelta(hours=2))
            d.appointment = cal.due(finished, 240)
        return True

    def finish(self, d: Draft, now: dt.datetime) -> None:
        if d.outcome == "resolved":
            cal = self.calendar(d.unit)
            returned = cal.due(d.finished, self.rng.choice((1, 30, 120, 480, 960)))
            if returned < now and self.rng.random() < 0.98:
                d.returned = returned


def _reserve_ids(n: int) -> list[int]:
    """PostgreSQL: `n` fresh dossier ids from the table's own sequence."""
    table = Dossier._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, %s)",
            [n],
        )
        return [pk for (pk,) in cursor.fetchall()]


def _working_days(cal: WorkCalendar, period: Period) -> list[dt.date]:
    days, day = [], period.first
    while day <= period.last:
        if cal.is_working_day(day):
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def _officers(units: dict[str, OrgUnit]) -> dict[str, dict[str, User]]:
    """A desk officer and a specialist per ward and for the city (historical accounts that
    cannot sign in)."""
    rng = random.Random(7)
    out: dict[str, dict[str, User]] = {}
    existing = {u.username: u for u in User.objects.filter(username__startswith="ls.")}
    for code in (*WARDS, CITY):
        pair = {}
        for kind, role, unit_code in (
            ("tn", Role.ONE_STOP_OFFICER, f"{code}.MC"),
            ("cv", Role.SPECIALIST, f"{code}.TP" if code != CITY else "718.TNMT"),
        ):
            username = f"ls.{kind}.{code}"
            user = existing.get(username)
            if user is None:
                unit = units.get(unit_code) or units[code]
                name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
                user = user_create(
                    username=username, password=None, full_name=name, unit=unit,
                    roles=[role], is_demo=True,
                )  # fmt: skip
            pair[kind] = user
        out[code] = pair
    return out


def _home(unit: OrgUnit) -> str:
    return unit.code.split(".")[0]


class Writer:
    """Turns drafts into rows: codes by agency and day, events, pauses; bulk inserts."""

    def __init__(
        self, *, rng: random.Random, officers, digital_team: User | None, now: dt.datetime
    ) -> None:
        self.rng = rng
        self.now = now
        self.officers = officers
        self.digital_team = digital_team
        # Continue after codes already used (an earlier load, real intake on those days).
        self.sequences: dict[tuple[str, dt.date], int] = defaultdict(int)
        self.sequences.update(
            ((a, d), last)
            for a, d, last in DossierCodeSequence.objects.values_list("agency_code", "day", "last")
        )
        self.agency: dict[int, str] = {}
        self.written = 0
        # PostgreSQL: ids reserved from the sequence (no read-back of codes) and the report's
        # snapshot rows written with the dossiers; the buckets are then built in one set-based
        # pass (`services.facts_add_from_states`) instead of per-dossier Python.
        self.with_states = connection.vendor == "postgresql"
        self.calendars = services.Calendars()

    def _code(self, unit: OrgUnit, day: dt.date) -> str:
        agency = self.agency.get(unit.pk)
        if agency is None:
            agency = self.agency[unit.pk] = agency_code_for(unit)
        self.sequences[(agency, day)] += 1
        sequence = self.sequences[(agency, day)]
        return dossier_code_format(agency_code=agency, day=day, sequence=sequence)

    def _name(self) -> str:
        r = self.rng
        return f"{r.choice(SURNAMES)} {r.choice(MIDDLE)} {r.choice(GIVEN)}"

    DOSSIER_COLUMNS = (
        "code", "lookup_key", "procedure_version_id", "unit_id", "current_unit_id",
        "applicant_kind", "applicant_name", "applicant_id_number", "applicant_phone",
        "applicant_email", "applicant_address", "applicant_user_id", "channel",
        "assisted_by_id", "postal_receipt_no", "received_by_id", "assignee_id", "status",
        "current_step", "step_started_at", "duration_minutes", "received_at", "clock_start",
        "due_at", "appointment_at", "finished_at", "returned_at", "result_delivery",
        "supplement_count", "is_late_flag", "apologised", "version", "created_at",
    )  # fmt: skip
    EVENT_COLUMNS = (
        "dossier_id", "action", "actor_id", "at", "from_status", "to_status", "from_step",
        "to_step", "from_unit_id", "to_unit_id", "to_user_id", "reason", "step_result", "data",
    )  # fmt: skip
    PAUSE_COLUMNS = ("dossier_id", "kind", "started_at", "ended_at", "reason")
    _STATE_INPUTS = (
        "channel", "status", "received_at", "clock_start", "due_at", "finished_at",
        "returned_at", "supplement_count", "assisted_by_id", "apologised",
    )  # fmt: skip
    _AT = {name: i for i, name in enumerate(DOSSIER_COLUMNS)}

    def write(self, drafts: list[Draft]) -> int:
        drafts = sorted(drafts, key=lambda x: x.submitted)
        pks = _reserve_ids(len(drafts)) if self.with_states else None
        rows, states, codes = self._rows(drafts, pks)
        if pks is None:
            insert_rows(Dossier, self.DOSSIER_COLUMNS, rows)
            ids: dict[str, int] = {}
            for i in range(0, len(codes), 900):
                ids.update(
                    Dossier.objects.filter(code__in=codes[i : i + 900]).values_list("code", "pk")
                )
            pks = [ids[code] for code in codes]
        else:
            insert_rows(Dossier, ("id", *self.DOSSIER_COLUMNS), rows)
            insert_rows(DossierFactState, services.STATE_COLUMNS, states)
        events, pauses = self._extras(drafts, pks)
        insert_rows(DossierEvent, self.EVENT_COLUMNS, events)
        insert_rows(DossierPause, self.PAUSE_COLUMNS, pauses)
        self.written += len(rows)
        return len(rows)

    def build(self, drafts: list[Draft], first_id: int) -> dict[str, list[tuple]]:
        """The rows of these dossiers with ids from `first_id` on (reserved by the caller),
        without touching the database: for the loader's worker processes."""
        drafts = sorted(drafts, key=lambda x: x.submitted)
        pks = range(first_id, first_id + len(drafts))
        rows, states, _ = self._rows(drafts, pks)
        events, pauses = self._extras(drafts, pks)
        return {"dossiers": rows, "states": states, "events": events, "pauses": pauses}

    def _extras(self, drafts, pks) -> tuple[list[tuple], list[tuple]]:
        rng, aware = self.rng, from_wall_time
        events, pauses = [], []
        for d, pk in zip(drafts, pks, strict=True):
            events.extend(self._events(d, pk))
            for a, b in d.pauses:
                reason = rng.choice(SUPPLEMENT_REASONS)
                pauses.append((pk, DossierPause.Kind.SUPPLEMENT.value, aware(a), aware(b), reason))
        return events, pauses

    def _rows(self, drafts, pks) -> tuple[list[tuple], list[tuple], list[str]]:
        """Dossier rows (with the id first when `pks` is given), their report snapshots
        (only with `pks`) and codes."""
        rng = self.rng
        aware = from_wall_time
        created = aware(self.now)
        rows, codes, states = [], [], []
        for i, d in enumerate(drafts):
            status = {
                "refused": Status.NOT_RECEIVED,
                "stopped": Status.STOPPED,
                "withdrawn": Status.WITHDRAWN,
            }.get(d.outcome, Status.RETURNED if d.returned else Status.RESOLVED)
            finished = d.finished
            if finished > self.now:  # not finished yet in real time: still being handled
                status = Status.PROCESSING if d.outcome != "refused" else Status.NEW
                finished = None
            received = None if d.outcome == "refused" else d.submitted
            officer = self.officers[_home(d.unit)]["tn"]
            code = self._code(d.unit, d.submitted.date())
            codes.append(code)
            delivery = (
                Dossier.ResultDelivery.ELECTRONIC
                if d.channel == Channel.ONLINE
                else Dossier.ResultDelivery.POST
                if d.channel == Channel.POSTAL
                else Dossier.ResultDelivery.COUNTER
            )
            row = (
                code,
                "".join(rng.choices(LOOKUP_ALPHABET, k=LOOKUP_LENGTH)),
                d.version.pk,
                d.unit.pk,
                d.unit.pk,
                Dossier.ApplicantKind.PERSON.value,
                self._name(),
                f"0740{rng.randint(0, 99_999_999):08d}",
                "",
                "",
                d.unit.parent.name if d.unit.parent else "",
                None,
                d.channel,
                self.digital_team.pk if d.assisted and self.digital_team else None,
                f"BC{rng.randint(10**8, 10**9 - 1)}" if d.channel == Channel.POSTAL else "",
                None if received is None else officer.pk,
                None,
                int(status),
                0,
                aware(received) if received else None,
                d.version.legal_minutes,
                aware(received) if received else None,
                aware(d.start) if received else None,
                aware(d.due) if received else None,
                aware(d.appointment or d.due) if received else None,
                aware(finished) if finished else None,
                aware(d.returned) if d.returned else None,
                delivery.value,
                len(d.pauses),
                len(d.pauses) > 1,
                d.apology_at is not None,
                1,
                created,
            )
            if pks is None:
                rows.append(row)
                continue
            rows.append((pks[i], *row))
            states.append(self._state(pks[i], d, row))
        return rows, states, codes

    def _state(self, pk: int, d: Draft, row: tuple) -> tuple:
        """The `DossierFactState` row of a dossier about to be written: `services.snapshot_of`
        on the values the dossier row holds, as `facts_rebuild` would read them back."""
        at = self._AT
        values = {
            "id": pk,
            "unit_id": d.unit.pk,
            "procedure_version__procedure_id": d.version.procedure_id,
            "procedure_version__field_id": d.version.field_id,
            **{name: row[at[name]] for name in self._STATE_INPUTS},
        }
        pauses = [(from_wall_time(a), from_wall_time(b)) for a, b in d.pauses]
        snap = services.snapshot_of(values, pauses, self.calendars)
        return (
            pk,
            *services._dims(values),
            *(getattr(snap, n) for n in services.SNAPSHOT_FIELDS),
        )

    def _events(self, d: Draft, pk: int) -> list[tuple]:
        aware = from_wall_time
        people = self.officers[_home(d.unit)]
        out = []

        def ev(action, at, actor, reason="", frm=None, to=None, **kw):
            out.append(
                (
                    pk, action, actor.pk, aware(at), frm, to, 0, 0,
                    kw.get("from_unit", d.unit).pk, kw.get("to_unit", d.unit).pk, None,
                    reason, "", kw.get("data", {}),
                )
            )  # fmt: skip

        rng = self.rng
        if d.outcome == "refused":
            ev("refuse", d.finished, people["tn"], rng.choice(REFUSE_REASONS),
               Status.NEW, Status.NOT_RECEIVED)  # fmt: skip
            return out
        for i, (a, b) in enumerate(d.pauses, 1):
            ev("request_supplement", a, people["cv"], rng.choice(SUPPLEMENT_REASONS),
               Status.PROCESSING, Status.SUPPLEMENT_REQUESTED,
               data={"supplement_no": i, "marks_late": i > 1})  # fmt: skip
            ev("receive_supplement", b, people["tn"], "", Status.SUPPLEMENT_REQUESTED,
               Status.PROCESSING)  # fmt: skip
        if d.transfer_to is not None:
            t0 = d.start + (d.finished - d.start) / 3
            t1 = d.start + 2 * (d.finished - d.start) / 3
            ev("transfer", t0, people["cv"], "Chuyển liên thông lấy ý kiến chuyên môn.",
               Status.PROCESSING, Status.PROCESSING, to_unit=d.transfer_to)  # fmt: skip
            ev("transfer_return", t1, people["cv"], "Đã có ý kiến, trả hồ sơ.",
               Status.PROCESSING, Status.PROCESSING, from_unit=d.transfer_to)  # fmt: skip
        if d.apology_at is not None:
            ev(
                "apologise",
                d.apology_at,
                people["cv"],
                APOLOGY_REASON,
                Status.PROCESSING,
                Status.PROCESSING,
                data={"new_appointment": aware(d.appointment).isoformat()},
            )
        if d.outcome == "stopped":
            ev("stop", d.finished, people["cv"], rng.choice(STOP_REASONS), Status.PROCESSING,
               Status.STOPPED)  # fmt: skip
        elif d.outcome == "withdrawn":
            ev("withdraw", d.finished, people["tn"], rng.choice(WITHDRAW_REASONS),
               Status.PROCESSING, Status.WITHDRAWN)  # fmt: skip
        return out

    def save_sequences(self) -> None:
        """Record the last sequence used per agency and day, so that real intake on those days
        (an import, a test) never reuses a demo code."""
        existing = {
            (s.agency_code, s.day): s
            for s in DossierCodeSequence.objects.filter(
                agency_code__in={a for a, _ in self.sequences}
            )
        }
        new, changed = [], []
        for (agency, day), last in self.sequences.items():
            s = existing.get((agency, day))
            if s is None:
                new.append(DossierCodeSequence(agency_code=agency, day=day, last=last))
            elif s.last < last:
                changed.append(DossierCodeSequence(agency_code=agency, day=day, last=last))
        DossierCodeSequence.objects.bulk_create(new, batch_size=1000)
        # An upsert rather than `bulk_update` (whose CASE per row takes seconds for 20,000 days).
        DossierCodeSequence.objects.bulk_create(
            changed,
            batch_size=1000,
            update_conflicts=True,
            unique_fields=["agency_code", "day"],
            update_fields=["last"],
        )


def _parse_years(years: str | None) -> Period:
    if not years:
        return WINDOW
    try:
        a, _, b = str(years).partition("-")
        first, last = int(a), int(b or a)
        return Period(dt.date(first, 1, 1), dt.date(last, 12, 31))
    except ValueError:
        raise DemoError(f"Khoảng năm '{years}' không hợp lệ: dùng dạng 2021-2025.") from None


def load_profile(
    name: str = "tdm",
    *,
    dossiers: int | None = None,
    years: str | None = None,
    stdout=None,
    progress: bool = True,
    seed: int = 2021,
    now: dt.datetime | None = None,
) -> int:
    """Load a historical profile; returns the number of dossiers created (0 if it was
    already loaded). `tdm` without `dossiers`/`years` reproduces the seed article's figures."""
    stdout = stdout or sys.stdout
    if name != "tdm":
        raise DemoError(f"Không có bộ dữ liệu '{name}'. Bộ hiện có: tdm.")
    exact = dossiers is None and years is None
    window = _parse_years(years) if years else WINDOW
    params = "seed" if exact else f"n={dossiers or 0};years={window.first.year}-{window.last.year}"
    if DemoLoad.objects.filter(profile=name, params=params).exists():
        stdout.write(f"Bộ dữ liệu {name} ({params}) đã được nạp trước đó: không thay đổi gì.\n")
        return 0
    units = {u.code: u for u in OrgUnit.objects.select_related("parent")}
    missing = [c for c in (CITY, f"{CITY}.MC", *(f"{w}.MC" for w in WARDS)) if c not in units]
    if missing:
        raise DemoError(
            "Chưa có cơ cấu tổ chức Thủ Dầu Một (thiếu " + ", ".join(missing[:3]) + "…): "
            "chạy `motcua demo-data` trước."
        )
    now_wall = (now or dt.datetime.now()).replace(tzinfo=None)
    rng = random.Random(seed if exact else seed + (dossiers or 0))
    gen = Generator(rng=rng, units=units)
    officers = _officers(units)
    digital = User.objects.filter(groups__name=Role.DIGITAL_TEAM.value).order_by("pk").first()
    writer = Writer(rng=rng, officers=officers, digital_team=digital, now=now_wall)
    first_new = (Dossier.objects.aggregate(m=Max("pk"))["m"] or 0) + 1
    bar = services.progress_bar("Tạo hồ sơ mẫu") if progress else None
    cal = gen.calendar(gen.city_desk)
    with transaction.atomic():
        if exact:
            created = _load_exact(gen, writer, cal, now_wall, bar)
        elif writer.with_states and (dossiers or 0) >= PARALLEL_FROM:
            created = _load_scaled_parallel(
                gen, writer, cal, window, dossiers, now_wall, bar, seed=seed + dossiers
            )
        else:
            created = _load_scaled(gen, writer, cal, window, dossiers or 10_000, now_wall, bar)
        writer.save_sequences()
        if writer.with_states:
            services.facts_add_from_states(first_dossier_id=first_new)
        else:
            services.facts_rebuild(
                dossier_filter={"pk__gte": first_new},
                progress=services.progress_bar("Tổng hợp số liệu") if progress else None,
            )
        DemoLoad.objects.create(profile=name, params=params, dossiers=created)
    stdout.write(f"Đã tạo {created:,} hồ sơ mẫu ({params}).\n".replace(",", "."))
    return created


def _load_exact(gen: Generator, writer: Writer, cal, now, bar) -> int:
    """The seed's three periods: draw ~4% more dossiers than needed, keep exactly the target
    number finishing in each period, make exactly the target number of them late."""
    by_period: dict[int, list[Draft]] = defaultdict(list)
    others: list[Draft] = []
    for i, (period, target, _late) in enumerate(TDM_TARGETS):
        days = _working_days(cal, period)
        # Extra candidates: some finish in the next period, a few are refused/stopped.
        per_day = target * 1.06 / len(days)
        for day in days:
            n = int(per_day) + (1 if gen.rng.random() < per_day % 1 else 0)
            for _ in range(n):
                d = gen.draft(day)
                if d.outcome != "resolved":
                    others.append(d)
                    continue
                home = next(
                    (j for j, (p, _, _) in enumerate(TDM_TARGETS)
                     if p.first <= d.finished.date() <= p.last),
                    None,
                )  # fmt: skip
                if home is None:
                    others.append(d)  # finishes after 31/3/2023: still open at the window's end
                else:
                    by_period[home].append(d)
        if bar:
            bar(i + 1, len(TDM_TARGETS) + 1)
    drafts: list[Draft] = list(others)
    for i, (period, target, late) in enumerate(TDM_TARGETS):
        pool = by_period[i]
        if len(pool) < target:
            raise DemoError(f"{period.label}: chỉ tạo được {len(pool)} hồ sơ, cần {target}.")
        gen.rng.shuffle(pool)
        keep = pool[:target]
        made = 0
        for d in keep:
            if made == late:
                break
            if d.version.time_unit != SAME_DAY and not d.pauses and gen.make_late(d, period.last):
                made += 1
        if made != late:
            raise DemoError(f"{period.label}: không tạo đủ {late} hồ sơ quá hạn.")
        drafts.extend(keep)
    for d in drafts:
        gen.finish(d, now)
    total = len(drafts)
    for start in range(0, total, 20_000):
        writer.write(drafts[start : start + 20_000])
    if bar:
        bar(len(TDM_TARGETS) + 1, len(TDM_TARGETS) + 1)
    return total


def _load_scaled(gen: Generator, writer: Writer, cal, window: Period, n: int, now, bar) -> int:
    """`n` dossiers spread over the window's working days, month by month; about 0,3% late."""
    days = _working_days(cal, window)
    per_day = n / len(days)
    made, carry = 0, 0.0
    batch: list[Draft] = []
    for i, day in enumerate(days):
        carry += per_day
        k = int(carry) if i < len(days) - 1 else n - made
        carry -= int(carry)
        for _ in range(k):
            d = gen.draft(day)
            if d.outcome == "resolved" and d.version.time_unit != SAME_DAY and not d.pauses:
                if gen.rng.random() < 0.003:
                    gen.make_late(d, dt.date.max)
            gen.finish(d, now)
            batch.append(d)
        made += k
        if len(batch) >= 20_000 or i == len(days) - 1:
            writer.write(batch)
            batch = []
            if bar:
                bar(made, n)
    return made


# PostgreSQL, large scaled loads: dossiers are generated in worker processes (one per core),
# CHUNK dossiers (whole days) at a time, each chunk with its own random stream; the parent only
# streams the workers' COPY text to the server. Below PARALLEL_FROM the serial path is used.
PARALLEL_FROM = 200_000
CHUNK = 20_000
_WORKER: dict = {}


def _day_counts(cal, window: Period, n: int) -> list[tuple[dt.date, int]]:
    """`n` dossiers over the window's working days, as `_load_scaled` spreads them."""
    days = _working_days(cal, window)
    per_day = n / len(days)
    out, made, carry = [], 0, 0.0
    for i, day in enumerate(days):
        carry += per_day
        k = int(carry) if i < len(days) - 1 else n - made
        carry -= int(carry)
        out.append((day, k))
        made += k
    return out


def _reserve_block(n: int) -> int:
    """PostgreSQL: reserve `n` consecutive dossier ids; returns the first. The table is locked
    against other inserts until the loader's transaction ends, so no id is taken in between."""
    table = Dossier._meta.db_table
    seq = f"pg_get_serial_sequence('{table}', 'id')"
    with connection.cursor() as cursor:
        cursor.execute(f"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE")
        cursor.execute(f"SELECT nextval({seq})")
        (first,) = cursor.fetchone()
        cursor.execute(f"SELECT setval({seq}, %s)", [first + n - 1])
    return first


def _worker_init() -> None:
    """A forked worker never uses the parent's database connection (any query would open its
    own); the parent's connection object is kept referenced so that it is not closed here."""
    from django.db import connections

    for conn in connections.all(initialized_only=True):
        _WORKER.setdefault("inherited", []).append(conn.connection)
        conn.connection = None


def _scaled_chunk(spec) -> tuple[int, dict[str, bytes], dict]:
    index, day_counts, first_id = spec
    gen, writer, now = _WORKER["gen"], _WORKER["writer"], _WORKER["now"]
    rng = random.Random(_WORKER["seed"] * 1_000_003 + index)
    gen.rng = writer.rng = rng
    drafts = []
    for day, k in day_counts:
        for _ in range(k):
            d = gen.draft(day)
            if d.outcome == "resolved" and d.version.time_unit != SAME_DAY and not d.pauses:
                if rng.random() < 0.003:
                    gen.make_late(d, dt.date.max)
            gen.finish(d, now)
            drafts.append(d)
    tables = writer.build(drafts, first_id)
    days = {day for day, _ in day_counts}
    sequences = {key: last for key, last in writer.sequences.items() if key[1] in days}
    return len(drafts), {name: copy_text(rows) for name, rows in tables.items()}, sequences


def _load_scaled_parallel(gen, writer, cal, window, n, now, bar, *, seed) -> int:
    import multiprocessing
    import os

    specs, batch, size, first = [], [], 0, _reserve_block(n)
    for day, k in _day_counts(cal, window, n):
        batch.append((day, k))
        size += k
        if size >= CHUNK:
            specs.append((len(specs), batch, first))
            first, batch, size = first + size, [], 0
    if batch:
        specs.append((len(specs), batch, first))
    # Everything the workers read, loaded here: they never query the database.
    for unit in {gen.city_desk, *gen.desks, *gen.transfer_targets}:
        writer.calendars._by_unit[unit.pk] = gen.calendar(unit)
        writer.agency[unit.pk] = agency_code_for(unit)
    for version in (*gen.ward_versions, *gen.city_versions):
        _ = version.field, version.procedure
    _WORKER.update(gen=gen, writer=writer, now=now, seed=seed)
    tables = (
        ("dossiers", Dossier, ("id", *Writer.DOSSIER_COLUMNS)),
        ("states", DossierFactState, services.STATE_COLUMNS),
        ("events", DossierEvent, Writer.EVENT_COLUMNS),
        ("pauses", DossierPause, Writer.PAUSE_COLUMNS),
    )
    made = 0
    context = multiprocessing.get_context("fork")
    with context.Pool(os.cpu_count() or 2, initializer=_worker_init) as pool:
        for k, blobs, sequences in pool.imap(_scaled_chunk, specs):
            for name, model, columns in tables:
                copy_data(model, columns, blobs[name])
            writer.sequences.update(sequences)
            made += k
            if bar:
                bar(made, n)
    _WORKER.clear()
    writer.written += made
    return made
