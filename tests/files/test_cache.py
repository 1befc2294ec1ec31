"""The cache of checked trees: used when the file is unchanged, never when it changed,
and never able to run code or to write where there is no home."""

import os
from typing import Any

import pytest

from medbal.core.model import ChecklistsPatch
from medbal.files import cache, readtree
from medbal.files.loader import load_bytes

from support import a_tree, generated_tree


@pytest.fixture
def big(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = tmp_path / "big.yaml"
    path.write_text(generated_tree(300), encoding="utf-8")
    return path


def entries(tmp_path):
    return sorted((tmp_path / "cache" / "medbal").glob("*.entry"))


def stored(entry):
    """(key, value) of an entry: its first line, and the model as JSON."""
    key, _, value = entry.read_bytes().partition(b"\n")
    return key, value


def parsed_again(monkeypatch):
    import medbal.files.loader

    calls = []
    real = medbal.files.loader.load_bytes

    def counted(*a: Any) -> Any:
        calls.append(a)
        return real(*a)

    monkeypatch.setattr(medbal.files.loader, "load_bytes", counted)
    return calls


def test_a_tree_is_cached_and_read_back_without_parsing(big, tmp_path, monkeypatch):
    first = readtree.load_file(big)
    assert len(entries(tmp_path)) == 1
    calls = parsed_again(monkeypatch)
    assert readtree.load_file(big) == first
    assert calls == []


def test_every_shipped_file_round_trips_through_the_cache(tmp_path, monkeypatch):
    from support import TREES

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    for path in sorted(TREES.glob("*.yaml")):
        loaded = readtree.load_file(path)
        assert not isinstance(loaded, ChecklistsPatch)  # a shipped file extends nothing
        assert cache.decode(cache.encode(loaded)) == loaded
        assert readtree.load_file(path) == load_bytes(path.read_bytes(), str(path))


def test_an_edited_tree_is_loaded_anew(big, tmp_path):
    readtree.load_file(big)
    big.write_text(
        big.read_text(encoding="utf-8").replace("Question 7?", "Question seven?"), encoding="utf-8"
    )
    assert readtree.load_file(big).questions["q7"].text.get("en") == "Question seven?"
    assert len(entries(tmp_path)) == 1  # one entry per file: the old version's is replaced


def test_a_broken_tree_is_reported_and_not_cached(big, tmp_path):
    from medbal.core.errors import TreeError

    big.write_text(
        big.read_text(encoding="utf-8").replace("next: q8", "next: nowhere"), encoding="utf-8"
    )
    with pytest.raises(TreeError, match="names 'nowhere'"):
        readtree.load_file(big)
    assert entries(tmp_path) == []


@pytest.mark.parametrize(
    "planted",
    [
        # A pickle that would run code, under the entry's own name.
        b"\x80\x04\x95\x1d\x00\x00\x00\x00\x00\x00\x00\x8c\x02os\x94\x8c\x06system\x94\x93\x94.",
        b'KEY\n["Popen", ["touch", "PWNED"]]',
        b'KEY\n["Tree", "x"]',
        b'KEY\n["Text", "x", "y"]',
        b'{"key": "KEY", "value": ["Tree", "x"]}',  # the format before 4
        b"KEY\n[]",
        b"KEY\n[[[[[[[[[[[]]]]]]]]]]]",
        b"another\nnull",
        b"not json at all",
        b"KEY\nVALUE\n[]",  # something after the value
    ],
)
def test_a_planted_or_damaged_entry_is_ignored_and_rewritten(big, tmp_path, monkeypatch, planted):
    first = readtree.load_file(big)
    (entry,) = entries(tmp_path)
    key, value = stored(entry)
    entry.write_bytes(planted.replace(b"KEY", key).replace(b"VALUE", value))
    calls = parsed_again(monkeypatch)
    assert readtree.load_file(big) == first
    assert len(calls) == 1  # parsed again, not taken from the damaged entry
    assert stored(entry) == (key, value)  # and written anew
    assert not (tmp_path / "PWNED").exists()


# The entry of the 300-question tree, each time with one rule of a loaded tree broken.
GO = '["go",[{"en":"Go","zh":"继续"},null],'.encode()
BROKEN = [
    (b'"q7":["q7"', b'"q7":["q8"'),  # a question stored under another id
    (GO + b'"q8"]', GO + b'"q7"]'),
    (GO + b'"q8"]', GO + b'"nowhere"]'),
    (b'["stop",[{"en":"Stop"', b'["q",[{"en":"Stop"'),  # the session's quit key as a value
    (b'["stop",[{"en":"Stop"', b'["1",[{"en":"Stop"'),  # an option number as a value
    (b'["go",[{"en":"Go"', b'["Go Home",[{"en":"Go"'),  # not an id
    (b'"Question 7?"', b'"Question 7?\\u001b[2J"'),  # an escape sequence, escaped
    (b'"Question 7?"', '"Question 7?\u202e"'.encode()),  # a bidi override, raw
    ('大"},null],"q0"'.encode(), '大"},null],"q9999"'.encode()),  # a start not in the tree
    (b'{"en":"Go","zh"', b'{"en":"Go","fr"'),  # a text in a language medbal does not declare
    ('{"en":"Go","zh":"继续"}'.encode(), b'{"en":"Go"}'),  # a text without one it declares
]


@pytest.mark.parametrize("old, new", BROKEN)
def test_an_entry_that_breaks_a_rule_of_loaded_trees_is_not_used(big, tmp_path, old, new):
    """The cache is input: decoded, an entry passes the checks a file passes (issue 21,
    defect 7: an option leading back to its own question or to a node that does not
    exist hung `diagnose` and `tree paths`, or raised KeyError)."""
    first = readtree.load_file(big)
    (entry,) = entries(tmp_path)
    key, value = stored(entry)
    assert old in value
    broken = value.replace(old, new, 1)
    with pytest.raises(cache.Damaged):
        cache.decode(broken)
    entry.write_bytes(key + b"\n" + broken)
    assert readtree.load_file(big) == first


def test_a_loop_in_an_entry_is_refused_by_the_graph_check(big):
    from medbal.core.model import Option, replace

    tree = a_tree(readtree.load_file(big))
    q = tree.questions["q5"]
    looped = replace(q, options=(Option("go", q.options[0].label, "q2"), *q.options[1:]))
    planted = replace(tree, questions={**tree.questions, "q5": looped})
    with pytest.raises(cache.Damaged, match="leads back to 'q2'"):
        cache.decode(cache.encode(planted))


def test_a_fifo_in_place_of_an_entry_is_not_waited_for(big, tmp_path):
    """Issue 21, defect 6: a FIFO planted as an entry hung every call on that tree."""
    import os

    first = readtree.load_file(big)
    (entry,) = entries(tmp_path)
    entry.unlink()
    os.mkfifo(entry)
    assert readtree.load_file(big) == first  # opened without blocking, refused, loaded


def test_an_entry_past_the_size_bound_is_not_read(big, tmp_path, monkeypatch):
    first = readtree.load_file(big)
    (entry,) = entries(tmp_path)
    monkeypatch.setattr(cache, "MAX_ENTRY_BYTES", entry.stat().st_size - 1)
    calls = parsed_again(monkeypatch)
    assert readtree.load_file(big) == first and len(calls) == 1


def test_tree_validate_checks_the_file_itself_never_the_cache(big, monkeypatch):
    readtree.load_file(big)
    calls = parsed_again(monkeypatch)
    assert readtree.load_file(big, cached=False) == readtree.load_file(big)
    assert len(calls) == 1  # validate parsed it; the plain load took the entry


def test_a_bad_number_or_an_escape_in_a_stored_rates_entry_is_ignored(tmp_path, monkeypatch):
    from support import TREES

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    rates = TREES / "rates.yaml"
    first = readtree.load_file(rates)
    (entry,) = entries(tmp_path)
    key, value = stored(entry)
    number = b'"3000"'
    assert number in value  # a Decimal is stored as text
    for planted in (b'"abc"', b'"Infinity"', b'"NaN"', b'"-5"', b'"1e400"', b"[]"):
        broken = value.replace(number, planted, 1)
        with pytest.raises(cache.Damaged):
            cache.decode(broken)
        entry.write_bytes(key + b"\n" + broken)
        assert readtree.load_file(rates) == first


def test_cache_can_be_turned_off_and_never_fails_a_command(big, tmp_path, monkeypatch):
    monkeypatch.setenv("MEDBAL_CACHE", "0")
    readtree.load_file(big)
    assert entries(tmp_path) == []
    monkeypatch.delenv("MEDBAL_CACHE")
    (tmp_path / "cache").write_text("not a folder")  # the cache cannot be written
    assert readtree.load_file(big).id == "big"
    assert cache.get(b"x", "y") is None


@pytest.mark.parametrize("home", ["", "relative/home", "/nonexistent/home"])
def test_no_usable_home_means_no_cache_and_no_folders(big, tmp_path, monkeypatch, home):
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", home)
    monkeypatch.chdir(tmp_path)
    assert cache.folder() is None
    assert readtree.load_file(big).id == "big"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.yaml"]


def test_a_folder_others_can_write_to_is_not_trusted(big, tmp_path, monkeypatch):
    readtree.load_file(big)
    folder = tmp_path / "cache" / "medbal"
    folder.chmod(0o777)
    calls = parsed_again(monkeypatch)
    readtree.load_file(big)
    assert len(calls) == 1  # parsed: an entry there may have been planted by anyone
    folder.chmod(0o700)


def test_an_interrupted_write_leaves_no_part_file(big, tmp_path, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)  # the one os module, as cache sees it
    with pytest.raises(KeyboardInterrupt):
        readtree.load_file(big)
    assert list((tmp_path / "cache" / "medbal").iterdir()) == []
