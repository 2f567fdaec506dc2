"""Hand-written fakes for the notification tests: gateways and a task queue that is down."""

import threading

from django_tasks.backends.base import BaseTaskBackend


class RecordingGateway:
    """Accepts every message and remembers it (class-level: settings name the class)."""

    sent: list[tuple[str, str]] = []
    lock = threading.Lock()
    # Called during each send, before recording it: lets a test act while a send is under way.
    during_send = None

    @classmethod
    def reset(cls):
        cls.sent = []
        cls.during_send = None

    def _record(self, channel, to):
        if RecordingGateway.during_send is not None:
            RecordingGateway.during_send()
        with RecordingGateway.lock:
            RecordingGateway.sent.append((channel, to))

    def send_email(self, *, to, subject, body, message_id=""):
        self._record("email", to)
        return f"ack-{message_id}"

    def send_sms(self, *, to, body, message_id=""):
        self._record("sms", to)
        return f"ack-{message_id}"


class DownQueueBackend(BaseTaskBackend):
    """A task queue that cannot be reached: every enqueue raises."""

    def enqueue(self, task, args, kwargs):
        raise ConnectionError("hàng đợi không kết nối được")
