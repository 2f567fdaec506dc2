"""Demo users: one for every role, in today's units (Phường Thủ Dầu Một, Thành phố Hồ Chí Minh).

The desk, its departments and its leaders are those of Phường Thủ Dầu Một, which succeeded
Phú Cường, Phú Thọ, Chánh Nghĩa and parts of Hiệp Thành and Chánh Mỹ on 1/7/2025; a second desk
works in Phường Phú Lợi; the city's Sở Nông nghiệp và Môi trường takes the land dossiers the
ward sends it (liên thông). The supervisor reads the whole system, history included.
"""

from django.conf import settings

from motcua.accounts.models import User
from motcua.accounts.roles import Role
from motcua.accounts.services import roles_sync, user_create
from motcua.org.models import OrgUnit

# username, full name, role, unit code (None = whole system)
DEMO_USERS: list[tuple[str, str, Role, str | None]] = [
    ("motcua", "Nguyễn Thị Lan", Role.ONE_STOP_OFFICER, "79.25747.PVHCC"),
    ("chuyenvien", "Trần Văn Minh", Role.SPECIALIST, "79.25747.VP"),
    ("lanhdaophong", "Lê Thị Hoa", Role.DEPARTMENT_HEAD, "79.25747.VP"),
    ("lanhdao", "Phạm Văn Hùng", Role.SIGNING_LEADER, "79.25747"),
    ("buuchinh", "Võ Thị Mai", Role.POSTAL_CLERK, "79.25747"),
    ("congnghe", "Đặng Văn Tâm", Role.DIGITAL_TEAM, "79.25747"),
    ("giamsat", "Huỳnh Văn Sơn", Role.SUPERVISOR, None),
    ("quantri", "Bùi Thị Ngọc", Role.ADMINISTRATOR, None),
    ("congdan", "Ngô Văn An", Role.CITIZEN, None),
    ("motcua2", "Phan Thị Thu", Role.ONE_STOP_OFFICER, "79.25750.PVHCC"),
    ("chuyenvien2", "Lý Quốc Bảo", Role.SPECIALIST, "79.25747.KTHTDT"),
    ("lanhdaophong2", "Đỗ Thị Hạnh", Role.DEPARTMENT_HEAD, "79.25747.KTHTDT"),
    ("chuyenvien.so", "Trương Minh Khoa", Role.SPECIALIST, "79.SNNMT"),
    ("lanhdaophong.so", "Mai Thị Yến", Role.DEPARTMENT_HEAD, "79.SNNMT"),
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
