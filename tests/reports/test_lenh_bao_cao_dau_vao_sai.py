"""Bad input to `motcua report on-time`: a clear Vietnamese message and exit status 2."""

import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

BAD_DATES = [
    (["--from", "2021-13-01", "--to", "2021-12-31"], "Ngày bắt đầu (--from) '2021-13-01'"),
    (["--from", "2021-12-31", "--to", "2021-01-01"], "trước ngày bắt đầu"),
    (["--from", "2021-01-01"], "--to"),
]


@pytest.mark.parametrize("args, message", BAD_DATES)
def test_bad_dates_exit_2_with_a_clear_message(args, message):
    # Read before any database access: the real command line, in a child process.
    code = "import sys; from motcua.cli import main; main(['motcua', 'report', 'on-time', *sys.argv[1:]])"  # noqa: E501
    proc = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 2, proc.stderr
    assert message in proc.stderr
    assert not proc.stdout


@pytest.mark.django_db
def test_unknown_unit_is_refused_with_status_2():
    with pytest.raises(CommandError, match="Không có đơn vị mã 'KHONG'") as exc:
        call_command("report", "on-time", "--from", "2021-01-01", "--to", "2021-12-31",
                     "--unit", "KHONG")  # fmt: skip
    assert exc.value.returncode == 2
