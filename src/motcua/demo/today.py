"""Demo dossiers in flight today: Phường Thủ Dầu Một and Phường Phú Lợi, every channel and state.

Each dossier is played through the real services (receive or submit, assign, forward, liên
thông to the city's Sở Nông nghiệp và Môi trường and back, approve, sign, supplement, payment,
result, return, refusal, stop, withdrawal) at instants counted back from now in working days,
so the deadlines, step results and notifications are the ones real work produces: some
dossiers are near their due instant, some past it, some wait for the citizen. Loaded once:
when today's wards already hold dossiers nothing is added.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.utils import timezone

from motcua.accounts.models import User
from motcua.catalogue.models import ProcedureVersion
from motcua.dossiers import services as s
from motcua.dossiers.domain.workflow import Channel
from motcua.dossiers.models import Dossier
from motcua.org.models import OrgUnit

WARD = "79.25747"
WARD_DESK = "79.25747.PVHCC"
SECOND_DESK = "79.25750.PVHCC"
LAND_OFFICE = "79.SNNMT"

BIRTH = "1.001193"
MARRIAGE = "1.000894"
COPY = "2.000815"
FOREIGN_MARRIAGE = "2.000806"
HOUSEHOLD_BUSINESS = "1.001612"
BUILDING_PERMIT = "1.013225"
LAND = "1.013978"

# A valid one-page PDF: the electronic result the demo's officers attach.
RESULT_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


@dataclass(frozen=True)
class Person:
    name: str
    id_number: str
    phone: str
    address: str

    def applicant(self) -> dict[str, str]:
        return {
            "kind": "person",
            "name": self.name,
            "id_number": self.id_number,
            "phone": self.phone,
            "address": self.address,
        }


PEOPLE = [
    Person("Nguyễn Thị Hồng", "074190001234", "0903123401", "12 Yersin, phường Thủ Dầu Một"),
    Person("Trần Quốc Bảo", "074088002345", "0903123402", "45 Bạch Đằng, phường Thủ Dầu Một"),
    Person("Lê Minh Châu", "074195003456", "0903123403", "8 Đinh Bộ Lĩnh, phường Thủ Dầu Một"),
    Person("Phạm Thị Dung", "074187004567", "0903123404", "3 Ngô Quyền, phường Thủ Dầu Một"),
    Person("Huỳnh Văn Em", "074079005678", "0903123405", "101 Cách Mạng Tháng Tám"),
    Person("Võ Thị Giang", "074192006789", "0903123406", "27 Huỳnh Văn Lũy, phường Phú Lợi"),
    Person("Đặng Văn Hải", "074085007890", "0903123407", "5 Phú Lợi, phường Phú Lợi"),
    Person("Bùi Thị Kim", "074198008901", "0903123408", "66 Lê Hồng Phong, phường Phú Lợi"),
]


def working_day_back(now: dt.datetime, days: int, hour: int, minute: int = 0) -> dt.datetime:
    """`days` working days (Monday–Friday) before `now`, at `hour:minute` local time, and
    never after `now` (a dossier is never received in the future)."""
    local = timezone.localtime(now)
    day = local.date()
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    for _ in range(days):
        day -= dt.timedelta(days=1)
        while day.weekday() >= 5:
            day -= dt.timedelta(days=1)
    at = timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))
    return min(at, now - dt.timedelta(minutes=5))


class Desk:
    """Plays dossiers through the services for the demo's people and units."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now
        self.users = {u.username: u for u in User.objects.filter(is_demo=True)}
        self.units = {u.code: u for u in OrgUnit.objects.filter(code__startswith="79")}
        self.versions = {
            v.procedure.national_code: v
            for v in ProcedureVersion.objects.filter(status="published").select_related("procedure")
        }
        self.made: list[Dossier] = []

    def at(self, days: int, hour: int, minute: int = 0) -> dt.datetime:
        return working_day_back(self.now, days, hour, minute)

    def _components(self, code: str) -> list[dict]:
        version = self.versions[code]
        return [{"name": c.name} for c in version.components.all() if c.required]

    def receive(
        self, code, person, *, at, desk=WARD_DESK, by="motcua", channel=Channel.COUNTER, **kw
    ) -> Dossier:
        if channel == Channel.POSTAL:
            kw.setdefault("postal_receipt_no", f"EL{person.id_number[-6:]}VN")
        d = s.dossier_receive(
            procedure_version=self.versions[code],
            unit=self.units[desk],
            applicant=person.applicant(),
            channel=channel,
            components=self._components(code),
            received_by=self.users[by],
            received_at=at,
            **kw,
        )
        self.made.append(d)
        return d

    def submit(self, code, person, *, at, desk=WARD_DESK, assisted=False) -> Dossier:
        citizen = self.users["congdan"]
        d = s.dossier_submit(
            procedure_version=self.versions[code],
            unit=self.units[desk],
            applicant=person.applicant() | {"email": "congdan@demo.motcua.vn"},
            components=self._components(code),
            submitted_by=self.users["congnghe"] if assisted else citizen,
            submitted_at=at,
            applicant_user=citizen,
            # Assisted filing needs the citizen's recorded consent (issue 9, hole 4).
            data={
                "consent": {
                    "citizen": citizen.username,
                    "note": "Đồng ý tại điểm hỗ trợ (demo)",
                    "at": at.isoformat(),
                }
            }
            if assisted
            else None,
        )
        self.made.append(d)
        return d

    def to_department(self, d, department, *, at, by="motcua") -> Dossier:
        return s.dossier_assign(
            dossier=d, actor=self.users[by], to_unit=self.units[department], at=at
        )

    def forward(self, d, by, *, at) -> Dossier:
        return s.dossier_forward(dossier=d, actor=self.users[by], at=at)

    def sign_and_finish(self, d, *, head, at_sign, at_ready, with_head=True) -> Dossier:
        if with_head:
            s.dossier_approve(dossier=d, actor=self.users[head], at=at_sign)
        s.dossier_sign(dossier=d, actor=self.users["lanhdao"], at=at_sign)
        return s.dossier_mark_result_ready(dossier=d, actor=self.users["lanhdao"], at=at_ready)

    def attach_result(self, d, name, *, at) -> None:
        s.dossier_result_attach(
            dossier=d,
            actor=self.users["motcua"],
            file=ContentFile(RESULT_PDF, name="ket-qua.pdf"),
            name=name,
            at=at,
        )


def _play(desk: Desk) -> None:  # noqa: PLR0915 — one scene per line of the demo's table
    p = PEOPLE
    at = desk.at
    # 1. Online filings waiting for the desk (one filed by the community digital team).
    desk.submit(BIRTH, p[0], at=at(0, 8, 10))
    desk.submit(COPY, p[1], at=at(1, 16, 40), assisted=True)
    # 2. Received this morning at the counter, not yet handed over.
    desk.receive(MARRIAGE, p[2], at=at(0, 7, 45))
    # 3. With the ward's specialist: same-day certification received yesterday (overdue) and
    #    a household business (three working days) received two working days ago.
    d = desk.receive(COPY, p[3], at=at(1, 9, 0))
    desk.to_department(d, f"{WARD}.VP", at=at(1, 9, 20))
    d = desk.receive(HOUSEHOLD_BUSINESS, p[4], at=at(2, 8, 30))
    desk.to_department(d, f"{WARD}.KTHTDT", at=at(2, 9, 0))
    # 4. Waiting for the department head's review, then for the leader's signature.
    d = desk.receive(HOUSEHOLD_BUSINESS, p[5], at=at(2, 8, 0), channel=Channel.POSTAL)
    desk.to_department(d, f"{WARD}.KTHTDT", at=at(2, 8, 30))
    desk.forward(d, "chuyenvien2", at=at(1, 10, 0))
    d = desk.receive(BUILDING_PERMIT, p[6], at=at(12, 9, 0))
    desk.to_department(d, f"{WARD}.KTHTDT", at=at(12, 10, 0))
    desk.forward(d, "chuyenvien2", at=at(3, 15, 0))
    s.dossier_approve(dossier=d, actor=desk.users["lanhdaophong2"], at=at(1, 9, 0))
    #    The office's head (lanhdaophong) reviews a marriage with a foreign element too.
    d = desk.receive(FOREIGN_MARRIAGE, p[1], at=at(3, 9, 30))
    desk.to_department(d, f"{WARD}.VP", at=at(3, 10, 0))
    desk.forward(d, "chuyenvien", at=at(1, 14, 0))
    # 5. Liên thông: a land registration sent by the ward to the city's land office.
    d = desk.receive(LAND, p[7], at=at(6, 8, 15))
    desk.to_department(d, f"{WARD}.KTHTDT", at=at(6, 9, 0))
    s.dossier_transfer(
        dossier=d,
        actor=desk.users["chuyenvien2"],
        to_unit=desk.units[LAND_OFFICE],
        note="Đề nghị Văn phòng đăng ký đất đai kiểm tra hồ sơ địa chính, trích đo thửa đất.",
        at=at(5, 14, 0),
    )
    # 6. Paused for the citizen: a supplement (online filer) and a financial obligation.
    d = desk.submit(MARRIAGE, p[0], at=at(4, 10, 0))
    s.dossier_accept(dossier=d, actor=desk.users["motcua"], at=at(4, 10, 30))
    desk.to_department(d, f"{WARD}.VP", at=at(4, 10, 45))
    s.dossier_request_supplement(
        dossier=d,
        actor=desk.users["chuyenvien"],
        reason="Bổ sung bản sao Giấy xác nhận tình trạng hôn nhân của bên nữ.",
        at=at(3, 9, 30),
    )
    d = desk.receive(BUILDING_PERMIT, p[1], at=at(8, 8, 0))
    desk.to_department(d, f"{WARD}.KTHTDT", at=at(8, 8, 30))
    s.dossier_request_payment(
        dossier=d,
        actor=desk.users["chuyenvien2"],
        amount=75000,
        note="Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ.",
        at=at(2, 11, 0),
    )
    # 7. Results waiting at the desk: paper (counter) and electronic (online filer).
    d = desk.receive(COPY, p[2], at=at(0, 8, 0))
    desk.to_department(d, f"{WARD}.VP", at=at(0, 8, 5))
    desk.forward(d, "chuyenvien", at=at(0, 8, 40))
    desk.sign_and_finish(d, head="", at_sign=at(0, 9, 0), at_ready=at(0, 9, 10), with_head=False)
    d = desk.submit(BIRTH, p[3], at=at(1, 7, 50))
    s.dossier_accept(dossier=d, actor=desk.users["motcua"], at=at(1, 8, 0))
    desk.to_department(d, f"{WARD}.VP", at=at(1, 8, 10))
    desk.forward(d, "chuyenvien", at=at(1, 10, 0))
    desk.sign_and_finish(d, head="", at_sign=at(1, 11, 0), at_ready=at(1, 11, 10), with_head=False)
    desk.attach_result(d, "Giấy khai sinh (bản điện tử)", at=at(1, 11, 20))
    # 8. Returned today, at the counter.
    d = desk.receive(BIRTH, p[4], at=at(0, 7, 35))
    desk.to_department(d, f"{WARD}.VP", at=at(0, 7, 40))
    desk.forward(d, "chuyenvien", at=at(0, 8, 0))
    desk.sign_and_finish(d, head="", at_sign=at(0, 8, 20), at_ready=at(0, 8, 25), with_head=False)
    s.dossier_return_result(dossier=d, actor=desk.users["motcua"], at=at(0, 8, 30))
    # 9. Closed without a result: refused online, stopped, withdrawn.
    d = desk.submit(HOUSEHOLD_BUSINESS, p[5], at=at(2, 20, 0))
    s.dossier_refuse(
        dossier=d,
        actor=desk.users["motcua"],
        reason="Địa điểm kinh doanh thuộc phường Phú Lợi: hướng dẫn nộp tại phường Phú Lợi.",
        at=at(1, 8, 15),
    )
    d = desk.receive(BUILDING_PERMIT, p[6], at=at(9, 9, 0))
    desk.to_department(d, f"{WARD}.KTHTDT", at=at(9, 9, 30))
    s.dossier_stop(
        dossier=d,
        actor=desk.users["chuyenvien2"],
        reason="Thửa đất đang có tranh chấp được Tòa án nhân dân thụ lý.",
        at=at(4, 14, 0),
    )
    d = desk.receive(MARRIAGE, p[7], at=at(2, 14, 0))
    s.dossier_withdraw(
        dossier=d,
        actor=desk.users["motcua"],
        reason="Công dân có đơn xin rút hồ sơ để bổ sung giấy tờ.",
        at=at(1, 15, 0),
    )
    # 10. The second ward's desk: its own received and waiting dossiers.
    desk.receive(BIRTH, p[5], at=at(0, 9, 0), desk=SECOND_DESK, by="motcua2")
    desk.receive(COPY, p[6], at=at(1, 14, 0), desk=SECOND_DESK, by="motcua2")


def load(now: dt.datetime | None = None) -> int:
    """Play the demo's dossiers once; return how many were created (0 when already there)."""
    if Dossier.objects.filter(unit__code__startswith="79.").exists():
        return 0
    desk = Desk(now or timezone.now())
    needed = {"motcua", "motcua2", "chuyenvien", "chuyenvien2", "lanhdaophong2", "lanhdao"}
    if not needed <= set(desk.users) or WARD_DESK not in desk.units:
        return 0
    _play(desk)
    return len(desk.made)
