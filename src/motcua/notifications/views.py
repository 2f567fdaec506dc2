"""The outbox page for officers: what was sent to applicants, what is waiting, what failed."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render

from motcua.accounts.roles import STAFF_ROLES
from motcua.notifications.models import Notification
from motcua.notifications.selectors import notification_list, notification_status_counts

PAGE_SIZE = 50


def _may_read_outbox(user) -> bool:
    return user.is_superuser or bool(user.roles & STAFF_ROLES)


@login_required
def outbox(request):
    if not _may_read_outbox(request.user):
        raise PermissionDenied("Chỉ cán bộ, công chức được xem hộp thư thông báo.")
    status = request.GET.get("trang_thai", "")
    if status not in Notification.Status.values:
        status = ""
    ref_id = request.GET.get("ma", "").strip()[:64]
    page = Paginator(notification_list(status=status, ref_id=ref_id), PAGE_SIZE).get_page(
        request.GET.get("trang")
    )
    counts = notification_status_counts()
    return render(
        request,
        "notifications/outbox.html",
        {
            "page": page,
            "status": status,
            "ref_id": ref_id,
            "statuses": [
                (value, label, counts[value]) for value, label in Notification.Status.choices
            ],
            "total": sum(counts.values()),
            "failed_count": counts[Notification.Status.FAILED],
            "horizon_hours": settings.MOTCUA_NOTIFY_RETRY_HORIZON_HOURS,
        },
    )
