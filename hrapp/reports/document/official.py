"""The official A4 document (NĐ 30/2020 Phụ lục I): letterhead, title, body paragraphs, data tables and
signatures, built to PDF."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import IO, Literal

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import landscape as _landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from hrapp.reports.document.files import _Target, collector_paused, write_atomically
from hrapp.reports.document.fonts import (
    FONT,
    FONT_BOLD,
    FONT_BOLD_ITALIC,
    FONT_ITALIC,
    PORTRAIT_TEXT_MM,
    CancelCallback,
    ProgressCallback,
    register_fonts,
)
from hrapp.reports.document.page import _PLAIN, Letterhead, Margins, Signature, _markup, _Rule, _style
from hrapp.reports.document.table_flow import _TableState, _Tracker
from hrapp.reports.document.table_parts import _height, _TableFlow, _TableLead
from hrapp.reports.document.table_spec import TableSpec
from hrapp.reports.format import date_line, nfc, vn_upper


@dataclass
class OfficialDocument:
    """Builder for one official document: add paragraphs and tables, then `build()` the PDF.

    Layout (NĐ 30/2020 Phụ lục I): agency block top left, national title and motto top right with the
    place/date line, the title centred, the content, then "Nơi nhận:" and the signature blocks.
    """

    letterhead: Letterhead | None
    title: str = ""
    subtitles: Sequence[str] = ()
    day: date | None = None
    landscape: bool = False
    margins: Margins = field(default_factory=Margins)
    recipients: Sequence[str] = ()
    signatures: Sequence[Signature] | None = None
    date_in_header: bool = True
    body_size: float = 13
    _items: list[tuple[str, tuple[str, str, bool] | TableSpec | Flowable]] = field(default_factory=list, init=False, repr=False)

    # content -------------------------------------------------------------------------------------
    def paragraph(self, text: str, style: Literal["body", "heading", "center", "note", "left"] = "body",
                  markup: bool = False) -> OfficialDocument:
        """Add a paragraph: 'body' justified with a first-line indent, 'heading' bold, 'note' italic."""
        self._items.append(("para", (text, style, markup)))
        return self

    def table(self, spec: TableSpec) -> OfficialDocument:
        self._items.append(("table", spec))
        return self

    def spacer(self, height_mm: float) -> OfficialDocument:
        self._items.append(("flow", Spacer(1, height_mm * mm)))
        return self

    def flowable(self, flowable: Flowable) -> OfficialDocument:
        """Any ReportLab flowable, for forms that need more than paragraphs and tables."""
        self._items.append(("flow", flowable))
        return self

    # geometry ------------------------------------------------------------------------------------
    @property
    def pagesize(self) -> tuple[float, float]:
        return _landscape(A4) if self.landscape else A4

    @property
    def text_width(self) -> float:
        return self.pagesize[0] - (self.margins.left + self.margins.right) * mm

    def _blocks(self) -> tuple[float, float]:
        """Widths of the agency block (left) and the national-title block (right)."""
        w = self.text_width
        if self.landscape:
            return 100 * mm, 125 * mm
        return 0.42 * w, 0.58 * w

    # flowables -----------------------------------------------------------------------------------
    def _letterhead_flowables(self) -> list[Flowable]:
        lh = self.letterhead
        if lh is None:
            return []
        left_w, right_w = self._blocks()
        unit = vn_upper(lh.issuing_unit)
        parent = vn_upper(lh.parent_agency)
        # 13 pt when the unit name fits on one line, else 12 pt (NĐ 30 allows 12–13)
        agency_size = 13 if pdfmetrics.stringWidth(unit, FONT_BOLD, 13) <= left_w - 4 else 12
        nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
        nation_size = 13 if pdfmetrics.stringWidth(nation, FONT_BOLD, 13) <= right_w - 4 else 12
        motto = "Độc lập - Tự do - Hạnh phúc"
        motto_size = 14 if nation_size == 13 else 13
        left: list[Flowable] = []
        if parent:
            left.append(Paragraph(_markup(parent), _style(f"agency{agency_size}", agency_size)))
        unit_p = Paragraph(_markup(unit), _style(f"unit{agency_size}", agency_size, FONT_BOLD))
        unit_w = min(max((pdfmetrics.stringWidth(line, FONT_BOLD, agency_size)
                          for line in simpleSplit(unit, FONT_BOLD, agency_size, left_w - 4)), default=0), left_w - 4)
        left += [unit_p, _Rule(unit_w * 0.4)]
        right: list[Flowable] = [
            Paragraph(nation, _style(f"nation{nation_size}", nation_size, FONT_BOLD)),
            Paragraph(motto, _style(f"motto{motto_size}", motto_size, FONT_BOLD)),
            _Rule(pdfmetrics.stringWidth(motto, FONT_BOLD, motto_size)),
        ]
        number = lh.number_line()
        row2_left = Paragraph(_markup(number), _style("number", 13)) if number else ""
        row2_right: object = ""
        if self.date_in_header:
            row2_right = Paragraph(_markup(date_line(lh.place, self.day)), _style("dateline", 14, FONT_ITALIC))
        gap = self.text_width - left_w - right_w
        data = [[left, "", right], [row2_left, "", row2_right]]
        style = TableStyle([
            ("FONT", (0, 0), (-1, -1), FONT, 13),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 1), (-1, 1), 6),
        ])
        table = Table(data, colWidths=[left_w, gap, right_w], style=style, hAlign="LEFT")
        return [table]

    def _title_flowables(self) -> list[Flowable]:
        out: list[Flowable] = []
        if self.title:
            out.append(Spacer(1, 8 * mm if self.letterhead else 0))
            # the first line (kind of document: DANH SÁCH, BÁO CÁO) in capitals; the summary lines
            # (trích yếu) bold as given, so a report's summary can stay in normal case per NĐ 30
            for k, line in enumerate(nfc(self.title).split("\n")):
                text = vn_upper(line) if k == 0 else line
                out.append(Paragraph(_markup(text), _style("title", 14, FONT_BOLD, leading=17,
                                                           keep_with_next=True)))
        for line in self.subtitles:
            out.append(Paragraph(_markup(line), _style("subtitle", 13, FONT_ITALIC, leading=16)))
        if out:
            out.append(Spacer(1, 5 * mm))
        return out

    def _paragraph(self, text: str, style: str, markup: bool) -> Paragraph:
        body = self.body_size
        content = nfc(text) if markup else _markup(text)
        if style == "heading":
            return Paragraph(content, _style("p-heading", body, FONT_BOLD, TA_JUSTIFY, space_before=6,
                                                keep_with_next=True))
        if style == "center":
            return Paragraph(content, _style("p-center", body, FONT, TA_CENTER, space_before=3))
        if style == "note":
            return Paragraph(content, _style("p-note", body - 1, FONT_ITALIC, TA_JUSTIFY, space_before=3))
        if style == "left":
            return Paragraph(content, _style("p-left", body, FONT, TA_LEFT, space_before=3))
        return Paragraph(content, _style("p-body", body, FONT, TA_JUSTIFY, leading=body * 1.3,
                                         indent=10 * mm, space_before=6))

    def _signature_parts(self, sig: Signature) -> tuple[list[Flowable], list[Flowable]]:
        """(title lines, name) of one signature block: authority and title bold capitals, name bold."""
        bold = _style("sign-title", 13, FONT_BOLD, leading=16)
        head: list[Flowable] = []
        if sig.authority:
            head.append(Paragraph(_markup(vn_upper(sig.authority)), bold))
        for line in nfc(sig.title).split("\n"):
            head.append(Paragraph(_markup(vn_upper(line)), bold))
        if sig.caption:
            head.append(Paragraph(_markup(sig.caption), _style("sign-caption", 12, FONT_ITALIC)))
        name = [Paragraph(_markup(sig.name), _style("sign-name", 13, FONT_BOLD))] if sig.name else []
        return head, name

    def _recipients_cell(self) -> list[Flowable]:
        out: list[Flowable] = [Paragraph("Nơi nhận:", _style("recip-label", 12, FONT_BOLD_ITALIC, TA_LEFT))]
        small = _style("recip", 11, FONT, TA_LEFT, leading=13)
        for line in self.recipients:
            line = nfc(line).strip()
            out.append(Paragraph(_markup(line if line.startswith("-") else f"- {line}"), small))
        return out

    def _closing_table(self) -> Table | None:
        """Recipients bottom left, signature blocks side by side with the head of unit on the right.

        Titles share a top line and names share a bottom line, however many title lines each has.
        """
        lh = self.letterhead
        sigs = list(self.signatures) if self.signatures is not None else (
            lh.default_signatures() if lh is not None else [])
        if not sigs and not self.recipients:
            return None
        width = self.text_width
        _, right_w = self._blocks()
        if not sigs:
            return Table([[self._recipients_cell()]], colWidths=[width], style=_PLAIN, hAlign="LEFT")
        others = len(sigs) - 1 + (1 if self.recipients else 0)
        widths = [(width - right_w) / others] * others if others else [width - right_w]
        widths.append(right_w)
        ncols = len(widths)
        rows: list[list[object]] = []
        if not self.date_in_header and lh is not None:
            rows.append([""] * (ncols - 1) + [Paragraph(_markup(date_line(lh.place, self.day)),
                                                        _style("dateline-sign", 13, FONT_ITALIC))])
        first = len(rows)
        heads: list[object] = [""] * ncols
        names: list[object] = [""] * ncols
        columns = range(ncols - len(sigs), ncols)
        for col, sig in zip(columns, sigs, strict=True):
            heads[col], names[col] = self._signature_parts(sig)
        rows += [heads, [""] * ncols, names]
        cmds = list(_PLAIN.getCommands()) + [("TOPPADDING", (0, first), (-1, first), 3 if first else 0)]
        if self.recipients:
            rows[0][0] = self._recipients_cell()
            cmds.append(("SPAN", (0, 0), (0, len(rows) - 1)))
        heights = [None] * len(rows)
        heights[first + 1] = 24 * mm
        return Table(rows, colWidths=widths, rowHeights=heights, style=TableStyle(cmds), hAlign="LEFT")

    def _story(self, tracker: _Tracker) -> list[Flowable]:
        story = self._letterhead_flowables() + self._title_flowables()
        frame_h = self.pagesize[1] - (self.margins.top + self.margins.bottom) * mm
        last_table: _TableFlow | None = None
        for _kind, item in self._items:
            if isinstance(item, tuple):  # a paragraph
                text, style, markup = item
                story.append(self._paragraph(text, style, markup))
            elif isinstance(item, TableSpec):
                state = _TableState(item, tracker)
                state.page_h = frame_h
                # a heading (keep-with-next) above the table stays with its header and first rows
                lead: list[Flowable] = []
                while story and isinstance(story[-1], Paragraph) and story[-1].getKeepWithNext():
                    lead.insert(0, story.pop())
                spacer = Spacer(1, 2 * mm)
                story += [_TableLead(state, [*lead, spacer]), *lead, spacer]
                last_table = _TableFlow(state)
                story.append(last_table)
            else:
                story.append(item)
        closing = self._closing_table()
        if closing is None:
            return story
        # The closing block never stands alone on a page: it keeps company with the end of the content.
        width = self.text_width
        block: list[Flowable] = [Spacer(1, 6 * mm), closing]
        after = len(story) - 1 - story[::-1].index(last_table) if last_table is not None else None
        trailing = story[after + 1:] if after is not None else []
        if after is not None and last_table is not None and _height(trailing + block, width) <= 0.5 * frame_h:
            # what follows the last table (a closing paragraph, the signatures) goes on the page of its last
            # rows and totals: the table carries rows over to the next page when they do not all fit
            last_table.state.tail = _height(trailing + block, width)
            return story[:after + 1] + [KeepTogether(trailing + block)]
        if story and not isinstance(story[-1], _TableFlow | PageBreak):
            # the last paragraph (or other content) and the signatures go to the next page together
            keep = [story.pop()]
            while story and isinstance(keep[0], Spacer) and not isinstance(story[-1], _TableFlow):
                keep.insert(0, story.pop())
            return story + [KeepTogether(keep + block)]
        return story + block

    # output --------------------------------------------------------------------------------------
    def _page_number(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        """Page numbers centred in the top margin, 13 pt, from page 2 on (NĐ 30/2020 Phụ lục I)."""
        number = canv.getPageNumber()
        if number < 2:
            return
        canv.saveState()
        canv.setFont(FONT, 13)
        top = self.pagesize[1] - self.margins.top * mm * 0.55
        canv.drawCentredString(self.margins.left * mm + self.text_width / 2, top, str(number))
        canv.restoreState()

    def _render(self, out: str | IO[bytes], tracker: _Tracker) -> int:
        register_fonts()
        m = self.margins
        author = self.letterhead.issuing_unit if self.letterhead else ""
        doc = BaseDocTemplate(
            out, pagesize=self.pagesize, leftMargin=m.left * mm, rightMargin=m.right * mm,
            topMargin=m.top * mm, bottomMargin=m.bottom * mm, title=nfc(" ".join(self.title.split())),
            author=nfc(author), creator="hrapp", subject=nfc(" ".join(self.subtitles)), lang="vi",
            initialFontName=FONT, initialFontSize=13,  # else every page names an unembedded Helvetica
        )
        frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._page_number)])
        story = self._story(tracker)
        tracker.check()
        doc.build(story)
        if tracker.progress is not None:
            tracker.progress(tracker.total, tracker.total)
        return doc.page

    def build(self, target: _Target, progress: ProgressCallback | None = None,
              cancel: CancelCallback | None = None) -> int:
        """Write the PDF; returns the number of pages.

        `progress(done, total)` reports table rows drawn; `cancel()` returning True raises
        ReportCancelled. A path target is written atomically: a cancelled or failed build leaves no file.
        """
        tracker = _Tracker(progress, cancel)
        with collector_paused():
            return write_atomically(target, lambda out: self._render(out, tracker))


def build_pdf(target: _Target, letterhead: Letterhead | None, title: str, table: TableSpec | None = None, *,
              subtitles: Sequence[str] = (), day: date | None = None, intro: Sequence[str] = (),
              outro: Sequence[str] = (), recipients: Sequence[str] = (),
              signatures: Sequence[Signature] | None = None, landscape: bool | None = None,
              margins: Margins | None = None, date_in_header: bool = True,
              progress: ProgressCallback | None = None, cancel: CancelCallback | None = None) -> int:
    """One-call official document: letterhead, title, intro paragraphs, one table, closing, signatures.

    `landscape=None` turns the page when the table's widths exceed the portrait text width (165 mm).
    Returns the page count. See OfficialDocument for documents with several tables.
    """
    if landscape is None:
        landscape = table is not None and sum(c.width for c in table.columns) > PORTRAIT_TEXT_MM
    doc = OfficialDocument(letterhead, title, subtitles, day, landscape, margins or Margins(), recipients,
                           signatures, date_in_header)
    for text in intro:
        doc.paragraph(text)
    if table is not None:
        doc.table(table)
    for text in outro:
        doc.paragraph(text)
    return doc.build(target, progress=progress, cancel=cancel)
