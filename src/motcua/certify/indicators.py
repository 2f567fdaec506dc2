"""Certification and digitisation's part of Decision 766's indicators (group 4), plugged into
`motcua.reports` from `CertifyConfig.ready()` so the reports app never imports this one:
4.2 (dossiers digitised, components and result) and 4.7 (communes issuing electronic
certified copies). Reuse of documents (4.3, 4.4) comes from `motcua.documents` in the
reports' built-in provider."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _


def certify_provider(ctx) -> dict[str, object]:
    from motcua.certify.selectors import indicator_inputs_for_units

    ctx.links.setdefault("4.2", []).append(
        (_("Tiến độ số hóa theo đơn vị, thủ tục"), reverse("certify:paperless"))
    )
    return indicator_inputs_for_units(unit_ids=ctx.unit_ids, start=ctx.start, end=ctx.end)


def register() -> None:
    from motcua.reports.indicator_inputs import register_input_provider

    register_input_provider(certify_provider)
