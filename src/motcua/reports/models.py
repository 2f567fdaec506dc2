"""Pre-aggregated report counts (see `domain/facts.py` for the arithmetic).

`DossierFact` holds counters per bucket (a day, a month or a year) × receiving unit × procedure
× field × channel. `DossierFactState` remembers what each dossier last contributed, so that a
change of the dossier replaces exactly its old +1s with the new ones
(`services.facts_refresh_for`). Both are derived data: `motcua report rebuild-facts` recomputes
them from the dossiers at any time.
"""

from django.db import models

from motcua.reports.domain.facts import COUNTERS, DAY, MONTH, YEAR


class DossierFactState(models.Model):
    """One row per dossier: the inputs of `domain.facts.contribution` as last counted."""

    dossier = models.OneToOneField(
        "dossiers.Dossier",
        primary_key=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    unit_id = models.BigIntegerField()
    procedure_id = models.BigIntegerField()
    field_id = models.BigIntegerField(default=0)  # 0: no field
    channel = models.PositiveSmallIntegerField()
    outcome = models.CharField(max_length=16)
    received_day = models.DateField(null=True)
    closed_day = models.DateField(null=True)
    due_day = models.DateField(null=True)
    returned_day = models.DateField(null=True)
    result = models.CharField(max_length=16, blank=True)
    supplement_count = models.PositiveSmallIntegerField(default=0)
    assisted = models.BooleanField(default=False)
    apologised = models.BooleanField(default=False)
    processing_seconds = models.BigIntegerField(null=True)

    class Meta:
        verbose_name = "trạng thái tổng hợp của hồ sơ"
        verbose_name_plural = "trạng thái tổng hợp của hồ sơ"

    def __str__(self) -> str:
        return f"{self.dossier_id}: {self.outcome}"


class DossierFact(models.Model):
    class Grain(models.IntegerChoices):
        DAY_ = DAY, "ngày"
        MONTH_ = MONTH, "tháng"
        YEAR_ = YEAR, "năm"

    grain = models.PositiveSmallIntegerField(choices=Grain.choices)
    start = models.DateField()
    unit_id = models.BigIntegerField()
    procedure_id = models.BigIntegerField()
    field_id = models.BigIntegerField(default=0)  # 0: no field
    channel = models.PositiveSmallIntegerField()

    class Meta:
        verbose_name = "số liệu tổng hợp hồ sơ"
        verbose_name_plural = "số liệu tổng hợp hồ sơ"
        constraints = [
            models.UniqueConstraint(
                fields=["grain", "start", "unit_id", "procedure_id", "field_id", "channel"],
                name="reports_fact_bucket_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_grain_display()} {self.start:%d/%m/%Y} đơn vị {self.unit_id}"


for _name in COUNTERS:
    models.BigIntegerField(default=0).contribute_to_class(DossierFact, _name)


class DemoLoad(models.Model):
    """A historical demo profile already loaded (`motcua demo-data --profile`): loading it
    again does nothing."""

    profile = models.CharField(max_length=64)
    params = models.CharField(max_length=255)
    dossiers = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "dữ liệu mẫu lịch sử đã nạp"
        verbose_name_plural = "dữ liệu mẫu lịch sử đã nạp"
        constraints = [
            models.UniqueConstraint(fields=["profile", "params"], name="reports_demo_load_unique")
        ]

    def __str__(self) -> str:
        return f"{self.profile} ({self.params})"
