"""Demo users: one for every role, in Thủ Dầu Một's units (before 1 July 2025)."""

from django.conf import settings

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.accounts.services import roles_sync, user_create
from motcua.org.models import OrgUnit

# username, full name, role, unit code (None = whole system)
DEMO_USERS: list[tuple[str, str, Role, str | None]] = [
    ("motcua", "Nguyễn Thị Lan", Role.ONE_STOP_OFFICER, "25747.MC"),
    ("chuyenvien", "Trần Văn Minh", Role.SPECIALIST, "25747.TP"),
    ("lanhdaophong", "Lê Thị Hoa", Role.DEPARTMENT_HEAD, "718.TP"),
    ("lanhdao", "Phạm Văn Hùng", Role.SIGNING_LEADER, "25747"),
    ("buuchinh", "Võ Thị Mai", Role.POSTAL_CLERK, "25747"),
    ("congnghe", "Đặng Văn Tâm", Role.DIGITAL_TEAM, "25747"),
    ("giamsat", "Huỳnh Văn Sơn", Role.SUPERVISOR, "718"),
    ("quantri", "Bùi Thị Ngọc", Role.ADMINISTRATOR, None),
    ("congdan", "Ngô Văn An", Role.CITIZEN, None),
    ("motcua2", "Phan Thị Thu", Role.ONE_STOP_OFFICER, "25741.MC"),
]


def load() -> list[tuple[str, str, str]]:
    """Create the demo users if missing; return (username, role label, unit name) rows."""
    roles_sync()
    units = {u.code: u for u in OrgUnit.objects.all()}
    rows = []
    for username, full_name, role, unit_code in DEMO_USERS:
        unit = units.get(unit_code) if unit_code else None
        if unit_code and unit is None:
            continue
        if not User.objects.filter(username=username).exists():
            user_create(
                username=username,
                password=settings.MOTCUA_DEMO_PASSWORD,
                full_name=full_name,
                email=f"{username}@demo.motcua.vn",
                unit=unit,
                roles=[role],
                is_demo=True,
            )
        rows.append((username, role.label, unit.name if unit else "Toàn hệ thống"))
    return rows
