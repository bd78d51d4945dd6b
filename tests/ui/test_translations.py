"""Every string the window shows through ``tr()`` has its Arabic translation, and the
compiled catalogue the app loads is the one made from it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "tabayun_ar.ts"
QM = TS.with_suffix(".qm")


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} (part of PySide6) is not installed")
    return found


def test_every_translatable_string_of_the_window_has_an_arabic_translation(
    tmp_path: Path,
) -> None:
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "desktop" / "ui").glob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), *sources, "-ts", str(copy)], check=True, capture_output=True
    )
    untranslated = []
    for context in ET.parse(copy).getroot():
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            kind = translation.get("type")
            if kind in ("vanished", "obsolete"):
                continue
            if kind == "unfinished" or not (translation.text or "").strip():
                untranslated.append(f"{context.findtext('name')}: {message.findtext('source')}")
    assert untranslated == []


def test_the_compiled_catalogue_is_made_from_the_translations(tmp_path: Path) -> None:
    made = tmp_path / QM.name
    subprocess.run(
        [_tool("pyside6-lrelease"), str(TS), "-qm", str(made)], check=True, capture_output=True
    )
    assert made.read_bytes() == QM.read_bytes()


def test_no_translatable_string_is_hidden_inside_an_f_string() -> None:
    """lupdate does not look inside f-strings: «(unknown)» and «Outlet unknown» written
    as ``f"{x or self.tr('…')}"`` stayed English in the Arabic window."""
    import ast

    hidden = []
    for path in sorted((ROOT / "desktop" / "ui").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.JoinedStr):
                continue
            for inner in ast.walk(node):
                if (
                    isinstance(inner, ast.Call)
                    and isinstance(inner.func, ast.Attribute)
                    and inner.func.attr in ("tr", "translate")
                ):
                    hidden.append(f"{path.name}:{inner.lineno}")
    assert hidden == []
