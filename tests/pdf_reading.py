"""Reading a PDF back as a person would: its text per page, its metadata, where its words stand."""

import re
import subprocess
import tempfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from xml.etree import ElementTree

from pypdf import PdfReader


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def page_texts(pdf: bytes) -> list[str]:
    return [normalised(page.extract_text() or "") for page in PdfReader(BytesIO(pdf)).pages]


def full_text(pdf: bytes) -> str:
    return " ".join(page_texts(pdf))


@dataclass
class Word:
    page: int
    text: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float


def words_with_boxes(pdf: bytes) -> tuple[list[tuple[float, float]], list[Word]]:
    """Page sizes and every word's box, from poppler's pdftotext -bbox."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.pdf"
        path.write_bytes(pdf)
        html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    root = ElementTree.fromstring(
        re.sub(r"<!DOCTYPE[^>]*>", "", html).replace('xmlns="http://www.w3.org/1999/xhtml"', "")
    )
    sizes, words = [], []
    for number, page in enumerate(root.iter("page"), start=1):
        sizes.append((float(page.get("width")), float(page.get("height"))))
        for word in page.iter("word"):
            words.append(Word(number, word.text or "", *(float(word.get(k)) for k in ("xMin", "yMin", "xMax", "yMax"))))
    return sizes, words


def words_outside_their_page(pdf: bytes) -> list[Word]:
    sizes, words = words_with_boxes(pdf)
    outside = []
    for word in words:
        width, height = sizes[word.page - 1]
        if word.x_min < 0 or word.y_min < 0 or word.x_max > width + 0.5 or word.y_max > height + 0.5:
            outside.append(word)
    return outside


@dataclass
class Line:
    page: int
    text: str
    y_min: float
    y_max: float


def lines_per_page(pdf: bytes) -> tuple[list[tuple[float, float]], list[list[Line]]]:
    """Each page's lines of text from top to bottom, the running footer ("… Side n af m") left out.

    Words whose vertical middles lie within 2 pt of each other are one line, so a table row whose
    cells are centred differently may read as several lines; a heading row reads as one.
    """
    sizes, words = words_with_boxes(pdf)
    pages: list[list[Line]] = [[] for _ in sizes]
    for word in sorted(words, key=lambda w: (w.page, (w.y_min + w.y_max) / 2, w.x_min)):
        lines = pages[word.page - 1]
        middle = (word.y_min + word.y_max) / 2
        if lines and abs((lines[-1].y_min + lines[-1].y_max) / 2 - middle) <= 2:
            line = lines[-1]
            line.text += " " + word.text
            line.y_min, line.y_max = min(line.y_min, word.y_min), max(line.y_max, word.y_max)
        else:
            lines.append(Line(word.page, word.text, word.y_min, word.y_max))
    for lines in pages:
        if lines and re.search(r"Side \d+ af \d+", lines[-1].text):
            lines.pop()
    return sizes, pages


def headings_left_at_the_foot(pdf: bytes, headings: list[str]) -> list[tuple[int, str]]:
    """(page, heading) for each heading line with nothing but other headings below it on its page."""
    _, pages = lines_per_page(pdf)
    left = []
    for number, lines in enumerate(pages, start=1):
        is_heading = [any(line.text.startswith(h) for h in headings) for line in lines]
        for index, line in enumerate(lines):
            if is_heading[index] and all(is_heading[index:]):
                left.append((number, line.text))
    return left


def filled_share(pdf: bytes) -> list[float]:
    """How far down each page its text reaches, as a share of the page's height (footer left out)."""
    sizes, pages = lines_per_page(pdf)
    return [(lines[-1].y_max / height if lines else 0.0) for (_, height), lines in zip(sizes, pages, strict=True)]
