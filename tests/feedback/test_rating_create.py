"""Rating a returned dossier: once per dossier, only the owner, only after the result is
returned; the optional criteria are those of the 2018 evaluation."""

import pytest

from motcua.feedback.domain.criteria import CRITERIA
from motcua.feedback.models import Rating
from motcua.feedback.services import RatingRefused, rating_create
from tests.portal import tracking_data as data

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(make_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return data.make_world(make_user)


def test_nine_criteria_from_the_2018_rules():
    assert len(CRITERIA) == 9


def test_rate_from_the_dossier_page_once(client, world):
    d = data.returned(world)
    client.force_login(world["citizen"])
    page = client.get(f"/cong-dan/ho-so/{d.code}/").content.decode()
    assert "Đánh giá mức độ hài lòng" in page and "Rất hài lòng" in page
    form = {"muc_do": "3", "tc_thai_do": "3", "tc_tong_thoi_gian": "2", "y_kien": "Nhanh gọn"}
    response = client.post(f"/cong-dan/ho-so/{d.code}/danh-gia/", form, follow=True)
    assert "Cảm ơn bạn đã đánh giá" in response.content.decode()
    rating = Rating.objects.get(dossier=d)
    assert (rating.level, rating.comment, rating.rated_by) == (3, "Nhanh gọn", world["citizen"])
    assert rating.criteria == {"thai_do": 3, "tong_thoi_gian": 2}
    again = client.post(f"/cong-dan/ho-so/{d.code}/danh-gia/", {"muc_do": "1"}, follow=True)
    assert "mỗi hồ sơ chỉ được đánh giá một lần" in again.content.decode()
    assert Rating.objects.get(dossier=d).level == 3


def test_a_level_is_required(client, world):
    d = data.returned(world)
    client.force_login(world["citizen"])
    response = client.post(f"/cong-dan/ho-so/{d.code}/danh-gia/", {"y_kien": "?"})
    assert response.status_code == 400
    assert "Vui lòng chọn mức độ hài lòng." in response.content.decode()
    assert not Rating.objects.exists()


def test_not_before_the_result_is_returned(client, world):
    d = data.resolved(world)
    client.force_login(world["citizen"])
    assert "danh-gia/" not in client.get(f"/cong-dan/ho-so/{d.code}/").content.decode()
    response = client.post(f"/cong-dan/ho-so/{d.code}/danh-gia/", {"muc_do": "2"}, follow=True)
    assert "Chỉ đánh giá được sau khi hồ sơ đã được trả kết quả." in response.content.decode()
    assert not Rating.objects.exists()


def test_another_citizen_cannot_rate(client, world):
    d = data.returned(world)
    client.force_login(world["citizen2"])
    assert client.post(f"/cong-dan/ho-so/{d.code}/danh-gia/", {"muc_do": "1"}).status_code == 404
    with pytest.raises(RatingRefused):
        rating_create(dossier=d, actor=world["citizen2"], level=1)
    assert not Rating.objects.exists()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"level": 4}, "Vui lòng chọn mức độ hài lòng"),
        ({"level": 2, "criteria": {"khong_co": 2}}, "Tiêu chí đánh giá không hợp lệ"),
        ({"level": 2, "criteria": {"thai_do": 9}}, "Mức đánh giá không hợp lệ"),
        ({"level": 2, "comment": "x" * 2001}, "tối đa 2000 ký tự"),
    ],
)
def test_bad_values_are_refused(world, kwargs, message):
    d = data.returned(world)
    with pytest.raises(RatingRefused) as exc:
        rating_create(dossier=d, actor=world["citizen"], **kwargs)
    assert message in exc.value.message
    assert not Rating.objects.exists()
