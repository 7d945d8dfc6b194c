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


def _marked_strings() -> set[str]:
    """Every Chinese string marked for translation: {% translate %} in templates, _() and gettext() in code."""
    root = Path(jixiao.web.__file__).parent
    found: set[str] = set()
    for path in root.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        found.update(m.group(2) for m in re.finditer(r"{%\s*(?:translate|trans)\s+([\"'])(.+?)\1", text))
    names = {"_", "gettext", "gettext_lazy", "pgettext", "ngettext"}
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                    and ((isinstance(node.func, ast.Name) and node.func.id in names)
                         or (isinstance(node.func, ast.Attribute) and node.func.attr in names))):
                found.add(node.args[0].value)
    return {s for s in found if re.search(r"[\u4e00-\u9fff]", s)}


def test_every_marked_string_has_an_english_translation():
    """A string marked in a template or in code but missing from the catalogue shows Chinese on the English
    site. (A language's own name, 简体中文, is translated as itself on purpose.)"""
    entries = _po_entries()
    missing = sorted(s for s in _marked_strings() if not entries.get(s))
    assert not missing, f"{len(missing)} strings without English: {missing[:10]}"
