"""Property tests of `api.diagnose_many`, the batch's rules for each case (issue 21: the
fuzz profile covers batch lines): any line, text or bytes, gets one envelope that is one
line of strict JSON, with a status of three and the id as given (or the line refused
with code 2), never a bug's words; and a line a person could send is answered exactly as
the one-shot call answers it."""

import json

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from medbal import api
from medbal.present.output import json_text

from fuzzing import LINES, check_envelope, examples, good_line, line_bytes

RELAXED = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]


@settings(max_examples=examples(120), suppress_health_check=RELAXED)
@given(
    st.lists(st.tuples(LINES, st.booleans()), min_size=1, max_size=4),
    st.sampled_from([None, "en", "zh"]),
)
@example([('{"id": ' + "[" * 2000 + "]" * 2000 + "}", False)], "en")  # 5: not a bug
@example([('{"id": "\\ud800", "answers": {"scheme": "\\udfff"}}', False)], "zh")  # 25
@example([('{"id": 1, "id": 2}', True), ('{"id": 1E2}', False)], None)  # 26, 27
@example([('{"id": ' + "7" * 5000 + "}", False)], "zh")  # 22
@example([('{"id": {"\ud800": null}}', False)], None)  # a raw lone surrogate: fuzz profile
@example([('{"tree": "ca\\u0000rd"}', False)], "zh")  # a NUL in a tree's name: fuzz profile
def test_any_line_gets_one_envelope_of_strict_json_with_its_id(lines, lang):
    cases = [line_bytes(line) if as_bytes else line for line, as_bytes in lines]
    envelopes = list(api.diagnose_many(cases, lang=lang))
    assert len(envelopes) == len(cases)
    for case, envelope in zip(cases, envelopes, strict=True):
        # The bytes `--batch` writes for it (on a UTF-8 stdout).
        check_envelope(case, json_text(envelope, line=True).encode("utf-8"))


@settings(max_examples=examples(60), suppress_health_check=RELAXED)
@given(good_line())
def test_a_line_a_person_could_send_is_answered_as_the_one_shot_call(line):
    case = json.loads(line)
    (envelope,) = api.diagnose_many([line])
    expected = api.diagnose(case["tree"], case["answers"], lang=case["lang"])
    assert envelope == {**expected, "id": case["id"]}
