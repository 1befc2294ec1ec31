"""The cache of large trees: used when the file is unchanged, never when it changed."""

import sys

import pytest

from medbal import cache, loader

sys.path.insert(0, str(__import__("conftest").ROOT / "benchmarks"))
from startup import generated_tree  # noqa: E402


@pytest.fixture
def big(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = tmp_path / "big.yaml"
    path.write_text(generated_tree(2000), encoding="utf-8")
    assert path.stat().st_size >= loader.CACHE_MIN_BYTES
    return path


def entries(tmp_path):
    return list((tmp_path / "cache" / "medbal").glob("*.pickle"))


def test_a_large_tree_is_cached_and_read_back(big, tmp_path, monkeypatch):
    first = loader.load_file(big)
    assert len(entries(tmp_path)) == 1
    monkeypatch.setattr(loader, "load_bytes", lambda *a: pytest.fail("parsed again"))
    assert loader.load_file(big) == first


def test_an_edited_tree_is_loaded_anew(big, tmp_path):
    loader.load_file(big)
    big.write_text(big.read_text(encoding="utf-8").replace("Question 7?", "Question seven?"),
                   encoding="utf-8")
    assert loader.load_file(big).questions["q7"].text.en == "Question seven?"
    assert len(entries(tmp_path)) == 2


def test_a_broken_large_tree_is_reported_and_not_cached(big, tmp_path):
    from medbal.yamlread import TreeError

    big.write_text(big.read_text(encoding="utf-8").replace("next: q8", "next: nowhere"),
                   encoding="utf-8")
    with pytest.raises(TreeError, match="names 'nowhere'"):
        loader.load_file(big)
    assert entries(tmp_path) == []


def test_cache_can_be_turned_off_and_never_fails_a_command(big, tmp_path, monkeypatch):
    monkeypatch.setenv("MEDBAL_CACHE", "0")
    loader.load_file(big)
    assert entries(tmp_path) == []
    monkeypatch.delenv("MEDBAL_CACHE")
    (tmp_path / "cache").write_text("not a folder")  # the cache cannot be written
    assert loader.load_file(big).id == "big"
    assert cache.get(b"x", "y") is None


def test_small_trees_never_touch_the_cache(tmp_path, monkeypatch):
    from conftest import TREES

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    for path in TREES.glob("*.yaml"):
        loader.load_file(path)
    assert not (tmp_path / "cache").exists()
