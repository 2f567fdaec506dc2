"""Citizens search the public catalogue by name, code, field or unit, with or without accents."""

import pytest
from django.core.files.base import ContentFile

from motcua.catalogue.models import Component
from motcua.portal.catalogue.selectors import portal_procedure_search, portal_units

pytestmark = pytest.mark.django_db


def _codes(qs):
    return [v.procedure.national_code for v in qs]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("chung thuc ban sao", ["2.000815"]),  # no diacritics
        ("CHỨNG THỰC bản sao", ["2.000815"]),  # case and accents
        ("Chứng thực bản sao từ bản chính", ["2.000815"]),
        ("2.000815", ["2.000815"]),  # national code
        ("hoat dong xay dung", ["1.013225"]),  # field name
        ("phu cuong", ["2.000815"]),  # the name of a unit that runs it
        ("giay phep thu dau mot", ["1.013225"]),  # words from the name and from the unit
        ("", ["2.000815", "1.013225"]),  # all public ones, by field name then name
        ("khai sinh", []),  # hidden from the portal
        ("khai tu", []),  # draft
        ("ho chieu", []),
    ],
)
def test_search(catalogue, query, expected, django_assert_num_queries):
    units = portal_units()
    with django_assert_num_queries(1):
        found = _codes(portal_procedure_search(query=query, units=units))
    assert found == expected


def test_filter_by_field_and_unit(catalogue, wards):
    assert _codes(portal_procedure_search(query="", field_code="XD")) == ["1.013225"]
    assert _codes(portal_procedure_search(query="", unit_id=wards["hiep_thanh"].pk)) == ["2.000815"]
    assert _codes(portal_procedure_search(query="chung thuc", field_code="XD")) == []


def test_a_unit_word_matching_many_units_lists_each_procedure_once(catalogue):
    # "phuong" is in both wards' names; the copy procedure runs in both.
    assert _codes(portal_procedure_search(query="phuong")) == ["2.000815"]


def test_list_page_queries_are_pinned(client, catalogue, django_assert_num_queries):
    # units, fields, count, page — however many procedures there are
    with django_assert_num_queries(4):
        response = client.get("/cong-dan/thu-tuc/", {"q": "chung thuc ban sao"})
    text = response.content.decode()
    assert "Chứng thực bản sao từ bản chính giấy tờ, văn bản" in text
    assert "Cấp giấy phép xây dựng" not in text
    assert "Trong ngày (nộp trước 15:00)" in text


def test_htmx_gets_only_the_results(client, catalogue, django_assert_num_queries):
    with django_assert_num_queries(3):
        response = client.get("/cong-dan/thu-tuc/", {"q": "xay dung"}, HTTP_HX_REQUEST="true")
    text = response.content.decode()
    assert "<html" not in text
    assert "Cấp giấy phép xây dựng nhà ở riêng lẻ" in text
    assert 'data-testid="so-ket-qua">1 thủ tục' in text


def test_detail_shows_what_a_citizen_needs(client, catalogue, django_assert_num_queries):
    with django_assert_num_queries(5):  # version + fees, components, steps, units
        response = client.get("/cong-dan/thu-tuc/1.013225/")
    text = response.content.decode()
    assert response.status_code == 200
    for expected in [
        "05 ngày làm việc",
        "50.000 đồng",
        "Thành phố Thủ Dầu Một",
        "Không nộp hồ sơ, nhận kết quả qua bưu chính",
        "Không cung cấp trực tuyến",
        "Thẩm định hồ sơ",
        "03 ngày làm việc",  # the appraisal step's 1,440 minutes
        "Đơn đề nghị cấp giấy phép xây dựng",
        "Mẫu 01",
    ]:
        assert expected in text, expected
    assert "Nộp hồ sơ trực tuyến" not in text  # not offered online


def test_online_procedure_links_to_online_filing(client, catalogue):
    text = client.get("/cong-dan/thu-tuc/2.000815/").content.decode()
    assert "Trong ngày (nộp trước 15:00)" in text
    assert "2.000 đồng" in text
    assert "Có thể nộp hồ sơ và nhận kết quả qua bưu chính" in text
    assert '<a class="button" href="/cong-dan/nop-ho-so/2.000815/">Nộp hồ sơ trực tuyến</a>' in text
    assert "sắp có" not in text


@pytest.mark.parametrize("code", ["1.000001", "1.000002", "9.999999"])
def test_hidden_draft_and_unknown_procedures_are_not_found(client, catalogue, code):
    assert client.get(f"/cong-dan/thu-tuc/{code}/").status_code == 404


def test_template_download(client, catalogue, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    form = Component.objects.get(name="Đơn đề nghị cấp giấy phép xây dựng")
    form.template_file.save("mau-01.docx", ContentFile(b"MAU 01"), save=True)
    page = client.get("/cong-dan/thu-tuc/1.013225/").content.decode()
    url = f"/cong-dan/thu-tuc/1.013225/mau/{form.pk}/"
    assert f'href="{url}"' in page
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"MAU 01"
    assert "attachment" in response["Content-Disposition"]
    # a component without a file, or asked for under another procedure's code: not found
    other = Component.objects.get(name="Bản vẽ thiết kế")
    assert client.get(f"/cong-dan/thu-tuc/1.013225/mau/{other.pk}/").status_code == 404
    assert client.get(f"/cong-dan/thu-tuc/2.000815/mau/{form.pk}/").status_code == 404
