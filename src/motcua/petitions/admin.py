from django.contrib import admin, messages

from motcua.accounts.admin_readonly import RowsShownAsWritten
from motcua.accounts.scoping import UnitScopedAdmin
from motcua.petitions.models import Open311ApiKey, Petition, PetitionEvent
from motcua.petitions.services import open311_key_create


@admin.register(Petition)
class PetitionAdmin(RowsShownAsWritten, UnitScopedAdmin):
    list_display = ("code", "title", "channel", "status", "unit", "received_at")
    list_filter = ("status", "channel", "subject")
    search_fields = ("code", "title")
    # Writes go through the services (lifecycle, audit): the admin only reads.


@admin.register(PetitionEvent)
class PetitionEventAdmin(admin.ModelAdmin):
    list_display = ("petition", "action", "actor", "at", "to_status")
    readonly_fields = ("petition", "action", "actor", "at", "from_status", "to_status", "reason")

    def has_add_permission(self, request):
        return False


@admin.register(Open311ApiKey)
class Open311ApiKeyAdmin(admin.ModelAdmin):
    list_display = ("name", "prefix", "active", "created_at")
    fields = ("name", "active")

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        row, key = open311_key_create(name=obj.name)
        obj.pk, obj.prefix, obj.key_hash = row.pk, row.prefix, row.key_hash
        obj._state.adding = False
        # The only time the key is shown: it is not stored, only its hash.
        messages.warning(
            request, f"Khóa API mới của “{row.name}” (chỉ hiển thị một lần, hãy lưu lại): {key}"
        )
