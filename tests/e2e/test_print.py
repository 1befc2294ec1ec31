"""The printed checklists, checked in a real browser: A4, a page per category, nothing cut.

Needs Debian's chromium, poppler-utils and fonts-noto-cjk (.ci/run installs them).
Skipped on a developer machine without them; in CI (CI=true) a missing tool fails.
"""

import html
import os
import re
import shutil
import statistics
import subprocess
import tempfile
from pathlib import Path
from typing import NamedTuple

import pytest

pytestmark = pytest.mark.browser

TOOLS = ("chromium", "pdftotext", "pdfinfo", "pdftoppm")
A4 = (595.0, 842.0)  # points
MISSING = [t for t in TOOLS if shutil.which(t) is None]

if MISSING:
    if os.environ.get("CI"):
        raise RuntimeError(f"CI needs {', '.join(MISSING)}: .ci/run should have installed them")
    pytest.skip(f"not installed: {', '.join(MISSING)}", allow_module_level=True)


def print_pdf(html_path: str, pdf_path: str) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                "--no-pdf-header-footer",
                f"--print-to-pdf={pdf_path}",
                html_path,
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )


@pytest.fixture(scope="module", params=["zh", "en"])
def printed(request, tmp_path_factory):
    from typer.testing import CliRunner

    from medbal.commands.app import cli

    app = cli()

    folder = tmp_path_factory.mktemp(f"print-{request.param}")
    html, pdf = str(folder / "all.html"), str(folder / "all.pdf")
    result = CliRunner().invoke(
        app, ["docs", "--all", "--format", "html", "--lang", request.param, "--output", html]
    )
    assert result.exit_code == 0, result.stderr
    print_pdf(html, pdf)
    return request.param, pdf


def pdf_pages(pdf: str) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


def test_pages_are_a4(printed):
    _, pdf = printed
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
    assert abs(w - A4[0]) < 2 and abs(h - A4[1]) < 2


def test_each_category_starts_a_page_and_repeats_its_header_when_it_runs_on(printed):
    lang, pdf = printed
    pages = pdf_pages(pdf)
    kicker = r"第 ?(\d+) ?类" if lang == "zh" else r"Category (\d+)"
    heads = [re.match(rf"\s*{kicker}\s*\n\s*(.+)\n", p) for p in pages]
    assert all(heads), "a page without its category's header"
    numbers = [int(m.group(1)) for m in heads if m]
    assert sorted(set(numbers)) == list(range(1, 12)) and numbers == sorted(numbers)
    # A page that continues a category repeats its number and title, and no form.
    form = "申请人姓名" if lang == "zh" else "Applicant's name"
    for before, (m, page) in zip([None, *heads], zip(heads, pages, strict=True), strict=False):
        assert m is not None
        if before is not None and before.group(1) == m.group(1):
            # The title's first words (pdftotext may spread a line to align it with columns).
            assert m.group(2).split()[:3] == before.group(2).split()[:3], m.group(2)
            assert form not in page
        else:
            assert form in page  # a category's first sheet has the lines to fill in


PHRASES = {
    "zh": ("转外就医", "新生儿出生起的医疗费", "之子", "申请人姓名"),
    "en": ("Referred to another place", "birth medical certificate", "Applicant's name"),
}


def test_the_text_is_in_the_pdf(printed):
    lang, pdf = printed
    text = "".join(pdf_pages(pdf))
    flat = text.replace(" ", "") if lang == "zh" else " ".join(text.split())
    for phrase in PHRASES[lang]:
        assert phrase in flat, phrase


def test_nothing_is_cut_at_the_page_edge(printed, calibration):
    _, pdf = printed
    words = pdf_words(pdf)
    assert len(words) > 300  # every page has text boxes to check
    margin = 20  # points: the CSS margin is 10-16 mm (28-45 pt); text must stay inside
    for w in words:
        size = point_size(w, calibration)
        middle = (w.y0 + w.y1) / 2  # a word's box is taller than its glyphs: the font's bbox
        assert margin <= w.x0 and w.x1 <= A4[0] - margin, w
        assert margin <= middle - size / 2 and middle + size / 2 <= A4[1] - margin, w


# --- type sizes, measured in the PDF ----------------------------------------------
# pdftotext gives each word's box: the font's bounding box at the word's size, the same
# multiple of the size for every word of one font.  A line of known size printed with the
# sheets' own fonts gives that multiple (for Latin and for Han text apart).

HAN = re.compile(r"[\u3400-\u9fff]")


class Word(NamedTuple):
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


def pdf_words(pdf: str) -> list[Word]:
    out = subprocess.run(
        ["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True, check=True
    ).stdout
    words = []
    for n, page in enumerate(out.split("<page ")[1:], 1):
        for x0, y0, x1, y1, text in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
            page,
        ):
            words.append(Word(n, float(x0), float(y0), float(x1), float(y1), html.unescape(text)))
    return words


@pytest.fixture(scope="module")
def calibration(tmp_path_factory):
    """Box height per point of size, for Latin and for Han words, in the sheets' fonts."""
    from medbal.present.html import CSS

    folder = tmp_path_factory.mktemp("calibrate")
    page = (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><style>{CSS}</style></head>"
        "<body><p style='font-size: 20pt'>Calibrate</p>"
        "<p lang='zh-Hans' style='font-size: 20pt'>校准</p></body></html>"
    )
    (folder / "c.html").write_text(page, encoding="utf-8")
    print_pdf(str(folder / "c.html"), str(folder / "c.pdf"))
    latin, han = pdf_words(str(folder / "c.pdf"))
    assert (latin.text, han.text) == ("Calibrate", "校准")
    return {"latin": (latin.y1 - latin.y0) / 20, "han": (han.y1 - han.y0) / 20}


def point_size(word: Word, calibration: dict[str, float]) -> float:
    return (word.y1 - word.y0) / calibration["han" if HAN.search(word.text) else "latin"]


@pytest.fixture(scope="module")
def take_home(printed, tmp_path_factory):
    """The take-home sheets of an outcome with a checklist, as `claim --format html` writes
    them, in the language of `printed`."""
    from typer.testing import CliRunner

    from medbal.commands.app import cli

    lang = printed[0]
    folder = tmp_path_factory.mktemp(f"take-home-{lang}")
    html_path, pdf = str(folder / "t.html"), str(folder / "t.pdf")
    args = ["claim", "--lang", lang, "-a", "where=home", "-a", "settle-problem=card-lost"]
    result = CliRunner().invoke(cli(), [*args, "--format", "html", "--output", html_path])
    assert result.exit_code == 0, result.stderr
    print_pdf(html_path, pdf)
    return lang, html_path, pdf


def sizes(pdf: str, calibration: dict[str, float]) -> list[float]:
    """Every character's size in points (a word counts once per character)."""
    return [
        round(point_size(w, calibration), 1)
        for w in pdf_words(pdf)
        for _ in w.text
        if w.text.strip()
    ]


def test_the_type_is_large_enough_for_older_eyes(printed, take_home, calibration):
    for pdf in (printed[1], take_home[2]):
        found = sizes(pdf, calibration)
        assert len(found) > 1000
        assert min(found) >= 9, pdf  # the sources, the date printed: no smaller
        assert statistics.median(found) >= 10.5, pdf  # the body text


def test_no_line_holds_a_single_character(printed, take_home):
    """No line of a sheet is one character alone, with or without its punctuation (上。)."""
    for pdf in (printed[1], take_home[2]):
        out = subprocess.run(
            ["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True, text=True, check=True
        ).stdout
        lines = re.findall(r"<line [^>]*>(.*?)</line>", out, re.S)
        assert len(lines) > 50
        alone = []
        for line in lines:
            words = [html.unescape(w) for w in re.findall(r">([^<]*)</word>", line)]
            if len(words) == 1 and len(re.sub(r"[\W_]", "", words[0])) == 1:
                alone.append(words[0])
        assert alone == [], pdf


def test_a_saved_sheet_fits_a_phone_screen(printed, take_home):
    """The saved file has a viewport tag, so a phone does not shrink it to a tiny A4 page."""
    lang, html_path, _ = take_home
    text = Path(html_path).read_text(encoding="utf-8")
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in text


def test_a_page_renders_to_an_image(printed, tmp_path):
    _, pdf = printed
    subprocess.run(
        ["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", pdf, str(tmp_path / "page")],
        check=True,
        timeout=60,
    )
    (png,) = tmp_path.iterdir()
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5000


def test_take_home_page_prints_on_two_a4_sheets(tmp_path):
    from typer.testing import CliRunner

    from medbal.commands.app import cli

    app = cli()

    html, pdf = str(tmp_path / "take-home.html"), str(tmp_path / "take-home.pdf")
    result = CliRunner().invoke(
        app,
        [
            "claim",
            "--lang",
            "zh",
            "-a",
            "where=home",
            "-a",
            "settle-problem=card-lost",
            "--format",
            "html",
            "--output",
            html,
        ],
    )
    assert result.exit_code == 0, result.stderr
    print_pdf(html, pdf)
    pages = [p.replace(" ", "") for p in pdf_pages(pdf)]
    assert len(pages) == 2
    assert "第6类：社保卡挂失、损坏或未及时发卡" in pages[0] and "您的回答" in pages[0]
    assert pages[1].lstrip().startswith("第6类\n")  # no English short name in Chinese
    assert "背面加盖社保卡管理部门印章的发票" in pages[1] and "申请人姓名" in pages[1]
