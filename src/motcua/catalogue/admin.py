"""Catalogue administration in Vietnamese.

A draft version is edited directly (the step-time rule is checked when saving); a published
or superseded version is read-only: "Tạo phiên bản mới để sửa" goes through
`procedure_version_revise`, and "Lưu và công bố" through `procedure_version_publish`.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Max
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html

from motcua.accounts.scoping import UnitScopedAdmin, scope_is_global, scope_units
from motcua.catalogue import domain
from motcua.catalogue.models import Component, Fee, Field, Procedure, ProcedureVersion, ProcessStep
from motcua.catalogue.services import procedure_version_publish, procedure_version_revise


@admin.register(Field)
class FieldAdmin(admin.ModelAdmin):
    list_display = ("code", "name")
    search_fields = ("code", "name")


class VersionLinkInline(admin.TabularInline):
    model = ProcedureVersion
    fields = ("link", "status", "published_at")
    readonly_fields = ("link", "status", "published_at")
    extra = 0
    can_delete = False
    show_change_link = False
    verbose_name_plural = "các phiên bản"

    @admin.display(description="phiên bản")
    def link(self, obj):
        url = reverse("admin:catalogue_procedureversion_change", args=[obj.pk])
        return format_html('<a href="{}">{} — {}</a>', url, obj.version, obj.name)

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Procedure)
class ProcedureAdmin(admin.ModelAdmin):
    list_display = ("national_code", "current_name")
    search_fields = ("national_code", "versions__search_text")
    inlines = [VersionLinkInline]

    @admin.display(description="tên (phiên bản mới nhất)")
    def current_name(self, obj):
        latest = obj.versions.order_by("-version").first()
        return latest.name if latest else "—"


class _ReadOnlyUnlessDraft:
    def _editable(self, obj):
        return obj is None or obj.status == ProcedureVersion.Status.DRAFT

    def has_add_permission(self, request, obj=None):
        return self._editable(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._editable(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._editable(obj) and super().has_delete_permission(request, obj)


class FeeInline(_ReadOnlyUnlessDraft, admin.TabularInline):
    model = Fee
    extra = 0


class ComponentInline(_ReadOnlyUnlessDraft, admin.TabularInline):
    model = Component
    extra = 0


class StepFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        minutes = [
            f.cleaned_data["allotted_minutes"]
            for f in self.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
        v = self.instance  # already carries the submitted time from the main form
        error = domain.steps_time_error(domain.legal_minutes(v.time_unit, v.time_value), minutes)
        if error:
            raise ValidationError(error)


class StepInline(_ReadOnlyUnlessDraft, admin.TabularInline):
    model = ProcessStep
    formset = StepFormSet
    extra = 0


@admin.register(ProcedureVersion)
class ProcedureVersionAdmin(UnitScopedAdmin):
    unit_field = "units"
    list_display = ("national_code", "name", "version", "status", "field", "level", "time_text")
    list_filter = ("status", "level", "field", "online_level")
    search_fields = ("procedure__national_code", "search_text")
    list_select_related = ("procedure", "field")
    filter_horizontal = ("units",)
    readonly_fields = ("version", "status", "published_at", "created_by")
    inlines = [ComponentInline, FeeInline, StepInline]
    fieldsets = (
        (None, {"fields": ("procedure", "version", "status", "published_at", "created_by")}),
        ("Thông tin thủ tục", {"fields": ("name", "field", "level", "agency", "units")}),
        ("Thời hạn", {"fields": ("time_unit", "time_value", "same_day_cutoff")}),
        (
            "Cách thức thực hiện",
            {
                "fields": (
                    "result_type",
                    "online_level",
                    "eligible_full_online",
                    "postal_excluded",
                    "published_on_portal",
                    "clock_start_policy",
                )
            },
        ),
        ("Căn cứ pháp lý", {"fields": ("legal_basis",)}),
    )

    @admin.display(description="mã thủ tục", ordering="procedure__national_code")
    def national_code(self, obj):
        return obj.procedure.national_code

    @admin.display(description="thời hạn")
    def time_text(self, obj):
        return obj.time_text

    def get_queryset(self, request):
        # Scoping through the M2M would repeat a version once per unit in scope.
        qs = admin.ModelAdmin.get_queryset(self, request)
        if scope_is_global(request.user):
            return qs
        scoped = ProcedureVersion.objects.filter(units__in=scope_units(request.user))
        return qs.filter(pk__in=scoped.values("pk"))

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.status != ProcedureVersion.Status.DRAFT:
            return [f.name for f in ProcedureVersion._meta.fields if f.name != "id"] + ["units"]
        if obj is not None:
            return [*self.readonly_fields, "procedure"]
        return self.readonly_fields

    def save_model(self, request, obj, form, change):
        if not change:
            # A new version added here is always the next draft of its procedure.
            last = obj.procedure.versions.aggregate(n=Max("version"))["n"] or 0
            obj.version = last + 1
            obj.status = ProcedureVersion.Status.DRAFT
            obj.created_by = request.user
        elif obj.status != ProcedureVersion.Status.DRAFT:
            return  # published versions never change in place
        super().save_model(request, obj, form, change)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "POST" and "_revise" in request.POST:
            obj = self.get_object(request, object_id)
            try:
                draft = procedure_version_revise(version=obj, user=request.user)
            except ValidationError as exc:
                self.message_user(request, " ".join(exc.messages), messages.ERROR)
                return HttpResponseRedirect(request.path)
            self.message_user(
                request, f"Đã tạo bản nháp phiên bản {draft.version}; sửa rồi công bố."
            )
            url = reverse("admin:catalogue_procedureversion_change", args=[draft.pk])
            return HttpResponseRedirect(url)
        return super().change_view(request, object_id, form_url, extra_context)

    def response_change(self, request, obj):
        if "_publish" in request.POST:
            try:
                procedure_version_publish(version=obj, user=request.user)
            except ValidationError as exc:
                self.message_user(request, " ".join(exc.messages), messages.ERROR)
                return HttpResponseRedirect(request.path)
            self.message_user(request, f"Đã công bố phiên bản {obj.version}.")
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)
