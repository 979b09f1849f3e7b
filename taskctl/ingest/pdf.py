"""Read a PDF's text layer (pdfplumber, the optional `pdf` extra), then parse it like plain text.

Text is extracted page by page; page numbers (`- 3 -`, `第3页`, `第 3 页 共 9 页`, `3/9`, a lone
number) and running headers and footers (a line repeated at the top or bottom of most pages) are
dropped; the pages are then joined and go through the same repair and parser as a .txt plan, whose
repair joins lines a PDF wrapped at a fixed width. A PDF without any text (a scan) is refused: OCR is
out of scope.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections import Counter

from taskctl.errors import InputError
from taskctl.ingest.drafts import ParsedDocument

_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－―~]\s*\d{1,4}\s*[-—–－―~]"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|(?:page|p\.)\s*\d{1,4}(?:\s*of\s*\d{1,4})?"
    r"|\d{1,4})$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
#: Lines at each end of a page that may be a running header or footer.
EDGE_LINES = 2


def is_page_number(line: str) -> bool:
    """`- 3 -`, `－ ３ －`, `第3页`, `第 3 页 共 9 页`, `3/9`, `Page 3`, a lone `3`."""
    return bool(_PAGE_NUMBER.match(unicodedata.normalize("NFKC", line).strip()))


def _edge_key(line: str) -> str:
    """A header/footer line compared with its page numbers masked."""
    return _DIGITS.sub("#", "".join(unicodedata.normalize("NFKC", line).split()))


def clean_pages(pages: list[str]) -> str:
    """The text of the pages without page numbers and repeated headers and footers."""
    split = [[line for line in page.splitlines() if line.strip()] for page in pages]
    split = [[line for line in lines if not is_page_number(line)] for lines in split]
    repeated: set[str] = set()
    if len(split) >= 2:
        counts: Counter[str] = Counter()
        for lines in split:
            edges = {_edge_key(line) for line in lines[:EDGE_LINES] + lines[-EDGE_LINES:]}
            counts.update(edges)
        needed = max(2, (len(split) + 1) // 2)
        repeated = {key for key, count in counts.items() if count >= needed}
    out: list[str] = []
    for lines in split:
        keep = []
        for index, line in enumerate(lines):
            at_edge = index < EDGE_LINES or index >= len(lines) - EDGE_LINES
            if at_edge and _edge_key(line) in repeated:
                continue
            keep.append(line)
        out.append("\n".join(keep))
    return "\n".join(page for page in out if page)


def pdf_pages(data: bytes, *, source: str) -> list[str]:
    """The extracted text of every page."""
    try:
        import pdfplumber
        from pdfminer.pdfdocument import PDFPasswordIncorrect
        from pdfminer.pdfparser import PDFSyntaxError
        from pdfminer.psparser import PSException
    except ImportError:
        raise InputError(
            "reading PDF needs pdfplumber: install taskctl[pdf] (pip install 'taskctl[pdf]')",
            source=source,
        ) from None
    try:
        from pdfplumber.utils.exceptions import PdfminerException
    except ImportError:  # older pdfplumber raised pdfminer's exceptions directly
        PdfminerException = PSException
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return [page.extract_text() or "" for page in pdf.pages]
    except (PdfminerException, PDFSyntaxError, PSException, ValueError, KeyError, TypeError) as exc:
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        if isinstance(cause, PDFPasswordIncorrect) or "password" in str(cause).lower():
            raise InputError(
                "password-protected PDF; save a copy without the password", source=source
            ) from None
        detail = str(cause).splitlines()[0][:80] if str(cause) else type(cause).__name__
        raise InputError(f"corrupt PDF ({detail})", source=source) from None


def read_pdf(data: bytes, *, source: str, first_lead: bool = False) -> ParsedDocument:
    """Parse a PDF with a text layer into a ParsedDocument."""
    from taskctl.ingest import parse_text

    pages = pdf_pages(data, source=source)
    if not pages:
        raise InputError("PDF without pages", source=source)
    if not any(page.strip() for page in pages):
        raise InputError(
            "scanned PDF without a text layer; OCR is not supported "
            "(run OCR first, or import the original .docx)",
            source=source,
        )
    return parse_text(clean_pages(pages), source=source, first_lead=first_lead)
