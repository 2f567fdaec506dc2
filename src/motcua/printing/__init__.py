"""Printed one-stop forms: plain dataclasses in, PDF (or XLSX for the log) bytes out.

`render_form(rule_set=..., form=..., data=...)` renders a form of Circular 01/2018/TT-VPCP
(`tt01_2018`) or Circular 03/2025/TT-VPCP (`tt03_2025`), each from the date in its forms.json
(`received_from`, with the source and the transition rule);
`rule_set_for(received_at)` picks the set a dossier keeps for life; `dossier_log_xlsx(rows,
period)` writes the dossier log. Templates live in `templates/<rule set>/`; no dossier model
is imported here.
"""

from .data import (
    ApologyData,
    Applicant,
    Component,
    ControlSheetData,
    FormData,
    FormDataError,
    FormHeader,
    Handover,
    LogPeriod,
    LogRow,
    ReceiptData,
    RefusalData,
    StopData,
    SupplementData,
)
from .log import dossier_log_xlsx
from .render import PrintingError, form_title, render_form, rule_set_for, rule_sets

__all__ = [
    "ApologyData",
    "Applicant",
    "Component",
    "ControlSheetData",
    "FormData",
    "FormDataError",
    "FormHeader",
    "Handover",
    "LogPeriod",
    "LogRow",
    "PrintingError",
    "ReceiptData",
    "RefusalData",
    "StopData",
    "SupplementData",
    "dossier_log_xlsx",
    "form_title",
    "render_form",
    "rule_set_for",
    "rule_sets",
]
