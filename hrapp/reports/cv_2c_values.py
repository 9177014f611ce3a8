"""The answers of the Sơ yếu lý lịch form (Mẫu 2C-BNV/2008) as the form words them, from a person's record:
dates, highest qualifications, awards, discipline, posts, allowances."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from hrapp import catalogs
from hrapp.queries.person_profile import PersonProfile, QualificationRow
from hrapp.reports.cv_2c_layout import GAP
from hrapp.reports.format import fmt_decimal
from hrapp.services.snapshot import EDU_RANK

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
