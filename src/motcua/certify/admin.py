from django.contrib import admin

from motcua.accounts.admin_readonly import RowsShownAsWritten
from motcua.accounts.scoping import UnitScopedAdmin
from motcua.certify.models import PaperlessCutover, SignedDocument


@admin.register(PaperlessCutover)
class PaperlessCutoverAdmin(UnitScopedAdmin):
    """Administrators set each unit's paperless date (all procedures, or one procedure)."""

    list_display = ("unit", "procedure", "paperless_from", "note")
    list_filter = ("paperless_from",)
    raw_id_fields = ("procedure",)


@admin.register(SignedDocument)
class SignedDocumentAdmin(RowsShownAsWritten, UnitScopedAdmin):
    """The register, read only: entries are written by the services, never edited."""

    list_display = ("register_no", "kind", "title", "unit", "signed_at", "fee")
    list_filter = ("kind", "year")
    search_fields = ("register_no", "title", "sha256")
