from django.contrib import admin

from motcua.accounts.admin_readonly import RowsShownAsWritten
from motcua.payments.models import Payment


@admin.register(Payment)
class PaymentAdmin(RowsShownAsWritten, admin.ModelAdmin):
    list_display = ("reference", "dossier", "amount", "method", "status", "created_at", "paid_at")
    list_filter = ("method", "status", "gateway")
    search_fields = ("reference", "dossier__code")
