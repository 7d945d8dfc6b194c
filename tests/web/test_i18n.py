"""The English catalogue is complete and its compiled .mo matches the .po (no compilemessages at test time)."""

from __future__ import annotations

import ast
import gettext
import re
from pathlib import Path

import jixiao.web

LOCALE = Path(jixiao.web.__file__).parent / "locale" / "en" / "LC_MESSAGES"


def _po_entries() -> dict[str, str]:
    text = (LOCALE / "django.po").read_text(encoding="utf-8")
    out = {}
    for m in re.finditer(r'^msgid ((?:".*"\n)+)msgstr ((?:".*"\n?)+)', text, re.M):
        def join(block: str) -> str:
            return "".join(ast.literal_eval(p) for p in re.findall(r'"(?:[^"\\]|\\.)*"', block))

        if join(m.group(1)):
            out[join(m.group(1))] = join(m.group(2))
    return out


def test_every_message_is_translated_and_compiled():
    entries = _po_entries()
    assert len(entries) > 100
    with (LOCALE / "django.mo").open("rb") as fh:
        mo = gettext.GNUTranslations(fh)
    for msgid, msgstr in entries.items():
        assert msgstr, f"untranslated: {msgid}"
        assert mo.gettext(msgid) == msgstr, f"django.mo is stale for {msgid!r}: run compilemessages"
        assert set(re.findall(r"%\(\w+\)", msgid)) == set(re.findall(r"%\(\w+\)", msgstr)), msgid
