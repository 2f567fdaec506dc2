"""`motcua serve` refuses to start on a database that is not migrated, collects static files and
runs gunicorn, which answers the health JSON on loopback; `motcua worker --batch` drains the
queue and leaves a heartbeat."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

SECRET = "k3J9-vQ2rT8zLm5Xw1Pb7Nc4Hd6Fg0Sa-Yu2Ie9Ro3Tp8Wq5Er1Ty7Ui4Op6As"


def _env(tmp_path, **extra):
    from tests.core.test_cau_hinh import settings_env_names

    env = {k: v for k, v in os.environ.items() if k not in settings_env_names()}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    env.update(
        {
            "MOTCUA_ENV": "production",
            "SECRET_KEY": SECRET,
            "ALLOWED_HOSTS": "127.0.0.1",
            "MOTCUA_VAR_DIR": str(tmp_path / "var"),
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
            "SECURE_SSL_REDIRECT": "off",
            # A demonstration server: the sandbox payment gateway, explicitly allowed.
            "MOTCUA_PAYMENT_GATEWAY": "motcua.payments.gateways.SandboxGateway",
            "MOTCUA_PAYMENT_SANDBOX": "1",
            **extra,
        }
    )
    return env


def _motcua(args, env, timeout=300):
    return subprocess.run(
        [sys.executable, "-m", "motcua", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_refuses_an_unmigrated_database(tmp_path):
    result = _motcua(["serve", "--no-exec"], _env(tmp_path))
    assert result.returncode != 0
    assert "migration chưa áp dụng" in result.stderr


def test_serve_migrates_collects_static_and_answers(tmp_path):
    env = _env(tmp_path)
    prepared = _motcua(["serve", "--migrate", "--no-exec"], env)
    assert prepared.returncode == 0, prepared.stderr
    assert (tmp_path / "var" / "static" / "staticfiles.json").is_file()

    port = _free_port()
    server = subprocess.Popen(
        [
            *[sys.executable, "-m", "motcua", "serve", "--skip-static"],
            *["--bind", f"127.0.0.1:{port}", "--workers", "1"],
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        body = None
        # Static files were collected above; allow for a busy machine all the same.
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/suc-khoe.json") as r:
                    body = json.loads(r.read())
                break
            except urllib.error.HTTPError as exc:
                body = json.loads(exc.read())
                assert exc.code == 503
                break
            except OSError:
                time.sleep(0.5)
        assert body is not None, "gunicorn did not answer"
        assert body["checks"]["database"]["status"] == "ok"
        assert body["checks"]["migrations"]["status"] == "ok"
        # No worker yet: the monitor sees it.
        assert body["checks"]["worker"]["status"] == "error"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/static/motcua/motcua.js") as r:
            assert b"data-autosubmit" in r.read()
    finally:
        server.terminate()
        server.wait(timeout=30)

    worker = _motcua(["worker", "--batch"], env)
    assert worker.returncode == 0, worker.stderr
    check = _motcua(
        [
            "shell",
            "-c",
            "from motcua.core.health import health_report; "
            "print(health_report()['checks']['worker']['alive_workers'])",
        ],
        env,
    )
    assert check.stdout.strip().splitlines()[-1] == "1", check.stderr
