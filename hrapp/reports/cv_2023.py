"""Sơ yếu lý lịch of the national CBCCVC database, the form issued with Thông tư 06/2023/TT-BNV (04/5/2023): its
header lines, photo box, items 1)-31), the tables of sections 32)-37), the assessment and the signatures, worded
and ordered as the form, filled from a person's record; blanks keep the form's dotted lines. A4 portrait PDF."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date, timedelta
from typing import IO

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from hrapp import catalogs, clock
from hrapp.context import ServiceContext
from hrapp.queries.person_profile import PersonProfile, PostRow, QualificationRow
from hrapp.reports.catalogue import export
from hrapp.reports.cv_2c import CvContext, _photo
from hrapp.reports.cv_2c_layout import HINT, LEADING, SIZE, TABLE, _dotted_lines, _esc, _Fields, _style
from hrapp.reports.cv_2c_values import (
    _allowances,
    _birth_parts,
    _d,
    _highest,
    _history_answers,
    _level_text,
    _m,
    _major_text,
)
from hrapp.reports.document import FONT, FONT_BOLD, FONT_ITALIC, LINE_WIDTH, Margins, OfficialDocument
from hrapp.reports.format import fmt_decimal, vn_upper

__all__ = ["FORM_TITLE", "LEGAL_BASIS", "build_cv_2023", "export_cv_2023"]

FORM_TITLE = "MẪU SƠ YẾU LÝ LỊCH"
LEGAL_BASIS = "(Ban hành kèm theo Thông tư số 06/2023/TT-BNV ngày 04/5/2023 của Bộ trưởng Bộ Nội vụ)"
DAY_GAP = "…/…/……"
_SIDE = ("Từ", "Đến")
PERIOD = 9.0  # the month/year cells


# ============================================================================================== tables


def _table(head: Sequence[str], widths: Sequence[float], rows: Sequence[Sequence[str]], width: float, *,
           period: bool = True, blank_rows: int = 2) -> Table:
    """A bordered table of the form: with `period`, the first header cell 'Tháng/năm' spans two columns over 'Từ'
    and 'Đến', every other header cell spans both header rows; without, one header row."""
    size = TABLE - 0.5
    headc = _style(f"cv23-head-{size}", size, FONT_BOLD, TA_CENTER, size * 1.2)
    cell = _style(f"cv23-cell-{size}", size, FONT, TA_LEFT, size * 1.2)
    centre = _style("cv23-centre", PERIOD, FONT, TA_CENTER, size * 1.2)  # a month/year fits its narrow column
    first = _style(f"cv23-first-{size}", size, FONT, TA_CENTER, size * 1.2)  # a year, a relation
    ncols = len(widths)
    data: list[list[object]] = []
    spans: list[tuple[str, tuple[int, int], tuple[int, int]]] = []
    if period:
        data.append([Paragraph(_esc(head[0]), headc), ""] + [Paragraph(_esc(h), headc) for h in head[1:]])
        data.append([Paragraph(s, headc) for s in _SIDE] + [""] * (ncols - 2))
        spans.append(("SPAN", (0, 0), (1, 0)))
        spans += [("SPAN", (c, 0), (c, 1)) for c in range(2, ncols)]
        header_rows = 2
    else:
        data.append([Paragraph(_esc(h), headc) for h in head])
        header_rows = 1
    body = [list(r) for r in rows] + [["\u00a0"] * ncols for _ in range(max(0, blank_rows - len(rows)))]
    for row in body:
        data.append([Paragraph(_esc(str(v)), centre if period and c < 2 else first if c == 0 else cell)
                     for c, v in enumerate(row)])
    scale = width / sum(widths)
    style = TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT, size),
        ("GRID", (0, 0), (-1, -1), LINE_WIDTH, "black"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5), ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
        *([("LEFTPADDING", (0, 0), (1, -1), 1), ("RIGHTPADDING", (0, 0), (1, -1), 1)] if period else []),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        *spans,
    ])
    return Table(data, colWidths=[w * scale for w in widths], style=style, repeatRows=header_rows, hAlign="LEFT")


def _section(text: str) -> Paragraph:
    """A section heading 32)-38): bold and centred."""
    return Paragraph(_esc(text), _style("cv23-section", SIZE, FONT_BOLD, TA_CENTER, LEADING))


def _sub(text: str) -> Paragraph:
    """A sub-heading 32.1- …: left-aligned, not bold."""
    return Paragraph(_esc(text), _style("cv23-sub", SIZE, FONT, TA_LEFT, LEADING))


# ============================================================================================== values


def _quals(profile: PersonProfile, *kinds: str) -> list[QualificationRow]:
    rows = [q for q in profile.qualifications if q.kind in kinds]
    return sorted(rows, key=lambda q: q.start_date or q.end_date or date(q.year or 1900, 1, 1))


def _from_to(q: QualificationRow) -> list[str]:
    start = _m(q.start_date) if q.start_date else ""
    end = "nay" if q.in_progress else (_m(q.end_date) if q.end_date else (str(q.year) if q.year else ""))
    return [start, end]


def _current_posts(profile: PersonProfile, on: date) -> list[PostRow]:
    return [p for p in profile.posts if p.start_date <= on and (p.end_date is None or p.end_date >= on)]


def _post_text(p: PostRow) -> str:
    return f"{p.post_title} {p.unit_name}".strip()


def _appointed(profile: PersonProfile, post: PostRow) -> tuple[str, str]:
    """(ngày bổ nhiệm, ngày bổ nhiệm lại) of the post held: the first appointment to the same post, and the
    start of the current row when it is a re-appointment."""
    same = sorted((p for p in profile.posts if p.post_code == post.post_code and p.start_date <= post.start_date),
                  key=lambda p: p.start_date)
    first = next((p for p in same if p.kind == "bo_nhiem"), same[0] if same else post)
    again = post.start_date if post.kind == "bo_nhiem_lai" else None
    return _d(first.start_date), _d(again) if again else ""


def _policy(profile: PersonProfile) -> str:
    i = profile.identity
    parts = []
    if i.war_invalid_grade:
        parts.append(f"Thương binh hạng {i.war_invalid_grade}")
    if i.policy_family:
        parts.append(i.policy_family)
    return "; ".join(parts)


def _work_rows(profile: PersonProfile) -> list[list[str]]:
    """Section 33: the person's own lines, or lines made from the employment periods and posts."""
    if profile.work_history:
        return [[_m(w.from_date), _m(w.to_date) if w.to_date else "nay", w.description, ""]
                for w in profile.work_history]
    out: list[tuple[date, list[str]]] = []
    for e in profile.employments:
        out.append((e.start_date, [_m(e.start_date), _m(e.end_date) if e.end_date else "nay", e.unit_name,
                                   e.position_name or e.category_label.split(" (")[0]]))
    for p in profile.posts:
        out.append((p.start_date, [_m(p.start_date), _m(p.end_date) if p.end_date else "nay", p.unit_name,
                                   p.post_title]))
    return [row for _, row in sorted(out, key=lambda x: x[0])]


_EMULATION = ("thi đua", "tiên tiến", "xuất sắc")


def _merit_rows(profile: PersonProfile) -> list[list[str]]:
    """Section 35.1 by year: the evaluation rating, the emulation title, the other awards."""
    years: dict[int, list[list[str]]] = {}
    for e in profile.evaluations:
        years.setdefault(e.year, [[], [], []])[0].append(e.rating_label)
    for a in profile.awards:
        slot = 1 if any(k in a.form.lower() for k in _EMULATION) else 2
        years.setdefault(a.award_date.year, [[], [], []])[slot].append(a.form)
    return [[str(y), *("; ".join(v) for v in years[y])] for y in sorted(years)]


def _salary_rows(profile: PersonProfile) -> list[list[str]]:
    steps = list(profile.salary_steps)
    rows = []
    for k, s in enumerate(steps):
        end = steps[k + 1].effective_date - timedelta(days=1) if k + 1 < len(steps) else None
        rows.append([_m(s.effective_date), _m(end) if end else "nay", s.rank_code, str(s.step),
                     fmt_decimal(s.coefficient), ""])
    return rows


def _allowance_rows(profile: PersonProfile) -> list[list[str]]:
    return [[_m(a.effective_date), _m(a.end_date) if a.end_date else "nay", a.kind_label,
             f"{fmt_decimal(a.percent, None)}%" if a.percent is not None else "",
             fmt_decimal(a.coefficient) if a.coefficient is not None else "", "", ""]
            for a in sorted(profile.allowances, key=lambda a: a.effective_date)]


# ============================================================================================== the form


def build_cv_2023(target: str | os.PathLike[str] | IO[bytes], profile: PersonProfile, ctx: CvContext,
                  on: date | None = None) -> int:
    """Write the TT 06/2023 form for one person; `on` is the day the current state is read (default today)."""
    on = on or clock.today()
    doc = OfficialDocument(None, signatures=[], margins=Margins(top=20, bottom=20, left=30, right=15))
    width = doc.text_width
    i = profile.identity
    story: list[Flowable] = []
    add = story.append

    add(Paragraph(f"<b>{FORM_TITLE}</b>", _style("cv23-form", 13, FONT_BOLD, TA_CENTER, 16)))
    add(Paragraph(_esc(LEGAL_BASIS), _style("cv23-basis", SIZE - 1, FONT_ITALIC, TA_CENTER, LEADING)))
    add(Spacer(1, 8))
    add(_Fields([(1.0, [("Cơ quan quản lý cán bộ, công chức, viên chức: ", FONT),
                        (i.managing_agency or ctx.managing_body, FONT)])]))
    add(_Fields([(1.0, [("Cơ quan, đơn vị sử dụng cán bộ, công chức, viên chức: ", FONT), (ctx.using_body, FONT)])]))
    add(_Fields([(1.0, [("Số hiệu: ", FONT), (i.staff_code or "", FONT)])]))
    add(_Fields([(1.0, [("Mã số định danh: ", FONT), (i.personal_id or i.id_number or "", FONT)])]))
    add(Spacer(1, 6))

    # photo table: the photo over rows 0-3, the title and items 1)-3) beside it, items 4)-5) across
    day, month, year = _birth_parts(profile)
    gender = {"M": "Nam", "F": "Nữ"}.get(i.gender, "")
    left_w = width * 1417 / (1417 + 7927)
    photo_w, photo_h = min(left_w - 2 * mm, 30 * mm), 40 * mm
    title = Paragraph("<b>SƠ YẾU LÝ LỊCH</b>", _style("cv23-title", 14, FONT_BOLD, TA_CENTER, 18))
    rows: list[list[object]] = [
        [_photo(profile, photo_w, photo_h), title],
        ["", _Fields([(0.77, [("1) Họ và tên khai sinh (viết chữ in hoa): ", FONT),
                              (vn_upper(i.full_name), FONT_BOLD)], ".", False),
                      (0.23, [("Giới tính: ", FONT), (gender, FONT)])])],
        ["", _Fields([(1.0, [("2) Các tên gọi khác: ", FONT), (i.other_names or "", FONT)])])],
        ["", _Fields([(1.0, [("3) Sinh ngày: ", FONT), (day or "……", FONT), (" tháng ", FONT),
                             (month or "……", FONT), (" năm ", FONT), (year or "………", FONT)], "", False)])],
        [_Fields([(1.0, [("4) Nơi sinh: ", FONT), (i.birth_place or "", FONT)])]), ""],
        [_Fields([(1.0, [("5) Quê quán (xã, phường): …….. (huyện, quận): …… (tỉnh, TP): ", FONT)])])
         if not i.home_town else _Fields([(1.0, [("5) Quê quán (xã, phường), (huyện, quận), (tỉnh, TP): ", FONT),
                                                 (i.home_town, FONT)])]), ""],
    ]
    box = Table(rows, colWidths=[left_w, width - left_w], hAlign="LEFT", style=TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT, SIZE), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("VALIGN", (0, 0), (0, 3), "TOP"),
        ("SPAN", (0, 0), (0, 3)), ("SPAN", (0, 4), (1, 4)), ("SPAN", (0, 5), (1, 5)),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (1, 0), (1, 0), 6)]))
    add(box)

    # items 6)-31)
    line = _Fields
    add(line([(1.0, [("6) Dân tộc: ", FONT), (catalogs.label("ethnicity", i.ethnicity), FONT)])]))
    add(line([(1.0, [("7) Tôn giáo: ", FONT), (catalogs.label("religion", i.religion), FONT)])]))
    add(line([(0.44, [("8) Số CCCD: ", FONT), (i.id_number or "", FONT)]),
              (0.27, [("Ngày cấp: ", FONT), (_d(i.id_issue_date) or DAY_GAP, FONT)], "", False),
              (0.29, [("SĐT liên hệ: ", FONT), (i.phone or "", FONT)])]))
    add(line([(0.45, [("9) Số BHXH: ", FONT), (i.social_insurance_no or "", FONT)]),
              (0.55, [("Số thẻ BHYT: ", FONT), (i.health_insurance_no or "", FONT)])]))
    add(line([(1.0, [("10) Nơi ở hiện nay: ", FONT), (i.current_address or "", FONT)])]))
    add(line([(1.0, [("11) Thành phần gia đình xuất thân: ", FONT), (i.family_background or "", FONT)])]))
    add(line([(1.0, [("12) Nghề nghiệp trước khi được tuyển dụng: ", FONT),
                     (i.occupation_at_recruitment or "", FONT)])]))
    first = next((e for e in profile.employments if e.recruitment_date), None)
    add(line([(1.0, [("13) Ngày được tuyển dụng lần đầu: ", FONT),
                     ((_d(first.recruitment_date) if first else "") or DAY_GAP, FONT),
                     ("  Cơ quan, tổ chức, đơn vị tuyển dụng: ", FONT),
                     (first.recruitment_agency if first else "", FONT)])]))
    joined = profile.employments[0].start_date if profile.employments else None
    add(line([(1.0, [("14) Ngày vào cơ quan hiện đang công tác: ", FONT), (_d(joined), FONT)])]))
    add(line([(1.0, [("15) Ngày vào Đảng Cộng sản Việt Nam: ", FONT), (_d(i.party_join_date) or DAY_GAP, FONT),
                     ("  Ngày chính thức: ", FONT), (_d(i.party_official_date) or DAY_GAP, FONT)])], fill=False))
    add(line([(1.0, [("16) Ngày tham gia tổ chức chính trị-xã hội đầu tiên (ngày vào Đoàn TNCSHCM, Công đoàn, "
                      "Hội): ", FONT), (i.union_join_info or "", FONT)])]))
    add(line([(1.0, [("17) Ngày nhập ngũ: ", FONT), (_d(i.army_join_date) or DAY_GAP, FONT),
                     ("  Ngày xuất ngũ: ", FONT), (_d(i.army_leave_date) or DAY_GAP, FONT),
                     ("  Quân hàm cao nhất: ", FONT), (i.army_rank or "", FONT)])]))
    add(line([(1.0, [("18) Đối tượng chính sách: ", FONT), (_policy(profile), FONT)])]))
    add(line([(1.0, [("19) Trình độ giáo dục phổ thông (đã tốt nghiệp lớp mấy/thuộc hệ nào): ", FONT),
                     (i.general_education or "", FONT)])]))
    top = _highest(profile.qualifications, "chuyen_mon")
    add(line([(1.0, [("20) Trình độ chuyên môn cao nhất: ", FONT),
                     (f"{top.level_label} {top.major}".strip() if top else "", FONT)])]))
    academic = _highest(profile.qualifications, "hoc_ham")
    add(line([(1.0, [("21) Học hàm: ", FONT), (academic.level_label if academic else "", FONT)])]))
    add(line([(1.0, [("22) Danh hiệu nhà nước phong tặng: ", FONT), (i.highest_title or "", FONT)])]))
    live = _current_posts(profile, on)
    main = [p for p in live if not p.is_concurrent]
    extra = [p for p in live if p.is_concurrent]
    appointed, again = _appointed(profile, main[-1]) if main else ("", "")
    add(line([(1.0, [("23) Chức vụ hiện tại: ", FONT), (", ".join(_post_text(p) for p in main), FONT)])]))
    add(line([(1.0, [("Ngày bổ nhiệm/ngày phê chuẩn: ", FONT), (appointed or DAY_GAP, FONT),
                     ("  Ngày bổ nhiệm lại/phê chuẩn nhiệm kỳ tiếp theo: ", FONT), (again or DAY_GAP, FONT)])],
             fill=False))
    add(line([(1.0, [("24) Được quy hoạch chức danh: ", FONT)])]))
    add(line([(1.0, [("25) Chức vụ kiêm nhiệm: ", FONT), (", ".join(_post_text(p) for p in extra), FONT)])]))
    add(line([(1.0, [("26) Chức vụ Đảng hiện tại: ", FONT), (i.party_post or "", FONT)])]))
    add(line([(1.0, [("27) Chức vụ Đảng kiêm nhiệm: ", FONT), (i.party_concurrent_post or "", FONT)])]))
    add(line([(1.0, [("28) Công việc chính được giao: ", FONT), (i.main_duties or "", FONT)])]))
    add(line([(0.5, [("29) Sở trường công tác: ", FONT), (i.strengths or "", FONT)]),
              (0.5, [("Công việc làm lâu nhất ", FONT), (i.longest_work or "", FONT)])]))

    # 30) salary
    steps = [s for s in profile.salary_steps if s.effective_date <= on]
    step = steps[-1] if steps else None
    rank = next((r for r in reversed(profile.ranks) if r.effective_date <= on), None)
    position, other = _allowances(profile, on)
    concurrent = next((fmt_decimal(a.coefficient) for a in profile.allowances if a.kind == "kiem_nhiem"
                       and a.effective_date <= on and (a.end_date is None or a.end_date >= on) and a.coefficient),
                      "")
    job = profile.current_employment
    add(line([(1.0, [("30) Tiền lương", FONT)])], fill=False))
    add(line([(0.68, [("30.1) Ngạch/chức danh nghề nghiệp: ", FONT), (profile.rank_name, FONT)]),
              (0.32, [("Mã số: ", FONT), (profile.rank_code or "", FONT)])]))
    add(line([(1.0, [("Ngày bổ nhiệm ngạch/chức danh nghề nghiệp: ", FONT),
                     ((_d(rank.effective_date) if rank else "") or DAY_GAP, FONT)], "", False)]))
    add(line([(0.3, [("Bậc lương: ", FONT), (str(step.step) if step else "", FONT)]),
              (0.3, [("Hệ số: ", FONT), (fmt_decimal(step.coefficient) if step else "", FONT)]),
              (0.4, [("Ngày hưởng: ", FONT), ((_d(step.effective_date) if step else "") or DAY_GAP, FONT)], "",
               False)]))
    pct = f"{step.percent}" if step else "...."
    tnvk = f"{step.pctnvk_percent}" if step and step.pctnvk_percent else "..."
    tnvk_day = _d(step.pctnvk_since) if step and step.pctnvk_percent and step.pctnvk_since else ".../.../..."
    add(line([(1.0, [(f"Phần trăm hưởng: {pct}%; Phụ cấp thâm niên vượt khung: {tnvk}%; Ngày hưởng PCTNVK: "
                      f"{tnvk_day}", FONT)])], fill=False))
    add(line([(0.34, [("30.2) Phụ cấp chức vụ: ", FONT), (position, FONT)]),
              (0.3, [("Phụ cấp kiêm nhiệm ", FONT), (concurrent, FONT)]),
              (0.36, [("Phụ cấp khác ", FONT), (other, FONT)])]))
    add(line([(0.68, [("30.3) Vị trí việc làm: ", FONT), (job.position_name if job else "", FONT)]),
              (0.32, [("Mã số: ", FONT)])]))
    add(line([(0.3, [("Bậc lương ", FONT)]), (0.4, [("Lương theo mức tiền: ", FONT)], "vnđ."),
              (0.3, [("Ngày hưởng: ", FONT), (DAY_GAP, FONT)], "", False)]))
    add(line([(1.0, [("Phần trăm hưởng:...%; Phụ cấp thâm niên vượt khung:..%; Ngày hưởng PCTNVK: …/…/…", FONT)])],
             fill=False))
    add(line([(1.0, [("31) Tình trạng sức khoẻ: ", FONT), (i.health or "", FONT)])]))
    add(line([(0.34, [("Chiều cao: ", FONT), (str(i.height_cm) if i.height_cm else "", FONT)], " cm,"),
              (0.34, [("Cân nặng: ", FONT), (str(i.weight_kg) if i.weight_kg else "", FONT)], " kg,"),
              (0.32, [("Nhóm máu: ", FONT), (i.blood_type or "", FONT)])]))
    add(Spacer(1, 8))

    # 32) training
    def tail(block: list[Flowable]) -> None:
        story.extend([CondPageBreak(35 * mm), *block, Spacer(1, 5)])

    tail([_section("32) QUÁ TRÌNH ĐÀO TẠO, BỒI DƯỠNG"), Spacer(1, 3),
          _sub("32.1- Chuyên môn (từ trung cấp trở lên cả trong nước và nước ngoài)"),
          _table(["Tháng/năm", "Tên cơ sở đào tạo", "Chuyên ngành đào tạo", "Hình thức đào tạo", "Văn bằng, trình độ"],
                 [763, 763, 2193, 3052, 1239, 1334],
                 [[*_from_to(q), q.institution, _major_text(q), q.mode_label, _level_text(q)]
                  for q in _quals(profile, "chuyen_mon")], width)])
    tail([_sub("32.2- Lý luận chính trị"),
          _table(["Tháng/năm", "Tên cơ sở đào tạo", "Hình thức đào tạo", "Văn bằng được cấp"],
                 [763, 763, 5245, 1239, 1334],
                 [[*_from_to(q), q.institution, q.mode_label, _level_text(q)] for q in _quals(profile, "llct")],
                 width)])
    three = [763, 762, 5244, 2575]
    for title, kind in (("32.3- Bồi dưỡng quản lý nhà nước/ chức danh nghề nghiệp/ nghiệp vụ chuyên ngành", "qlnn"),
                        ("32.4- Bồi dưỡng kiến thức an ninh, quốc phòng", "qpan"), ("32.5- Tin học", "tin_hoc")):
        tail([_sub(title), _table(["Tháng/năm", "Tên cơ sở đào tạo", "Chứng chỉ được cấp"], three,
                                  [[*_from_to(q), q.institution, _level_text(q)] for q in _quals(profile, kind)],
                                  width)])
    tail([_sub("32.6- Ngoại ngữ/ tiếng dân tộc"),
          _table(["Tháng/năm", "Tên cơ sở đào tạo", "Tên ngoại ngữ/ tiếng dân tộc", "Chứng chỉ được cấp", "Điểm số"],
                 [572, 762, 2575, 2385, 1811, 1239],
                 [[*_from_to(q), q.institution, q.language, q.level_label, ""]
                  for q in _quals(profile, "ngoai_ngu")], width)])

    # 33) work history
    tail([_section("33) TÓM TẮT QUÁ TRÌNH CÔNG TÁC"), Spacer(1, 3),
          _table(["Tháng/ năm", "Đơn vị công tác (đảng, chính quyền, đoàn thể, tổ chức xã hội)", "Chức danh/ chức vụ"],
                 [1144, 1239, 4386, 2575], _work_rows(profile), width, blank_rows=3)])

    # 34) personal history
    answers = _history_answers(i.history_notes)
    tail([_section("34) ĐẶC ĐIỂM LỊCH SỬ BẢN THÂN"), Spacer(1, 3),
          _Fields([(1.0, [("34.1- Khai rõ: bị bắt, bị tù (từ ngày tháng năm nào đến ngày tháng năm nào, ở đâu?), đã "
                           "khai báo cho ai, những vấn đề gì?: ", FONT), (answers[0], FONT)])]),
          Spacer(1, 3), _sub("34.2- Bản thân có làm việc cho chế độ cũ"),
          _table(["Tháng/ năm", "Chức danh, chức vụ, đơn vị, địa điểm đã làm việc"], [755, 755, 7834], [], width)])
    tail([_sub("34.3-Tham gia hoặc có quan hệ với các tổ chức chính trị, kinh tế, xã hội ... ở nước ngoài"),
          _table(["Tháng/năm", "Tên tổ chức, địa chỉ trụ sở, công việc đã làm"], [755, 755, 7834],
                 [["", "", answers[1]]] if answers[1] else [], width)])

    # 35) awards and discipline
    tail([_section("35) KHEN THƯỞNG, KỶ LUẬT"), Spacer(1, 3), _sub("35.1- Thành tích thi đua, khen thưởng"),
          _table(["Năm", "Xếp loại chuyên môn", "Xếp loại thi đua", "Hình thức khen thưởng"], [761, 3242, 2861, 2480],
                 _merit_rows(profile), width, period=False)])
    tail([_sub("35.2-Kỷ luật Đảng/hành chính"),
          _table(["Tháng/năm", "Hình thức", "Hành vi vi phạm chính", "Cơ quan quyết định"],
                 [754, 849, 2454, 3115, 2172],
                 [[_m(d.effect_from), _m(d.effect_to) if d.effect_to else "", d.form_label, d.reason,
                   (d.decision.issuer or "") if d.decision else ""] for d in profile.disciplines], width)])

    # 36) family
    head36 = ["Mối quan hệ", "Họ và tên", "Năm sinh",
              "Quê quán, nghề nghiệp, chức danh, chức vụ, đơn vị công tác, học tập, nơi ở (trong, ngoài nước); thành "
              "viên các tổ chức chính trị - xã hội (trong, ngoài nước); làm việc cho chế độ cũ, tiền án, tiền sự (nếu "
              "có)"]
    for n, (side, title, widths) in enumerate((
            ("self", "36.1- Về bản thân: Cha, Mẹ, Vợ (hoặc chồng), các con, anh chị em ruột", [859, 2098, 667, 5720]),
            ("spouse", "36.2- Cha, Mẹ, anh chị em ruột (bên vợ hoặc chồng)", [763, 1335, 954, 6292]))):
        members = [[f.relation, f.full_name, str(f.birth_year or ""), f.details] for f in profile.family
                   if f.side == side]
        tail([*([_section("36) QUAN HỆ GIA ĐÌNH"), Spacer(1, 3)] if n == 0 else []), _sub(title),
              _table(head36, widths, members, width, period=False)])

    # 37) the family's economy
    tail([_section("37) HOÀN CẢNH KINH TẾ GIA ĐÌNH"), Spacer(1, 3), _sub("37.1- Quá trình lương của bản thân"),
          _table(["Tháng/năm", "Mã số", "Bậc lương", "Hệ số lương", "Tiền lương theo vị trí việc làm"],
                 [754, 849, 1698, 1699, 2172, 2172], _salary_rows(profile), width)])
    tail([_sub("37.2- Các loại phụ cấp khác"),
          _table(["Tháng/năm", "Loại phụ cấp", "Phần trăm hưởng", "Hệ số", "Hình thức hưởng", "Giá trị (đồng)"],
                 [770, 867, 2022, 1734, 1445, 1157, 1349], _allowance_rows(profile), width)])
    income: list[Flowable] = [_sub("37.3- Nguồn thu nhập chính của gia đình hàng năm")]
    for text in ("- Tiền lương: ", "- Các nguồn khác: "):
        income.append(_Fields([(1.0, [(text, FONT)])]))
    income.append(_Fields([(1.0, [("- Nhà ở:", FONT)])], fill=False))
    for kind in ("+ Được cấp, được thuê (loại nhà): ", "+ Nhà tự mua, tự xây (loại nhà): "):
        income.append(_Fields([(0.62, [(kind, FONT)], ","),
                               (0.38, [("tổng diện tích sử dụng: ", FONT)], "m2.")]))
        income.append(_Fields([(1.0, [("Giấy chứng nhận quyền sở hữu: ", FONT)])]))
    income.append(_Fields([(1.0, [("- Đất ở:", FONT)])], fill=False))
    for kind in ("+ Đất được cấp: ", "+ Đất tự mua: "):
        income.append(_Fields([(1.0, [(kind, FONT)], " m2.")]))
        income.append(_Fields([(1.0, [("Giấy chứng nhận quyền sử dụng: ", FONT)])]))
    income.append(_Fields([(1.0, [("- Đất sản xuất kinh doanh: ", FONT)])]))
    income.extend(_dotted_lines(2))
    add(KeepTogether(income))
    add(Spacer(1, 8))

    # 38) assessment and signatures, kept together
    add(KeepTogether([_section("38) NHẬN XÉT, ĐÁNH GIÁ CỦA CƠ QUAN, TỔ CHỨC, ĐƠN VỊ SỬ DỤNG"), *_dotted_lines(4),
                      Spacer(1, 8), _closing(profile, ctx, width)]))

    for flowable in story:
        doc.flowable(flowable)
    return doc.build(target)


def _closing(profile: PersonProfile, ctx: CvContext, width: float) -> Table:
    """Two equal borderless columns: the declarant on the left, the date and the managing body on the right."""
    if ctx.day is not None:
        month = f"{ctx.day.month:02d}" if ctx.day.month < 3 else str(ctx.day.month)  # NĐ 30/2020 Phụ lục I
        dated = f"{ctx.place or '……'}, Ngày {ctx.day.day:02d} tháng {month} năm {ctx.day.year}"
    else:
        dated = f"{ctx.place or '……'}, Ngày … tháng … năm 20……"
    bold = _style("cv23-sign", SIZE, FONT_BOLD, TA_CENTER, LEADING)
    plain = _style("cv23-sign-text", SIZE, FONT, TA_CENTER, LEADING)
    italic = _style("cv23-sign-date", SIZE, FONT_ITALIC, TA_CENTER, LEADING)
    small = _style("cv23-sign-cap", HINT + 1.5, FONT_ITALIC, TA_CENTER, LEADING)
    rows = [
        [Paragraph("Người khai", bold), Paragraph(_esc(dated), italic)],
        [Paragraph("Tôi xin cam đoan những lời khai trên đây là đúng sự thật", plain),
         Paragraph("Xác nhận của cơ quan, đơn vị quản lý cán bộ, công chức, viên chức", bold)],
        [Paragraph("(Ký tên, ghi rõ họ tên)", small), Paragraph("(Ký tên, đóng dấu)", small)],
        [Spacer(1, 22 * mm), Spacer(1, 22 * mm)],
        [Paragraph(_esc(profile.full_name), bold), Paragraph(_esc(ctx.head_name), bold)],
    ]
    return Table(rows, colWidths=[width / 2, width / 2], style=TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT, SIZE), ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2), ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))


# ============================================================================================== service


def export_cv_2023(ctx: ServiceContext, target: str | os.PathLike[str] | IO[bytes], person_id: int) -> int:
    """The catalogue's "cv_2023" document: the person's Sơ yếu lý lịch on the TT 06/2023/TT-BNV form as PDF,
    personal data masked for roles that may not see it. Returns the page count."""
    written = export(ctx, "cv_2023", {"person": person_id}, target, fmt=".pdf").written
    assert isinstance(written, int)
    return written
