"""The model's records: msgspec Structs, frozen, compared by value, never tracked by the
collector, and encoded positionally (what medbal.files.cache stores)."""

import gc
from typing import Any

import msgspec
import pytest

from medbal.core.model import Review, Text, Tree, fields, replace

TITLE = Text({"en": "Title", "zh": "标题"})


def test_fields_in_order_with_defaults():
    a = Tree("t", TITLE, "q", {}, {})
    b = Tree(id="t", title=TITLE, start="q", questions={}, outcomes={})
    assert fields(Tree)[:3] == ("id", "title", "start")
    assert a == b and hash(TITLE) == hash(Text({"en": "Title", "zh": "标题"}))
    assert a.path == "" and a.description is None and a.review == Review()
    assert repr(TITLE) == "Text(words={'en': 'Title', 'zh': '标题'})"
    # equal whatever the order its languages were written in, and so hashed alike
    backwards = Text({"zh": "标题", "en": "Title"})
    assert backwards == TITLE and hash(backwards) == hash(TITLE)


ANY_TEXT: Any = Text  # wrong constructions, on purpose: each must be refused


@pytest.mark.parametrize(
    "call",
    [
        lambda: ANY_TEXT(),
        lambda: ANY_TEXT(
            {"en": "a", "zh": "b"}, None, "c"
        ),  # a field too many (the second is its region)
        lambda: ANY_TEXT({"en": "a", "zh": "b"}, fr="c"),
        lambda: ANY_TEXT({"en": "a", "zh": "b"}, words={"en": "again", "zh": "b"}),
    ],
)
def test_a_wrong_construction_is_refused(call):
    with pytest.raises(TypeError):
        call()


def test_a_record_is_set_once_and_replace_makes_a_changed_copy():
    with pytest.raises(AttributeError):
        TITLE.words = {"en": "x", "zh": "标题"}  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del TITLE.words
    changed = replace(TITLE, words={"en": "Title", "zh": "新标题"})
    assert changed == Text({"en": "Title", "zh": "新标题"}) and TITLE.get("zh") == "标题"
    other: object = ("Title", "标题")  # a tuple of the same words is not the record
    assert TITLE != other


def test_records_are_not_tracked_by_the_collector_and_encode_as_arrays():
    # gc=False: a large tree's tens of thousands of records cost the collector nothing.
    assert not gc.is_tracked(TITLE)
    # A text's region (None) is written too: msgspec omits no default of an array_like
    # record (jcrist/msgspec#720); a shorter array still decodes, the rest defaulted.
    assert msgspec.json.encode(TITLE) == '[{"en":"Title","zh":"标题"},null]'.encode()
    assert msgspec.json.decode('[{"en":"Title","zh":"标题"}]'.encode(), type=Text) == TITLE
    tree = Tree("t", TITLE, "q", {}, {})
    assert msgspec.json.decode(msgspec.json.encode(tree), type=Tree) == tree
    assert msgspec.json.encode(tree).startswith(b'["Tree",')  # tagged: an entry says its kind


def test_msgspec_comes_without_typing_extensions_and_leaves_it_importable():
    import subprocess
    import sys

    code = (
        "import sys, medbal.core.model\n"
        "assert 'typing_extensions' not in sys.modules\n"
        "import typing_extensions\n"  # hidden only while msgspec was imported
        "print(typing_extensions.__name__)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout == "typing_extensions\n", out.stderr


@pytest.mark.parametrize(
    "entry",
    [
        '[{"en":"Title"}]',  # a language missing
        '[{"en":"Title","zh":"标题","fr":"Titre"}]',  # a language medbal does not declare
        '[{"en":"Title","en":"Again"}]',  # one language twice
        '[{"en":"Title","zh":7}]',
    ],
)
def test_a_text_decodes_only_with_every_declared_language(entry):
    # What a cached entry holds is checked as it decodes: a text in every language
    # of medbal.core.langs.LANGS and no other.
    with pytest.raises(msgspec.ValidationError):
        msgspec.json.decode(entry.encode(), type=Text)


def test_a_text_in_a_language_it_does_not_have_reads_as_the_first_language():
    assert TITLE.get("fr") == "Title" and TITLE.get("zh") == "标题"


def test_msgspec_inspect_is_imported_on_first_use_and_is_the_real_module():
    import subprocess
    import sys

    code = (
        "import sys, medbal.core.model, msgspec\n"
        "assert 'msgspec._typing_utils' not in sys.modules\n"  # what the real one imports
        "held = msgspec.inspect\n"  # the stand-in, as msgspec's own modules hold it
        "assert held.type_info(int) == msgspec.inspect.IntType()\n"
        "import msgspec.inspect as mi\n"
        "assert msgspec.inspect is mi is sys.modules['msgspec.inspect']\n"
        "assert mi.__file__.endswith('inspect.py') and held.IntType is mi.IntType\n"
        "from msgspec.inspect import StructType\n"
        "print(msgspec.json.schema(int))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout == "{'type': 'integer'}\n", out.stderr


def test_msgspecs_other_formats_are_imported_on_first_use_and_work():
    import subprocess
    import sys

    code = (
        "import sys, medbal.core.model, msgspec\n"
        "assert sys.modules['msgspec.yaml'].__doc__.endswith('(medbal.core.structs)')\n"
        "assert msgspec.yaml.decode(b'a: 1') == {'a': 1}\n"
        "assert msgspec.toml.decode(b'a = 1') == {'a': 1}\n"
        "assert msgspec.msgpack.decode(msgspec.msgpack.encode([1])) == [1]\n"
        "import msgspec.yaml as y\n"
        "assert y is sys.modules['msgspec.yaml'] and y.__file__.endswith('yaml.py')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
