"""The model's records: built by Record from the fields `record` lists (no generated code)."""

from dataclasses import FrozenInstanceError

import pytest

from medbal.core.model import Review, Text, Tree, fields, replace

TITLE = Text("Title", "标题")


def test_fields_in_order_with_defaults_and_a_fresh_default_each_time():
    a = Tree("t", TITLE, "q", {}, {})
    b = Tree(id="t", title=TITLE, start="q", questions={}, outcomes={})
    assert fields(Tree)[:3] == ("id", "title", "start")
    assert a == b and hash(TITLE) == hash(Text("Title", "标题"))
    assert a.path == "" and a.description is None and a.review == Review()
    assert a.review is not b.review  # field(default_factory=...): one each
    assert repr(TITLE) == "Text(en='Title', zh='标题')"


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: Text("only"), "missing field 'zh'"),
        (lambda: Text("a", "b", "c"), "takes 2 fields, 3 given"),
        (lambda: Text("a", "b", fr="c"), "has no field fr"),
        (lambda: Text("a", en="again", zh="b"), "got field 'en' twice"),
    ],
)
def test_a_wrong_construction_is_refused_as_a_dataclass_would(call, message):
    with pytest.raises(TypeError, match=message):
        call()


def test_a_record_is_set_once_and_replace_makes_a_changed_copy():
    with pytest.raises(FrozenInstanceError):
        TITLE.en = "x"  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del TITLE.zh  # type: ignore[misc]
    changed = replace(TITLE, zh="新标题")
    assert changed == Text("Title", "新标题") and TITLE.zh == "标题"
    assert Text.whole({"en": "a", "zh": "b"}) == Text("a", "b")
    assert TITLE != ("Title", "标题")


def test_a_record_type_is_checked_as_a_dataclass_would_be_and_inherits_fields():
    from typing import ClassVar

    from medbal.core.model import Record, record

    with pytest.raises(ValueError, match="mutable default"):

        @record
        class Shared(Record):
            items: list[str] = []

    @record
    class Base(Record):
        a: str
        kind: ClassVar[str] = "base"  # not a field

    @record
    class Child(Base):
        b: int = 0

    assert fields(Child) == ("a", "b") and Child("x").b == 0 and Child.kind == "base"
