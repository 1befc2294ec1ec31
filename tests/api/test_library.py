"""`api.Library`: the API over one folder of trees, each file read once.

The module-level functions are its methods on a library made for the call; a library
made by `everything()` reads and checks every file at once and then reads none, which
is what medbal serve holds in each process."""

from __future__ import annotations

import json
import traceback
from typing import Any

import pytest

from medbal import api
from medbal.api import shelf
from medbal.core.errors import TreeError, UsageError

from support import generated_tree

ANY_API: Any = api  # for arguments of the wrong type, on purpose

MADE = "2026-11-24"


@pytest.fixture(scope="module")
def library():
    return api.Library.everything()


def _no_reading(monkeypatch):
    """Every way a tree file could be found or read fails the test."""
    import medbal.files.bounded
    import medbal.files.readtree
    from medbal.files import registry

    def read(*args, **kwargs):
        raise AssertionError(f"a file was read: {args}")

    monkeypatch.setattr(medbal.files.bounded, "read_bounded", read)
    monkeypatch.setattr(medbal.files.readtree, "read_bounded", read)
    for name in ("load_tree", "load_checklists", "load_rates", "load_resolved", "locate"):
        monkeypatch.setattr(registry, name, read)
    monkeypatch.setattr(shelf, "_every_file", read)


def test_a_complete_library_reads_no_file_after_it_is_made(library, monkeypatch):
    _no_reading(monkeypatch)
    assert library.complete
    assert library.tree_ids() == ["balance-dropped", "card", "which-category", "zero-balance"]
    assert library.diagnose("card", {"problem": "lost"}, "en")["status"] == "outcome"
    assert library.session("zero-balance", lang="zh").view()["question"]["id"] == "scheme"
    cases = [{"answers": {"scheme": "yearly"}, "id": 1}, '{"tree": "card", "id": 2}']
    assert [e["id"] for e in library.diagnose_many(cases, lang="en")] == [1, 2]
    assert library.docs("short-trip", "en")["categories"][0]["number"] == 3
    assert library.estimate(8000, 500, {"class-b": 1200}, lang="en")["total_paid"] > 0
    assert [r["id"] for r in library.tree_list("en")["trees"]][:1] == ["balance-dropped"]
    for fmt in ("mermaid", "dot", "json"):
        assert "lost" in library.export("card", fmt, "en")
    assert library.page((), "zh", MADE).startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("name", ["trees/card.yaml", "../trees/card.yaml", "/etc/passwd", "nope"])
def test_a_complete_library_knows_only_the_ids_it_holds(library, monkeypatch, name):
    _no_reading(monkeypatch)
    with pytest.raises(UsageError) as caught:
        library.diagnose(name, {}, "en")
    assert caught.value.phrase.key == "no_tree"
    assert str(caught.value) == (
        f"no tree named '{name}'; known trees: balance-dropped, card, which-category, zero-balance"
    )


def test_each_function_is_the_method_of_a_library_made_for_the_call(library):
    answers = {"where": "home", "settle-problem": "emergency"}
    for lib in (library, api.Library()):
        assert api.diagnose("which-category", answers, "zh") == lib.diagnose(
            "which-category", answers, "zh"
        )
        assert api.docs(None, "en") == lib.docs(None, "en")
        assert api.estimate("8,000", "500", ["class-b=1200"], lang="en") == lib.estimate(
            "8,000", "500", ["class-b=1200"], lang="en"
        )
        assert api.tree_list("zh") == lib.tree_list("zh")
        assert api.export("card", "json", "zh") == lib.export("card", "json", "zh")
        assert api.page(["card"], "en", made=MADE) == lib.page(["card"], "en", MADE)
        assert api.load_tree("card") == lib.tree("card")
        assert api.load_checklists() == lib.checklists()
        assert api.load_rates() == lib.rates()
    many = list(api.diagnose_many([{"tree": "zero-balanse"}, {"tree": "a/b"}], lang="zh"))
    assert many == list(
        library.diagnose_many([{"tree": "zero-balanse"}, {"tree": "a/b"}], lang="zh")
    )
    assert "zero-balance" in many[0]["error"]["message"]  # the nearest id, in both


def test_the_commands_print_the_librarys_views(run, library):
    listed = json.loads(run("tree", "list", "--format", "json", "--lang", "en").stdout)
    assert listed == api.tree_list("en")
    exported = json.loads(run("tree", "export", "card", "-f", "json", "-l", "zh").stdout)
    assert exported == json.loads(library.export("card", "json", "zh"))
    assert run("tree", "export", "card", "-l", "en").stdout == library.export(
        "card", "mermaid", "en"
    )


def test_a_one_off_call_reads_only_what_it_needs(monkeypatch):
    def listed(*args):
        raise AssertionError("every file was listed")

    monkeypatch.setattr(shelf, "_every_file", listed)
    assert api.diagnose("card", {"problem": "lost"}, "en")["status"] == "outcome"
    assert api.docs(3, "en")["categories"][0]["slug"] == "short-trip"
    assert api.estimate(8000, lang="en")["bill"]
    with pytest.raises(AssertionError, match="every file"):
        api.tree_list("en")


def test_everything_reports_every_problem_of_every_file_at_once(tmp_path):
    (tmp_path / "card.yaml").write_text("kind: decision-tree\nid: card\n", encoding="utf-8")
    (tmp_path / "extra.yaml").write_text("kind: decision-tree\nid: extra\ntitle: [\n", "utf-8")
    listed = generated_tree(3).replace(
        "    sources: [seed-000]", "    sources: [seed-000]\n    checklist: 99"
    )
    (tmp_path / "big.yaml").write_text(listed, encoding="utf-8")
    with pytest.raises(TreeError) as caught:
        api.Library.everything(tmp_path)
    files = {p.split(":")[0] for p in caught.value.problems}
    assert files == {str(tmp_path / n) for n in ("card.yaml", "extra.yaml", "big.yaml")}
    assert any("checklist 99" in p for p in caught.value.problems)
    # Made as needed, the same library answers from the good files and lists the bad ones.
    lazy = api.Library(tmp_path)
    assert lazy.diagnose("zero-balance", {"scheme": "yearly"}, "en")["status"] == "outcome"
    kinds = {r["id"]: r["kind"] for r in lazy.tree_list("en")["trees"] if r["origin"] == "overlay"}
    assert kinds == {"big": "decision-tree", "card": "invalid", "extra": "invalid"}


def test_an_overlay_tree_is_held_beside_the_shipped_ones(tmp_path):
    (tmp_path / "big.yaml").write_text(generated_tree(3), encoding="utf-8")
    library = api.Library.everything(tmp_path)
    assert library.tree_ids() == [
        "balance-dropped",
        "big",
        "card",
        "which-category",
        "zero-balance",
    ]
    assert library.diagnose("big", {"q0": "stop"}, "en")["outcome"]["id"] == "side"


def test_without_paths_no_file_is_named():
    shown = api.Library.everything()
    hidden = api.Library.everything(paths=False)
    assert all("file" in row for row in shown.tree_list("en")["trees"])
    rows = hidden.tree_list("en")["trees"]
    assert rows and all("file" not in row for row in rows)
    assert [
        {k: v for k, v in r.items() if k != "file"} for r in shown.tree_list("en")["trees"]
    ] == rows
    for library, en, zh in (
        (shown, "rates.yaml; its regions are: zigui", "rates.yaml 中没有地区“nowhere”"),
        (hidden, "in the rates file; its regions", "费率文件中没有地区“nowhere”；可选地区：zigui"),
    ):
        with pytest.raises(UsageError) as caught:
            library.estimate(100, region="nowhere")
        assert en in str(caught.value) and zh in caught.value.text("zh")


def test_an_estimate_names_its_inputs_as_options_or_as_keys(library):
    def message(**kwargs):
        with pytest.raises(UsageError) as caught:
            library.estimate(100, lang="en", **kwargs)
        return str(caught.value)

    assert message(threshold="x").startswith("--threshold 'x' is not an amount")
    assert message(threshold="x", names="keys").startswith("threshold 'x' is not an amount")
    assert message(items={"class-b": "x"}).startswith("--item class-b 'x' is not")
    assert message(items={" class-b ": "x"}, names="keys").startswith("items.class-b 'x' is not")
    assert message(items=["class-b"]).startswith("--item 'class-b' should look like ITEM=AMOUNT")
    assert "no item 'a=b'" in message(items={"a=b": 5}, names="keys")  # a key is an id whole
    assert message(region=" ").startswith("--region is empty")
    assert message(region=" ", names="keys").startswith("no region ''")
    assert "names should be options (--threshold) or keys (threshold)" in message(names="json")
    # A float is the amount it writes: too large, not "1e+20", which is no amount at all.
    assert "more than any bill" in message(threshold=1e20)
    assert library.estimate(250000.5, lang="en") == library.estimate("250000.5", lang="en")


def test_a_kept_failure_is_raised_afresh_each_time():
    lazy = api.Library()
    depths = []
    for _ in range(3):
        with pytest.raises(UsageError) as caught:
            lazy.tree("nosuch")
        depths.append(len(traceback.extract_tb(caught.value.__traceback__)))
    assert len(set(depths)) == 1  # no frames collected from earlier raises
    assert list(lazy._failed) == ["nosuch"]


def test_a_session_takes_its_tree_and_checklists_from_the_library(library):
    talk = api.Session("which-category", lang="en", trees=library)
    assert talk.tree is library.tree("which-category")
    assert talk.checklists is library.checklists()
    assert library.session("card").tree is library.tree("card")


def test_the_librarys_own_arguments_are_checked(library):
    for make, name in (
        (lambda: ANY_API.Library(5), "trees"),  # wrong types, on purpose
        (lambda: ANY_API.Library(paths="no"), "paths"),
        (lambda: library.export("card", "svg"), "svg"),
        (lambda: library.tree(3), "tree"),
    ):
        with pytest.raises(UsageError) as caught:
            make()
        assert name in str(caught.value) and caught.value.text("zh")
