"""Chinese typesetting on the terminal: one spacing rule, kinsoku line breaks, no line wider
than the terminal, and every Chinese screen medbal draws scanned for them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medbal.core.engine import all_paths
from medbal.core.model import Tree
from medbal.files.readtree import load_file
from medbal.i18n.typeset import CLOSING, OPENING, break_lines, cells, space_zh
from medbal.present.layout import hang, paint
from medbal.present.pages import checklist_page, outcome_page
from medbal.present.terminal import overview_lines, page_lines
from medbal.present.views import checklists_view, diagnose_view

from support import TREES, replay, the_checklists

STARTS_BAD = "、。，；：？！）》」』】”’"
ENDS_BAD = "（《「『【“‘"


@pytest.mark.parametrize(
    "raw,spaced",
    [
        ("余额是0", "余额是 0"),
        ("余额是 0", "余额是 0"),
        ("余额是   0元", "余额是 0 元"),
        ("拨打12393热线", "拨打 12393 热线"),
        ("国家医保服务平台App", "国家医保服务平台 App"),
        ("（12333）", "（12333）"),
        ("拨打 12393 。", "拨打 12393。"),
        ("当年 / 历年", "当年/历年"),
        ("2% 以内", "2% 以内"),
        ("medbal docs 3", "medbal docs 3"),
        ("您是在哪里看病的？ → 在参保地本地", "您是在哪里看病的？ → 在参保地本地"),
        ("《国办发〔2021〕14号》", "《国办发〔2021〕14号》"),  # a document number, as issued
        ("不确定 *", "不确定 *"),
    ],
)
def test_one_spacing_rule_between_han_and_latin(raw, spaced):
    assert space_zh(raw) == spaced


def test_a_closing_mark_takes_the_character_before_it_down():
    text = "一二三四五六七八九，十"
    assert break_lines(text, 18) == ["一二三四五六七八", "九，十"]
    assert break_lines("一二三四五六七八（九）", 18) == ["一二三四五六七八", "（九）"]
    assert break_lines("一二三四五六七“八”", 17) == ["一二三四五六七", "“八”"]


def test_a_word_that_starts_with_a_closing_mark_is_taken_down_as_the_mark_is():
    # "..." is one piece with ASCII punctuation; it came down alone and started the line
    # with "...）。".  Now the character before it comes too.
    text = "请带齐票据（挂号单、收费单...）。"
    assert break_lines(text, 30) == ["请带齐票据（挂号单、收费", "单...）。"]
    assert break_lines("一二三.com）", 10) == ["一二", "三.com）"]


def test_a_word_with_accents_or_of_another_alphabet_is_one_piece():
    # French, Vietnamese, Greek, Cyrillic (and the pseudo-locale's accented letters) are
    # broken between words, never inside one, as English is.
    text = "le prénom du défunt, Tiếng Việt, ελληνικά, русский, Ɓááñķ"
    assert break_lines(text, 12) == [
        "le prénom du",
        "défunt,",
        "Tiếng Việt,",
        "ελληνικά,",
        "русский,",
        "Ɓááñķ",
    ]


def _kinsoku_possible(text: str, width: int) -> bool:
    """Whether some breaking of `text` (between its unbreakable pieces) fits `width` with
    no line starting with closing punctuation nor ending with opening punctuation: the
    oracle of the property below, by trying every break (dynamic programming)."""
    from functools import cache

    from medbal.i18n.typeset import _tokens  # the pieces break_lines breaks between

    tokens = _tokens(text)

    @cache
    def fits_from(i: int) -> bool:
        if i == len(tokens):
            return True
        for j in range(i + 1, len(tokens) + 1):
            line = "".join(tokens[i:j]).strip()
            if cells(line) > width:
                return False
            last = j == len(tokens)
            if line and (i == 0 or line[0] not in CLOSING) and (last or line[-1] not in OPENING):
                k = j
                while k < len(tokens) and tokens[k].isspace():
                    k += 1
                if fits_from(k):
                    return True
        return False

    return fits_from(0)


PIECES = [*"一二三四五六七八九十", *"）。，、”（“…", ".", ",", "ab", "12", "12393", "App"]
PIECES += [" ", "（12393）", "）。", "...", ".com", "q 退出"]


@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=24).map("".join), st.integers(4, 40))
def test_no_line_starts_with_closing_punctuation_where_a_break_could_avoid_it(text, width):
    lines = break_lines(text, width)
    assert all(cells(line) <= width for line in lines)
    assert not any(line.startswith(" ") for line in lines[1:]), lines
    starts = [line for line in lines[1:] if line and line[0] in CLOSING]
    ends = [line for line in lines[:-1] if line and line[-1] in OPENING]
    if starts or ends:  # only where no breaking can keep the rule and the width both
        assert not _kinsoku_possible(text, width), (lines, starts, ends)


def zh_texts() -> list[str]:
    """Every Chinese text of the shipped trees."""
    import re

    found: list[str] = []
    for path in sorted(TREES.glob("*.yaml")):
        found += re.findall(r"^\s*zh: (.+)$", path.read_text(encoding="utf-8"), re.M)
    return [t.strip().strip("'\"") for t in found if len(t) > 4]


TEXTS = zh_texts()


@given(st.sampled_from(TEXTS), st.integers(10, 120))
def test_broken_lines_fit_keep_every_character_and_obey_kinsoku(text, width):
    text = space_zh(text)
    lines = break_lines(text, width)
    assert all(cells(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines[1:]:
        assert not (line and line[0] in CLOSING), lines
    for line in lines[:-1]:
        assert not (line and line[-1] in OPENING), lines


def render(draw, width: int) -> list[str]:
    """A screen drawn at `width`, as a terminal shows it without colour."""
    return paint(draw(width), colour=False).splitlines()


def zh_screens():
    """Every outcome page of every shipped tree and every checklist page, in Chinese."""
    checklists = the_checklists(load_file(TREES / "reimbursement.yaml"))
    for path in sorted(TREES.glob("*.yaml")):
        loaded = load_file(path)
        if not isinstance(loaded, Tree):
            continue
        tree = loaded
        for answers, outcome in all_paths(tree):
            from medbal.core.engine import walk

            result = walk(tree, replay(answers))
            view = diagnose_view(result, "zh", checklists, tree.id)
            page = outcome_page(view)
            yield f"{tree.id}:{outcome.id}", lambda w, page=page: page_lines(page, w)
    sheets = checklists_view(checklists, list(checklists.categories), "zh")
    for cat in sheets["categories"]:
        sheet = checklist_page(cat, sheets, "zh")
        yield f"docs {cat['number']}", lambda w, page=sheet: page_lines(page, w)
    yield "docs overview", lambda w: overview_lines(sheets, w)


SCREENS = list(zh_screens())


@pytest.mark.parametrize("width", [40, 80, 120])
def test_no_chinese_screen_starts_a_line_with_closing_punctuation(width):
    seen: set[str] = set()
    for name, screen in SCREENS:
        if name in seen:  # several paths end in one outcome: draw each once
            continue
        seen.add(name)
        for line in render(screen, width):
            assert cells(line) <= width, (name, line)
            body = line.strip(" │┃║|╭╮╰╯─━")
            assert not (body and body[0] in STARTS_BAD), (name, width, line)
            assert not (body and body[-1] in ENDS_BAD), (name, width, line)


def test_a_paragraph_in_a_list_keeps_its_column():
    text = "这是一段需要在窄终端里换行的中文说明，包括 12393 和国家医保服务平台 App。"
    lines = render(lambda w: hang("1.", text, w, "zh"), 30)
    assert lines[0].startswith("1. ") and all(line.startswith("   ") for line in lines[1:])
    assert all(cells(line) <= 30 for line in lines)


def test_a_document_number_stays_as_issued():
    assert space_zh("《通知》（医保发〔2022〕22号）") == "《通知》（医保发〔2022〕22号）"
    assert space_zh("第22号文件和余额是0") == "第 22 号文件和余额是 0"


@given(
    st.text(
        alphabet=st.sampled_from(
            "ab Z09-—…“”‘’、。，：；？！（）《》「」余额是个人账户ＡＢ１２　\u0301\u200b😀"
        ),
        max_size=40,
    )
)
def test_the_width_count_is_riches(text):
    """medbal's count of cells agrees with Rich's, an independent implementation."""
    from rich.cells import cell_len

    assert cells(text) == cell_len(text)


@pytest.mark.parametrize("width", range(20, 44))
def test_a_key_stays_with_its_word(width):
    """The prompt's keys: "q" never ends a line with "退出" starting the next."""
    lines = break_lines(space_zh("输入序号，或 ? 帮助、b 返回、r 重来、q 退出"), width)
    for key, word in (("?", "帮助"), ("b", "返回"), ("r", "重来"), ("q", "退出")):
        assert any(f"{key} {word}" in line for line in lines), (width, lines)


@given(
    st.text(alphabet=st.sampled_from("ab q?17 余额退出天条，。（）"), max_size=40),
    st.integers(4, 12),
)
def test_narrow_lines_fit_by_cells_and_keep_every_character(text, width):
    """Keys and numbers held with their words, folded by cells where a line is too short."""
    text = space_zh(text)
    lines = break_lines(text, width)
    assert all(cells(line) <= width for line in lines), lines
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


# --- the pieces, found without compiling a class of every Han character ----------------

# The pattern break_lines used until issue 22: the same pieces, at a compile cost of 30
# million instructions (three Han ranges).  `_tokens` must find exactly what it found,
# with the letters of other alphabets in a word (issue 20) as they are in _tokens.
_HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORDS = "A-Za-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0300-\u036f\u0370-\u04ff\u1e00-\u1eff"
_ORIGINAL = (
    f"(?<![A-Za-z0-9])[A-Za-z?] [{_HAN_RANGES}]{{1,2}}|(?<![A-Za-z0-9])[0-9]{{1,4}} "
    f"[{_HAN_RANGES}]|[{_WORDS}\\-_/.,:=+@#&*%'\"~$]+|\\s+|."
)
_ALPHABET = (
    "aqZ09?7 -.,/~$(（）)，。：\n\t\u3000退出天次\u3400\u4dbf\u9fff\uf900\ufaff\u4dc0ア²éжƁ×"
)


@settings(max_examples=3000)
@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_the_pieces_are_those_of_the_han_ranges_pattern(text):
    import re

    from medbal.i18n.typeset import _tokens

    assert _tokens(text) == re.findall(_ORIGINAL, text, re.S)


@pytest.mark.parametrize(
    "text",
    ["按 q 退出，? 帮助", "7 天内，20 次", "12345 天", "a? 帮助", "x7 天", "q  退出", "1,200 元"],
)
def test_the_pieces_of_keys_and_units(text):
    import re

    from medbal.i18n.typeset import _tokens

    assert _tokens(text) == re.findall(_ORIGINAL, text, re.S)


@pytest.mark.parametrize("width", range(16, 40))  # each word fits a line
def test_a_dash_standing_for_a_word_keeps_to_the_word_after_it(width):
    """`- reads stdin`: a line never ends in a lone dash, nor in the bracket before it
    (found in `medbal page -h` at 40 columns: "(-" / "reads one from stdin")."""
    text = "Tree ids or YAML files (- reads one from stdin; default: zero-balance, card)"
    lines = break_lines(text, width)
    assert not any(line.endswith(("-", "(")) for line in lines), lines
    assert " ".join(lines).replace("( ", "(") == text
    assert all(cells(line) <= width for line in lines), lines


def test_a_number_and_its_unit_part_rather_than_a_line_start_with_a_closing_mark():
    # "2023 年" alone on a line, then "）。": the unit goes down with the marks (the
    # property test above found the line "）。在其他" at 10 cells)
    text = space_zh("（各地多在 2022、2023 年）。在其他时候")
    lines = break_lines(text, 10)
    assert not any(line[0] in CLOSING for line in lines), lines
    assert "2023" in lines and any(line.startswith("年）。") for line in lines), lines


def test_every_shipped_chinese_text_keeps_kinsoku_at_every_width():
    # The property test above samples; this walks every text at every width from 10 to
    # 120 cells, so that a text whose bracketed group cannot be set without breaking a
    # rule is found in every run ("（12333），" is 11 cells: it was, at 10), not by chance.
    for text in map(space_zh, TEXTS):
        for width in range(10, 121):
            lines = break_lines(text, width)
            assert all(cells(line) <= width for line in lines), (width, lines)
            assert not any(line and line[0] in CLOSING for line in lines[1:]), (width, lines)
            assert not any(line and line[-1] in OPENING for line in lines[:-1]), (width, lines)
