"""Feed Decision 766's indicators (`domain.indicators`) from the data the system holds.

`indicator_inputs(ctx)` asks every input provider for the counts it can give for one unit scope
and period and merges them into `IndicatorInputs`; a count no provider gives stays `None`, and
the indicator then says which input is missing (`domain.indicators.INPUT_LABELS`).

Other apps plug in their own data with `register_input_provider` from their
`AppConfig.ready()` (petitions: pakn_*; digitisation / certification: ho_so_so_hoa,
xa_chung_thuc_dien_tu...):

    from motcua.reports.indicator_inputs import register_input_provider

    @register_input_provider
    def petitions_inputs(ctx):
        qs = Petition.objects.filter(received_at__gte=ctx.start, received_at__lt=ctx.end)
        ...
        return {"pakn_tiep_nhan": qs.count(), "pakn_dung_han": ...}

A provider returns a mapping of `IndicatorInputs` field → count; later providers fill only
what earlier ones left `None` (the built-in ones come first). Each also may give the "points
lost and why" links for its indicators (`links`: code → [(label, url)]).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from zoneinfo import ZoneInfo

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from motcua.reports.domain.indicators import IndicatorInputs, ontime_inputs
from motcua.reports.domain.periods import Period

VN = ZoneInfo("Asia/Ho_Chi_Minh")


@dataclass
class InputContext:
    period: Period
    unit_ids: list[int] | None  # None: every unit
    report: object  # the `OnTimeReport` of the same scope and period
    links: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    @property
    def start(self) -> dt.datetime:
        return dt.datetime.combine(self.period.first, dt.time(), tzinfo=VN)

    @property
    def end(self) -> dt.datetime:
        return dt.datetime.combine(self.period.last + dt.timedelta(days=1), dt.time(), tzinfo=VN)

    def dossiers(self):
        from motcua.dossiers.models import Dossier

        qs = Dossier.objects.all()
        if self.unit_ids is not None:
            qs = qs.filter(unit_id__in=self.unit_ids)
        return qs

    def received(self):
        return self.dossiers().filter(received_at__gte=self.start, received_at__lt=self.end)

    def resolved(self):
        from motcua.dossiers.domain.workflow import Status

        return self.dossiers().filter(
            status__in=[Status.RESOLVED, Status.RETURNED],
            finished_at__gte=self.start,
            finished_at__lt=self.end,
        )

    def procedures(self):
        """Published procedure versions the scope's units carry out (or every unit's)."""
        from motcua.catalogue.models import ProcedureVersion

        qs = ProcedureVersion.objects.filter(status="published")
        if self.unit_ids is not None:
            qs = qs.filter(Q(units__isnull=True) | Q(units__in=self.unit_ids)).distinct()
        return qs


Provider = Callable[[InputContext], Mapping[str, object]]
_PROVIDERS: list[Provider] = []


def register_input_provider(provider: Provider) -> Provider:
    """Add a provider (idempotent: registering the same function twice keeps one)."""
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)
    return provider


# Conditions on `Dossier` that count a resolved dossier as "not satisfied" for 5.4 besides a
# dissatisfied rating (petitions: a complaint about the dossier). Each is a callable returning
# an expression usable in `.filter()` (an `Exists(...)` on `OuterRef("pk")`).
_DISSATISFACTION: list[Callable[[], object]] = []


def register_dissatisfaction_source(source: Callable[[], object]) -> Callable[[], object]:
    """Add a 5.4 "complaint/dislike" condition (idempotent)."""
    if source not in _DISSATISFACTION:
        _DISSATISFACTION.append(source)
    return source


def indicator_inputs(ctx: InputContext) -> IndicatorInputs:
    names = {f.name for f in fields(IndicatorInputs)}
    values: dict[str, object] = {}
    for provider in _PROVIDERS:
        for name, value in provider(ctx).items():
            if name not in names:
                raise ValueError(f"Nguồn dữ liệu chỉ số trả về trường lạ: {name}.")
            if values.get(name) is None:
                values[name] = value
    return IndicatorInputs(**values)


# --- the built-in providers: what this system records today --------------------------------


@register_input_provider
def ontime_provider(ctx: InputContext) -> dict[str, object]:
    """2.1, 2.2 and the received / online counts (3.3, 4.3, 4.4 denominators)."""
    t = ctx.report.total
    ctx.links.setdefault("2.1", []).append(
        (_("Hồ sơ quá hạn hiện nay"), reverse("dossiers:worklist") + "?loc=qua-han")
    )
    ctx.links.setdefault("2.1", []).append(
        (_("Hồ sơ dừng, rút, trả lại trong kỳ"), reverse("reports:returned"))
    )
    return {
        **ontime_inputs(t.counts),
        "ho_so_tiep_nhan": t.extra["received"],
        "ho_so_truc_tuyen": t.extra["received_online"],
    }


@register_input_provider
def catalogue_provider(ctx: InputContext) -> dict[str, object]:
    """Group 1 (what the catalogue publishes) and 3.1 / 3.5 (online service, fees)."""
    from motcua.catalogue.models import Component, Fee

    procedures = ctx.procedures()
    published = procedures.filter(published_on_portal=True)
    has_fee = Exists(Fee.objects.filter(version_id=OuterRef("pk"), amount__gt=0))
    has_component = Exists(Component.objects.filter(version_id=OuterRef("pk")))
    online = ~Q(online_level="none")
    ctx.links.setdefault("3.1", []).append(
        (_("TTHC chưa cung cấp trực tuyến"), reverse("reports:procedures"))
    )
    return {
        "tthc_thuoc_tham_quyen": procedures.count(),
        "tthc_co_dvctt": procedures.filter(online).count(),
        "tthc_toan_trinh": procedures.filter(online_level="toan_trinh").count(),
        "tthc_du_dieu_kien_toan_trinh": procedures.filter(eligible_full_online=True).count(),
        # 1.3: published with its legal basis and its list of components.
        "tthc_da_cong_khai": published.count(),
        "tthc_cong_khai_day_du": published.filter(has_component).exclude(legal_basis="").count(),
        # 3.5: a fee-bearing procedure offered online is payable through the payment gateway.
        "tthc_co_phi": procedures.filter(has_fee).count(),
        "tthc_co_phi_thanh_toan_truc_tuyen": procedures.filter(has_fee).filter(online).count(),
    }


@register_input_provider
def payments_provider(ctx: InputContext) -> dict[str, object]:
    """3.5b and 3.6 from `motcua.payments`: dossiers received in the period with a payment."""
    from motcua.catalogue.models import Fee
    from motcua.payments.models import Payment

    paid_online = Payment.objects.filter(status=Payment.Status.PAID, method=Payment.Method.ONLINE)
    received = ctx.received()
    with_payment = received.filter(Exists(Payment.objects.filter(dossier_id=OuterRef("pk"))))
    online = received.filter(Exists(paid_online.filter(dossier_id=OuterRef("pk"))))
    has_fee = Exists(Fee.objects.filter(version_id=OuterRef("pk"), amount__gt=0))
    fee_procedures_paid = (
        ctx.procedures()
        .filter(has_fee, dossiers__in=online)
        .values("procedure_id")
        .distinct()
        .count()
    )
    return {
        "ho_so_co_nghia_vu_tai_chinh": with_payment.count(),
        "ho_so_thanh_toan_truc_tuyen": online.count(),
        "tthc_co_phi_phat_sinh_thanh_toan": fee_procedures_paid,
    }


@register_input_provider
def results_and_reuse_provider(ctx: InputContext) -> dict[str, object]:
    """4.1 (electronic results), 4.3 / 4.4 (documents reused from the citizen's data store)."""
    from motcua.documents.models import DocumentReuse
    from motcua.dossiers.models import DossierResult

    resolved = ctx.resolved()
    electronic = resolved.filter(Exists(DossierResult.objects.filter(dossier_id=OuterRef("pk"))))
    reused = ctx.received().filter(Exists(DocumentReuse.objects.filter(dossier_id=OuterRef("pk"))))
    paper_online = (
        resolved.filter(channel=2)
        .exclude(procedure_version__result_type="electronic")
        .exclude(pk__in=electronic.values("pk"))
    )
    reuse_count = reused.count()
    return {
        "ho_so_tra_ket_qua_giay_to": resolved.count(),
        "ho_so_co_ket_qua_dien_tu": electronic.count(),
        "ho_so_tai_su_dung_du_lieu": reuse_count,
        "ho_so_dung_kho_du_lieu": reuse_count,
        "ho_so_truc_tuyen_ket_qua_giay_chua_cap_dien_tu": paper_online.count(),
    }


@register_input_provider
def ratings_provider(ctx: InputContext) -> dict[str, object]:
    """5.4 = 100% − late rate − complaint/dislike rate over the dossiers resolved in the period
    (`motcua.feedback` ratings and the registered dissatisfaction sources, e.g. a petition
    about the dossier; a dossier both late and complained about counts once)."""
    from django.db.models import F

    from motcua.feedback.domain.criteria import Level
    from motcua.feedback.models import Rating

    resolved = ctx.resolved()
    dissatisfied = Exists(
        Rating.objects.filter(dossier_id=OuterRef("pk"), level=Level.DISSATISFIED)
    )
    late = Q(finished_at__gte=F("due_at") + dt.timedelta(seconds=1))
    not_satisfied = late | Q(dissatisfied)
    for source in _DISSATISFACTION:
        not_satisfied |= Q(source())
    return {
        "ho_so_danh_gia_hai_long": resolved.count(),
        "ho_so_khong_hai_long": resolved.filter(not_satisfied).count(),
    }
