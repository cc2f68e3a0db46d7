"""The masterplan drawn on the server: one element per bar, milestone and label, never one per month.

The same markup serves the web page, a focus area's Tidsplan and every PDF. Each block is a label column
in HTML (number, title with its period, hours; WeasyPrint lays SVG text out letter by letter, HTML by the
line) beside the months in SVG (WeasyPrint draws inline SVG itself). Geometry is in points, so print
sizes are exact: text is 8 pt, nothing is smaller than 7 pt, and an A4 landscape page holds the label
column and the months side by side. Row heights are computed here from the lines each label is given
(never wrapped by the browser) and gantt.css makes the HTML rows exactly as tall. The chart is cut into
blocks that each fit a page and repeat the scale; a block never ends with an area's or a group's heading,
so a heading always stands with its first row.

It reads in black and white: solid bars for dates, hatching (an SVG pattern, cheap in both WeasyPrint
and Chromium, unlike a CSS gradient) for periods the source gives in words, an open end that fades out
in steps after a few months beside its wording, black diamonds for milestones. A baseline (an earlier
version's period) is a thin grey bar under the current one with hollow milestones and the months it moved.

The drawing is aria-hidden; screen readers get one sentence per row from a list beside it (the row
model's `sentence`), and the list is left out of print.
"""

from __future__ import annotations

import base64
import html as html_module
import math
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from django.utils.formats import number_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .timeline import OPEN_END_MONTHS, Bar, Masterplan, Section

INK = "#1f3a5f"
FONT_FAMILY = "Liberation Sans, DejaVu Sans, Arial, sans-serif"
FONT = 8.0  # pt, the labels
SMALL = 7.0  # pt, periods, scale and notes: the smallest text printed
LINE = 9.0
SMALL_LINE = 8.0
CHAR_EM = 0.5  # a generous average glyph width of a sans serif, for wrapping labels on the server

# The label column (HTML, widths and line heights in gantt.css): number, title with its period, hours.
NUMBER_W = 52.0
TITLE_W = 164.0
LABELS_W = 262.0
CHART_W = 508.0  # with the labels, 770 pt: the width of an A4 landscape page inside its margins
HEADER_H = 26.0
BLOCK_MAX_H = 450.0  # fits below a heading on an A4 landscape page
# The months' width and a block's height on each paper the PDFs print on (print.css's landscape pages): A3
# gives the months its extra 350 pt of width and the blocks its extra 240 pt of height, not a margin.
PAPERS = {"A4": (CHART_W, BLOCK_MAX_H), "A3": (850.0, 690.0)}
# Room kept in each block for the headings repeated "(fortsat)" at its top.
CONTINUED_H = 32.0
BAR_TOP, BAR_H = 3.0, 8.0
BASE_TOP, BASE_H = 13.5, 2.5
MIN_ROW_H = 18.0
OPEN_SOLID_MONTHS = OPEN_END_MONTHS // 2  # an open end is drawn for this many months, then fades out
OPEN_FADE_MONTHS = OPEN_END_MONTHS - OPEN_SOLID_MONTHS
FADE_STEPS = ("0.55", "0.3", "0.12")
MONTH_INITIALS = "JFMAMJJASOND"
# The advance widths (em) of the scale's letters and digits in Liberation Sans (Arial's metrics), the font
# the PDFs print in: centring the scale in print by these draws it as text-anchor="middle" does.
GLYPH_EM = {"A": 0.667, "D": 0.7222, "F": 0.6108, "J": 0.5, "K": 0.667, "M": 0.833, "N": 0.7222, "O": 0.7778}
GLYPH_EM |= {"Q": 0.7778, "S": 0.667} | dict.fromkeys("0123456789", 0.5562)


def wrap(text: str, width: float, size: float) -> list[str]:
    """Lines of at most `width` points at `size`, broken between words (a word longer than a line is cut)."""
    per_line = max(4, int(width / (size * CHAR_EM)))
    lines: list[str] = []
    line = ""
    for word in text.split():
        while len(word) > per_line:
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:per_line])
            word = word[per_line:]
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= per_line:
            line = f"{line} {word}"
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines or [""]


def escape(text: object) -> str:
    """django.utils.html.escape without its lazy-text wrapper, called a few hundred times per chart: the same
    characters escaped the same way (the drawing is marked safe once, whole)."""
    return html_module.escape(str(text))


def n(value: float) -> str:
    """A coordinate as short as it can be written."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


@dataclass
class Row:
    """One line of the drawing: an area's heading, a group's heading or a project."""

    kind: str  # "area", "group" or "project"
    height: float
    text: list[str]
    bar: Bar | None = None
    section: Section | None = None
    label: list[str] = field(default_factory=list)
    period: list[str] = field(default_factory=list)
    hours: str = ""


def rows_of(chart: Masterplan, *, area_headings: bool) -> list[Row]:
    rows: list[Row] = []
    for section in chart.sections:
        if area_headings:
            text = wrap(section.area.name, LABELS_W - 4, 9)
            rows.append(Row("area", 7 + LINE * len(text), text, section=section))
        for group in section.groups:
            if group.grouping is not None:
                heading = f"{group.grouping.get_kind_display().capitalize()}: {group.grouping.name}"
                text = wrap(heading, LABELS_W - 8, FONT)
                rows.append(Row("group", 3 + LINE * len(text), text))
            for bar in group.bars:
                project = bar.project
                title = wrap(project.title, TITLE_W, FONT)
                dated = project.start_date or project.end_date or project.end_wording  # has a start or an end_text
                period = wrap(bar.period_text, TITLE_W, SMALL) if dated else []
                label = wrap(project.label or str(project.number), NUMBER_W, FONT)
                lines_h = max(LINE * len(label), LINE * len(title) + SMALL_LINE * len(period))
                hours = "" if project.hour_budget is None else number_format(project.hour_budget, force_grouping=True)
                height = max(MIN_ROW_H + (4 if bar.baseline else 0), lines_h + 4)
                rows.append(Row("project", height, title, bar=bar, label=label, period=period, hours=hours))
    return rows


def blocks_of(rows: list[Row], block_h: float = BLOCK_MAX_H) -> list[list[Row]]:
    """Cut the rows into blocks that each fit a page, the last two evened out where the chart would end on a
    sliver; no block ends with a heading, and a block that starts inside an area or a line or
    theme repeats its heading, "(fortsat)"."""
    room = block_h - HEADER_H
    # The first block repeats no heading; the others keep room for the headings they repeat.
    blocks = _cut(rows, room, room - CONTINUED_H)
    # Only a sliver is evened out: balancing a last block of a third of a page or more would leave two pages
    # half empty instead of one page part full.
    if len(blocks) > 1 and sum(row.height for row in blocks[-1]) < room / 3:
        tail = blocks[-2] + blocks[-1]
        # The cut after a project that leaves the two parts most nearly equal.
        best, best_height = len(blocks[-2]), float("inf")
        above = 0.0
        total = sum(row.height for row in tail)
        for i, row in enumerate(tail[:-1], start=1):
            above += row.height
            if row.kind == "project" and max(above, total - above) < best_height:
                best, best_height = i, max(above, total - above)
        blocks[-2:] = [tail[:best], tail[best:]]
    return _with_continued_headings(blocks)


def _continued(row: Row) -> Row:
    """A heading repeated at the top of a block; an area's milestones are drawn on its first heading only."""
    text = [*row.text[:-1], f"{row.text[-1]} {_('(continued)')}"]
    return replace(row, text=text, section=None)


def _with_continued_headings(blocks: list[list[Row]]) -> list[list[Row]]:
    area: Row | None = None
    group: Row | None = None
    out = []
    for i, block in enumerate(blocks):
        lead = []
        if i and area is not None and block[0].kind != "area":
            lead.append(_continued(area))
        if i and group is not None and block[0].kind == "project":
            lead.append(_continued(group))
        for row in block:  # the headings in force where the block ends
            if row.kind == "area":
                area, group = row, None
            elif row.kind == "group":
                group = row
            elif row.bar is not None and row.bar.project.grouping_id is None:
                group = None
        out.append(lead + block)
    return out


def _cut(rows: list[Row], first_limit: float, limit: float) -> list[list[Row]]:
    blocks: list[list[Row]] = [[]]
    height = 0.0
    for row in rows:
        if blocks[-1] and height + row.height > (first_limit if len(blocks) == 1 else limit):
            # Headings at the end of the block go along to the next one.
            moved: list[Row] = []
            while blocks[-1] and blocks[-1][-1].kind != "project":
                moved.insert(0, blocks[-1].pop())
            if blocks[-1]:
                blocks.append(moved)
            else:
                blocks[-1] = moved
            height = sum(r.height for r in blocks[-1])
        blocks[-1].append(row)
        height += row.height
    return [block for block in blocks if block]


class Drawing:
    """Writes the SVG of a chart; one instance per chart, so ids are unique within a page.

    For print (`for_print`) it leaves out what only the web page shows (the text alternative, the sticky
    numbers column, the scroll hint, the diamonds' tooltips) and gives each block's months as an image:
    WeasyPrint styles and boxes every element of a page, inline SVG included, so these would cost a PDF of
    500 projects seconds and a hundred megabytes for nothing printed."""

    def __init__(self, chart: Masterplan, chart_id: str, *, for_print: bool = False, paper: str = "A4") -> None:
        self.chart = chart
        self.chart_id = chart_id
        self.for_print = for_print
        self.chart_w, self.block_h = PAPERS[paper]
        self.months = len(chart.months)
        self.month_w = self.chart_w / max(1, self.months)

    def x(self, months: float) -> float:
        return months * self.month_w

    # The scale: a row of years, under it month initials, or quarters where months are too narrow.

    def scale(self, height: float) -> Iterator[str]:
        yield f'<g font-size="{n(SMALL)}" fill="#000">'
        years = self.chart.years
        widest = max((count for _year, count in years), default=12) * self.month_w
        every = 1 if widest >= 22 else math.ceil(22 / max(widest, 1))
        offset = 0
        for i, (year, count) in enumerate(years):
            if count * self.month_w >= 18 and i % every == 0:
                x = n(self.x(offset) + 1.5)
                yield f'<text x="{x}" y="10" font-size="{n(FONT)}" font-weight="bold">{year}</text>'
            offset += count
        if self.month_w >= 8:
            for i, month in enumerate(self.chart.months):
                initial = MONTH_INITIALS[month.month - 1]
                yield f"<text {self.centred(self.x(i + 0.5), initial)}>{initial}</text>"
        elif self.month_w * 3 >= 11:
            for i, month in enumerate(self.chart.months):
                if (month.month - 1) % 3 == 0 or i == 0:
                    left = (month.month - 1) % 3
                    width = min(3 - left, self.months - i) * self.month_w
                    if width >= 9:
                        quarter = _("Q%(n)s") % {"n": (month.month - 1) // 3 + 1}
                        yield f"<text {self.centred(self.x(i) + width / 2, quarter)}>{quarter}</text>"
        yield "</g>"
        januaries = "".join(
            f"M{n(self.x(i))},0V{n(height)}" for i, m in enumerate(self.chart.months) if m.month == 1 and i
        )
        if januaries:
            yield f'<path d="{januaries}" stroke="#888" stroke-width="0.5" fill="none"/>'
        yield f'<path d="M0,{n(HEADER_H - 0.5)}H{n(self.chart_w)}" stroke="#000" stroke-width="0.8"/>'

    def centred(self, x: float, text: str) -> str:
        """The position of a scale's `text` (SMALL) centred on `x` in its second line. In print its left edge,
        from the glyphs' widths: WeasyPrint draws each text-anchored text as an object of its own, 1,600 of
        them in an action plan of 500 projects."""
        if not self.for_print:
            return f'x="{n(x)}" y="21" text-anchor="middle"'
        width = sum(GLYPH_EM.get(char, 0.6) for char in text) * SMALL
        return f'x="{n(x - width / 2)}" y="21"'

    def diamond(self, x: float, y: float, r: float, *, hollow: bool, title: str) -> str:
        fill, stroke = ("#fff", "#000") if hollow else ("#000", "#fff")
        shape = f'<path d="M{n(x)},{n(y - r)}l{n(r)},{n(r)} {n(-r)},{n(r)} {n(-r)},{n(-r)}z" fill="{fill}" '
        if self.for_print:  # a tooltip is never printed
            return f'{shape}stroke="{stroke}" stroke-width="0.8"/>'
        return f'{shape}stroke="{stroke}" stroke-width="0.8"><title>{escape(title)}</title></path>'

    def bar(self, bar: Bar, top: float, hatch: str) -> Iterator[str]:
        project = bar.project
        y = top + BAR_TOP
        base = bar.baseline
        if base is not None and base.offset is not None:
            span = min(base.span, OPEN_SOLID_MONTHS + OPEN_FADE_MONTHS) if base.open_end else base.span
            yield (
                f'<rect x="{n(self.x(base.offset))}" y="{n(top + BASE_TOP)}" width="{n(self.x(span))}" '
                f'height="{n(BASE_H)}" fill="#8a8a8a"/>'
            )
        if bar.baseline is not None:
            for at, title in bar.baseline.milestones:
                yield self.diamond(self.x(at), top + BASE_TOP + BASE_H / 2, 3.2, hollow=True, title=title)
        end = 0.0
        if bar.offset is not None:
            fill = f"url(#{hatch})" if bar.approximate else INK
            outline = f' stroke="{INK}" stroke-width="0.7"' if bar.approximate else ""
            solid = min(bar.span, OPEN_SOLID_MONTHS) if bar.open_end else bar.span
            yield (
                f'<rect x="{n(self.x(bar.offset))}" y="{n(y)}" width="{n(self.x(solid))}" height="{n(BAR_H)}" '
                f'fill="{fill}"{outline}/>'
            )
            end = self.x(bar.offset + solid)
            if bar.open_end:
                # The fade in steps of falling opacity: WeasyPrint draws a gradient on a bar deep in a tall
                # drawing not at all, and steps print the same everywhere.
                faded = min(bar.span - solid, OPEN_FADE_MONTHS)
                for step in range(faded):
                    opacity = FADE_STEPS[min(step, len(FADE_STEPS) - 1)]
                    yield (
                        f'<rect x="{n(end)}" y="{n(y)}" width="{n(self.month_w)}" height="{n(BAR_H)}" '
                        f'fill="{INK}" fill-opacity="{opacity}"/>'
                    )
                    end += self.month_w
                # The wording stands under the fading end, clear of the milestones on the bar.
                wording = project.end_wording or _("no end given")
                start = self.x(bar.offset + solid)
                width = len(wording) * SMALL * CHAR_EM
                anchor = ' text-anchor="end"' if start + width > self.chart_w else ""
                x = self.chart_w - 1 if anchor else start
                yield (
                    f'<text x="{n(x)}" y="{n(y + BAR_H + SMALL)}" font-size="{n(SMALL)}" font-style="italic"{anchor}>'
                    f"{escape(wording)}</text>"
                )
        for offset, milestone in bar.milestones:
            at = offset + (milestone.date.day - 0.5) / 31
            title = f"{milestone.title} ({milestone.date_label})"
            yield self.diamond(self.x(at), y + BAR_H / 2, 4.2, hollow=False, title=title)
        if bar.slippage_label:
            base_end = 0.0
            if bar.baseline is not None and bar.baseline.offset is not None:
                base_end = self.x(bar.baseline.offset + bar.baseline.span)
            x = max(end, base_end) + 3
            anchor = ""
            if x + 30 > self.chart_w:
                x, anchor = self.chart_w - 1, ' text-anchor="end"'
            yield (
                f'<text x="{n(x)}" y="{n(top + BASE_TOP + BASE_H)}" font-size="{n(SMALL)}" '
                f'font-weight="bold"{anchor}>{escape(bar.slippage_label)}</text>'
            )

    def label_rows(self, rows: list[Row], *, numbers_only: bool) -> str:
        """The label column as HTML: WeasyPrint lays SVG text out letter by letter, HTML by the line, and the
        rows' heights follow from the lines given here (no wrapping by the browser; gantt.css fixes the line
        heights and paddings to the Row heights computed above)."""
        no, project, hours = (escape(_(t)) for t in ("No.", "Project", "Hours"))
        head = f'<span class="gantt-ln">{no}</span>'
        if not numbers_only:
            head += f'<span class="gantt-lt">{project}</span><span class="gantt-lx">{hours}</span>'
        parts = [f'<div class="gantt-lh">{head}</div>']
        for row in rows:
            if row.kind == "area":
                parts.append(f'<div class="gantt-la">{"<br>".join(escape(t) for t in row.text)}</div>')
            elif row.kind == "group":
                parts.append(f'<div class="gantt-lg">{"<br>".join(escape(t) for t in row.text)}</div>')
            else:
                kind = "gantt-lp gantt-lb" if row.bar is not None and row.bar.baseline else "gantt-lp"
                cells = f'<span class="gantt-ln">{"<br>".join(escape(t) for t in row.label)}</span>'
                if numbers_only:
                    # As many (blank) lines as the title and period have, so the row is as tall.
                    blank = "<br>".join(["&nbsp;"] * len(row.text))
                    if row.period:
                        blank += f'<span class="gantt-period">{"<br>".join(["&nbsp;"] * len(row.period))}</span>'
                    cells += f'<span class="gantt-lt">{blank}</span>'
                else:
                    period = ""
                    if row.period:
                        approximate = " gantt-approx" if row.bar is not None and row.bar.approximate else ""
                        lines = "<br>".join(escape(t) for t in row.period)
                        period = f'<span class="gantt-period{approximate}">{lines}</span>'
                    title = "<br>".join(escape(t) for t in row.text)
                    cells += f'<span class="gantt-lt">{title}{period}</span><span class="gantt-lx">{row.hours}</span>'
                parts.append(f'<div class="{kind}">{cells}</div>')
        column = "gantt-numbers" if numbers_only else "gantt-labels"
        return f'<div class="{column}" aria-hidden="true">{"".join(parts)}</div>'

    def block(self, index: int, rows: list[Row], label: str) -> str:
        height = HEADER_H + sum(row.height for row in rows)
        svg = f'xmlns="http://www.w3.org/2000/svg" aria-hidden="true" font-family="{FONT_FAMILY}"'
        hatch = f"gantt-{self.chart_id}-{index}-hatch"
        chart = [
            f'<svg class="gantt-chart" {svg} width="{n(self.chart_w)}pt" height="{n(height)}pt" '
            f'viewBox="0 0 {n(self.chart_w)} {n(height)}" font-size="{n(FONT)}">',
            f'<defs><pattern id="{hatch}" patternUnits="userSpaceOnUse" width="4" height="4">'
            f'<rect width="4" height="4" fill="#fff"/>'
            f'<path d="M-1,1l2,-2M0,4l4,-4M3,5l2,-2" stroke="{INK}" stroke-width="1.3"/></pattern></defs>',
            *self.scale(height),
        ]
        rules, heavy = [], []
        top = HEADER_H
        for row in rows:
            bottom = top + row.height
            if row.kind == "area":
                heavy.append(f"M0,{n(bottom - 0.6)}H{n(self.chart_w)}")
                if row.section is not None:
                    for offset, milestone in row.section.milestones:
                        at = offset + (milestone.date.day - 0.5) / 31
                        title = f"{milestone.title} ({milestone.date_label})"
                        chart.append(self.diamond(self.x(at), top + row.height / 2, 4.2, hollow=False, title=title))
            elif row.kind == "project":
                rules.append(f"M0,{n(bottom - 0.25)}H{n(self.chart_w)}")
                if row.bar is not None:
                    chart.extend(self.bar(row.bar, top, hatch))
            top = bottom
        if rules:
            chart.append(f'<path d="{"".join(rules)}" stroke="#d4d4d4" stroke-width="0.5"/>')
        if heavy:
            chart.append(f'<path d="{"".join(heavy)}" stroke="#000" stroke-width="1.2"/>')
        if self.chart.today_offset is not None:
            x = n(self.x(self.chart.today_offset))
            chart.append(
                f'<path d="M{x},{n(HEADER_H)}V{n(height)}" stroke="#c00" stroke-width="1.2" stroke-dasharray="3 2"/>'
            )
        chart.append("</svg>")
        if self.for_print:
            # An image, not inline SVG: WeasyPrint then draws the same SVG without styling and boxing each of
            # its elements as part of the page. Its alternative text is the chart's name.
            source = base64.b64encode("".join(chart).encode()).decode("ascii")
            drawing = f'<img class="gantt-chart" alt="{escape(label)}" src="data:image/svg+xml;base64,{source}">'
            return f'<div class="gantt-block">{self.label_rows(rows, numbers_only=False)}{drawing}</div>'
        return (
            '<div class="gantt-block">'
            + self.label_rows(rows, numbers_only=True)
            + self.label_rows(rows, numbers_only=False)
            + "".join(chart)
            + "</div>"
        )

    def text_alternative(self, rows: list[Row]) -> str:
        items = []
        for row in rows:
            if row.kind == "project" and row.bar is not None:
                project = row.bar.project
                items.append(
                    f'<li class="gantt-row" data-project="{escape(project.area.slug)}/{project.number}">'
                    f"{escape(row.bar.sentence)}</li>"
                )
            elif row.kind == "area" and row.section is not None:
                text = row.section.area.name
                marks = [f"{m.title} ({m.date_label})" for _o, m in row.section.milestones]
                if marks:
                    label = ngettext("Milestone: %(marks)s", "Milestones: %(marks)s", len(marks))
                    text += ". " + label % {"marks": "; ".join(marks)}
                items.append(f'<li class="gantt-area-text">{escape(text)}</li>')
            else:
                items.append(f'<li class="gantt-group-text">{escape(" ".join(row.text))}</li>')
        return "".join(items)

    def legend(self) -> str:
        key = 'xmlns="http://www.w3.org/2000/svg" aria-hidden="true" class="gantt-key"'
        hatch = f"gantt-{self.chart_id}-key-hatch"

        def swatch(body: str, width: float = 20) -> str:
            return f'<svg {key} width="{n(width)}pt" height="9pt" viewBox="0 0 {n(width)} 9">{body}</svg>'

        hatch_defs = (
            f'<defs><pattern id="{hatch}" patternUnits="userSpaceOnUse" width="4" height="4">'
            f'<rect width="4" height="4" fill="#fff"/>'
            f'<path d="M-1,1l2,-2M0,4l4,-4M3,5l2,-2" stroke="{INK}" stroke-width="1.3"/></pattern></defs>'
        )
        approximate = (
            f'<rect x="0.35" y="0.5" width="19.3" height="8" fill="url(#{hatch})" stroke="{INK}" stroke-width="0.7"/>'
        )
        parts = [
            swatch(f'<rect y="0.5" width="20" height="8" fill="{INK}"/>') + " " + escape(_("period")),
            swatch(hatch_defs + approximate) + " " + escape(_("approximate period (the source says e.g. medio 2011)")),
        ]
        if self.chart.has_open_end:
            parts.append(
                swatch(
                    f'<rect y="0.5" width="8" height="8" fill="{INK}"/>'
                    + "".join(
                        f'<rect x="{8 + 4 * i}" y="0.5" width="4" height="8" fill="{INK}" fill-opacity="{o}"/>'
                        for i, o in enumerate(FADE_STEPS)
                    )
                )
                + " "
                + escape(_("no end given: drawn for a few months, then fading out"))
            )
        parts.append(
            swatch('<path d="M5,0.5l4,4 -4,4 -4,-4z" fill="#000"/>', 10)
            + " "
            + escape(_("milestone"))
            + ' <span class="gantt-key-assumed">'
            + escape(_("(assumed)"))
            + "</span> "
            + escape(_("a date the portal placed; the source does not give it"))
        )
        if self.chart.has_baseline:
            parts.append(
                swatch(
                    f'<rect y="0" width="20" height="5" fill="{INK}"/><rect y="6.5" width="20" height="2.5" '
                    'fill="#8a8a8a"/>'
                )
                + " "
                + escape(_("the approved version's period (thin bar), its milestones hollow, and how far it moved"))
            )
        if self.chart.today_offset is not None:
            parts.append(
                swatch('<path d="M2,0V9" stroke="#c00" stroke-width="1.2" stroke-dasharray="3 2"/>', 4)
                + " "
                + escape(_("today"))
            )
        return '<p class="gantt-legend">' + ' <span class="gantt-legend-sep"></span>'.join(parts) + "</p>"

    def html(self, *, label: str, area_headings: bool) -> SafeString:
        rows = rows_of(self.chart, area_headings=area_headings)
        # The web page scrolls one drawing; print cuts it into blocks that each fit a page.
        cut = blocks_of(rows, self.block_h) if self.for_print else [rows]
        blocks = "".join(self.block(i, block, label) for i, block in enumerate(cut))
        if self.for_print:
            # Print shows neither the text alternative nor the scroll hint (gantt.css); the page's own text is
            # the label column.
            return mark_safe(  # noqa: S308 - every text above went through escape()
                f'<div class="gantt" id="gantt-{escape(self.chart_id)}">{blocks}{self.legend()}</div><!-- /gantt -->'
            )
        hint = escape(_("Scroll sideways to see the whole time plan"))
        return mark_safe(  # noqa: S308 - every text above went through escape()
            f'<div class="gantt" id="gantt-{escape(self.chart_id)}">'
            f'<ul class="gantt-text visually-hidden" aria-label="{escape(label)}">{self.text_alternative(rows)}</ul>'
            f'<p class="gantt-scroll-hint" aria-hidden="true">{hint} →</p>'
            f'<div class="gantt-scroll" tabindex="0" role="region" aria-label="{escape(label)}">'
            + blocks
            + "</div>"
            + self.legend()
            + "</div><!-- /gantt -->"
        )


def gantt_html(
    chart: Masterplan,
    *,
    chart_id: str,
    label: str,
    area_headings: bool = True,
    for_print: bool = False,
    paper: str = "A4",
) -> SafeString:
    """The chart as the page and the PDFs show it: the SVG blocks, the legend and the text alternative (for
    print, `for_print`, only what is printed)."""
    if not chart.months:
        return mark_safe("")
    return Drawing(chart, chart_id, for_print=for_print, paper=paper).html(label=label, area_headings=area_headings)
