"""Decision 766 group 5 fed from petitions (issue 13, item 2), through the provider that
`PetitionsConfig.ready()` registers with the reports: 5.2 (answered on time), 5.3 (senders
satisfied with the answer) and the complaint half of 5.4 (100% − late rate − complaint/dislike
rate). Petitions are built through the services; March 2025 has no holidays."""

import datetime as dt
from decimal import Decimal

import pytest

from motcua.dossiers.domain.workflow import Status
from motcua.dossiers.models import Dossier
from motcua.reports.domain.indicators import DA_TINH, KHONG_AP_DUNG, evaluate
from motcua.reports.domain.periods import month
from motcua.reports.indicator_inputs import InputContext, indicator_inputs
from motcua.reports.selectors import ontime_report
from motcua.reports.services import facts_rebuild
from tests.petitions.conftest import vn

MARCH = month(2025, 3)


def _evaluate(unit_ids=None):
    facts_rebuild()
    report = ontime_report(period=MARCH, today=dt.date(2025, 4, 1))
    ctx = InputContext(period=MARCH, unit_ids=unit_ids, report=report)
    return ctx, evaluate(indicator_inputs(ctx))


def _answered(submit, act, *, answer_day, verdict=None):
    p = act(submit(at=vn(3, 8)), "accept", "specialist", at=vn(3, 9))
    p = act(p, "answer", "specialist", "Trả lời.", at=vn(answer_day, 9))
    if verdict:
        p = act(p, verdict, "citizen", "Chưa thỏa đáng." if verdict == "disagree" else "")
    return p


# source: QĐ 766/QĐ-TTg nhóm 5; 5.2 and 5.3 are 6 points each at 100% and award full points
# when the unit had nothing to answer (Cổng DVCQG method, `reports.domain.indicators`).
@pytest.mark.parametrize(
    "answers, expect_52, expect_53",
    [
        # nothing received: not applicable, full points
        ([], (KHONG_AP_DUNG, None, None, "6"), (KHONG_AP_DUNG, None, None, "6")),
        # two answered on time, one agreed, one disagreed: 5.2 100%; 5.3 1/2 → 3 points
        ([(5, "agree"), (6, "disagree")], (DA_TINH, 2, 2, "6.00"), (DA_TINH, 1, 2, "3.00")),
        # one on time, one answered late (24/3, past the deadline): 5.2 50% → 3 points
        ([(5, None), (24, None)], (DA_TINH, 1, 2, "3.00"), (DA_TINH, 2, 2, "6.00")),
    ],
)
def test_petitions_feed_5_2_and_5_3(submit, act, answers, expect_52, expect_53):
    for day, verdict in answers:
        _answered(submit, act, answer_day=day, verdict=verdict)
    ctx, e = _evaluate()
    for code, (status, num, den, score) in (("5.2", expect_52), ("5.3", expect_53)):
        r = e.result(code)
        assert r.status == status, code
        if num is not None:
            assert (r.numerator, r.denominator) == (Decimal(num), Decimal(den)), code
        assert r.score == Decimal(score), code
    if answers:
        assert ctx.links["5.2"] == [("Phản ánh, kiến nghị theo đơn vị", "/phan-anh/xu-ly/bao-cao/")]


def test_an_unanswered_petition_past_its_deadline_counts_against_5_2(submit, act, units):
    _answered(submit, act, answer_day=5)
    act(submit(at=vn(3, 8)), "accept", "specialist", at=vn(3, 9))  # never answered
    submit(at=vn(3, 8))  # never even classified
    act(submit(at=vn(3, 8)), "refuse", "specialist", "Không thuộc phạm vi.", at=vn(3, 9))
    _ctx, e = _evaluate()
    r = e.result("5.2")
    # refused: owes no answer; the two left unanswered past their deadlines count as late
    assert (r.numerator, r.denominator, r.score) == (Decimal(1), Decimal(3), Decimal("2.00"))
    # another unit's scope sees none of them
    _ctx, e = _evaluate(unit_ids=[units["other_desk"].pk])
    assert e.result("5.2").status == KHONG_AP_DUNG


def test_a_complaint_about_a_resolved_dossier_lowers_5_4_once(submit, act, receive):
    dossiers = [receive(at=vn(3, 8)) for _ in range(3)]
    for d in dossiers:  # resolved on time on 5/3 (rows written as the reports' tests do)
        Dossier.objects.filter(pk=d.pk).update(
            status=Status.RESOLVED, finished_at=vn(5, 9), due_at=vn(6, 17)
        )
    _ctx, e = _evaluate()
    assert (e.result("5.4").numerator, e.result("5.4").denominator) == (Decimal(3), Decimal(3))
    complained = dossiers[0]
    submit(subject="dossier", dossier=complained, at=vn(10, 8))
    submit(subject="dossier", dossier=complained, at=vn(11, 8))  # twice: still one dossier
    refused = submit(subject="dossier", dossier=dossiers[1], at=vn(10, 8))
    act(refused, "refuse", "specialist", "Nội dung không rõ.", at=vn(10, 9))
    _ctx, e = _evaluate()
    r = e.result("5.4")
    # source: QĐ 766 5.4 = 100% − late rate − complaint/dislike rate (Cổng DVCQG method):
    # 1 of 3 complained about → 66.67%; 66.67/90 × 6 = 4.44
    assert (r.numerator, r.denominator) == (Decimal(2), Decimal(3))
    assert (r.value, r.score) == (Decimal("66.67"), Decimal("4.44"))
