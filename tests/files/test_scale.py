"""Work grows with the input, not faster (issue 21): benchmarks/scale.py counts the lines
each workload runs and the memory it takes at n, 2n and 4n, and fails past 2.6x a
doubling.  Counted, never timed: a loaded machine does not move the result."""

import subprocess
import sys

import pytest

from support import ROOT, medbal_env

pytestmark = pytest.mark.slow


def test_each_workload_grows_with_its_input_and_no_faster():
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "scale.py"), "--check"],
        capture_output=True,
        text=True,
        env=medbal_env(),
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    rows = result.stdout.splitlines()[1:]
    assert len(rows) == 7  # every workload was measured
