"""Regional and national rules, apart in the files (issue 19, "What to build" 2).

`region:` on every kind of entry; an unknown region; a rule that is neither regional nor
national, each at its FILE:LINE:COL; a region an overlay names inline; an outcome that
leads to two categories.
"""

from __future__ import annotations

import json

import pytest

from medbal.core.errors import TreeError
from medbal.core.model import LANGS, Checklists, Place, Text, Tree
from medbal.files.loader import load_bytes
from medbal.i18n import sources, words

SMALL = """\
kind: checklists
id: reimbursement
title: {en: Claims, zh: 报销}
region: xiamen
region_note: {en: Confirm locally., zh: 请向当地核实。}
sources: [seed-000]
no_deadline: {en: Not stated., zh: 未写明。}
common_documents:
  - id: invoices
    text: {en: Invoices, zh: 发票}
claim_steps:
  - text: {en: Keep the bills., zh: 保存票据。}
    sources: [seed-004]
legal_basis:
  - text: {en: The law., zh: 法律。}
    sources: [law-art-28]
    region: national
guidance:
  - id: elsewhere
    title: {en: Elsewhere, zh: 异地}
    region: zigui
    items:
      - text: {en: File first., zh: 先备案。}
        sources: [nhsa-2022-22]
        region: national
      - text: {en: One year., zh: 一年。}
        sources: [seed-003]
        region: older-local
      - text: {en: Two hospitals., zh: 两家医院。}
        sources: [seed-003]
categories:
  - number: 1
    slug: transfer
    title: {en: Referred, zh: 转外就医}
    applies_when: {en: Referred., zh: 转诊。}
    region: zigui
    deadlines:
      - kind: within
        amount: 7
        unit: day
        text: {en: Within 7 days., zh: 7 天内。}
        region: xiamen
      - kind: in-advance
        text: {en: File first., zh: 先备案。}
        region: national
        sources: [nhsa-2022-22]
    conditions:
      - {en: Referred by a hospital., zh: 由医院转诊。, region: xiamen}
    documents:
      - id: referral
        text: {en: The referral, zh: 转诊证明, region: {en: Test Town, zh: 测试镇}}
    sources: [seed-000]
  - number: 2
    slug: newborn
    title: {en: Newborn, zh: 新生儿}
    applies_when: {en: A birth., zh: 出生。}
    documents:
      - id: birth
        text: {en: Birth certificate, zh: 出生医学证明}
    sources: [seed-000]
"""


def load(text: str, path: str = "r.yaml") -> object:
    return load_bytes(text.encode("utf-8"), path)


def problems(text: str, path: str = "r.yaml") -> list[str]:
    with pytest.raises(TreeError) as caught:
        load(text, path)
    return caught.value.problems


def at(text: str, needle: str, nth: int = 0) -> str:
    """LINE:COL of the nth `needle` in `text` (its first character)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    line = text[:start].count("\n") + 1
    return f"{line}:{start - (text.rfind(chr(10), 0, start) + 1) + 1}"


def test_a_region_on_every_kind_of_entry():
    data = load(SMALL)
    assert isinstance(data, Checklists)
    names = {"en": "Xiamen, Fujian", "zh": "福建省厦门市"}
    assert data.region == Place(names, "xiamen", data.region.rule)
    assert data.region.rule is not None and data.region.rule.get("zh") == "厦门的规定"
    transfer, newborn = data.categories
    assert transfer.region.id == "zigui" and newborn.region is None  # newborn: the file's
    within, advance = transfer.deadlines
    assert within.region.id == "xiamen" and within.where == "r.yaml:" + at(SMALL, "kind: within")
    assert advance.region.id == "national" and advance.sources == ("nhsa-2022-22",)
    (condition,) = transfer.conditions
    assert condition.region is not None and condition.region.id == "xiamen"
    inline = transfer.documents[0].text.region
    assert (inline.id, inline.names, inline.rule) == (
        "local",
        {"en": "Test Town", "zh": "测试镇"},
        None,
    )
    (group,) = data.guidance
    assert group.region.id == "zigui"
    assert [getattr(i.text, "region", None) and i.text.region.id for i in group.items] == [
        "national",
        "older-local",
        None,  # the group's
    ]
    assert len(group.item_where) == 3
    assert data.legal_basis[0].text.region.id == "national"


def test_an_outcome_a_tree_text_and_the_rates_name_their_region():
    tree = load(
        """\
kind: decision-tree
id: t
title: {en: T, zh: 树}
start: done
questions: {}
outcomes:
  done:
    title: {en: Done, zh: 完}
    explanation: {en: Done., zh: 完。}
    region: xiamen
    next_steps:
      - {en: File within 7 days., zh: 7 天内备案。, region: zigui}
    where_to_check: [{en: The agency, zh: 经办机构}]
    sources: [seed-000]
""",
        "t.yaml",
    )
    assert isinstance(tree, Tree)
    done = tree.outcomes["done"]
    assert done.region.id == "xiamen" and done.next_steps[0].region.id == "zigui"
    from medbal import api

    assert api.load_rates().regions["zigui"].region.id == "zigui"


@pytest.mark.parametrize(
    "old, new, needle",
    [
        ("region: xiamen\nregion_note", "region: xiamn\nregion_note", "xiamn"),
        ("    region: zigui\n    deadlines", "    region: zigu\n    deadlines", "zigu\n"),
        ("        region: older-local", "        region: older-locale", "older-locale"),
        ("zh: 由医院转诊。, region: xiamen}", "zh: 由医院转诊。, region: amoy}", "amoy"),
    ],
)
def test_an_unknown_region_is_refused_where_it_is_written(old, new, needle):
    text = SMALL.replace(old, new)
    found = problems(text)
    assert len(found) == 1, found
    assert found[0].startswith(f"r.yaml:{at(text, needle)}: "), found
    assert "which medbal does not know" in found[0]
    assert "expected one of: many-places, national, older-local, xiamen, zigui" in found[0]
    if needle != "amoy":  # a typo is named; a word nothing like a region is not guessed
        assert "did you mean '" in found[0]


def test_a_region_named_inline_needs_both_languages_and_no_reserved_id():
    text = SMALL.replace("{en: Test Town, zh: 测试镇}", "{en: Test Town}")
    assert any("is missing 'zh'" in p for p in problems(text))
    text = SMALL.replace("{en: Test Town, zh: 测试镇}", "{en: T, zh: 镇, id: national}")
    assert any("its id cannot be 'national'" in p for p in problems(text))


def test_a_rule_that_is_neither_regional_nor_national_is_refused_at_its_place():
    # The file names no region: what cites only an article (seed-NNN) is neither.
    text = SMALL.replace("region: xiamen\nregion_note", "region: national\nregion_note")
    found = problems(text)
    assert f"r.yaml:{at(text, 'number: 2')}: category 2 'newborn' is neither" in "\n".join(found)
    assert "it is marked 'region: national' (its own or inherited)" in found[0]
    # Items 1 (national, cites nhsa-2022-22) and 2 (older-local) pass; the group is Zigui's.
    assert not any("guidance" in p for p in found)
    assert len(found) == 1, found
    text = text.replace("    region: zigui\n    items", "    items")
    found = problems(text)
    item3 = f"r.yaml:{at(text, 'text: {en: Two hospitals.')}: item 3 of guidance 'elsewhere'"
    assert any(p.startswith(item3) and "neither regional nor national" in p for p in found)
    assert "give it (or its file) 'region: ID'" in found[0] and "law-art-N" in found[0]


def test_a_deadline_is_judged_by_its_own_region_and_sources_else_its_category():
    text = SMALL.replace("region: xiamen\nregion_note", "region: national\nregion_note").replace(
        "    region: zigui\n    deadlines", "    deadlines"
    )
    found = problems(text)
    where = f"r.yaml:{at(text, 'kind: within')}"
    # The 7 days are Xiamen's (own region); the filing cites a national document; the
    # category itself cites only seed-000.
    assert not any(p.startswith(where) for p in found)
    assert any(p.startswith(f"r.yaml:{at(text, 'number: 1')}: category 1") for p in found)
    text = text.replace("        region: xiamen\n      - kind: in-advance", "      - kind: in-adv")
    text = text.replace("      - kind: in-adv", "      - kind: in-advance")
    found = problems(text)
    assert any(p.startswith(where) and "(within) is neither" in p for p in found), found


def test_national_without_a_national_document_is_refused():
    text = SMALL.replace(
        "    sources: [law-art-28]\n    region: national", "    sources: [seed-004]"
    )
    text = text.replace(
        "        region: national\n        sources: [nhsa-2022-22]",
        "        region: national\n        sources: [seed-000]",
    )
    found = problems(text)
    assert len(found) == 1 and "(in-advance) is neither regional nor national" in found[0]


def test_a_step_names_its_region_once():
    text = SMALL.replace(
        "      - text: {en: One year., zh: 一年。}",
        "      - text: {en: One year., zh: 一年。, region: zigui}",
    )
    found = problems(text)
    assert len(found) == 1 and "names its region twice" in found[0]
    assert found[0].startswith(f"r.yaml:{at(text, 'older-local')}: ")


def test_the_shipped_files_mark_every_rule():
    """reimbursement.yaml is Xiamen's (file-level), rates.yaml's example is Zigui's."""
    from medbal import api

    data = api.load_checklists()
    assert data.region is not None and data.region.id == "xiamen"
    assert api.load_rates().regions["zigui"].region.id == "zigui"


def test_every_catalogue_source_has_a_kind():
    for lang in LANGS:
        assert set(words.of(lang).SOURCES) == set(sources.KINDS), lang
    assert set(sources.KINDS.values()) <= {"law", "national", "channel", "article", "local"}
    assert sources.is_national("law-art-30") and sources.is_national("nhsa-2022-22")
    # the national app and hotline: national, but no document (shown apart from 依据)
    assert sources.is_national("nhsa-12393") and sources.is_channel("nhsa-12393")
    assert not sources.is_channel("nhsa-2022-22") and not sources.is_article("nhsa-app")
    assert not sources.is_national("seed-003") and not sources.is_national("local:Our notice")
    assert not sources.is_national("seed-999")  # not in the catalogue: never national


# --- overlays --------------------------------------------------------------------

PATCH = """\
kind: checklists
extends: reimbursement
region: {en: Test Town, zh: 测试镇}
categories:
  system-failure:
    deadlines:
      - kind: claim
        amount: 3
        unit: month
        text: {en: Claim within 3 months., zh: 3 个月内申请。}
        region: {en: Test Town, zh: 测试镇}
add_categories:
  - number: 12
    slug: dental
    title: {en: Dental care, zh: 口腔治疗}
    applies_when: {en: A dentist treated you., zh: 看过牙科。}
    documents:
      - {id: dental-bill, text: {en: The dental bill, zh: 牙科费用票据}}
    sources: ["local:Test Town notice"]
"""


def test_an_overlay_names_its_own_region_inline(run, write, tmp_path):
    write("town/reimbursement.yaml", PATCH)
    out = run("docs", "--all", "--format", "json", "--trees", str(tmp_path / "town"))
    assert out.exit_code == 0, out.stderr
    data = json.loads(out.stdout)
    town = {"id": "local", "name": "Test Town"}
    assert data["region"] == "Test Town"
    # What the overlay kept from the shipped file is still Xiamen's; what it adds is its own.
    assert data["categories"][0]["region"] == {"id": "xiamen", "name": "Xiamen, Fujian"}
    assert data["categories"][11]["region"] == town
    five = data["categories"][4]
    assert five["deadlines"][0]["region"] == town
    assert five["deadlines"][0]["text"] == (
        "Claim within 3 months. (rule of Test Town; confirm locally)"
    )
    zh = json.loads(
        run(
            "docs", "5", "--format", "json", "--lang", "zh", "--trees", str(tmp_path / "town")
        ).stdout
    )
    assert (
        zh["categories"][0]["deadlines"][0]["text"]
        == "3 个月内申请。（测试镇的规定，请向当地确认）"
    )
    sheet = run("docs", "12", "--trees", str(tmp_path / "town")).stdout
    assert "This checklist follows the rules of Test Town." in sheet


def test_an_overlay_rule_that_is_neither_is_refused_at_the_patch(run, write, tmp_path):
    patch = PATCH.replace("region: {en: Test Town, zh: 测试镇}\ncategories", "categories")
    patch = patch.replace("region: {en: Test Town, zh: 测试镇}\n", "region: national\n")
    path = write("town/reimbursement.yaml", patch)
    result = run("tree", "validate", str(path))
    assert result.exit_code == 1
    assert f"{path}:{at(patch, 'kind: claim')}: a deadline of category 5" in result.stderr
    assert "is neither regional nor national: it is marked 'region: national'" in result.stderr


# --- an outcome that leads to two categories ---------------------------------------

TWO = """\
kind: decision-tree
id: birth
title: {en: A birth elsewhere, zh: 异地分娩}
start: done
questions: {}
outcomes:
  done:
    title: {en: Claim for mother and baby, zh: 母婴分别报销}
    explanation: {en: Two claims., zh: 两项报销。}
    next_steps: [{en: Claim both., zh: 两项都申请。}]
    where_to_check: [{en: The agency, zh: 经办机构}]
    checklist: CHECKLIST
    sources: [seed-000]
"""


def test_an_outcome_may_lead_to_two_categories():
    tree = load(TWO.replace("CHECKLIST", "[4, 11]"), "birth.yaml")
    assert isinstance(tree, Tree)
    done = tree.outcomes["done"]
    assert done.checklists == (4, 11) and done.checklist == 4
    one = load(TWO.replace("CHECKLIST", "4"), "birth.yaml")
    assert isinstance(one, Tree) and one.outcomes["done"].checklists == (4,)


@pytest.mark.parametrize(
    "value, message",
    [
        ("[4, 4]", "names category 4 twice"),
        ("[4, 0]", "should be a whole number from 1 to 99"),
        ("[]", "is an empty list"),
        ("{n: 4}", "should be text, got a mapping"),
    ],
)
def test_a_wrong_list_of_categories_is_refused(value, message):
    text = TWO.replace("CHECKLIST", value)
    found = problems(text, "birth.yaml")
    assert any(message in p for p in found), found


def test_every_category_of_an_outcome_must_exist(run, write):
    path = write("birth.yaml", TWO.replace("CHECKLIST", "[4, 12]"))
    result = run("tree", "validate", str(path))
    assert result.exit_code == 1
    assert "outcome 'done' names checklist 12, which" in result.stderr


def test_a_regional_text_is_a_text_and_the_cache_keeps_its_region():
    from medbal.core.model import fields
    from medbal.files import cache

    assert fields(Text) == ("words", "region")  # every language's words, then the region
    assert fields(Place) == ("names", "id", "rule")
    assert Text({"en": "a", "zh": "b"}) == Text({"en": "a", "zh": "b"}, None)  # no region
    data = load(SMALL)
    assert isinstance(data, Checklists)
    entry = cache.encode(data)
    again = cache.decode(entry)
    assert again == data
    condition = again.categories[0].conditions[0]
    assert type(condition) is Text and condition.region is not None
    assert condition.region.id == "xiamen" and condition.get("zh") == "由医院转诊。"
    # A region must be a Place, as any field its type: a text there is Damaged.
    xiamen = (
        '[{"en":"Xiamen, Fujian","zh":"福建省厦门市"},"xiamen",'
        '[{"en":"Xiamen rule","zh":"厦门的规定"},null]]'
    )
    held = f'"由医院转诊。"}},{xiamen}]'.encode()
    assert held in entry
    with pytest.raises(cache.Damaged):
        cache.decode(entry.replace(held, '"由医院转诊。"},[{"en":"c","zh":"d"},null]]'.encode()))
    # And a Place that is not the catalogue's, nor one named inline, is not one medbal reads.
    forged = xiamen.replace('"Xiamen rule"', '"Amoy rule"')
    with pytest.raises(cache.Damaged):
        cache.decode(entry.replace(xiamen.encode(), forged.encode()))


def test_a_cached_entry_with_a_rule_that_is_neither_is_not_used():
    """The region rule is one of the rules every checked checklists file holds
    (medbal.files.invariants): a cache entry is held to it as a loaded file is."""
    from medbal.files import cache

    small = load(SMALL)
    assert isinstance(small, Checklists)
    entry = cache.encode(small)
    xiamen = (
        '[{"en":"Xiamen, Fujian","zh":"福建省厦门市"},"xiamen",'
        '[{"en":"Xiamen rule","zh":"厦门的规定"},null]]'
    )
    national = '[{"en":"national","zh":"全国"},"national",null]'
    assert entry.index(xiamen.encode()) < entry.index(b'"transfer"')  # the file's region
    with pytest.raises(cache.Damaged, match="category 2 'newborn' is neither"):
        cache.decode(entry.replace(xiamen.encode(), national.encode(), 1))


def test_the_field_table_reads_a_region_and_an_outcomes_categories_like_any_value():
    """`region` and `checklist` are types of the table with readers of their own, so the
    builders read them as every other value field (medbal.files.fields.read_values)."""
    from medbal.files.fields import READERS
    from medbal.files.spec import OBJECTS

    assert {"region", "checklist"} <= set(READERS)
    for obj, table in OBJECTS.items():
        for f in table:
            kind, _, arg = f.type.partition(":")
            read = (
                f.type in READERS
                or kind == "enum"
                or (kind in ("list", "map", "object") and arg in OBJECTS)
            )
            assert read, f"{obj}.{f.name}: {f.type} has no reader"
    regional = [obj for obj, table in OBJECTS.items() if any(f.name == "region" for f in table)]
    assert set(regional) >= {"outcome", "category", "deadline", "guidance", "step", "region"}
