from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

# Property and fuzz tests draw new cases on every local run (they found a real reader bug that way in session
# 13); under CI they draw the same cases every run, so that a landing is decided by the code, not by the draw.
# A case found locally is kept as an explicit example in its test.
try:
    from hypothesis import settings as _hypothesis_settings

    _hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
    if os.environ.get("CI"):
        _hypothesis_settings.load_profile("ci")
except ImportError:  # hypothesis is a test dependency; without it those tests are not collected either
    pass


@pytest.fixture
def shared_examples() -> Path:
    path = SHARED / "examples"
    if not path.is_dir():
        pytest.skip("../shared/examples is not beside the checkout")
    return path


def pytest_sessionstart(session: pytest.Session) -> None:
    """Under CI the labelled examples must be there: a missing ../shared fails the run instead of skipping."""
    if os.environ.get("CI") and not (SHARED / "examples").is_dir():
        raise pytest.UsageError(f"CI: the labelled examples are missing ({SHARED / 'examples'}); "
                                "tests that need them would only skip")


def pytest_configure(config: pytest.Config) -> None:
    """Serve the live server's requests one at a time on the in-memory SQLite test database.

    pytest-django's live server hands the test's in-memory SQLite connection to every request thread. A
    browser fetches a page's images in parallel, and two threads on one sqlite3 connection can see each
    other's half-read results (a chart answered 404 in CI that way). A lock around each whole request,
    body included, keeps the server threaded (keep-alive still works) but the database single-user. On any
    other database (PostgreSQL with DATABASE_URL) each request thread has its own connection and requests run
    concurrently (tests/web/test_concurrency.py relies on that).
    """
    try:
        from django.core.servers.basehttp import ThreadedWSGIServer
        from django.test.testcases import LiveServerThread
    except ImportError:  # pragma: no cover - Django is a dependency
        return

    lock = threading.Lock()
    App = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]

    class SerialWSGIServer(ThreadedWSGIServer):  # type: ignore[misc]
        def set_app(self, application: App) -> None:
            def serial(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
                from django.db import connections

                default = connections["default"]
                if not (default.vendor == "sqlite" and default.is_in_memory_db()):
                    # own connection per request thread (PostgreSQL): real concurrency, as in production
                    return application(environ, start_response)
                with lock:
                    result = application(environ, start_response)
                    try:
                        return [b"".join(result)]
                    finally:
                        close = getattr(result, "close", None)
                        if close is not None:
                            close()

            super().set_app(serial)

    LiveServerThread.server_class = SerialWSGIServer
