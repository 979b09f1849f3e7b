"""Read a document file: pick the reader from the content (magic bytes), then parse.

Plain text in any common encoding goes through `decode_bytes` and `parse_text`; the other formats
have readers of their own that end in the same `ParsedDocument`.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Generator, Sequence
from pathlib import Path

from taskctl.errors import InputError
from taskctl.ingest.drafts import ParsedDocument

MAX_BYTES = 20 * 1024 * 1024
# An encrypted .docx/.xlsx is an OLE container holding this stream (its name in UTF-16).
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
OLD_BINARY = {
    ".doc": "a Word 97-2003 .doc",
    ".wps": "a WPS .wps",
    ".xls": "an Excel 97-2003 .xls",
}


def read_source(path: str) -> bytes:
    """The bytes of a file (or of standard input for `-`), with one-line errors for the usual mishaps."""
    import sys

    if path == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
    else:
        p = Path(path)
        if not p.exists():
            raise InputError("no such file", source=path)
        if p.is_dir():
            raise InputError("is a directory, not a document", source=path)
        try:
            if p.stat().st_size > MAX_BYTES:
                raise InputError(
                    f"file is larger than {MAX_BYTES // (1024 * 1024)} MB", source=path
                )
            data = p.read_bytes()
        except PermissionError:
            raise InputError("permission denied", source=path) from None
        except OSError as exc:
            raise InputError(f"cannot read file ({exc.strerror})", source=path) from None
    if len(data) > MAX_BYTES:
        raise InputError(f"input is larger than {MAX_BYTES // (1024 * 1024)} MB", source=path)
    return data


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sniff_format(data: bytes, source: str) -> str:
    """'text', 'docx', 'xlsx', 'pdf', 'csv' from the content; old binary formats are refused."""
    suffix = Path(source).suffix.lower()
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        if ENCRYPTED_PACKAGE in data:
            raise InputError(
                "password-protected (encrypted) Office file; open it, remove the password "
                "(File → Info → Protect) and save it again",
                source=source,
            )
        what = OLD_BINARY.get(suffix, "an old binary Office (OLE) file")
        raise InputError(
            f"{what} cannot be read; open it in Word, WPS or Excel and save it as .docx or .xlsx "
            "(or run `libreoffice --headless --convert-to docx FILE`)",
            source=source,
        )
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data, source)
    if suffix == ".csv":
        return "csv"
    return "text"


def _holds_a_csv_table(text: str) -> bool:
    """Whether a text is a CSV task table: one of its first lines, split as CSV, is a table header
    (`序号,工作任务,牵头单位,配合单位`), no tab or bar in it, and the next line has as many cells."""
    import csv

    from taskctl.ingest.pasted import is_header_line

    lines = [line for line in text.splitlines()[:12] if line.strip()]
    for index, line in enumerate(lines[:-1]):
        if "," not in line or "\t" in line or "|" in line or " " in line.strip():
            continue
        header, below = csv.reader([line, lines[index + 1]])
        if len(header) >= 3 and len(below) == len(header) and is_header_line("\t".join(header)):
            return True
    return False


def _zip_kind(data: bytes, source: str) -> str:
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except zipfile.BadZipFile:
        raise InputError("corrupt file (a damaged zip archive)", source=source) from None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    raise InputError("a zip archive that is neither .docx nor .xlsx", source=source)


def read_document(
    data: bytes,
    *,
    source: str,
    encoding: str | None = None,
    first_lead: bool = False,
) -> ParsedDocument:
    """Parse a document's bytes, whatever its format, into a ParsedDocument; every unit it names
    has passed the unit guard (`units.guard_units`)."""
    from taskctl.ingest.units import guard_units

    return guard_units(
        _read_document(data, source=source, encoding=encoding, first_lead=first_lead)
    )


def _read_document(
    data: bytes,
    *,
    source: str,
    encoding: str | None = None,
    first_lead: bool = False,
) -> ParsedDocument:
    """`read_document` before the unit guard."""
    kind = sniff_format(data, source)
    if kind == "text":
        from taskctl.ingest import decode_bytes, parse_text

        text = decode_bytes(data, source=source, encoding=encoding)
        if _holds_a_csv_table(text):
            kind = "csv"  # a CSV export saved or pasted as .txt: its cells are split by commas
        else:
            return parse_text(text, source=source, first_lead=first_lead)
    if kind == "docx":
        from taskctl.ingest.docx import read_docx

        return read_docx(data, source=source, first_lead=first_lead)
    if kind == "xlsx":
        from taskctl.ingest.xlsx import read_xlsx

        return read_xlsx(data, source=source, first_lead=first_lead)
    if kind == "csv":
        from taskctl.ingest.xlsx import read_csv

        return read_csv(data, source=source, encoding=encoding, first_lead=first_lead)
    if kind == "pdf":
        from taskctl.ingest.pdf import read_pdf

        return read_pdf(data, source=source, first_lead=first_lead)
    raise InputError(f"reading {kind} files is not supported", source=source)


#: A batch is parsed in worker processes from this many files and bytes on (smaller ones in-process).
PARALLEL_MIN_FILES = 4
PARALLEL_MIN_BYTES = 1024 * 1024


def _read_and_parse(
    path: str, encoding: str | None, first_lead: bool
) -> tuple[str, ParsedDocument] | None:
    """(content hash, parsed document) of a file, or None when it cannot be read (the caller reads it
    again itself to raise the error, so that errors never cross a process boundary)."""
    try:
        data = read_source(path)
        return content_hash(data), read_document(
            data, source=path, encoding=encoding, first_lead=first_lead
        )
    except Exception:  # noqa: BLE001 - reported by the in-process retry
        return None


def parse_files(
    paths: Sequence[str], *, encoding: str | None = None, first_lead: bool = False
) -> Generator[tuple[str, str, ParsedDocument], None, None]:
    """(source name, content hash, parsed document) of each file, in order (`-` is standard input).

    A large batch of files is parsed by worker processes, a few documents ahead of the consumer, so
    that parsing overlaps the consumer's writing; the results and the errors (InputError for the first
    file that cannot be read, raised when the consumer reaches it) are those of parsing in order.
    Close the generator to stop the workers early.
    """
    workers = _worker_count(paths)
    if workers < 2:
        for path in paths:
            source = "<stdin>" if path == "-" else path
            data = read_source(path)
            parsed = read_document(data, source=source, encoding=encoding, first_lead=first_lead)
            yield source, content_hash(data), parsed
        return
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context(
        "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    )
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    try:
        ahead = deque(
            pool.submit(_read_and_parse, path, encoding, first_lead)
            for path in paths[: 2 * workers]
        )
        for index, path in enumerate(paths):
            done = ahead.popleft().result()
            following = index + 1 + len(ahead)
            if following < len(paths):
                ahead.append(pool.submit(_read_and_parse, paths[following], encoding, first_lead))
            if done is None:  # read it here to raise its error
                data = read_source(path)
                parsed = read_document(data, source=path, encoding=encoding, first_lead=first_lead)
                done = content_hash(data), parsed
            yield path, done[0], done[1]
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _worker_count(paths: Sequence[str]) -> int:
    """Worker processes for a batch: one per CPU (at most 8), none for a small batch or stdin."""
    if len(paths) < PARALLEL_MIN_FILES or "-" in paths:
        return 0
    total = 0
    for path in paths:
        try:
            total += os.stat(path).st_size
        except OSError:
            return 0  # the in-process path reports it
        if total >= PARALLEL_MIN_BYTES:
            break
    if total < PARALLEL_MIN_BYTES:
        return 0
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return min(cpus or 1, 8, len(paths))
