"""Bilingual printing: with language "en" every form keeps its legal Vietnamese text and carries
the English from `templates/labels.en.json`; a Vietnamese label or sentence without its English
stops the print, and every key the templates use has its entry."""

import json
import re
from pathlib import Path

import pytest

from motcua.catalogue.models import Component
from motcua.dossiers.models import Dossier
from motcua.printing import render_form
from motcua.printing.data import RESULTS
from motcua.printing.render import TEMPLATES, manifest, print_language, rule_sets
from tests.printing.conftest import pdf_text

FORMS = [(rules, form) for rules in rule_sets() for form in manifest(rules)["forms"]]
ENGLISH = {
    "receipt": [
        "Receipt of dossier and appointment for the result",
        "Lookup key",
        "Applicant",
        "Bản chính (original)",
        "Bản sao chứng thực (certified copy)",
    ],
    "supplement": ["Request to supplement and complete the dossier", "please provide"],
    "refusal": ["Notice of refusal to receive the dossier", "following reasons"],
    "apology": ["Apology", "Thank you for your understanding"],
    "stop": ["Notice that handling of the dossier has stopped", "following reasons"],
    "control_sheet": [
        "Dossier handling control sheet",
        "Hand-over time",
        "Handed over by",
        "early / on time / late",
        "Trước hạn early",
    ],
}
VIETNAMESE = {
    "receipt": "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
    "supplement": "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
    "refusal": "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
    "apology": "XIN LỖI",
    "stop": "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ",
    "control_sheet": "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
}


@pytest.mark.parametrize(("rules", "form"), FORMS)
def test_every_form_prints_bilingual_in_english(rules, form, request):
    data = request.getfixturevalue(form)
    english = pdf_text(render_form(rule_set=rules, form=form, data=data, language="en"))
    vietnamese = pdf_text(render_form(rule_set=rules, form=form, data=data))
    # the legal Vietnamese text is all there, with the English beside it
    assert VIETNAMESE[form] in english and VIETNAMESE[form] in vietnamese
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in english
    for phrase in ["Socialist Republic of Viet Nam", *ENGLISH[form]]:
        assert phrase in english, f"{rules}/{form}: {phrase!r} missing"
        assert phrase not in vietnamese
    # the Vietnamese-only print is unchanged by the English labels
    assert "(Address)" not in vietnamese and "Independence - Freedom" not in vietnamese


def test_a_missing_english_label_stops_the_print(receipt, tmp_path, monkeypatch):
    """The typst helper panics on a Vietnamese text without English (the test above relies on
    it): a labels table without one key makes the receipt fail, naming the text."""
    import shutil

    from motcua.printing import render

    copy = tmp_path / "templates"
    shutil.copytree(TEMPLATES, copy)
    labels = json.loads((copy / "labels.en.json").read_text(encoding="utf-8"))
    del labels["Mã tra cứu"]
    (copy / "labels.en.json").write_text(json.dumps(labels, ensure_ascii=False), "utf-8")
    monkeypatch.setattr(render, "TEMPLATES", copy)
    with pytest.raises(render.PrintingError, match="Mã tra cứu"):
        render_form(rule_set="tt01_2018", form="receipt", data=receipt, language="en")


def test_every_key_in_the_templates_has_its_english():
    labels = json.loads((TEMPLATES / "labels.en.json").read_text(encoding="utf-8"))
    used = set()
    for path in Path(TEMPLATES).rglob("*.typ"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r'(?:\bbi|gloss|en-text)\("([^"]+)"\)', text))
        used |= set(re.findall(r'\btitle\(\s*"([^"]+)"', text))
        used |= set(re.findall(r'"(Người [^"]+|\(Ký[^"]+)"', text))
    used |= {"Giao khách hàng", "Lưu", "TT", "Tên giấy tờ", "Hình thức", "Số lượng"}
    used |= set(RESULTS)  # a hand-over's result, glossed as data
    # values the dossier app prints (component forms, result delivery), glossed when known
    used |= {str(label) for label in [*Component.Form.labels, *Dossier.ResultDelivery.labels]}
    assert len(used) > 50
    assert sorted(used - set(labels)) == []
    assert sorted(set(labels) - used) == [], "labels.en.json has entries no template uses"


def test_print_language():
    assert print_language("en") == "en"
    assert print_language("en-us") == "en"
    assert print_language("vi") == "vi"
    assert print_language("fr") == "vi"  # no labels table: Vietnamese alone
    assert print_language(None) == "vi"
