"""Admin pages that show rows without changing them: the rows are written by audited services
(or their own page), so the admin may not add or edit them."""

from django.contrib import admin


class NoAddOrChange:
    """No add, no edit (deleting stays as the model admin's permissions say)."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class RowsShownAsWritten:
    """No add, no delete, and every field read-only: the register as the services wrote it."""

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields]

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyAdmin(NoAddOrChange, admin.ModelAdmin):
    """Nothing added, edited or deleted here."""

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyInline(NoAddOrChange, admin.TabularInline):
    extra = 0
    can_delete = False
