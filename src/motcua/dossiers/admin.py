"""Read-only admin: dossiers and their audit trail, within the reader's unit scope.

Nothing is editable here: every change goes through `motcua.dossiers.services`, so that it is
checked against the workflow and recorded as an event. Supervisors use the event list to audit
refusals, stops, withdrawals and send-backs (the reason and the officer are on every line).
"""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from motcua.accounts.admin_readonly import ReadOnlyAdmin, ReadOnlyInline
from motcua.dossiers.models import Dossier, DossierEvent
from motcua.dossiers.selectors import dossier_list_visible


class ComponentInline(ReadOnlyInline):
    model = Dossier.components.rel.related_model
    fields = ("name", "form", "copies", "required", "supplement", "file_link")
    readonly_fields = ("file_link",)

    @admin.display(description="tệp số hóa")
    def file_link(self, obj):
        # Through the authorised download view, never the file's public /media/ URL.
        if not obj.file:
            return "—"
        url = reverse("dossiers:component_file", args=[obj.dossier.code, obj.pk])
        return format_html('<a href="{}">{}</a>', url, "Tải tệp")


class PauseInline(ReadOnlyInline):
    model = Dossier.pauses.rel.related_model
    fields = ("kind", "started_at", "ended_at", "reason")


class EventInline(ReadOnlyInline):
    model = DossierEvent
    fields = (
        "at", "action", "actor", "from_status", "to_status", "from_step", "to_step",
        "from_unit", "to_unit", "to_user", "step_result", "reason",
    )  # fmt: skip


@admin.register(Dossier)
class DossierAdmin(ReadOnlyAdmin):
    list_display = (
        "code", "applicant_name", "procedure_version", "status", "channel", "received_at",
        "due_at", "current_unit", "is_late_flag",
    )  # fmt: skip
    list_filter = ("status", "channel", "is_late_flag", "apologised")
    search_fields = ("code", "applicant_name", "applicant_id_number")
    date_hierarchy = "received_at"
    list_select_related = ("procedure_version", "procedure_version__procedure", "current_unit")
    inlines = [ComponentInline, PauseInline, EventInline]

    def get_queryset(self, request):
        return dossier_list_visible(user=request.user)


@admin.register(DossierEvent)
class DossierEventAdmin(ReadOnlyAdmin):
    list_display = ("at", "dossier", "action", "actor", "from_status", "to_status", "reason")
    list_filter = ("action", "step_result")
    search_fields = ("dossier__code", "reason")
    date_hierarchy = "at"
    list_select_related = ("dossier", "actor")

    def get_queryset(self, request):
        visible = dossier_list_visible(user=request.user).values("pk")
        return super().get_queryset(request).filter(dossier__in=visible)
