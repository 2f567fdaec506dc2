"""Only a Liberation Serif with the Vietnamese letters is used; otherwise a clear message."""

from pathlib import Path

import pytest

from motcua.printing import fonts, render_form

from .conftest import pdf_text

LIBERATION_1 = Path("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf")


def test_chosen_font_has_vietnamese_letters():
    assert fonts._cmap_has(fonts.font_dir() / fonts.SERIF_FILE, fonts.PROBE)


def test_every_vietnamese_letter_survives_into_the_pdf(receipt):
    import dataclasses

    letters = "Ầ Ấ Ẫ Ậ Ằ Ặ Ễ Ệ Ỉ Ị Ỗ Ộ Ờ Ợ Ủ Ữ Ự Ỷ Ỹ Ỵ Đ đ ơ ư ỳ ỹ ỵ"
    data = dataclasses.replace(receipt, applicant_name=letters)
    assert letters in pdf_text(render_form(rule_set="tt01_2018", form="receipt", data=data))


@pytest.mark.skipif(
    not LIBERATION_1.is_file() or fonts._cmap_has(LIBERATION_1, fonts.PROBE),
    reason="Liberation 1.x (Debian 12 fonts-liberation) not installed here",
)
def test_liberation_1_is_rejected():
    assert not fonts._cmap_has(LIBERATION_1, fonts.PROBE)


def test_no_usable_font_names_the_package_to_install(monkeypatch, tmp_path, settings):
    monkeypatch.setattr(fonts, "CANDIDATE_DIRS", (str(tmp_path),))
    settings.MOTCUA_FONT_DIR = ""
    fonts.font_dir.cache_clear()
    try:
        with pytest.raises(fonts.FontMissingError, match="fonts-liberation2"):
            fonts.font_dir()
    finally:
        fonts.font_dir.cache_clear()
