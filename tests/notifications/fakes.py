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


class FakeSmsProvider:
    """A brandname-SMS provider's HTTP API on loopback (eSMS.vn's JSON shape).

    Accepts POSTed JSON, answers {"CodeResult": "100", "SMSID": ...}; de-duplicates on RequestId
    as real providers do (a repeated RequestId gets the first SMSID, no second SMS). `down`
    makes it answer 503; `refuse` makes it answer a refusal code. `hold` (an Event): a message
    is accepted (the SMS goes out) but the answer waits until the event is set, so a test can
    kill the sender in between; `arrived` is set when a request has been received.
    """

    def __init__(self):
        import json
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        provider = self
        self.requests: list[dict] = []
        self.delivered: dict[str, str] = {}  # RequestId → SMSID
        self.accepted: dict[str, int] = {}  # RequestId → how many times it was handed over OK
        self.down = False
        self.refuse = False
        self.hold: threading.Event | None = None
        self.arrived = threading.Event()
        self.lock = threading.Lock()

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length", "0"))
                payload = json.loads(self.rfile.read(length).decode("utf-8"))
                with provider.lock:
                    provider.requests.append(payload)
                    if provider.down:
                        self.send_response(503)
                        self.end_headers()
                        return
                    if provider.refuse:
                        answer = {"CodeResult": "104", "ErrorMessage": "Brandname chưa đăng ký"}
                    else:
                        rid = payload.get("RequestId") or f"anon-{len(provider.requests)}"
                        smsid = provider.delivered.setdefault(rid, f"SMS{len(provider.delivered)}")
                        provider.accepted[rid] = provider.accepted.get(rid, 0) + 1
                        answer = {"CodeResult": "100", "SMSID": smsid}
                provider.arrived.set()
                if provider.hold is not None:
                    provider.hold.wait(timeout=60)
                body = json.dumps(answer).encode()
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:
                    pass  # the sender is gone (killed while waiting for the answer)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/send"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class FakeClock:
    """A settable clock standing in for django.utils.timezone.now."""

    def __init__(self, start):
        self.now = start

    def __call__(self):
        return self.now

    def advance(self, delta):
        self.now += delta
