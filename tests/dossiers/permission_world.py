"""A small world for the permission tests: two wards, every role in each, and a dossier
driven through the services to any status.

Ward A (Hiệp Thành, the dossiers' ward) and ward B (Phú Lợi) each have a desk, a justice
section with a specialist and its head, a signing leader, a postal clerk, a digital-team
member and a supervisor; the city has a department that takes transfers (liên thông). The
citizen `congdan` owns dossier A, which `congnghe` filed for them and the post carries;
dossier B was filed by another citizen alone, at the counter, its result given at the counter.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from motcua.accounts.roles import Role
from motcua.catalogue.models import Field
from motcua.catalogue.services import procedure_create
from motcua.dossiers import services
from motcua.dossiers.models import Dossier
from motcua.org.models import OrgUnit

from .conftest import AGENCY, COMPONENTS, STEPS

# Who, by their relation to dossier A. The key says the relation.
ACTORS = {
    "desk": (Role.ONE_STOP_OFFICER, "desk"),
    "specialist_assignee": (Role.SPECIALIST, "tp"),
    "specialist_not_assignee": (Role.SPECIALIST, "tp"),
    "head": (Role.DEPARTMENT_HEAD, "tp"),
    "leader": (Role.SIGNING_LEADER, "ward"),
    "postal": (Role.POSTAL_CLERK, "ward"),
    "digital_assisted": (Role.DIGITAL_TEAM, "ward"),
    "supervisor": (Role.SUPERVISOR, "city"),
    "admin": (Role.ADMINISTRATOR, "ward"),
    "citizen_owner": (Role.CITIZEN, None),
    "city_specialist": (Role.SPECIALIST, "city_tnmt"),  # holds a transferred dossier
    "other_desk": (Role.ONE_STOP_OFFICER, "other_desk"),
    "other_specialist": (Role.SPECIALIST, "other_tp"),
    "other_head": (Role.DEPARTMENT_HEAD, "other_tp"),
    "other_leader": (Role.SIGNING_LEADER, "other"),
    "other_postal": (Role.POSTAL_CLERK, "other"),
    "digital_not_assisted": (Role.DIGITAL_TEAM, "ward"),
    "other_supervisor": (Role.SUPERVISOR, "other"),
    "other_citizen": (Role.CITIZEN, None),
}

REASON = "Lý do kiểm thử phân quyền"

# The situations a dossier can be in: status, and where in the internal process.
SITUATIONS = (
    "new",
    "received",
    "not_received",
    "processing_appraisal",
    "processing_signing",
    "processing_at_desk_step",
    "processing_transferred",
    "supplement_requested",
    "payment_requested",
    "withdrawn",
    "stopped",
    "resolved",
    "returned",
)


def units_make() -> dict[str, OrgUnit]:
    def make(code, name, kind, parent=None, agency_code=""):
        return OrgUnit.objects.create(
            code=code, name=name, kind=kind, parent=parent, agency_code=agency_code
        )

    city = make("718", "Thành phố Thủ Dầu Một", "district", agency_code="000.00.18.H01")
    ward = make("25741", "Phường Hiệp Thành", "ward", city, agency_code=AGENCY)
    other = make("25744", "Phường Phú Lợi", "ward", city, agency_code="000.00.21.H01")
    return {
        "city": city,
        "city_tnmt": make("718.TNMT", "Phòng Tài nguyên và Môi trường", "department", city),
        "ward": ward,
        "desk": make("25741.MC", "Bộ phận Một cửa phường Hiệp Thành", "one_stop_desk", ward),
        "tp": make("25741.TP", "Tư pháp - Hộ tịch", "department", ward),
        "other": other,
        "other_desk": make("25744.MC", "Bộ phận Một cửa phường Phú Lợi", "one_stop_desk", other),
        "other_tp": make("25744.TP", "Tư pháp - Hộ tịch Phú Lợi", "department", other),
    }


def people_make(make_user, units) -> dict:
    people = {
        key: make_user(key, role, units[unit] if unit else None)
        for key, (role, unit) in ACTORS.items()
    }
    return people


def procedure_make(units):
    field = Field.objects.create(code="DD", name="Đất đai")
    return procedure_create(
        national_code="1.000001",
        field=field,
        name="Đăng ký biến động quyền sử dụng đất",
        level="commune",
        time_unit="working_days",
        time_value=3,
        components=COMPONENTS,
        steps=STEPS,
        units=[units["ward"]],
        publish=True,
    )


APPLICANT_A = {
    "kind": "person",
    "name": "Trần Thị Bảo Mật",
    "id_number": "079199000111",
    "phone": "0909000111",
    "email": "baomat@example.vn",
    "address": "1 Đường Bí Mật",
}
APPLICANT_B = {
    "kind": "person",
    "name": "Lê Văn Riêng Tư",
    "id_number": "079199000222",
    "phone": "0909000222",
    "email": "riengtu@example.vn",
    "address": "2 Đường Riêng Tư",
}


def dossier_make(situation: str, *, which: str, procedure, units, people) -> Dossier:
    """Dossier A or B in `situation`, received now (its due instant lies ahead)."""
    p = people
    now = timezone.now() - dt.timedelta(minutes=5)
    components = [{"name": c["name"]} for c in COMPONENTS[:2]]
    owner = p["citizen_owner"] if which == "A" else p["other_citizen"]
    applicant = APPLICANT_A if which == "A" else APPLICANT_B
    if situation in ("new", "not_received"):
        if which == "A":
            d = services.dossier_submit(
                procedure_version=procedure,
                unit=units["desk"],
                applicant=applicant,
                components=components,
                submitted_by=p["digital_assisted"],
                applicant_user=owner,
                data={"consent": {"citizen": owner.username, "note": "Đồng ý tại nhà văn hóa"}},
                result_delivery="post",
                submitted_at=now,
            )
        else:
            d = services.dossier_submit(
                procedure_version=procedure,
                unit=units["desk"],
                applicant=applicant,
                components=components,
                submitted_by=owner,
                result_delivery="counter",
                submitted_at=now,
            )
        if situation == "not_received":
            services.dossier_refuse(dossier=d, actor=p["desk"], reason=REASON)
        return Dossier.objects.get(pk=d.pk)
    extra = (
        {
            "channel": 3,
            "postal_receipt_no": "BC-0001",
            "result_delivery": "post",
            "assisted_by": p["digital_assisted"],
        }
        if which == "A"
        else {"channel": 1, "result_delivery": "counter"}
    )
    d = services.dossier_receive(
        procedure_version=procedure,
        unit=units["desk"],
        applicant=applicant,
        components=components,
        received_by=p["desk"],
        received_at=now,
        applicant_user=owner,
        **extra,
    )
    if situation == "received":
        return Dossier.objects.get(pk=d.pk)
    services.dossier_assign(dossier=d, actor=p["desk"], assignee=p["specialist_assignee"])
    steps = {
        "processing_signing": [
            (services.dossier_forward, "specialist_assignee", "head"),
            (services.dossier_approve, "head", "leader"),
        ],
        "processing_at_desk_step": [
            (services.dossier_forward, "specialist_assignee", "head"),
            (services.dossier_approve, "head", "leader"),
            (services.dossier_sign, "leader", None),
        ],
    }
    for fn, who, to in steps.get(situation, []) + (
        steps["processing_at_desk_step"] if situation in ("resolved", "returned") else []
    ):
        fn(dossier=d, actor=p[who], assignee=p[to] if to else None)
    if situation in ("resolved", "returned"):
        services.dossier_mark_result_ready(dossier=d, actor=p["specialist_assignee"])
        if situation == "returned":
            services.dossier_return_result(dossier=d, actor=p["desk"])
    elif situation == "processing_transferred":
        services.dossier_transfer(
            dossier=d, actor=p["specialist_assignee"], to_unit=units["city_tnmt"]
        )
    elif situation == "supplement_requested":
        services.dossier_request_supplement(
            dossier=d, actor=p["specialist_assignee"], reason=REASON
        )
    elif situation == "payment_requested":
        services.dossier_request_payment(dossier=d, actor=p["specialist_assignee"], amount=50000)
    elif situation == "withdrawn":
        services.dossier_withdraw(dossier=d, actor=p["desk"], reason=REASON)
    elif situation == "stopped":
        services.dossier_stop(dossier=d, actor=p["specialist_assignee"], reason=REASON)
    return Dossier.objects.get(pk=d.pk)
