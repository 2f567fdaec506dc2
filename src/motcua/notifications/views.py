"""The outbox page for officers: what was sent to applicants, what is waiting, what failed."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render

from motcua.accounts.roles import STAFF_ROLES, Role
from motcua.notifications.masking import mask_recipient, mask_text
from motcua.notifications.models import Notification
from motcua.notifications.selectors import notification_list, notification_status_counts

PAGE_SIZE = 50


# Messages to applicants are the one-stop desk's and the unit's business, not the community
# digital team's nor the postal clerk's.
OUTBOX_ROLES = STAFF_ROLES - {Role.DIGITAL_TEAM, Role.POSTAL_CLERK}


def _may_read_outbox(user) -> bool:
    return user.is_superuser or bool(user.roles & OUTBOX_ROLES)


def _masked(n: Notification) -> Notification:
    # Shown rows never carry phone numbers, e-mails, codes or lookup keys in clear.
    n.recipient = mask_recipient(n.recipient)
    n.subject = mask_text(n.subject)
    n.body = mask_text(n.body)
    n.last_error = mask_text(n.last_error)
    return n


@login_required
def outbox(request):
    if not _may_read_outbox(request.user):
        raise PermissionDenied("Chỉ cán bộ, công chức được xem hộp thư thông báo.")
    status = request.GET.get("trang_thai", "")
    if status not in Notification.Status.values:
        status = ""
    ref_id = request.GET.get("ma", "").strip()[:64]
    rows = notification_list(status=status, ref_id=ref_id, user=request.user).defer("sealed")
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("trang"))
    page.object_list = [_masked(n) for n in page.object_list]
    counts = notification_status_counts(user=request.user)
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
