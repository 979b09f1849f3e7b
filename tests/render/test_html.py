"""`--format html`: one self-contained page (inline CSS and SVG, nothing from the network) for
weekly, overdue, workload and unit-report, checked as text and in a real headless browser (Debian's
`chromium`, which .ci/run installs): the page's text as the browser built it, and the charts'
colours in a screenshot."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from datetime import datetime
from pathlib import Path

import pytest

from taskctl.render.html import COLOURS
from tests.conftest import Runner

AS_OF = ("--as-of", "2013-01-15")
PAGES = {
    "weekly": ["weekly", "--week", "2026-W48"],
    "overdue": ["overdue", *AS_OF],
    "workload": ["workload", *AS_OF],
    "unit-report": ["unit-report", "高新处", *AS_OF],
}
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is not installed (.ci/run installs it: apt-get install chromium)",
)


@pytest.fixture
def pages(clock: datetime, zj: Runner, tmp_path: Path) -> dict[str, Path]:
    zj.ok("status", "zj2012:一.1", "done")
    zj.ok("progress", "zj2012:三.1", "已起草指导意见", "--percent", "40")
    out = {}
    for name, args in PAGES.items():
        path = tmp_path / f"{name}.html"
        zj.ok(*args, "-o", str(path))
        out[name] = path
    return out


def test_pages_are_self_contained_and_print_on_a4(pages: dict[str, Path], zj: Runner) -> None:
    for name, path in pages.items():
        page = path.read_text(encoding="utf-8")
        assert page.startswith("<!DOCTYPE html>"), name
        for remote in ("http:", "https:", "<script", "<link", "@import", "url(", "<img"):
            assert remote not in page, (name, remote)
        assert "@page { size: A4" in page and "thead { display: table-header-group; }" in page
        assert "print-color-adjust: exact" in page
        assert page.count("<svg") >= 1, name
    weekly = pages["weekly"].read_text(encoding="utf-8")
    assert weekly.count("<svg") == 2 and "近 8 周趋势" in weekly and "<polyline" in weekly
    overdue = pages["overdue"].read_text(encoding="utf-8")
    assert overdue.count('<td class="light-red">红灯</td>') == 25
    same = zj.ok(*PAGES["overdue"], "--format", "html")  # standard output, the same page
    assert same == overdue


def png_pixels(path: Path) -> tuple[int, int, list[bytes]]:
    """Width, height and the rows of RGB(A) bytes of an 8-bit, non-interlaced PNG."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks, header = 8, [], b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and colour in (2, 6), (depth, colour)
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * bpp
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + b) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pred) & 0xFF
        rows.append(bytes(line) if bpp == 3 else bytes(v for j, v in enumerate(line) if j % 4 != 3))
        prev = line
    return width, height, rows


def colour_count(rows: list[bytes], colour: str) -> int:
    rgb = bytes.fromhex(colour.lstrip("#"))
    return sum(len(re.findall(re.escape(rgb), row)) for row in rows)


def chromium(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", *args],  # type: ignore[list-item]
        capture_output=True,
        text=True,
        timeout=120,
    )


@needs_chromium
def test_the_pages_render_in_a_real_browser(pages: dict[str, Path], tmp_path: Path) -> None:
    expected = {
        "weekly": [
            "工作周报 2026-W48",
            "近 8 周趋势",
            "本周办结任务",
            "单位工作量",
            "加快培育创新型试点示范企业",
        ],
        "overdue": ["逾期任务", "逾期天数", "高新处", "红灯"],
        "workload": ["单位工作量", "办结率%", "法规处"],
        "unit-report": ["高新处 任务清单", "大力培育高新技术企业", "预警灯"],
    }
    colours = {
        "weekly": ["done", "overdue"],  # the open line runs under the other two here
        "overdue": ["overdue"],
        "workload": ["done", "overdue"],
        "unit-report": ["open"],
    }
    for name, path in pages.items():
        dom = chromium("--dump-dom", path.as_uri())
        assert dom.returncode == 0, dom.stderr
        text = re.sub(r"<[^>]+>", " ", dom.stdout)
        for words in expected[name]:
            assert words in text, (name, words)
        assert dom.stdout.count("<svg") == (2 if name == "weekly" else 1)
        shot = tmp_path / f"{name}.png"
        done = chromium("--window-size=1240,1400", f"--screenshot={shot}", path.as_uri())
        assert done.returncode == 0 and shot.exists(), done.stderr
        width, height, rows = png_pixels(shot)
        assert (width, height) == (1240, 1400)
        for series in colours[name]:
            # a drawn bar or line: hundreds of pixels of exactly the series' colour
            assert colour_count(rows, COLOURS[series]) > 150, (name, series)
    pdf = tmp_path / "weekly.pdf"
    done = chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", pages["weekly"].as_uri())
    assert done.returncode == 0 and pdf.read_bytes().startswith(b"%PDF"), done.stderr
    sizes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf.read_bytes())
    assert sizes and all(
        abs(float(w) - 595.92) < 2 and abs(float(h) - 842.88) < 2 for w, h in sizes
    ), sizes
