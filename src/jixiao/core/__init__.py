"""The pure-Python core: document model, quantity reading, targets, claims and verdicts.

Nothing here imports a web framework; every function takes text and returns small typed
results that keep the matched words and their character spans. Entry points:
``jixiao.core.check.check_disclosure`` and ``jixiao.core.check.check_row``.

The hot modules may run compiled by mypyc from this same source (``jixiao.core.native``).
"""

from jixiao.core import native as _native

NATIVE = _native.activate(__path__)
