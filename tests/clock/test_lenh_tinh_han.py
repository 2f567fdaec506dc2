"""`motcua deadline`: the command officers use to check a deadline."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.factories import small_tree

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("deadline", *args, stdout=out)
    return out.getvalue().splitlines()


ROWS = [
    (
        "issue example across Tết 2024",
        ["--received", "2024-02-07T16:30", "--working-days", "5"],
        "2024-02-21T16:30",
    ),
    (
        "4 working hours",
        ["--received", "2024-03-05T07:30", "--working-hours", "4"],
        "2024-03-05T11:30",
    ),
    ("3 half-days", ["--received", "2024-03-04T07:30", "--half-days", "3"], "2024-03-05T11:30"),
    (
        "same day after the cut-off",
        ["--received", "2024-03-05T15:30", "--same-day-cutoff", "15:00"],
        "2024-03-06T17:00",
    ),
    (
        "pause of two days",
        [
            "--received",
            "2024-03-04T07:30",
            "--working-days",
            "5",
            "--pause",
            "2024-03-05T13:00/2024-03-07T13:00",
        ],
        "2024-03-12T17:00",
    ),
    (
        "two pauses over the 2025 swap",
        [
            "--received",
            "2025-04-21T07:30",
            "--working-days",
            "7",
            "--pause",
            "2025-04-22T15:00/2025-04-23T15:00",
            "--pause",
            "2025-04-25T16:00/2025-05-05T08:30",
        ],
        "2025-05-08T09:30",
    ),
    (
        "offset given in UTC",
        ["--received", "2024-02-07T09:30+00:00", "--working-days", "5"],
        "2024-02-21T16:30",
    ),
]


@pytest.mark.parametrize("name,args,due", ROWS, ids=[r[0] for r in ROWS])
def test_first_line_is_the_due_instant(name, args, due):
    assert run(*args)[0] == due


def test_json_output():
    data = json.loads(
        "\n".join(run("--received", "2024-03-05T12:00", "--working-days", "1", "--json"))
    )
    assert data["start"] == "2024-03-05T13:00"
    assert data["due"] == "2024-03-06T11:30"
    assert data["working_minutes"] == 480


def test_unit_calendar():
    small_tree()
    assert run("--received", "2025-07-04T16:00", "--working-days", "1", "--unit", "N")[0] == (
        "2025-07-07T16:00"
    )


BAD = [
    (
        "malformed date",
        ["--received", "07/02/2024 16:30", "--working-days", "5"],
        "không đúng định dạng",
    ),
    (
        "impossible date",
        ["--received", "2024-02-30T10:00", "--working-days", "5"],
        "không đúng định dạng",
    ),
    (
        "unknown unit",
        ["--received", "2024-02-07T16:30", "--working-days", "5", "--unit", "XX"],
        "Không có đơn vị",
    ),
    (
        "END before START",
        [
            "--received",
            "2024-02-07T16:30",
            "--working-days",
            "5",
            "--pause",
            "2024-02-20T10:00/2024-02-19T10:00",
        ],
        "kết thúc trước",
    ),
    (
        "pause without slash",
        ["--received", "2024-02-07T16:30", "--working-days", "5", "--pause", "2024-02-20T10:00"],
        "BẮT_ĐẦU/KẾT_THÚC",
    ),
    ("no duration", ["--received", "2024-02-07T16:30"], "Cần đúng một"),
    (
        "two durations",
        ["--received", "2024-02-07T16:30", "--working-days", "1", "--half-days", "1"],
        "Cần đúng một",
    ),
    ("not a number", ["--received", "2024-02-07T16:30", "--working-days", "năm"], "phải là một số"),
    ("negative", ["--received", "2024-02-07T16:30", "--working-days", "-1"], "không được âm"),
    ("bad cut-off", ["--received", "2024-02-07T16:30", "--same-day-cutoff", "25:00"], "Giờ chốt"),
]


@pytest.mark.parametrize("name,args,message", BAD, ids=[r[0] for r in BAD])
def test_bad_input_exits_with_status_2_and_a_vietnamese_message(name, args, message):
    with pytest.raises(CommandError) as err:
        run(*args)
    assert err.value.returncode == 2
    assert message in str(err.value)
