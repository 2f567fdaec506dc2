from django.contrib import admin

from motcua.payments.models import Payment


@admin.register(Payment)
class PaymentAdmin(admin.ModelAdmin):
    list_display = ("reference", "dossier", "amount", "method", "status", "created_at", "paid_at")
    list_filter = ("method", "status", "gateway")
    search_fields = ("reference", "dossier__code")
    readonly_fields = [f.name for f in Payment._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
