"""Background tasks (Django's tasks API through the django-tasks backport)."""

from django_tasks import task

from motcua.notifications.services import notification_deliver


@task()
def deliver(notification_id: int) -> bool:
    return notification_deliver(notification_id=notification_id)
