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
