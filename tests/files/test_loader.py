"""The loader refuses each class of bad input with FILE:LINE:COL and what was expected."""

import pytest

from medbal.core.errors import TreeError
from medbal.files.loader import load_bytes
from medbal.files.readtree import load_file

from small_trees import VALID


def problems(text: str | bytes, name: str = "t.yaml") -> list[str]:
    data = text.encode() if isinstance(text, str) else text
    with pytest.raises(TreeError) as info:
        load_bytes(data, name)
    return info.value.problems


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """1-based line number of the nth line containing needle."""
    hits = [i for i, line in enumerate(text.split("\n"), 1) if needle in line]
    return hits[nth - 1]


def test_the_valid_tree_loads():
    tree = load_bytes(VALID.encode(), "small.yaml")
    assert tree.id == "small" and set(tree.outcomes) == {"done-no", "done-b", "done-x"}


def test_yaml_syntax_error_gives_file_line_and_column():
    text = VALID.replace("    text: {en: Third?, zh: 第三？}", "    text: {en: Third?, zh: 第三？")
    (problem,) = problems(text)
    # libyaml notices the unclosed mapping where the next line starts.
    assert problem.startswith(f"t.yaml:{line_of(text, 'zh: 第三？') + 1}:")
    assert "YAML syntax error" in problem


def test_duplicate_key_is_refused_with_both_lines():
    text = VALID.replace("start: first\n", "start: first\nstart: second\n")
    (problem,) = problems(text)
    assert problem == (
        f"t.yaml:{line_of(text, 'start: second')}:1: duplicate key 'start' in a "
        f"decision-tree file (first at line {line_of(text, 'start: first')}), "
        "each key must appear once"
    )


def test_duplicate_question_id_is_refused():
    text = VALID.replace("  third:\n", "  second:\n")
    found = problems(text)
    assert any(
        p.startswith(f"t.yaml:{line_of(text, '  second:', 2)}:3: duplicate id 'second'")
        for p in found
    )


def test_alias_is_refused_at_the_anchor():
    text = (
        VALID.replace("      en: Explained No.", "XX")
        .replace("title: {en: Small, zh: 小}", "title: &t {en: Small, zh: 小}")
        .replace("    text: {en: Third?, zh: 第三？}", "    text: *t")
    )
    found = problems(text)
    assert any("anchors and aliases are not allowed" in p for p in found)
    assert found[0].startswith(f"t.yaml:{line_of(text, '&t')}:")


def test_billion_laughs_is_refused_quickly():
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        refs = ",".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    found = problems("\n".join(lines) + "\n")
    assert any("aliases are not allowed" in p for p in found)
    assert len(found) < 200  # reported per reuse of what is written, never expanded


def test_not_utf8_names_the_line_of_the_bad_byte():
    data = VALID.encode().replace("第二？".encode(), "第二？".encode("gbk"))
    (problem,) = problems(data)
    assert problem.startswith(f"t.yaml:{line_of(VALID, '第二？')}:")
    assert "not UTF-8" in problem


@pytest.mark.parametrize("data", [b"", b"\n  \n", b"# only a comment\n"])
def test_empty_file_is_refused(data):
    (problem,) = problems(data)
    assert problem.startswith("t.yaml:1:1: the file")
    assert "expected a YAML mapping" in problem


def test_unknown_field_names_the_expected_fields():
    text = VALID.replace("    help: {en: Look", "    hint: {en: Look")
    (problem,) = problems(text)
    assert problem.startswith(
        f"t.yaml:{line_of(text, 'hint:')}:5: unknown field 'hint' in "
        "question 'first', expected one of: help, kind, label, next, options, skip, text"
    )


def test_missing_field_is_reported_at_its_parent():
    text = VALID.replace("    where_to_check: [{en: Here., zh: 这里。}]\n", "", 1)
    (problem,) = problems(text)
    assert "outcome 'done-no' is missing 'where_to_check'" in problem
    assert problem.startswith(f"t.yaml:{line_of(text, 'title: {en: No')}:5:")


def test_wrong_type_says_what_was_expected():
    third = VALID.index("  third:")
    options = VALID.index("    options:", third)
    text = VALID[:options] + "    options: lots\noutcomes:\n" + VALID.split("outcomes:\n")[1]
    found = problems(text)
    assert (
        f"t.yaml:{line_of(text, 'options: lots')}:14: the options of question 'third' "
        "should be a list, got the text 'lots'" in found
    )


def test_a_list_where_text_belongs_is_a_type_error():
    text = VALID.replace("    text: {en: Second?, zh: 第二？}", "    text: [Second?]")
    (problem,) = problems(text)
    assert problem == (
        f"t.yaml:{line_of(text, 'text: [Second?]')}:11: the text of question "
        "'second' should be a mapping, got a list"
    )


def test_missing_chinese_is_reported():
    text = VALID.replace("{en: Third?, zh: 第三？}", "{en: Third?}")
    (problem,) = problems(text)
    assert f":{line_of(text, 'en: Third?')}:" in problem
    assert "is missing 'zh'" in problem


def test_unresolved_next_is_reported_where_it_is_written():
    text = VALID.replace("next: done-x}", "next: done-z}")
    found = problems(text)
    assert any(
        p.startswith(f"t.yaml:{line_of(text, 'done-z')}:")
        and "names 'done-z', which is not a question or outcome" in p
        for p in found
    )


def test_cycle_is_refused():
    text = VALID.replace("next: done-x}", "next: first}")
    found = problems(text)
    assert any("question 'third' leads back to 'first'" in p for p in found)


def test_unreachable_node_is_refused():
    text = VALID.replace("next: done-no}", "next: done-b}")
    (problem,) = problems(text)
    assert problem.startswith(
        f"t.yaml:{line_of(text, '  done-no:')}:3: 'done-no' cannot be "
        "reached from the start 'first'"
    )


def test_outcome_without_sources_is_refused():
    text = VALID.replace("    sources: [seed-001]", "    sources: []", 1)
    (problem,) = problems(text)
    assert "sources is an empty list" in problem


def test_unknown_source_format_is_refused():
    text = VALID.replace("    sources: [seed-001]", "    sources: [wikipedia]", 1)
    (problem,) = problems(text)
    assert "source 'wikipedia'" in problem and "'seed-NNN'" in problem


def test_duplicate_option_value_is_refused():
    text = VALID.replace("{value: bee,", "{value: a,")
    found = problems(text)
    assert any("option value 'a' appears twice in question 'second'" in p for p in found)


def test_all_problems_are_reported_at_once():
    text = (
        VALID.replace("{en: Third?, zh: 第三？}", "{en: Third?}")
        .replace("    help: {en: Look", "    hint: {en: Look")
        .replace("    sources: [seed-001]", "    sources: [nope]", 1)
    )
    found = problems(text)
    assert len(found) == 3
    assert [int(p.split(":")[1]) for p in found] == sorted(int(p.split(":")[1]) for p in found)


def test_explicit_tags_are_refused():
    text = VALID.replace("start: first", "start: !!python/name:os.system first")
    found = problems(text)
    assert any("tag" in p and "not allowed" in p for p in found)


def test_unknown_kind_is_refused():
    text = VALID.replace("kind: decision-tree", "kind: flowchart")
    found = problems(text)
    assert any("'kind' should be one of decision-tree, checklists" in p for p in found)


def test_missing_file_and_folder_are_one_line_problems(tmp_path):
    with pytest.raises(TreeError, match="cannot be read"):
        load_file(tmp_path / "nope.yaml")
    with pytest.raises(TreeError, match="is a folder"):
        load_file(tmp_path)


def test_checklists_problems_are_reported_with_lines(checklists):
    from support import TREES

    text = (TREES / "reimbursement.yaml").read_text(encoding="utf-8")
    broken = text.replace("  - number: 7\n", "  - number: 6\n").replace(
        "slug: newborn", "slug: card-problem"
    )
    found = problems(broken, "r.yaml")
    assert any(
        f"r.yaml:{line_of(broken, '- number: 6', 2)}:" in p
        and "category number 6 is used twice" in p
        for p in found
    )
    assert any("slug 'card-problem' is used twice" in p for p in found)


def test_control_characters_are_reported_at_their_place():
    (problem,) = problems(VALID.replace("First?", "Fi\x00rst?"))
    assert problem == (
        f"t.yaml:{line_of(VALID, 'First?')}:20: the control character U+0000 "
        "is not allowed in YAML, remove it"
    )


@pytest.mark.parametrize("inside", ["\\n", "\\t"])
def test_a_text_with_a_line_break_or_a_tab_is_refused_at_its_place(inside):
    # one paragraph: the views lay a text out themselves (a line break inside one was an
    # internal error of the plain view)
    text = VALID.replace("{en: Second?, zh: 第二？}", f'{{en: "Sec{inside}ond?", zh: 第二？}}')
    (problem,) = problems(text)
    assert problem.startswith(f"t.yaml:{line_of(text, 'Sec')}:")
    assert "(en) holds a line break or a tab; a text is one paragraph" in problem


def test_a_folded_chinese_text_is_refused_for_its_stray_space():
    text = VALID.replace(
        "{en: Second?, zh: 第二？}",
        "\n      en: Second?\n      zh: >-\n        第二个\n        问题？",
    )
    (problem,) = problems(text)
    assert "has a space between Chinese characters ('个 问')" in problem
    assert problem.startswith(f"t.yaml:{line_of(text, 'zh: >-')}:11:")
