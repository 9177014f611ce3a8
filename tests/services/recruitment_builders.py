"""Builders for recruitment tests: a Discovery Centre with two approved positions, rounds and candidates."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from hrapp.context import ServiceContext
from hrapp.queries import recruitment as rq
from hrapp.queries.recruitment import CouncilMember, QualificationItem
from hrapp.services import recruitment as rec
from hrapp.services.decisions import DecisionInput
from hrapp.services.org import NewUnit, create_unit
from hrapp.services.positions import PositionInput, Requirements, approve_position, create_position

FOUNDED = date(2015, 1, 1)
PLAN_DAY = date(2022, 3, 4)
NOTICE = date(2022, 3, 10)


def dec(number: str, on: date, kind: str = "quyet_dinh", summary: str = "") -> DecisionInput:
    return DecisionInput(number=number, sign_date=on, signer="Nguyễn Văn Nường", issuer="Sở Khoa học và Công nghệ",
                         effective_date=on, summary=summary or None, kind=kind)


def centre(ctx: ServiceContext) -> dict[str, int]:
    """Sở → Trung tâm Khám phá khoa học và Đổi mới sáng tạo with two approved positions (QĐ 248, 23/01/2022)."""
    so = create_unit(ctx, NewUnit("SKHCN", "Sở Khoa học và Công nghệ", "so", None, dec("01/QĐ-UBND", FOUNDED))).id
    tt = create_unit(ctx, NewUnit("TTKP", "Trung tâm Khám phá khoa học và Đổi mới sáng tạo", "trung_tam", so,
                                  dec("02/QĐ-UBND", FOUNDED))).id
    it = create_position(ctx, PositionInput(
        unit_id=tt, code="KS-CNTT", name="Kỹ sư công nghệ thông tin", group="chuyen_nganh", number_needed=3,
        min_rank_code="V.05.02.07",
        requirements=Requirements(education_level="DH", major="Công nghệ thông tin; Kỹ thuật phần mềm"),
    )).id
    sci = create_position(ctx, PositionInput(
        unit_id=tt, code="NCV", name="Nghiên cứu viên truyền thông khoa học", group="chuyen_nganh",
        number_needed=2, min_rank_code="V.05.01.03",
        requirements=Requirements(education_level="DH", major="Vật lý; Hóa học", language="B1"),
    )).id
    approval = dec("248/QĐ-UBND", date(2022, 1, 23))
    approve_position(ctx, it, approval)
    approve_position(ctx, sci, approval)
    return {"SO": so, "TT": tt, "IT": it, "SCI": sci}


COUNCIL = (
    CouncilMember("Nguyễn Văn Nường", "Giám đốc Sở", "chu_tich"),
    CouncilMember("Trần Thị Thu Hà", "Phó Giám đốc Sở", "pho_chu_tich"),
    CouncilMember("Lê Minh Khoa", "Chánh Văn phòng Sở", "uy_vien_thu_ky"),
    CouncilMember("Phạm Quốc Bình", "Giám đốc Trung tâm", "uy_vien"),
    CouncilMember("Võ Thị Lan", "Trưởng phòng Quản lý khoa học", "uy_vien"),
)


def round_input(**kw: object) -> rec.RoundInput:
    base = rec.RoundInput(
        name="Xét tuyển viên chức năm 2022 – Trung tâm Khám phá khoa học và Đổi mới sáng tạo", year=2022,
        regime="nd115_2020", method="xet_tuyen",
        plan_decision=dec("148/KH-SKHCN", PLAN_DAY, "ke_hoach", "Kế hoạch tuyển dụng viên chức năm 2022"),
        notice_date=NOTICE, council=COUNCIL,
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def new_round(ctx: ServiceContext, org: dict[str, int], quotas: dict[str, int] | None = None,
              **kw: object) -> rq.RoundInfo:
    info = rec.create_round(ctx, round_input(**kw))
    for key, quota in (quotas or {"IT": 2, "SCI": 1}).items():
        info = rec.set_target(ctx, rec.TargetInput(info.id, org[key], quota, over_vacancy_reason="Bổ sung"))
    return info


def target_id(info: rq.RoundInfo, position_id: int) -> int:
    return next(t.id for t in info.targets if t.position_id == position_id)


_CCCD = iter(range(52_095_000_001, 52_095_999_999))


def form(name: str, prefs: tuple[int, ...], *, gender: str = "M", birth: date = date(1996, 5, 17),
         level: str = "DH", major: str = "Công nghệ thông tin", groups: tuple[str, ...] = (),
         quals: tuple[QualificationItem, ...] = (), cccd: str | None = None, **kw: object) -> rec.CandidateInput:
    return rec.CandidateInput(
        full_name=name, gender=gender, birth_date=birth, id_number=cccd or f"{next(_CCCD):012d}",
        preferences=prefs, education_level=level, major=major, institution="Trường Đại học Quy Nhơn",
        graduation_year=kw.pop("graduation_year", min(birth.year + 22, 2021)), priority_groups=groups, qualifications=quals, ethnicity="01",
        **kw,  # type: ignore[arg-type]
    )


ENGLISH_B1 = QualificationItem("ngoai_ngu", "B1", language="Tiếng Anh")


def advance(ctx: ServiceContext, round_id: int, to: str, day: date, **kw: object) -> rq.RoundInfo:
    return rec.change_status(ctx, rec.StatusChange(round_id, to, day, **kw))  # type: ignore[arg-type]


def deadline(info: rq.RoundInfo) -> date:
    assert info.application_deadline is not None
    return info.application_deadline


def to_round2(ctx: ServiceContext, info: rq.RoundInfo) -> rq.RoundInfo:
    """Open, start round 1 the day after the deadline, number the candidates, start round 2."""
    if info.status == "draft":
        advance(ctx, info.id, "open", NOTICE)
    advance(ctx, info.id, "round1", deadline(info) + timedelta(days=1))
    rec.assign_sbd(ctx, info.id)
    return advance(ctx, info.id, "round2", deadline(info) + timedelta(days=5))


def score_all(ctx: ServiceContext, round_id: int, scores: dict[int, str | None], part: str = "tong") -> None:
    entries = tuple(rec.ScoreEntry(cid, part, None if v is None else Decimal(v), absent=v is None)
                    for cid, v in scores.items())
    rec.enter_scores(ctx, rec.ScoreSheet(round_id, 2, entries))
