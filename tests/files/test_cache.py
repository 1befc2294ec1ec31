"""The cache of checked trees: used when the file is unchanged, never when it changed,
and never able to run code or to write where there is no home."""

import json
import re

import pytest

from medbal.files import cache, readtree
from medbal.files.loader import load_bytes

from support import generated_tree


@pytest.fixture
def big(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = tmp_path / "big.yaml"
    path.write_text(generated_tree(300), encoding="utf-8")
    return path


def entries(tmp_path):
    return sorted((tmp_path / "cache" / "medbal").glob("*.json"))


def parsed_again(monkeypatch):
    import medbal.files.loader

    calls = []
    real = medbal.files.loader.load_bytes
    monkeypatch.setattr(medbal.files.loader, "load_bytes", lambda *a: calls.append(a) or real(*a))
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
        assert cache.decode(json.loads(json.dumps(cache.encode(loaded)))) == loaded
        assert readtree.load_file(path) == load_bytes(path.read_bytes(), str(path))


def test_an_edited_tree_is_loaded_anew(big, tmp_path):
    readtree.load_file(big)
    big.write_text(
        big.read_text(encoding="utf-8").replace("Question 7?", "Question seven?"), encoding="utf-8"
    )
    assert readtree.load_file(big).questions["q7"].text.en == "Question seven?"
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
        b'{"key": "KEY", "value": ["Popen", ["touch", "PWNED"]]}',
        b'{"key": "KEY", "value": ["Tree", "x"]}',
        b'{"key": "KEY", "value": ["Text", "x", "y"]}',
        b'{"key": "KEY", "value": {"@": "Tree", "id": "x"}}',  # the format before 3
        b'{"key": "KEY", "value": []}',
        b'{"key": "KEY", "value": [[[[[[[[[[[]]]]]]]]]]]}',
        b'{"key": "another", "value": null}',
        b"not json at all",
        b'{"key": "KEY", "value": ["Tree", "x\\u001b]0;PWNED\\u0007"]}',
    ],
)
def test_a_planted_or_damaged_entry_is_ignored_and_rewritten(big, tmp_path, monkeypatch, planted):
    first = readtree.load_file(big)
    (entry,) = entries(tmp_path)
    key = json.loads(entry.read_text(encoding="utf-8"))["key"]
    entry.write_bytes(planted.replace(b"KEY", key.encode()))
    calls = parsed_again(monkeypatch)
    assert readtree.load_file(big) == first
    assert len(calls) == 1  # parsed again, not taken from the damaged entry
    assert json.loads(entry.read_text(encoding="utf-8"))["key"] == key  # and written anew
    assert not (tmp_path / "PWNED").exists()


def test_decode_builds_only_the_models_own_classes():
    with pytest.raises(cache.Damaged):
        cache.decode(["Path", 1])
    with pytest.raises(cache.Damaged):
        cache.decode(["Text", "a"], cache.model.Text)  # a field missing
    with pytest.raises(cache.Damaged):
        cache.decode(["Text", "a", 5], cache.model.Text)  # not text
    with pytest.raises(cache.Damaged):
        cache.decode(["Text", "a", "b\x1b[2J"], cache.model.Text)  # a control code
    with pytest.raises(cache.Damaged):
        cache.decode(["Step", ["Text", "a", "b"], [], "extra"], cache.model.Step)
    with pytest.raises(cache.Damaged):
        cache.decode(["Step", ["Text", "a", "b"], [5]], cache.model.Step)  # a source not text
    assert cache.decode(["Text", "a", "甲"], cache.model.Text).zh == "甲"
    step = cache.decode(["Step", ["Text", "a", "甲"], ["s1"]], cache.model.Step)
    assert step == cache.model.Step(cache.model.Text("a", "甲"), ("s1",))


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


def test_a_bad_number_or_an_escape_in_a_stored_rates_entry_is_ignored(tmp_path, monkeypatch):
    from support import TREES

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    rates = TREES / "rates.yaml"
    first = readtree.load_file(rates)
    (entry,) = entries(tmp_path)
    text = entry.read_text(encoding="utf-8")
    for planted in ('"@decimal":"abc"', '"@decimal":"Infinity"', '"@decimal":"NaN"'):
        entry.write_text(re.sub(r'"@decimal":"[^"]*"', planted, text, count=1), encoding="utf-8")
        assert readtree.load_file(rates) == first
    entry.write_text(text.replace('"en":"', '"en":"\\u001b[2J', 1), encoding="utf-8")
    assert readtree.load_file(rates) == first


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

    monkeypatch.setattr(cache.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        readtree.load_file(big)
    assert list((tmp_path / "cache" / "medbal").iterdir()) == []
