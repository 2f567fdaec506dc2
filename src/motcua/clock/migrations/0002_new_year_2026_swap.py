"""Seed the nationwide overrides the pinned `holidays` release does not know yet.

Văn bản 12729/VPCP-KGVX (25/12/2025): officials take Friday 2/1/2026 off and work Saturday
10/1/2026 instead (holidays 0.109 only has Thursday 1/1/2026).
"""

import datetime as dt

from django.db import migrations

SEED = [
    (dt.date(2026, 1, 2), "holiday", "Nghỉ hoán đổi Tết Dương lịch 2026 (VB 12729/VPCP-KGVX)"),
    (dt.date(2026, 1, 10), "extra_working", "Làm bù cho thứ Sáu 2/1/2026 (VB 12729/VPCP-KGVX)"),
]


def seed(apps, schema_editor):
    Override = apps.get_model("clock", "CalendarOverride")
    Audit = apps.get_model("clock", "CalendarOverrideAudit")
    for day, kind, note in SEED:
        _, created = Override.objects.get_or_create(
            day=day, unit=None, defaults={"kind": kind, "note": note}
        )
        if created:
            Audit.objects.create(
                action="create", day=day, kind=kind, details=f"Dữ liệu ban đầu: {note}"
            )


def unseed(apps, schema_editor):
    Override = apps.get_model("clock", "CalendarOverride")
    for day, kind, _ in SEED:
        Override.objects.filter(day=day, unit=None, kind=kind).delete()


class Migration(migrations.Migration):
    dependencies = [("clock", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
