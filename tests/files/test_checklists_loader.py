"""The checklists loader never crashes: every damage is a FILE:LINE:COL problem (issue 10, 3).

Before the loader was rebuilt in the decision-tree loader's style, a variant
with `conditions` but no `documents` (or no title or id) raised KeyError.
"""

import re

import pytest

from medbal.core.errors import TreeError
from medbal.core.model import Checklists
from medbal.files.loader import load_bytes

from support import TREES

SHIPPED = (TREES / "reimbursement.yaml").read_text(encoding="utf-8")
PROBLEM = re.compile(r"^r\.yaml:\d+:\d+: \S[^\n]*$")


def problems(text: str) -> list[str]:
    """The problems of a damaged file; fails the test on a traceback or on a clean load."""
    with pytest.raises(TreeError) as caught:
        load_bytes(text.encode("utf-8"), "r.yaml")
    found = caught.value.problems
    assert found
    for problem in found:
        assert PROBLEM.match(problem), problem
    return found


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


CHRONIC = """      - id: chronic
        title: {en: Chronic disease maintenance, zh: 慢性病门诊维持治疗}
"""


@pytest.mark.parametrize(
    "drop",
    [
        "        documents:\n          - id: home-records\n",  # conditions, no documents
        "        title: {en: Chronic disease maintenance, zh: 慢性病门诊维持治疗}\n",
        "      - id: chronic\n",
    ],
)
def test_a_variant_missing_a_field_is_a_problem_not_a_traceback(drop):
    text = SHIPPED
    if drop.startswith("        documents"):
        # Take the list with its item, so `conditions` is the variant's last field.
        start = text.index(drop)
        end = text.index("    sources: [seed-000]", start)
        text = text[:start] + text[end:]
    elif drop.startswith("      - id"):
        text = text.replace(
            CHRONIC, "      - title: {en: Chronic disease maintenance, zh: 慢性病门诊维持治疗}\n"
        )
    else:
        text = text.replace(drop, "")
    found = problems(text)
    assert any("a variant of category 3 is missing" in p for p in found), found


@pytest.mark.parametrize(
    "field", ["number", "slug", "title", "applies_when", "documents", "sources"]
)
def test_a_category_missing_a_field_is_reported_at_the_category(field):
    start = SHIPPED.index("  - number: 5\n")
    end = SHIPPED.index("  - number: 6\n")
    block = SHIPPED[start:end]
    lines = block.split("\n")
    first = lines[0].replace("- number: 5", "- bogus: 5") if field == "number" else lines[0]
    kept = [first]
    skipping = False
    for line in lines[1:]:
        if line.startswith(f"    {field}:"):
            skipping = True
            continue
        if skipping and line.startswith("      "):
            continue
        skipping = False
        kept.append(line)
    text = SHIPPED[:start] + "\n".join(kept) + SHIPPED[end:]
    found = problems(text)
    at = line_of(SHIPPED, "  - number: 5\n")
    assert any(p.startswith(f"r.yaml:{at}:5:") and f"'{field}'" in p for p in found), found


@pytest.mark.parametrize(
    "field",
    [
        "id",
        "title",
        "region",
        "region_note",
        "no_deadline",
        "sources",
        "common_documents",
        "claim_steps",
        "legal_basis",
        "categories",
    ],
)
def test_a_file_missing_a_top_level_field_is_reported(field):
    lines = SHIPPED.split("\n")
    out, skipping = [], False
    for line in lines:
        if line.startswith(f"{field}:"):
            skipping = True
            continue
        if skipping and (line.startswith((" ", "#")) or not line):
            continue
        skipping = False
        out.append(line)
    found = problems("\n".join(out))
    assert any(f"is missing '{field}'" in p for p in found), found


def test_deadline_and_document_missing_fields_are_problems():
    text = SHIPPED.replace("      - kind: in-advance\n        text:\n", "      - text:\n", 1)
    text = text.replace(
        "      - id: referral-filing\n        text: {en: Proof of the referral "
        "filing, zh: 转诊备案证明}\n",
        "      - {}\n",
        1,
    )
    found = problems(text)
    assert any("a deadline of category 1 is missing 'kind'" in p for p in found)
    assert any(
        "a document in the documents of category 1 is missing 'id', 'text'" in p for p in found
    )


def test_a_common_document_naming_an_unknown_category_is_refused_at_its_place():
    text = SHIPPED.replace(
        "    categories: [transfer, resettlement, short-trip, delivery]\n",
        "    categories: [transfer, elsewhere]\n",
        1,
    )
    (problem,) = problems(text)
    assert problem.startswith(f"r.yaml:{line_of(text, '  - id: invoices')}:5: ")
    assert "names category 'elsewhere', which does not exist" in problem


def test_a_category_left_with_no_document_anywhere_is_refused():
    start = SHIPPED.index("  - id: invoices-unlisted\n")
    end = SHIPPED.index("\nguidance:")
    text = SHIPPED[:start] + SHIPPED[end:]  # category 10 lists none of its own
    found = problems(text)
    assert any("category 10 lists no documents" in p for p in found), found


def test_a_deadline_kind_outside_the_list_is_refused():
    (problem,) = problems(SHIPPED.replace("kind: in-advance", "kind: someday", 1))
    assert "should be one of within, at-least, in-advance, after, claim, not-stated" in problem


# --- every key deleted with its block, every value replaced ---------------------------

KEY_LINE = re.compile(r"^( *)(- )?([a-z_]+):(.*)$")
# Values that once crashed a loader somewhere.  A non-ASCII digit, a 5,000-digit
# number and a value with a newline (issue 10, points 1 and 6) are handled where
# every scalar is read, in yamlread, and tested there.
VALUES = [
    "[1, 2]",
    "{a: b}",
    "''",
    "~",
    "12",
    "-1",
    "9999-12-31",
    "[]",
    "{}",
    "{en: x}",
    "[{}]",
    "x y",
]


def _mutations() -> list[tuple[str, str]]:
    lines = SHIPPED.split("\n")
    out = []
    for i, line in enumerate(lines):
        m = KEY_LINE.match(line)
        if not m or line.lstrip().startswith("#"):
            continue
        indent = len(m.group(1)) + (2 if m.group(2) else 0)
        end = i + 1
        while end < len(lines) and (
            not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent
        ):
            end += 1
        prefix = m.group(1) + (m.group(2) or "")
        dropped = lines[:i] + ([prefix + "{}"] if m.group(2) else []) + lines[end:]
        out.append((f"delete {i + 1}", "\n".join(dropped)))
        for k in (i % len(VALUES),):  # every value, each on a different line
            changed = lines[:i] + [f"{prefix}{m.group(3)}: {VALUES[k]}"] + lines[end:]
            out.append((f"line {i + 1} = {VALUES[k]}", "\n".join(changed)))
    return out


def test_every_deletion_and_replacement_loads_or_reports_file_line_col():
    mutations = _mutations()
    assert len(mutations) > 600
    for name, text in mutations:
        try:
            loaded = load_bytes(text.encode("utf-8"), "r.yaml")
        except TreeError as exc:
            assert exc.problems, name
            for problem in exc.problems:
                assert PROBLEM.match(problem), (name, problem)
        else:
            assert isinstance(loaded, Checklists), name
