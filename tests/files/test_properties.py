"""Property tests: random valid trees through the engine, random damage through the loader."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medbal.core.engine import all_paths, back, walk
from medbal.core.errors import TreeError
from medbal.files.loader import load_bytes

from fuzzing import PROBLEM, damaged_bytes, examples
from support import TREES, a_tree, replay

# --- random valid trees ------------------------------------------------------------


@st.composite
def tree_yaml(draw):
    """A random acyclic tree in which every node is reachable, as YAML text.

    Nodes are ordered questions first, then outcomes; options only point forward,
    so there is no cycle. Each node after the start gets one option from an
    earlier question (so all are reachable); then every question is filled up to
    2-4 options with random forward targets.
    """
    n_q = draw(st.integers(1, 10))
    n_o = draw(st.integers(1, 5))
    nodes = [f"q{i}" for i in range(n_q)] + [f"o{i}" for i in range(n_o)]
    options: dict[int, list[int]] = {i: [] for i in range(n_q)}
    for j in range(1, len(nodes)):
        parent = draw(st.integers(0, min(j, n_q) - 1))
        options[parent].append(j)
    for i in range(n_q):
        want = draw(st.integers(2, 4))
        while len(options[i]) < want:
            options[i].append(draw(st.integers(i + 1, len(nodes) - 1)))
        if len(options[i]) > 6:
            options[i] = (
                options[i][:6] if all(j in options[i][:6] for j in options[i]) else options[i]
            )
    lines = [
        "kind: decision-tree",
        "id: random",
        "title: {en: R, zh: 随}",
        "start: q0",
        "questions:",
    ]
    for i in range(n_q):
        lines += [f"  q{i}:", f"    text: {{en: Q{i}?, zh: 问{i}？}}", "    options:"]
        for k, j in enumerate(options[i]):
            lines.append(
                f"      - {{value: v{k}, label: {{en: V{k}, zh: 值{k}}}, next: {nodes[j]}}}"
            )
    lines.append("outcomes:")
    for i in range(n_o):
        lines += [
            f"  o{i}:",
            f"    title: {{en: O{i}, zh: 果{i}}}",
            "    explanation: {en: E., zh: 解。}",
            "    next_steps: [{en: S., zh: 步。}]",
            "    where_to_check: [{en: W., zh: 查。}]",
            "    sources: [seed-000]",
        ]
    return "\n".join(lines) + "\n", n_q


@settings(max_examples=examples(60))
@given(tree_yaml(), st.lists(st.integers(0, 10), max_size=12))
def test_any_walk_ends_in_an_outcome_within_the_depth(generated, choices):
    text, n_questions = generated
    tree = a_tree(load_bytes(text.encode(), "random.yaml"))
    answers: dict[str, str] = {}
    result = walk(tree, answers)
    for choice in choices:
        if result.done:
            break
        q = result.question
        answers[q.id] = q.options[choice % len(q.options)].value
        result = walk(tree, answers)
    while not result.done:  # finish with first options
        answers[result.question.id] = result.question.options[0].value
        result = walk(tree, answers)
    assert result.outcome.id in tree.outcomes
    assert len(result.path) <= n_questions


@settings(max_examples=examples(40))
@given(tree_yaml())
def test_replaying_any_path_gives_its_outcome_and_back_undoes_one_step(generated):
    text, _ = generated
    tree = a_tree(load_bytes(text.encode(), "random.yaml"))
    for path, outcome in all_paths(tree):
        answers = replay(path)
        result = walk(tree, answers)
        assert result.outcome == outcome and result.dropped == {}
        kept, previous = back(answers, result)
        assert previous == path[-1].option.value
        again = walk(tree, kept)
        assert again.question == path[-1].question and again.path == path[:-1]
        assert walk(tree, {}).question.id == tree.start  # restart


# --- random damage to the shipped files --------------------------------------------
# The mutations of tests/fuzzing.py (a deleted line or key with its block, a swap, a
# duplicate, a cut, raw bytes, any value made a list, a map, null, a huge or non-ASCII
# number, a string with a newline or a control character, deep nesting) on every kind
# of file medbal reads.  Each case must load, or fail as FILE:LINE:COL lines: never
# another exception.

SHIPPED = {p.name: p.read_bytes() for p in sorted(TREES.glob("*.yaml"))}


@st.composite
def damaged(draw):
    name = draw(st.sampled_from(sorted(SHIPPED)))
    return name, draw(damaged_bytes(SHIPPED[name]))


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(damaged())
def test_damaged_files_load_or_report_file_line_col(case):
    name, data = case
    try:
        load_bytes(data, name)
    except TreeError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert PROBLEM.match(problem), problem
            assert problem.startswith(f"{name}:")
            assert "\x1b" not in problem


def test_the_ci_profile_is_derandomized_and_the_long_search_documented():
    from support import ROOT

    ci, fuzz = settings.get_profile("ci"), settings.get_profile("fuzz")
    assert ci.derandomize and ci.database is None and ci.max_examples <= 300
    assert not fuzz.derandomize and fuzz.database is None and fuzz.max_examples == 100_000
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "HYPOTHESIS_PROFILE=fuzz uv run pytest -m hypothesis" in readme
