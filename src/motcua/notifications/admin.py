from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from motcua.accounts.admin_readonly import NoAddOrChange
from motcua.notifications.models import Notification
from motcua.notifications.services import notifications_requeue


@admin.register(Notification)
class NotificationAdmin(NoAddOrChange, admin.ModelAdmin):
    """Read-only: rows change only through delivery, or the re-queue action for failed ones."""

    list_display = [
        "created_at",
        "channel",
        "recipient",
        "event",
        "ref_id",
        "status",
        "attempts",
        "requeue_count",
    ]
    list_filter = ["status", "channel", "event"]
    search_fields = ["recipient", "ref_id"]
    date_hierarchy = "created_at"
    # The sealed text of one-time codes is never shown (it is not an editable field either).
    exclude = ["sealed"]
    actions = ["requeue_failed"]

    def has_requeue_permission(self, request):
        return request.user.is_superuser or request.user.has_perm("notifications.view_notification")

    @admin.action(
        description=_("Gửi lại các thông báo không gửi được đã chọn"), permissions=["requeue"]
    )
    def requeue_failed(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        picked = notifications_requeue(ids=ids, actor=request.user.get_username())
        for pk in picked:
            self.log_change(request, Notification.objects.get(pk=pk), "requeue")
        skipped = len(ids) - len(picked)
        self.message_user(
            request,
            ngettext(
                "Đã đưa lại %(n)d thông báo vào hàng đợi.",
                "Đã đưa lại %(n)d thông báo vào hàng đợi.",
                len(picked),
            )
            % {"n": len(picked)},
            messages.SUCCESS,
        )
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(n)d thông báo bỏ qua vì không ở trạng thái «Gửi không thành công».",
                    "%(n)d thông báo bỏ qua vì không ở trạng thái «Gửi không thành công».",
                    skipped,
                )
                % {"n": skipped},
                messages.WARNING,
            )
