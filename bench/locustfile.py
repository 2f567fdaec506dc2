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
catalogue, open the portal's home and look up a dossier by code.
"""

import os
import random
import re

from locust import HttpUser, between, task

OFFICER = os.environ.get("MOTCUA_BENCH_USER", "bench_motcua")
PASSWORD = os.environ.get("MOTCUA_BENCH_PASSWORD", "bench-only")
SEARCHES = ["khai sinh", "kết hôn", "đất đai", "hộ kinh doanh", "chứng thực", "xây dựng"]


class Officer(HttpUser):
    weight = 1
    wait_time = between(2, 8)

    def on_start(self):
        page = self.client.get("/tai-khoan/dang-nhap/", name="login form").text
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        self.client.post(
            "/tai-khoan/dang-nhap/",
            {
                "csrfmiddlewaretoken": token.group(1) if token else "",
                "username": OFFICER,
                "password": PASSWORD,
            },
            headers={"Referer": self.host + "/"},
            name="login",
        )
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
    weight = 5
    wait_time = between(3, 15)

    @task(5)
    def search(self):
        q = random.choice(SEARCHES)
        self.client.get(f"/cong-dan/thu-tuc/?q={q}", name="/cong-dan/thu-tuc/?q=…")

    @task(2)
    def portal_home(self):
        self.client.get("/cong-dan/", name="/cong-dan/")

    @task(1)
    def lookup(self):
        self.client.get("/cong-dan/tra-cuu/?ma=BENCH-000001", name="/cong-dan/tra-cuu/")
