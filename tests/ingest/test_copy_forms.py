"""Every real plan reads the same whatever form a clerk's copy of it takes: a page's indents and
paragraph spacing, Windows line ends, a Word file of one paragraph a line, a web page of one `<p>` a
line, the encodings a Chinese text file comes in (tests/data/real/)."""

from __future__ import annotations

import html
import io
from collections.abc import Callable
from pathlib import Path

import pytest

from taskctl.errors import InputError
from taskctl.ingest.readers import read_document

REAL = Path(__file__).resolve().parents[1] / "data" / "real"
PLANS = sorted(REAL.glob("*.txt"))


def _docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _page(text: str) -> bytes:
    paragraphs = "\n".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n"))
    return (
        "<html><head><meta charset='utf-8'><title>通知</title></head>"
        f"<body><div class='content'>{paragraphs}</div></body></html>"
    ).encode()


FORMS: dict[str, tuple[Callable[[str], bytes], str]] = {
    "indented": (lambda t: "\n".join("\u3000\u3000" + x if x else x for x in t.split("\n")).encode(), ".txt"),
    "spaced": (lambda t: t.replace("\n", "\n\n").encode(), ".txt"),
    "crlf": (lambda t: t.replace("\n", "\r\n").encode(), ".txt"),
    "trailing spaces": (lambda t: "\n".join(x + "  " for x in t.split("\n")).encode(), ".txt"),
    "docx": (_docx, ".docx"),
    "html": (_page, ".html"),
    "gb18030": (lambda t: t.encode("gb18030"), ".txt"),
    "utf-16": (lambda t: t.encode("utf-16"), ".txt"),
}  # fmt: skip


def _reading(data: bytes, source: str) -> object:
    """The units and roles of each task, or the refusal (without the file's name)."""
    try:
        tasks = read_document(data, source=source).tasks
    except InputError as error:
        return ("refused", str(error).split(":", 2)[-1])
    return [(t.lead, t.support, t.responsible, t.persons) for t in tasks]


@pytest.mark.parametrize("form", FORMS)
def test_every_real_plan_reads_the_same_in_another_form(form: str) -> None:
    make, suffix = FORMS[form]
    changed = []
    for path in PLANS:
        text = path.read_text(encoding="utf-8")
        plain = _reading(text.encode(), path.name)
        other = _reading(make(text), path.stem + suffix)
        if other != plain:
            changed.append(path.stem)
    assert changed == []
