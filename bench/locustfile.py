"""Load scenario: officers and citizens at a realistic proportion against the production server.

    pip install -e '.[load]'
    motcua serve --bind 127.0.0.1:8000 --workers 5      # PostgreSQL with bench_worklist's data
    locust -f bench/locustfile.py --headless --host http://127.0.0.1:8000 \\
        -u 60 -r 5 -t 3m --csv var/locust
    python bench/locust_table.py var/locust_stats.csv --cpus 2

One officer for five citizens (a ward's desk serves many more citizens than it has staff).
Officers sign in once (bench_worklist.py's account `bench_motcua`, password `bench-only`;
override with MOTCUA_BENCH_USER / MOTCUA_BENCH_PASSWORD in locust's environment), then
mostly read the worklist (three tabs), open a dossier, list dossiers through the API and look
at the home page, with a few seconds' think time. Citizens search the portal's procedure
catalogue, open the portal's home and look up a dossier by its code and lookup key (a random
one of bench_worklist's `MOTCUA_BENCH_DOSSIERS`, default 1,000,000; each lookup from another
loopback address, as each comes from another citizen: the lookup limit is per address).

`MOTCUA_BENCH_SCENARIO=api-list`: instead, officers only list dossiers through the API without
think time (`GET /api/v1/ho-so/`, first page), to compare with Open Zaak's published
`GET /zaken/api/v1/zaken` figures (1 and 16 users over 1,000,000 cases).

Saturation: `MOTCUA_BENCH_THINK=0` removes the think time (closed loop: every user sends its
next request as soon as the previous one is answered); `MOTCUA_BENCH_THINK=0.5` halves it.
"""

import os
import random
import re

from locust import HttpUser, between, task
from requests.adapters import HTTPAdapter

OFFICER = os.environ.get("MOTCUA_BENCH_USER", "bench_motcua")
PASSWORD = os.environ.get("MOTCUA_BENCH_PASSWORD", "bench-only")
THINK = float(os.environ.get("MOTCUA_BENCH_THINK", "1"))
API_LIST_ONLY = os.environ.get("MOTCUA_BENCH_SCENARIO", "") == "api-list"
DOSSIERS = int(os.environ.get("MOTCUA_BENCH_DOSSIERS", "1000000"))
SEARCHES = ["khai sinh", "kết hôn", "đất đai", "hộ kinh doanh", "chứng thực", "xây dựng"]


class SourceAddressAdapter(HTTPAdapter):
    """Connections from a given local address (any 127.x.y.z reaches the loopback server)."""

    def __init__(self, address, **kwargs):
        self.address = address
        super().__init__(**kwargs)

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.address, 0)
        super().init_poolmanager(*args, **kwargs)


def officer_sign_in(user):
    page = user.client.get("/tai-khoan/dang-nhap/", name="login form").text
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    user.client.post(
        "/tai-khoan/dang-nhap/",
        {
            "csrfmiddlewaretoken": token.group(1) if token else "",
            "username": OFFICER,
            "password": PASSWORD,
        },
        headers={"Referer": user.host + "/"},
        name="login",
    )


class ApiReader(HttpUser):
    abstract = not API_LIST_ONLY

    def on_start(self):
        officer_sign_in(self)

    @task
    def api_list(self):
        self.client.get("/api/v1/ho-so/", name="/api/v1/ho-so/")


class Officer(HttpUser):
    abstract = API_LIST_ONLY
    weight = 1
    wait_time = between(2 * THINK, 8 * THINK)

    def on_start(self):
        officer_sign_in(self)
        self.codes = []

    @task(6)
    def worklist(self):
        tab = random.choice(["tat-ca", "qua-han", "sap-den-han"])
        html = self.client.get(f"/ho-so/?tab={tab}", name="/ho-so/?tab=…").text
        self.codes = re.findall(r'href="/ho-so/([A-Z0-9.\-]+)/"', html)[:20] or self.codes

    @task(3)
    def dossier(self):
        if self.codes:
            self.client.get(f"/ho-so/{random.choice(self.codes)}/", name="/ho-so/<code>/")

    @task(2)
    def api_list(self):
        self.client.get("/api/v1/ho-so/", name="/api/v1/ho-so/")

    @task(1)
    def home(self):
        self.client.get("/", name="/")


class Citizen(HttpUser):
    abstract = API_LIST_ONLY
    weight = 5
    wait_time = between(3 * THINK, 15 * THINK)

    @task(5)
    def search(self):
        q = random.choice(SEARCHES)
        self.client.get(f"/cong-dan/thu-tuc/?q={q}", name="/cong-dan/thu-tuc/?q=…")

    @task(2)
    def portal_home(self):
        self.client.get("/cong-dan/", name="/cong-dan/")

    @task(1)
    def lookup(self):
        # Another citizen, another address.
        address = f"127.{random.randrange(1, 255)}.{random.randrange(256)}.{random.randrange(256)}"
        self.client.adapters["http://"].close()
        self.client.mount("http://", SourceAddressAdapter(address))
        i = random.randrange(DOSSIERS)
        self.client.get(
            f"/cong-dan/tra-cuu/?ma=BENCH-{i:08d}&khoa=K{i:08d}", name="/cong-dan/tra-cuu/"
        )
