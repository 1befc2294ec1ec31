"""en-XA, a pseudo-locale for tests only: every word medbal says, accented and lengthened.

It is added as any new language is (medbal/i18n/words/__init__.py): its words module (made
here from English's, each template's letters accented and its vowels doubled, its {fields}
kept), one more code in LANGS, and its field in every text of the trees (a copy of trees/
in which each text gains an `en-XA:` made from its `en:`).  Nothing of medbal is changed
for it, so a word that does not come from the words or from a tree's text in the language
asked for (a string written into the code, a language named in code) stays English and
shows: `untransformed` finds it.
"""

from __future__ import annotations

import re
import string
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from html import unescape
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from medbal.core import langs

PSEUDO = "en-XA"
_PLAIN = string.ascii_lowercase + string.ascii_uppercase
_ACCENTED = "áƀçđéƒĝĥíĵķĺɱñóƥʠŕšţúʋŵẋýžÁƁÇĐÉƑĜĤÍĴĶĹṀÑÓƤɊŔŠŢÚṼŴẊÝŽ"
_ACCENT = str.maketrans(_PLAIN, _ACCENTED)
_VOWELS = re.compile("([áéíóúýÁÉÍÓÚÝ])")


def accented(text: str) -> str:
    """Every ASCII letter as an accented one, each vowel twice (a third longer, as many
    languages are): 'Based on' -> 'ƁááŝééđĐ óóñ'."""
    return _VOWELS.sub(r"\1\1", text.translate(_ACCENT))


def pseudo_template(template: str) -> str:
    """A catalogue template in the pseudo-locale: its words accented, its {fields} (with
    their conversion and format) and its doubled braces as they were."""
    out = []
    for literal, name, spec, conversion in string.Formatter().parse(template):
        out.append(accented(literal).replace("{", "{{").replace("}", "}}"))
        if name is not None:
            out.append(
                "{"
                + name
                + (f"!{conversion}" if conversion else "")
                + (f":{spec}" if spec else "")
                + "}"
            )
    return "".join(out)


def _pseudo_value(value: Any) -> Any:
    if isinstance(value, str):
        return pseudo_template(value)
    if isinstance(value, tuple):
        return tuple(_pseudo_value(v) for v in value)
    return value


def words_module(english: ModuleType) -> ModuleType:
    """The pseudo-locale's words module: every section of English's, transformed, and
    English's marks with the pseudo-locale's own name and HTML tag."""
    module = ModuleType(f"medbal.i18n.words.{PSEUDO.replace('-', '_')}")
    for name in dir(english):
        value = getattr(english, name)
        if name.isupper() and isinstance(value, dict):
            setattr(module, name, {k: _pseudo_value(v) for k, v in value.items()})
    marks = english.MARKS  # a language's typography is English's, but its words
    module.MARKS = marks._replace(  # type: ignore[attr-defined]
        name=accented(marks.name), html=PSEUDO, months=tuple(map(accented, marks.months))
    )
    return module


# --- the trees: each text given its pseudo-locale field ---------------------------------


def _texts(node: Node, codes: tuple[str, ...]) -> Iterator[MappingNode]:
    """Every mapping with a field for each language: a text, or a region named inline."""
    if isinstance(node, MappingNode):
        keys = {k.value for k, _ in node.value if isinstance(k, ScalarNode)}
        if set(codes) <= keys:
            yield node
        for _, value in node.value:
            yield from _texts(value, codes)
    elif isinstance(node, SequenceNode):
        for item in node.value:
            yield from _texts(item, codes)


def pseudo_yaml(text: str, codes: tuple[str, ...]) -> str:
    """A tree file with an `en-XA:` beside the `en:` of each of its texts."""
    root = yaml.compose(text)
    assert root is not None
    for mapping in _texts(root, codes):
        english = next(v for k, v in mapping.value if k.value == codes[0])
        mapping.value.append(
            (
                ScalarNode("tag:yaml.org,2002:str", PSEUDO),
                ScalarNode("tag:yaml.org,2002:str", accented(english.value), style='"'),
            )
        )
    return yaml.serialize(root, allow_unicode=True, width=10_000)


def pseudo_trees(source: Path, target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(source.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        (target / path.name).write_text(pseudo_yaml(text, langs.LANGS), encoding="utf-8")
    return target


# --- installing it ------------------------------------------------------------------------


def _import_all() -> None:
    """Every module of medbal, imported (a module needing an extra that is not installed
    is passed over), but the entry point's: importing it is starting the program (it
    takes SIGINT and SIGTERM)."""
    import importlib
    import pkgutil

    import medbal

    for found in pkgutil.walk_packages(medbal.__path__, "medbal."):
        if found.name in ("medbal.launch", "medbal.__main__"):
            continue
        try:
            importlib.import_module(found.name)
        except ImportError:
            pass


@contextmanager
def installed(mp: pytest.MonkeyPatch, trees: Path) -> Iterator[None]:
    """The pseudo-locale as one more language, for the time of the block: its words
    module importable, LANGS one code longer wherever a module holds it, and `trees`
    (made by pseudo_trees) in place of the shipped trees."""
    from medbal.files import regions, registry
    from medbal.i18n import catalogue, words
    from medbal.i18n.words import en

    _import_all()  # so that no module first binds LANGS, or builds on it, inside the block
    declared = langs.LANGS
    more = (*declared, PSEUDO)
    module = words_module(en)
    mp.setitem(sys.modules, module.__name__, module)
    for held in list(sys.modules.values()):
        if getattr(held, "LANGS", None) is declared:
            mp.setattr(held, "LANGS", more)
    # What was looked up before in a language medbal did not have then is looked up anew.
    mp.setattr(words, "_LOADED", {})
    mp.setattr(catalogue, "_ENTRIES", {})
    regions.catalogue_place.cache_clear()
    mp.setattr(registry, "shipped_dir", lambda: trees)
    try:
        yield
    finally:
        # A module imported inside the block anyway took the longer LANGS from
        # medbal.core.langs: it is given the declared one back too.
        for held in list(sys.modules.values()):
            if getattr(held, "LANGS", None) is more:
                setattr(held, "LANGS", declared)  # noqa: B010  (any module that took it)
        regions.catalogue_place.cache_clear()


# --- what was left in English ------------------------------------------------------------

# A word of ASCII letters (an id such as short-trip or law-art-28 is one word).
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*")


def untransformed(text: str, data: Iterable[str]) -> list[str]:
    """The words of `text` still in plain ASCII letters that are not data (ids, values,
    the command's own words): words of medbal's that did not come in the pseudo-locale."""
    known = set(data)
    return sorted({w for w in _WORD.findall(text) if len(w) > 1 and w not in known})


# --- fixtures of the tests that run medbal in it ------------------------------------------


@pytest.fixture(scope="module", name="pseudo")
def pseudo_fixture(tmp_path_factory):
    """The trees folder of the pseudo-locale, with the pseudo-locale installed."""
    from support import TREES

    folder = pseudo_trees(TREES, tmp_path_factory.mktemp("trees-en-XA"))
    with pytest.MonkeyPatch.context() as mp, installed(mp, folder):
        yield folder


def _data_words(node: Node, codes: tuple[str, ...], out: set[str]) -> None:
    """Every word of a tree file that is not a text: ids, values, kinds, sources."""
    if isinstance(node, ScalarNode):
        out.update(re.findall(r"[A-Za-z][\w.-]*", node.value))
    elif isinstance(node, SequenceNode):
        for item in node.value:
            _data_words(item, codes, out)
    elif isinstance(node, MappingNode):
        for key, value in node.value:
            if key.value in codes:
                continue  # a text's words, in each language
            _data_words(key, codes, out)
            _data_words(value, codes, out)


def _command_words() -> set[str]:
    """The command line's own words: commands, options, choices (medbal's syntax)."""
    import typer

    from medbal.commands.app import cli

    words = {"medbal"}
    group = typer.main.get_command(cli())

    def visit(command: Any) -> None:
        words.add(command.name or "")
        for param in command.params:
            for opt in (*param.opts, *param.secondary_opts):
                words.update(re.findall(r"[A-Za-z][\w-]*", opt))
            words.update(str(c) for c in getattr(param.type, "choices", ()) or ())
        for sub in getattr(command, "commands", {}).values():
            visit(sub)

    visit(group)
    return words


@pytest.fixture(scope="module", name="data")
def data_fixture(pseudo):
    words = _command_words() | {*langs.LANGS, PSEUDO}
    for path in pseudo.glob("*.yaml"):
        node = yaml.compose(path.read_text(encoding="utf-8"))
        assert node is not None
        _data_words(node, (*langs.LANGS,), words)
    # the files' paths, and the ids the diagrams write (Mermaid's have no hyphens)
    words |= set(re.findall(r"[A-Za-z][\w.-]*", str(pseudo)))
    words |= {path.name for path in pseudo.glob("*.yaml")}
    words |= {w.replace("-", "_") for w in words}
    words |= {f"{prefix}_{w}" for w in words for prefix in "qo"}
    # JSON's values that are names of things, not words: a status, a deadline's kind
    words |= {"error", "outcome", "needs-answer", "question", "not-stated", "shipped", "overlay"}
    words |= {"choice", "date"}  # a question's kind
    return words


# --- what a format shows a person --------------------------------------------------------


def json_texts(value: Any) -> list[str]:
    """The strings of a JSON document, not its keys."""
    if isinstance(value, dict):
        return [t for v in value.values() for t in json_texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in json_texts(v)]
    return [value] if isinstance(value, str) else []


_HIDDEN = re.compile(r"<(style|script)\b.*?</\1>", re.S | re.I)
_READ_ATTRS = re.compile(r'\s(?:aria-label|title|alt|placeholder)="([^"]*)"')


def html_texts(html: str) -> str:
    """What a reader of an HTML page gets: its text and the attributes read out."""
    html = _HIDDEN.sub(" ", html)
    said = _READ_ATTRS.findall(html)
    return unescape(" ".join([re.sub(r"<[^>]+>", " ", html), *said]))


if __name__ == "__main__":  # `PSEUDO_TREES=FOLDER python tests/pseudo.py ARGS...`: medbal
    import os  # itself, from its entry point, with the pseudo-locale added to its languages

    with pytest.MonkeyPatch.context() as patch, installed(patch, Path(os.environ["PSEUDO_TREES"])):
        from medbal.launch import main

        main()
