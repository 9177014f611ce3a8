"""Sơ yếu lý lịch cán bộ, công chức, Mẫu 2C-BNV/2008 (QĐ 02/2008/QĐ-BNV): the form's items, hint lines,
tables and wording, filled from a person's record; blanks keep the form's dotted lines. A4 portrait PDF."""

from __future__ import annotations

import io
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import IO

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from hrapp import catalogs, clock
from hrapp.context import ServiceContext
from hrapp.queries.person_profile import PersonProfile, QualificationRow
from hrapp.reports.document import (
    FONT,
    FONT_BOLD,
    FONT_BOLD_ITALIC,
    FONT_ITALIC,
    LINE_WIDTH,
    Margins,
    OfficialDocument,
    register_fonts,
)
from hrapp.reports.format import fmt_decimal, nfc, vn_upper

__all__ = ["FORM_CODE", "CvContext", "build_cv", "export_cv"]

FORM_CODE = "Mẫu 2C-BNV/2008"
SIZE = 12.0  # body text
LEADING = 15.5
HINT = 9.5  # the small italic hint lines under some items
TABLE = 11.0
DOTS = "."
GAP = "…/……"  # a blank month/year

Run = tuple[str, str]  # (text, font)


@dataclass(frozen=True)
class CvContext:
    """What the form needs besides the person: the managing and using bodies, who signs, place and date."""

    managing_body: str  # Cơ quan, đơn vị có thẩm quyền quản lý CBCC
    using_body: str  # Cơ quan, đơn vị sử dụng CBCC
    place: str = ""
    day: date | None = None  # the declaration date; None leaves it to be written by hand
    head_name: str = ""


# ============================================================================================== flowables


class _Fields(Flowable):
    """One line of the form: cells side by side, each a label with its value, the rest of the cell filled with
    dots as on the printed form; a long value wraps inside its cell."""

    def __init__(self, cells: Sequence[tuple], size: float = SIZE, leading: float = LEADING, fill: bool = True):
        """`cells`: (fraction, runs) or (fraction, runs, suffix) or (fraction, runs, suffix, fill); the suffix
        (a comma between items) is printed after the dots, as on the form."""
        super().__init__()
        self.cells = [(c[0], [r for r in c[1] if r[0]], c[2] if len(c) > 2 else "",
                       c[3] if len(c) > 3 else fill) for c in cells]  # type: ignore[misc]
        self.size, self.leading, self.fill = size, leading, fill
        self._lines: list[list[list[tuple[float, str, str]]]] = []
        self._ends: list[tuple[float, float, int, str, bool]] = []

    def _words(self, runs: Sequence[Run]) -> list[tuple[str, str, bool]]:
        """(word, font, space_before) tokens; a space at a run boundary is kept."""
        out: list[tuple[str, str, bool]] = []
        pending_space = False
        for text, font in runs:
            parts = re.split(r"( +)", nfc(text))
            for part in parts:
                if not part:
                    continue
                if part.startswith(" "):
                    pending_space = True
                    continue
                out.append((part, font, pending_space and bool(out)))
                pending_space = False
        return out

    def _break(self, runs: Sequence[Run], width: float) -> tuple[list[list[tuple[float, str, str]]], float]:
        """Lines of (x, text, font) and the x where the last line ends."""
        space = stringWidth(" ", FONT, self.size)
        lines: list[list[tuple[float, str, str]]] = [[]]
        x = 0.0
        for word, font, spaced in self._words(runs):
            w = stringWidth(word, font, self.size)
            lead = space if spaced and lines[-1] else 0.0
            if x + lead + w > width and lines[-1]:
                lines.append([])
                x, lead = 0.0, 0.0
            while w > width and len(word) > 1:  # a word longer than the cell: cut it
                cut = len(word)
                while cut > 1 and stringWidth(word[:cut], font, self.size) > width - x:
                    cut -= 1
                lines[-1].append((x, word[:cut], font))
                lines.append([])
                word, x = word[cut:], 0.0
                w = stringWidth(word, font, self.size)
            lines[-1].append((x + lead, word, font))
            x += lead + w
        return lines, x

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        register_fonts()
        self.width = availWidth
        self._lines, self._ends = [], []
        height_lines = 1
        left = 0.0
        for frac, runs, suffix, dotted in self.cells:
            width = availWidth * frac
            room = width - 2 - stringWidth(suffix, FONT, self.size)
            lines, end = self._break(runs, room)
            self._lines.append([[(left + x, t, f) for x, t, f in line] for line in lines])
            self._ends.append((left + end, left + room, len(lines) - 1, suffix, dotted))
            height_lines = max(height_lines, len(lines))
            left += width
        self.height = height_lines * self.leading
        return availWidth, self.height

    def draw(self) -> None:
        c = self.canv
        base = self.height - self.leading + (self.leading - self.size) / 2 + 1.5
        for lines in self._lines:
            for i, line in enumerate(lines):
                y = base - i * self.leading
                for x, text, font in line:
                    c.setFont(font, self.size)
                    c.drawString(x, y, text)
        dot = stringWidth(DOTS, FONT, self.size)
        c.setFont(FONT, self.size)
        for start, stop, line, suffix, dotted in self._ends:
            y = base - line * self.leading
            count = int((stop - start - 2) // dot) if dotted else 0
            if count >= 3:
                c.drawString(stop - count * dot, y, DOTS * count)
                c.drawString(stop, y, suffix)
            elif suffix:
                c.drawString(start, y, suffix)


def _style(name: str, size: float = SIZE, font: str = FONT, align: int = TA_LEFT,
           leading: float | None = None) -> ParagraphStyle:
    register_fonts()
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading or size * 1.25, alignment=align)


def _esc(text: str | None) -> str:
    from xml.sax.saxutils import escape

    return escape(nfc(text or ""))


def _hint(*texts: str, fractions: Sequence[float] | None = None) -> Flowable:
    """The small italic line under an item, centred; two hints sit under the two halves of the line."""
    style = _style("cv-hint", HINT, FONT_ITALIC, TA_CENTER)
    if len(texts) == 1:
        return Paragraph(_esc(texts[0]), style)
    fr = fractions or [1 / len(texts)] * len(texts)
    return _Cells([Paragraph(_esc(t), style) for t in texts], fr)


class _Cells(Flowable):
    """Flowables side by side in fractions of the width, without borders."""

    def __init__(self, parts: Sequence[Flowable], fractions: Sequence[float]):
        super().__init__()
        self.parts, self.fractions = list(parts), list(fractions)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.sizes = [p.wrap(availWidth * f, availHeight) for p, f in zip(self.parts, self.fractions, strict=True)]
        self.height = max(h for _, h in self.sizes)
        return availWidth, self.height

    def draw(self) -> None:
        x = 0.0
        for part, frac, (_, h) in zip(self.parts, self.fractions, self.sizes, strict=True):
            part.drawOn(self.canv, x, self.height - h)
            x += self.width * frac


def _dotted_lines(count: int) -> list[Flowable]:
    return [_Fields([(1.0, [])]) for _ in range(count)]


def _heading(text: str) -> Paragraph:
    return Paragraph(_esc(text), _style("cv-heading", SIZE, FONT_BOLD, TA_LEFT, LEADING))


def _grid(rows: list[list[object]], widths_pt: Sequence[float], width: float, header_rows: int = 1,
          bold_first_col: bool = False, repeat: bool = True, size: float = TABLE) -> Table:
    """A bordered table scaled to the text width; header cells bold and centred, cells wrap."""
    scale = width / sum(widths_pt)
    cell = _style(f"cv-cell-{size}", size, FONT, TA_LEFT, size * 1.2)
    centre = _style(f"cv-cell-c-{size}", size, FONT, TA_CENTER, size * 1.2)
    head = _style(f"cv-head-{size}", size, FONT_BOLD, TA_CENTER, size * 1.2)
    bold = _style(f"cv-cell-b-{size}", size, FONT_BOLD, TA_LEFT, size * 1.2)
    data: list[list[object]] = []
    for r, row in enumerate(rows):
        out: list[object] = []
        for c, value in enumerate(row):
            if isinstance(value, Flowable):
                out.append(value)
                continue
            text = _esc(str(value) if value is not None else "")
            if r < header_rows:
                out.append(Paragraph(text, head))
            elif bold_first_col and c == 0:
                out.append(Paragraph(text, bold))
            else:
                out.append(Paragraph(text, centre if isinstance(value, _Centre) else cell))
        data.append(out)
    style = TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT, TABLE),
        ("GRID", (0, 0), (-1, -1), LINE_WIDTH, "black"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3 if size >= TABLE else 1.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3 if size >= TABLE else 1.5),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ])
    return Table(data, colWidths=[w * scale for w in widths_pt], style=style,
                 repeatRows=header_rows if repeat else 0, hAlign="LEFT")


class _Centre(str):
    """A cell value printed centred (periods, years)."""


# ============================================================================================== values


def _d(day: date | None) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}" if day else ""


def _m(day: date | None) -> str:
    return f"{day.month:02d}/{day.year:04d}" if day else ""


def _period(start: date | None, end: date | None, *, ongoing: str = "nay", year: int | None = None) -> str:
    """'09/2010 - 06/2014'; an open period ends 'nay'; only a year known: '2014'."""
    if start is None and end is None:
        return str(year) if year else f"{GAP}-{GAP}"
    left = _m(start) if start else GAP
    right = _m(end) if end else (ongoing if start else GAP)
    return f"{left} - {right}"


def _birth_parts(profile: PersonProfile) -> tuple[str, str, str]:
    born, precision = profile.identity.birth_date, profile.identity.birth_precision
    if born is None:
        return "", "", ""
    day = f"{born.day:02d}" if precision == "day" else ""
    month = f"{born.month:02d}" if precision in ("day", "month") else ""
    return day, month, f"{born.year:04d}"


def _highest(quals: Sequence[QualificationRow], kind: str) -> QualificationRow | None:
    from hrapp.services.snapshot import EDU_RANK

    done = [q for q in quals if q.kind == kind and not q.in_progress]
    if not done:
        return None
    rank = {it["code"]: int((it.get("extra") or {}).get("rank", 0)) for it in catalogs.items("qualification_level")}
    if kind == "chuyen_mon":
        rank = {**rank, **EDU_RANK}
    return max(done, key=lambda q: (rank.get(q.level_code, 0), q.year or 0))


def _level_text(q: QualificationRow) -> str:
    """Column 'Văn bằng, chứng chỉ, trình độ gì' of item 27."""
    label = q.level_label
    if q.kind == "chuyen_mon":
        text = label
    elif q.kind == "llct":
        text = "Cử nhân chính trị" if q.level_code == "cu_nhan" else f"{label} lý luận chính trị"
    elif q.kind == "qlnn":
        text = f"Chứng chỉ QLNN ngạch {label.lower()}"
    elif q.kind == "ngoai_ngu":
        text = f"{q.language} {label}".strip()
    else:
        text = label
    if q.in_progress:
        text = "Nghiên cứu sinh (đang học)" if q.level_code == "TS" else f"{text} (đang học)"
    return text


def _major_text(q: QualificationRow) -> str:
    if q.major:
        return q.major
    return {"llct": "Lý luận chính trị", "qlnn": "Quản lý nhà nước", "ngoai_ngu": q.language or "Ngoại ngữ",
            "tin_hoc": "Tin học", "qpan": "Quốc phòng - An ninh"}.get(q.kind, "")


_AWARD_ORDER = ("huân chương", "bằng khen của thủ tướng", "chiến sĩ thi đua toàn quốc", "chiến sĩ thi đua cấp bộ",
                "chiến sĩ thi đua cấp tỉnh", "bằng khen", "chiến sĩ thi đua cơ sở", "giấy khen")


def _award_text(profile: PersonProfile) -> str:
    """The highest award and its year ('Hình thức cao nhất, năm nào')."""
    if not profile.awards:
        return ""

    def weight(form: str) -> int:
        low = form.lower()
        return next((len(_AWARD_ORDER) - i for i, key in enumerate(_AWARD_ORDER) if key in low), 0)

    best = max(profile.awards, key=lambda a: (weight(a.form), a.award_date))
    return f"{best.form}, năm {best.award_date.year}"


def _discipline_text(profile: PersonProfile) -> str:
    if not profile.disciplines:
        return ""
    order = [it["code"] for it in catalogs.items("discipline_form")]
    best = max(profile.disciplines, key=lambda d: (order.index(d.form) if d.form in order else -1, d.decision_date))
    return f"{best.form_label}, năm {best.decision_date.year}"


def _posts_text(profile: PersonProfile, on: date) -> str:
    live = [p for p in profile.posts if p.start_date <= on and (p.end_date is None or p.end_date >= on)]
    main = [p for p in live if not p.is_concurrent]
    extra = [p for p in live if p.is_concurrent]
    parts = [f"{p.post_title} {p.unit_name}".strip() for p in main]
    parts += [f"kiêm {p.post_title} {p.unit_name}".strip() for p in extra]
    return ", ".join(parts)


def _allowances(profile: PersonProfile, on: date) -> tuple[str, str]:
    """(phụ cấp chức vụ, phụ cấp khác) in force on the day."""
    post = [p for p in profile.posts if not p.is_concurrent and p.start_date <= on
            and (p.end_date is None or p.end_date >= on) and p.allowance_coefficient]
    live = [a for a in profile.allowances if a.effective_date <= on and (a.end_date is None or a.end_date >= on)]
    position = next((fmt_decimal(a.coefficient) for a in live if a.kind == "chuc_vu" and a.coefficient), "")
    if not position and post:
        position = fmt_decimal(post[-1].allowance_coefficient)
    other: list[str] = []
    steps = [s for s in profile.salary_steps if s.effective_date <= on]
    if steps and steps[-1].pctnvk_percent:
        other.append(f"thâm niên vượt khung {steps[-1].pctnvk_percent}%")
    for a in live:
        if a.kind in ("chuc_vu", "tham_nien_vuot_khung"):
            continue
        amount = fmt_decimal(a.coefficient) if a.coefficient is not None else f"{fmt_decimal(a.percent, None)}%"
        other.append(f"{a.kind_label.removeprefix('Phụ cấp ').lower()} {amount}")
    return position, ", ".join(other)


def _history_answers(notes: str | None) -> list[str]:
    """Three answers for the three prompts of item 29 when the notes are three sentences; else all in one."""
    text = (notes or "").strip()
    if not text:
        return ["", "", ""]
    sentences = [s.strip() for s in re.split(r"(?<=\.)\s+", text) if s.strip()]
    if len(sentences) == 3:
        return sentences
    return [text, "", ""]


# ============================================================================================== the form


def build_cv(target: str | os.PathLike[str] | IO[bytes], profile: PersonProfile, ctx: CvContext,
             on: date | None = None) -> int:
    """Write the form for one person; `on` is the day the current state is read (default today)."""
    on = on or clock.today()
    doc = OfficialDocument(None, signatures=[], margins=Margins(top=20, bottom=20, left=30, right=15))
    width = doc.text_width
    i = profile.identity
    story: list[Flowable] = []
    add = story.append

    # header
    add(Paragraph(f"<b>{FORM_CODE}</b>", _style("cv-code", SIZE, FONT_BOLD, TA_RIGHT)))
    add(Spacer(1, 2))
    add(_Fields([(0.64, [("Cơ quan, đơn vị có thẩm quyền quản lý CBCC ", FONT), (ctx.managing_body, FONT)]),
                 (0.36, [("Số hiệu cán bộ, công chức: ", FONT), (i.staff_code or "", FONT)])]))
    add(_Fields([(1.0, [("Cơ quan, đơn vị sử dụng CBCC ", FONT), (ctx.using_body, FONT)])]))
    add(Spacer(1, 8))
    add(Paragraph("SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC", _style("cv-title", 14, FONT_BOLD, TA_CENTER, 18)))
    add(Spacer(1, 8))

    # photo box and items 1-5
    day, month, year = _birth_parts(profile)
    gender = {"M": "Nam", "F": "Nữ"}.get(i.gender, "")
    photo_w, photo_h = 30 * mm, 42 * mm
    right_w = width - photo_w - 4 * mm
    items: list[Flowable] = [
        _Fields([(1.0, [("1) Họ và tên khai sinh (viết chữ in hoa): ", FONT), (vn_upper(i.full_name), FONT_BOLD)])]),
        _Fields([(1.0, [("2) Tên gọi khác: ", FONT), (i.other_names or "", FONT)])]),
        _Fields([(0.56, [("3) Sinh ngày: ", FONT), (day or "……", FONT), (" tháng ", FONT), (month or "……", FONT),
                         (" năm ", FONT), (year or "……", FONT), (",", FONT)], "", False),
                 (0.44, [("Giới tính (nam, nữ): ", FONT), (gender, FONT)])]),
        _place_line("4) Nơi sinh: ", i.birth_place),
        _place_line("5) Quê quán: ", i.home_town),
    ]
    box = Table([[_photo(profile, photo_w, photo_h), items]], colWidths=[photo_w + 4 * mm, right_w],
                style=TableStyle([("FONT", (0, 0), (-1, -1), FONT, SIZE),
                                  ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                  ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                                  ("BOTTOMPADDING", (0, 0), (-1, -1), 0), ("LEFTPADDING", (1, 0), (1, 0), 2)]),
                hAlign="LEFT")
    add(box)
    add(Spacer(1, 4))

    # items 6-26
    add(_Fields([(0.5, [("6) Dân tộc: ", FONT), (catalogs.label("ethnicity", i.ethnicity), FONT)], ","),
                 (0.5, [("7) Tôn giáo: ", FONT), (catalogs.label("religion", i.religion), FONT)])]))
    add(_Fields([(1.0, [("8) Nơi đăng ký hộ khẩu thường trú: ", FONT), (i.permanent_address or "", FONT)])]))
    add(_hint("(Số nhà, đường phố, thành phố, xóm, thôn, xã, huyện, tỉnh)"))
    add(_Fields([(1.0, [("9) Nơi ở hiện nay: ", FONT), (i.current_address or "", FONT)])]))
    add(_hint("(Số nhà, đường phố, thành phố, xóm, thôn, xã, huyện, tỉnh)"))
    add(_Fields([(1.0, [("10) Nghề nghiệp khi được tuyển dụng: ", FONT), (i.occupation_at_recruitment or "", FONT)])]))
    first = next((e for e in profile.employments if e.recruitment_date), None)
    recruited = _d(first.recruitment_date) if first else ""
    add(_Fields([(0.42, [("11) Ngày tuyển dụng: ", FONT), (recruited or "…/…/……", FONT)], ","),
                 (0.58, [("Cơ quan tuyển dụng: ", FONT), (first.recruitment_agency if first else "", FONT)])]))
    add(_Fields([(1.0, [("12) Chức vụ (chức danh) hiện tại: ", FONT), (_posts_text(profile, on), FONT)])]))
    add(_hint("(Về chính quyền hoặc Đảng, đoàn thể, kể cả chức vụ kiêm nhiệm)"))
    add(_Fields([(1.0, [("13) Công việc chính được giao: ", FONT), (i.main_duties or "", FONT)])]))
    steps = [s for s in profile.salary_steps if s.effective_date <= on]
    step = steps[-1] if steps else None
    add(_Fields([(0.66, [("14) Ngạch công chức (viên chức): ", FONT), (profile.rank_name, FONT)], ","),
                 (0.34, [("Mã ngạch: ", FONT), (profile.rank_code or "", FONT)])]))
    add(_Fields([(0.3, [("Bậc lương: ", FONT), (str(step.step) if step else "", FONT)], ","),
                 (0.3, [("Hệ số: ", FONT), (fmt_decimal(step.coefficient) if step else "", FONT)], ","),
                 (0.4, [("Ngày hưởng: ", FONT), (_d(step.effective_date) if step else "…/…/……", FONT)], ",")]))
    position, other = _allowances(profile, on)
    add(_Fields([(0.42, [("Phụ cấp chức vụ: ", FONT), (position, FONT)], ","),
                 (0.58, [("Phụ cấp khác: ", FONT), (other, FONT)])]))
    add(_Fields([(1.0, [("15.1- Trình độ giáo dục phổ thông (đã tốt nghiệp lớp mấy/thuộc hệ nào): ", FONT),
                        (i.general_education or "", FONT)])]))
    top = _highest(profile.qualifications, "chuyen_mon")
    add(_Fields([(1.0, [("15.2- Trình độ chuyên môn cao nhất: ", FONT),
                        (f"{top.level_label} {top.major}".strip() if top else "", FONT)])]))
    add(_hint("(TSKH, TS, Ths, cử nhân, kỹ sư, cao đẳng, trung cấp, sơ cấp, chuyên ngành)"))
    llct, qlnn = _highest(profile.qualifications, "llct"), _highest(profile.qualifications, "qlnn")
    add(_Fields([(0.44, [("15.3- Lý luận chính trị: ", FONT), (llct.level_label if llct else "", FONT)]),
                 (0.56, [("15.4- Quản lý nhà nước: ", FONT), (qlnn.level_label if qlnn else "", FONT)])]))
    add(_hint("(Cao cấp, trung cấp, sơ cấp và tương đương)",
              "(chuyên viên cao cấp, chuyên viên chính, chuyên viên, cán sự, …)", fractions=[0.44, 0.56]))
    languages = ", ".join(dict.fromkeys(f"{q.language} {q.level_code}".strip() for q in profile.qualifications
                                        if q.kind == "ngoai_ngu" and not q.in_progress))
    it = _highest(profile.qualifications, "tin_hoc")
    add(_Fields([(0.5, [("15.5- Ngoại ngữ: ", FONT), (languages, FONT)], ","),
                 (0.5, [("15.6- Tin học: ", FONT), (it.level_label if it else "", FONT)])]))
    add(_hint("(Tên ngoại ngữ + Trình độ A, B, C, D……)", "(Trình độ A, B, C, …)"))
    add(_Fields([(0.6, [("16) Ngày vào Đảng Cộng sản Việt Nam: ", FONT),
                        (_d(i.party_join_date) or "…/…/……", FONT)], ","),
                 (0.4, [("Ngày chính thức: ", FONT), (_d(i.party_official_date) or "…/…/……", FONT)])]))
    add(_Fields([(1.0, [("17) Ngày tham gia tổ chức chính trị - xã hội: ", FONT), (i.union_join_info or "", FONT)])]))
    add(_hint("(Ngày tham gia tổ chức: Đoàn, Hội, … và làm việc gì trong tổ chức đó)"))
    add(_Fields([(0.34, [("18) Ngày nhập ngũ: ", FONT), (_d(i.army_join_date) or "…/…/……", FONT)], ","),
                 (0.3, [("Ngày xuất ngũ: ", FONT), (_d(i.army_leave_date) or "…/…/……", FONT)]),
                 (0.36, [("Quân hàm cao nhất: ", FONT), (i.army_rank or "", FONT)])]))
    add(_Fields([(1.0, [("19) Danh hiệu được phong tặng cao nhất ", FONT), (i.highest_title or "", FONT)])]))
    add(_hint("(Anh hùng lao động, anh hùng lực lượng vũ trang; nhà giáo, thầy thuốc, nghệ sĩ nhân dân và ưu tú, …)"))
    add(_Fields([(1.0, [("20) Sở trường công tác: ", FONT), (i.strengths or "", FONT)])]))
    add(_Fields([(0.42, [("21) Khen thưởng: ", FONT), (_award_text(profile), FONT)], ","),
                 (0.58, [("22) Kỷ luật: ", FONT), (_discipline_text(profile), FONT)])]))
    add(_hint("(Hình thức cao nhất, năm nào)", "(về đảng, chính quyền, đoàn thể hình thức cao nhất, năm nào)",
              fractions=[0.42, 0.58]))
    add(_Fields([(0.37, [("23) Tình trạng sức khoẻ: ", FONT), (i.health or "", FONT)], ","),
                 (0.22, [("Chiều cao: ", FONT), (f"{i.height_cm} cm" if i.height_cm else "", FONT)], ","),
                 (0.22, [("Cân nặng: ", FONT), (f"{i.weight_kg} kg" if i.weight_kg else "", FONT)], ","),
                 (0.19, [("Nhóm máu: ", FONT), (i.blood_type or "", FONT)])]))
    add(_Fields([(0.42, [("24) Là thương binh hạng: ", FONT), (i.war_invalid_grade or "…/……", FONT)], ","),
                 (0.58, [("Là con gia đình chính sách: ", FONT), (i.policy_family or "", FONT)])]))
    add(_hint("", "(Con thương binh, con liệt sĩ, người nhiễm chất độc da cam Dioxin)", fractions=[0.42, 0.58]))
    add(_Fields([(0.62, [("25) Số chứng minh nhân dân: ", FONT), (i.id_number or "", FONT)]),
                 (0.38, [("Ngày cấp: ", FONT), (_d(i.id_issue_date) or "…/…/……", FONT)])]))
    add(_Fields([(1.0, [("26) Số sổ BHXH: ", FONT), (i.social_insurance_no or "", FONT)])]))
    add(Spacer(1, 6))

    # 27) training
    head27 = ["Tên trường", "Chuyên ngành đào tạo, bồi dưỡng", "Từ tháng, năm - đến tháng, năm",
              "Hình thức đào tạo", "Văn bằng, chứng chỉ, trình độ gì"]
    quals = sorted(profile.qualifications, key=lambda q: (q.start_date or q.end_date or date(q.year or 1900, 1, 1)))
    rows27: list[list[object]] = [head27] + [
        [q.institution, _major_text(q), _Centre(_period(q.start_date, q.end_date if not q.in_progress else None,
                                                        year=q.year)),
         _Centre(q.mode_label), _level_text(q)] for q in quals]
    rows27 += [["", "", _Centre(f"{GAP}-{GAP}"), "", ""] for _ in range(max(0, 4 - len(quals)))]
    # a heading never ends a page: at least a few rows follow it; long tables split with their header
    story += [CondPageBreak(45 * mm), _heading("27) Đào tạo, bồi dưỡng về chuyên môn, nghiệp vụ, lý luận chính trị, "
                                               "ngoại ngữ, tin học"), Spacer(1, 3),
              _grid(rows27, [90, 121, 105, 67, 87], width)]
    add(Spacer(1, 2))
    add(Paragraph("<b>Ghi chú:</b> Hình thức đào tạo: Chính quy, tại chức, chuyên tu, bồi dưỡng …/ Văn bằng: TSKH, "
                  "TS, Ths, Cử nhân, Kỹ sư …", _style("cv-note", HINT + 1, FONT, TA_LEFT)))
    add(Spacer(1, 8))

    # 28) work history
    head28 = ["Từ tháng, năm đến tháng, năm", "Chức danh, chức vụ, đơn vị công tác (đảng, chính quyền, đoàn thể, "
              "tổ chức xã hội), kể cả thời gian được đào tạo, bồi dưỡng về chuyên môn, nghiệp vụ,……"]
    rows28: list[list[object]] = [head28] + [[_Centre(p), text] for p, text in _work_lines(profile)]
    rows28 += [[_Centre(f"{GAP} - {GAP}"), ""] for _ in range(max(0, 3 - (len(rows28) - 1)))]
    story += [CondPageBreak(40 * mm), _heading("28) Tóm tắt quá trình công tác"), Spacer(1, 3),
              _grid(rows28, [120, 350], width)]
    add(Spacer(1, 8))

    # 29) personal history
    answers = _history_answers(i.history_notes)
    prompts = [
        "- Khai rõ: bị bắt, bị tù (từ ngày tháng năm nào đến ngày tháng năm nào, ở đâu), đã khai báo cho ai, những "
        "vấn đề gì? Bản thân có làm việc trong chế độ cũ (cơ quan, đơn vị nào, địa điểm, chức danh, chức vụ, thời "
        "gian làm việc …)",
        "- Tham gia hoặc có quan hệ với các tổ chức chính trị, kinh tế, xã hội nào ở nước ngoài (làm gì, tổ chức "
        "nào, đặt trụ sở ở đâu …?):",
        "- Có thân nhân (Cha, Mẹ, Vợ, Chồng, con, anh chị em ruột) ở nước ngoài (làm gì, địa chỉ …)?",
    ]
    block: list[Flowable] = [_heading("29) Đặc điểm lịch sử bản thân:")]
    prompt_style = _style("cv-prompt", SIZE, FONT, TA_JUSTIFY, LEADING)
    for prompt, answer in zip(prompts, answers, strict=True):
        block.append(Paragraph(_esc(prompt), prompt_style))
        block.append(_Fields([(1.0, [(answer, FONT)])]))
        block.extend(_dotted_lines(1 if answer else 2))
    add(KeepTogether(block))
    add(Spacer(1, 8))

    # 30) family
    head30 = ["Mối quan hệ", "Họ và tên", "Năm sinh", "Quê quán, nghề nghiệp, chức danh, chức vụ, đơn vị công tác, "
              "học tập, nơi ở (trong, ngoài nước); thành viên các tổ chức chính trị - xã hội …)"]
    story += [CondPageBreak(50 * mm), _heading("30) Quan hệ gia đình")]
    for side, title in (("self", "a) Về bản thân: Cha, Mẹ, Vợ (hoặc chồng), các con, anh chị em ruột"),
                        ("spouse", "b) Về bên vợ (hoặc chồng): Cha, Mẹ, anh chị em ruột")):
        members = [f for f in profile.family if f.side == side]
        rows30: list[list[object]] = [head30] + [
            [f.relation, f.full_name, _Centre(str(f.birth_year or "")), f.details] for f in members]
        rows30 += [["", "", "", ""] for _ in range(max(0, 2 - len(members)))]
        story += [CondPageBreak(35 * mm),
                  Paragraph(_esc(title), _style("cv-sub", SIZE, FONT_BOLD_ITALIC, TA_LEFT, LEADING)), Spacer(1, 3),
                  _grid(rows30, [54, 116, 58, 243], width)]
        add(Spacer(1, 6))

    # 31) salary grid, 9 columns a block
    block = [_heading("31) Diễn biến quá trình lương của cán bộ, công chức"), Spacer(1, 3)]
    salary = list(profile.salary_steps)
    chunks = [salary[k:k + 9] for k in range(0, len(salary), 9)] or [[]]
    grids: list[Flowable] = []
    for chunk in chunks:
        pad = 9 - len(chunk)
        rows31: list[list[object]] = [
            ["Tháng/năm", *[_Centre(_m(s.effective_date)) for s in chunk], *[""] * pad],
            ["Mã ngạch/bậc", *[_Centre(f"{s.rank_code}/{s.step}") for s in chunk], *[""] * pad],
            ["Hệ số lương", *[_Centre(fmt_decimal(s.coefficient)) for s in chunk], *[""] * pad],
        ]
        grids += [_grid(rows31, [85] + [42.8] * 9, width, header_rows=0, bold_first_col=True, repeat=False,
                        size=9.5),
                  Spacer(1, 4)]
    add(KeepTogether(block + grids[:2]))
    for k in range(2, len(grids), 2):  # a grid's three lines never part (its months away from its coefficients)
        add(KeepTogether(grids[k:k + 2]))
    add(Spacer(1, 6))

    # 32) assessment, then the signatures: one block, so the last page never holds the signatures alone
    add(KeepTogether([_heading("32) Nhận xét, đánh giá của cơ quan, đơn vị quản lý và sử dụng cán bộ, công chức"),
                      *_dotted_lines(6), Spacer(1, 8), *_closing(profile, ctx, width)]))

    for flowable in story:
        doc.flowable(flowable)
    return doc.build(target)


def _place_line(label: str, value: str | None) -> Flowable:
    if value:
        return _Fields([(1.0, [(label, FONT), (value, FONT)])])
    return _Fields([(0.36, [(label + "Xã ", FONT)]), (0.32, [(", Huyện ", FONT)]), (0.32, [(", Tỉnh ", FONT)])])


def _photo(profile: PersonProfile, width: float, height: float) -> Flowable:
    """The photo scaled into the 4x6 box, or the empty box with its caption."""
    if profile.photo:
        try:
            reader = ImageReader(io.BytesIO(profile.photo))
            iw, ih = reader.getSize()
            scale = min(width / iw, height / ih)
            return Image(io.BytesIO(profile.photo), width=iw * scale, height=ih * scale)
        except Exception:  # noqa: BLE001 - a damaged image prints the empty box rather than failing the form
            pass
    caption = Paragraph("Ảnh màu<br/>(4 x 6 cm)", _style("cv-photo", HINT, FONT, TA_CENTER))
    return Table([[caption]], colWidths=[width], rowHeights=[height],
                 style=TableStyle([("BOX", (0, 0), (-1, -1), LINE_WIDTH, "black"),
                                   ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("FONT", (0, 0), (-1, -1), FONT, HINT)]))


def _work_lines(profile: PersonProfile) -> list[tuple[str, str]]:
    """The person's own lines of item 28, or lines made from the employment periods and posts."""
    if profile.work_history:
        return [(_period(w.from_date, w.to_date), w.description) for w in profile.work_history]
    out: list[tuple[date, str, str]] = []
    for e in profile.employments:
        what = f"{e.category_label.split(' (')[0]}, {e.unit_name}"
        out.append((e.start_date, _period(e.start_date, e.end_date), what))
    for p in profile.posts:
        out.append((p.start_date, _period(p.start_date, p.end_date), f"{p.post_title} {p.unit_name}".strip()))
    return [(period, text) for _, period, text in sorted(out, key=lambda x: x[0])]


def _closing(profile: PersonProfile, ctx: CvContext, width: float) -> list[Flowable]:
    from hrapp.reports.format import BLANK

    if ctx.day is not None:
        month = f"{ctx.day.month:02d}" if ctx.day.month < 3 else str(ctx.day.month)  # NĐ 30/2020 Phụ lục I
        line = f"{ctx.place or BLANK * 2}, Ngày {ctx.day.day:02d} tháng {month} năm {ctx.day.year}"
    else:
        line = f"{ctx.place or '………………'}, Ngày……. tháng…… năm ………"
    italic = _style("cv-date", SIZE, FONT_ITALIC, TA_CENTER, LEADING)
    bold = _style("cv-sign", SIZE + 1, FONT_BOLD, TA_CENTER, LEADING)
    plain = _style("cv-sign-text", SIZE, FONT, TA_CENTER, LEADING)
    small = _style("cv-sign-cap", SIZE - 1, FONT_ITALIC, TA_CENTER, LEADING)
    left = [Paragraph("Người khai", bold),
            Paragraph("Tôi xin cam đoan những lời khai trên đây là đúng sự thật", plain),
            Paragraph("(Ký tên, ghi rõ họ tên)", small), Spacer(1, 22 * mm),
            Paragraph(_esc(profile.full_name), bold)]
    right = [Paragraph("Thủ trưởng cơ quan, đơn vị quản lý và sử dụng CBCC", bold),
             Paragraph("(Ký tên, đóng dấu)", small), Spacer(1, 22 * mm + LEADING),
             Paragraph(_esc(ctx.head_name), bold)]
    table = Table([[left, right]], colWidths=[width * 0.45, width * 0.55],
                  style=TableStyle([("FONT", (0, 0), (-1, -1), FONT, SIZE),
                                    ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 2),
                                    ("RIGHTPADDING", (0, 0), (-1, -1), 2)]))
    date_line = Table([["", Paragraph(_esc(line), italic)]], colWidths=[width * 0.45, width * 0.55],
                      style=TableStyle([("FONT", (0, 0), (-1, -1), FONT, SIZE), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                        ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return [date_line, Spacer(1, 3), table]


# ============================================================================================== service


def cv_context(ctx: ServiceContext, profile: PersonProfile, day: date | None = None) -> CvContext:
    """The managing body (the department, the root of the person's unit), the using unit, place, signer."""
    from sqlalchemy import select

    from hrapp.db.models import OrgUnit
    from hrapp.services.agency import get_agency

    agency = get_agency(ctx)
    with ctx.read() as s:
        units = {u.id: u for u in s.scalars(select(OrgUnit))}
    managing = ""
    using = ""
    unit = units.get(profile.unit_id) if profile.unit_id else None
    chain = []
    while unit is not None and unit.id not in {u.id for u in chain}:
        chain.append(unit)
        unit = units.get(unit.parent_id) if unit.parent_id else None
    if chain:
        managing = chain[-1].name
        using = ", ".join(u.name for u in chain[:-1]) or chain[0].name
        if len(chain) > 1:
            using = f"{using}, {chain[-1].name}"
    return CvContext(managing_body=managing or agency.name, using_body=using,
                     place=agency.place, day=day, head_name=agency.head_name)


@dataclass(frozen=True)
class CvData:
    person_id: int
    profile: PersonProfile
    context: CvContext
    masked: bool  # the role may not see personal data: it is masked on the printout


def cv_data(ctx: ServiceContext, person_id: int, day: date | None = None) -> CvData:
    from hrapp.masking import can_see_personal
    from hrapp.queries.person_profile import load_profile

    profile = load_profile(ctx, person_id)
    return CvData(person_id, profile, cv_context(ctx, profile, day), not can_see_personal(ctx))


def export_cv(ctx: ServiceContext, target: str | os.PathLike[str] | IO[bytes], person_id: int) -> int:
    """The catalogue's "cv" document (hrapp.reports.catalogue.export): the person's Sơ yếu lý lịch as PDF, personal
    data masked for roles that may not see it. Returns the page count."""
    from hrapp.reports.catalogue import export

    written = export(ctx, "cv", {"person": person_id}, target, fmt=".pdf").written
    assert isinstance(written, int)
    return written
