"""Admin pages that show rows without changing them: the rows are written by audited services
(or their own page), so the admin may not add or edit them."""

from django.contrib import admin


class NoAddOrChange:
    """No add, no edit (deleting stays as the model admin's permissions say)."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ReadOnlyAdmin(NoAddOrChange, admin.ModelAdmin):
    """Nothing added, edited or deleted here."""

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyInline(NoAddOrChange, admin.TabularInline):
    extra = 0
    can_delete = False
