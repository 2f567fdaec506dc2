import io

import pytest
from PIL import Image, ImageDraw, ImageFont

from motcua.printing.fonts import font_dir


@pytest.fixture(scope="session")
def _certify_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("certify")


@pytest.fixture(autouse=True)
def _certify_settings(settings, tmp_path, _certify_dir):
    # One test CA for the session (as in a development install); files of each test apart.
    settings.MOTCUA_CERTIFY_DIR = _certify_dir
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MOTCUA_PUBLIC_URL = "http://testserver"


@pytest.fixture
def tree(db):
    from tests.factories import small_tree

    return small_tree()


@pytest.fixture
def unit(tree):
    return tree["A"]  # Phường A


def scan_png(text: str, size=(1240, 1754)) -> bytes:
    """A 'scanned' A4 page at 150 dpi with `text` in Liberation Serif."""
    img = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(font_dir() / "LiberationSerif-Regular.ttf"), 48)
    y = 150
    for line in text.splitlines():
        draw.text((120, y), line, fill="black", font=font)
        y += 80
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def pdf_pages(n: int) -> bytes:
    """An original of `n` pages (rendered by typst with the project's fonts)."""
    import typst

    body = "\n#pagebreak()\n".join(f"Trang {i} của giấy tờ gốc" for i in range(1, n + 1))
    src = '#set page(paper: "a4")\n#set text(font: "Liberation Serif")\n' + body
    return typst.compile(src.encode(), font_paths=[str(font_dir())], ignore_system_fonts=True)
