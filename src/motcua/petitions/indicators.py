"""Petitions' part of Decision 766's indicators, plugged into `motcua.reports` from
`PetitionsConfig.ready()` so the reports app never imports this one.

- 5.2 (petitions answered on time) and 5.3 (senders satisfied with the answer):
  `selectors.petition_indicator_inputs`;
- 5.4 (100% − late rate − complaint/dislike rate): a resolved dossier someone sent a petition
  about (not refused) counts as a complaint, `selectors.dossiers_complained_about`.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _


def petitions_provider(ctx) -> dict[str, object]:
    from motcua.petitions.selectors import petition_indicator_inputs

    for code in ("5.2", "5.3"):
        ctx.links.setdefault(code, []).append(
            (_("Phản ánh, kiến nghị theo đơn vị"), reverse("petitions:report"))
        )
    return petition_indicator_inputs(start=ctx.start, end=ctx.end, unit_ids=ctx.unit_ids)


def complaint_condition():
    from motcua.petitions.selectors import dossiers_complained_about

    return dossiers_complained_about()


def register() -> None:
    from motcua.reports.indicator_inputs import (
        register_dissatisfaction_source,
        register_input_provider,
    )

    register_input_provider(petitions_provider)
    register_dissatisfaction_source(complaint_condition)
