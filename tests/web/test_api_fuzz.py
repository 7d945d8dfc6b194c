"""The API under schemathesis (issue 9, item 12): every operation of the schema the live server serves at
/api/schema/, fuzzed against that live server as three users (anonymous, a reporter of unit A, the office's
reviewer), with every check schemathesis has (server errors, status codes, content types, headers and bodies
conforming to the schema, invalid data rejected, valid data accepted, auth enforced, unsupported methods...).

Bounded: a fixed number of examples per operation, a deadline per example, derandomized (the same cases every run,
so a failure here is reproducible and CI does not flicker). It must find nothing: every failure is a bug of the
API or of its schema. The fuzzer talks to the live server on 127.0.0.1 only."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import schemathesis

from jixiao.web.performance import services
from jixiao.web.performance.models import ProgressEntry

PASSWORD = "pw-for-tests-1"
EXAMPLES = 25  # per operation, user and phase
SECONDS = 30  # the time budget of one user's run (--max-time); the subprocess is killed at twice that
USERS = {"anonymous": None, "reporter": "reporter_a", "reviewer": "reviewer"}
ST = Path(sys.executable).with_name("schemathesis")
CONFIG = Path(__file__).with_name("schemathesis.toml")  # what no schema can say, per operation; read it


@pytest.fixture
def fuzz_world(world, settings: Any) -> Any:
    """The conftest world, with a published disclosure of unit A (so targets and verdicts have content) and a
    submitted report of unit B (so the reviewer has one to act on). Sign-in lockouts off: the auth checks send
    wrong credentials on purpose."""
    settings.AXES_ENABLED = False
    entry = ProgressEntry.objects.get(pk=world.entry_a.pk)
    services.entry_update(entry=entry, actor=world.reporter_a, narrative="开展职工培训120场，培训覆盖率95%。",
                          version=entry.version)
    world.sub_a.refresh_from_db()
    services.submission_submit(submission=world.sub_a, actor=world.approver_a)
    services.submission_approve(submission=world.sub_a, actor=world.reviewer)
    services.disclosure_publish(submission=world.sub_a, actor=world.reviewer)
    world.sub_b.refresh_from_db()
    services.submission_submit(submission=world.sub_b, actor=world.approver_b)
    return world


def test_schemathesis_is_the_pinned_major_version():
    """The command line below is schemathesis 4's (the Python and pytest APIs differ between 3.x and 4.x; the
    4.x pytest plugin does not run under pytest 9, so the fuzzer runs as its command, in a subprocess)."""
    assert schemathesis.__version__.split(".")[0] == "4"
    assert ST.exists(), ST


@pytest.mark.parametrize("who", list(USERS))
def test_the_api_conforms_to_its_schema(live_server: Any, fuzz_world: Any, who: str, tmp_path: Path) -> None:
    """schemathesis run, every phase (examples, coverage, fuzzing, stateful) and every check (``--checks all``),
    derandomized (``--generation-deterministic``, a fixed seed): exit status 0 means it found nothing."""
    command = [
        str(ST), "--config-file", str(CONFIG), "run", f"{live_server.url}/api/schema/", "--url", live_server.url,
        "--checks", "all", "--max-examples", str(EXAMPLES), "--max-time", str(SECONDS),
        "--phases", "examples,coverage,fuzzing,stateful", "--workers", "1",
        "--generation-deterministic", "--seed", "20240901",
        "--request-timeout", "10", "--max-response-time", "5", "--suppress-health-check", "all",
        "--no-color", "--output-truncate", "false", "--report-dir", str(tmp_path),
    ]
    username = USERS[who]
    if username is not None:
        command += ["--auth", f"{username}:{PASSWORD}"]
    env = {**os.environ, "SCHEMATHESIS_HOOKS": "", "NO_COLOR": "1"}
    started = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True, timeout=2 * SECONDS + 30, env=env,
                          cwd=tmp_path, check=False)
    elapsed = time.monotonic() - started
    output = done.stdout + done.stderr
    assert done.returncode == 0, f"schemathesis found problems as {who} ({elapsed:.0f} s):\n{output[-20000:]}"
    assert "No issues found" in output or "passed" in output, output[-3000:]
