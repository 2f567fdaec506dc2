from django.contrib import admin

from motcua.feedback.models import Rating


@admin.register(Rating)
class RatingAdmin(admin.ModelAdmin):
    list_display = ("dossier", "level", "created_at")
    list_filter = ("level",)
    search_fields = ("dossier__code",)
    readonly_fields = [f.name for f in Rating._meta.fields]

    def has_add_permission(self, request):
        return False
