"""The one catalogue of the agency's documents, and the one way any of them is exported.

A document is declared once (`Document`): its key, its Vietnamese (and English) title and description, the
parameters it asks for (typed, so the command line, the Reports page and the area pages can all ask for them),
the formats it is written in, the permission it needs, `gather` (a query taking ctx first) and one write function
per format. `export(ctx, key, params, target)` is the one use case: permission, format by the file's suffix, the
data, the agency's letterhead, progress and cancel, and the audit row before the file (`write_audited`).

To add a document: write its gather and write functions in its module and add one `Document` to CATALOGUE; the
command line (`report KEY`), the Reports page and `export` pick it up.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from hrapp import clock, lazy
from hrapp.db.audit import record
from hrapp.errors import ValidationError
from hrapp.masking import record_personal_output
from hrapp.security import READ, require

if TYPE_CHECKING:
    from hrapp.context import ServiceContext
    from hrapp.reports.document import CancelCallback, Letterhead, ProgressCallback


_document = lazy.module("hrapp.reports.document")
_letterhead = lazy.module("hrapp.reports.letterhead")
_output = lazy.module("hrapp.reports.output")

__all__ = ["CATALOGUE", "AuditRow", "Document", "Exported", "Job", "Param", "document", "export", "output_suffix"]

PRINTED = (".pdf", ".xlsx")
"""The formats that carry the agency's letterhead."""

# The kinds of parameter a document may ask for (what a value is, how the command line and the page ask for it)
DATE, YEAR, FLAG, LAYOUT, UNIT, CATEGORY, POSITION, PERSON, PERIOD, REVIEW, ROUND, PLAN, RANK = (
    "date", "year", "flag", "layout", "unit", "category", "position", "person", "period", "review", "round", "plan",
    "rank")
KINDS = (DATE, YEAR, FLAG, LAYOUT, UNIT, CATEGORY, POSITION, PERSON, PERIOD, REVIEW, ROUND, PLAN, RANK)


@dataclass(frozen=True)
class Param:
    """One parameter of a document: its name (the keyword `gather` takes), its kind, and whether it is needed.
    A CATEGORY parameter takes a list of category codes (None: every category); a UNIT one a unit code (None: all
    the units the account may see); PERIOD a planning period (id or code); PLAN a training plan's year."""

    name: str
    kind: str
    required: bool = False
    vi: str = ""  # what it is, for the command line's help
    en: str = ""


@dataclass(frozen=True)
class Job:
    """What one export was asked for: the parameters' values, the format and the file, the printing day."""

    values: Mapping[str, Any]
    suffix: str
    target_name: str
    printed_on: date | None = None
    progress: ProgressCallback | None = None
    cancel: CancelCallback | None = None

    @property
    def day(self) -> date:
        """The date line's day: the one asked for, else today."""
        return self.printed_on or clock.today()


Writer = Callable[[IO[bytes], Any, "Letterhead | None", Job], object]
"""Writes the gathered data to the stream in one format: (stream, data, letterhead or None, job) -> anything."""
@dataclass(frozen=True)
class AuditRow:
    """The audit row an export records (hrapp.db.audit.record) before its file appears."""

    action: str  # "export" or "print"
    entity: str
    entity_id: str | None
    summary: str


@dataclass(frozen=True)
class PersonalOutput:
    """The audit row of a printout of people's personal data (hrapp.masking.record_personal_output)."""

    action: str
    what: str
    person_ids: tuple[int, ...]
    masked: bool


Auditor = Callable[[Any, Job], "AuditRow | PersonalOutput"]
"""What the export of the gathered data records."""


def agency(kind: str | None = None) -> Callable[[ServiceContext, Any], Letterhead]:
    """The agency as issuer, with the number line of `kind` ('DS', 'BC', 'KH' …; None: no number line)."""
    return lambda ctx, _data: _letterhead.letterhead_for(ctx, kind)


def no_letterhead(_ctx: ServiceContext, _data: Any) -> None:
    return None


@dataclass(frozen=True)
class Document:
    key: str
    group: str  # org, records, benefits, recruitment, planning, training
    title: str  # Vietnamese
    description: str  # Vietnamese, one line
    title_en: str
    description_en: str
    params: tuple[Param, ...]
    gather: Callable[..., Any]  # gather(ctx, **values) -> data
    write: Mapping[str, Writer]  # suffix -> writer; its keys are the formats, in the order offered
    audit: Auditor
    file_stem: str  # the default file name, without suffix
    permission: str = READ
    letterhead: Callable[[ServiceContext, Any], Letterhead | None] = field(default=agency())
    large: bool = False  # tens of thousands of rows: the garbage collector waits until the file is written

    @property
    def formats(self) -> tuple[str, ...]:
        return tuple(self.write)

    @property
    def cli_name(self) -> str:
        return self.key.replace("_", "-")

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


@dataclass(frozen=True)
class Exported:
    """What an export made: the gathered data and what the writer returned (a PDF's page count for some)."""

    data: Any
    written: object


def output_suffix(target: str | os.PathLike[str] | IO[bytes], formats: tuple[str, ...]) -> str:
    """The format the file's suffix names, refused when the document is not written in it."""
    suffix = Path(str(target)).suffix.lower() if isinstance(target, str | os.PathLike) else ""
    if suffix not in formats:
        raise ValidationError([("out", f"Định dạng '{suffix or '(không có)'}' không hỗ trợ; dùng "
                                       f"{', '.join(formats)}.")])
    return suffix


def export(ctx: ServiceContext, key: str, params: Mapping[str, Any], target: str | os.PathLike[str] | IO[bytes],
           progress: ProgressCallback | None = None, cancel: CancelCallback | None = None, *,
           printed_on: date | None = None, fmt: str | None = None, data: Any = None) -> Exported:
    """Write document `key` with `params` to `target` in the format its suffix names (or `fmt`, for a stream):
    the document's permission first, then its data (`data` when the caller already gathered it with the same
    query, e.g. the list on screen), the agency's letterhead, and the audit row committed before the file appears."""
    require(ctx, READ)  # nobody signed in learns nothing, not even which documents there are
    doc = document(key)
    require(ctx, doc.permission)
    suffix = fmt if fmt is not None else output_suffix(target, doc.formats)
    if suffix not in doc.formats:
        output_suffix(suffix, doc.formats)
    unknown = sorted(set(params) - {p.name for p in doc.params})
    if unknown:
        raise ValueError(f"{key}: unknown parameters {unknown}")
    values = {p.name: params.get(p.name) for p in doc.params}
    name = os.path.basename(os.fspath(target)) if isinstance(target, str | os.PathLike) else ""
    job = Job(values, suffix, name, printed_on, progress, cancel)

    def run() -> Exported:
        gathered = doc.gather(ctx, **values) if data is None else data
        letterhead = doc.letterhead(ctx, gathered) if suffix in PRINTED else None
        row = doc.audit(gathered, job)
        written = _output.write_audited(
            ctx, target, lambda fh: doc.write[suffix](fh, gathered, letterhead, job),
            lambda s: record_personal_output(s, row.action, row.what, list(row.person_ids),
                                                      masked=row.masked)
            if isinstance(row, PersonalOutput) else record(s, row.action, row.entity, row.entity_id,
                                                                  summary=row.summary))
        return Exported(gathered, written)

    if doc.large:
        with _document.collector_paused():  # the rows live until the file is written
            return run()
    return run()


def document(key: str) -> Document:
    try:
        return _BY_KEY[key]
    except KeyError:
        raise KeyError(f"no document {key!r} in the catalogue") from None


# ----------------------------------------------------------------------------------------------------
# The documents, grouped as the Reports page shows them

AS_OF_VI, AS_OF_EN = "tính đến ngày (dd/mm/yyyy)", "as of this date (dd/mm/yyyy)"
_AS_OF = Param("as_of", DATE, vi="tính đến ngày (dd/mm/yyyy; mặc định: hôm nay)", en="as of this date (default: today)")
_UNIT = Param("unit", UNIT, vi="mã đơn vị (gồm cả đơn vị trực thuộc); bỏ trống: mọi đơn vị được xem",
              en="unit code (sub-units included); empty: every unit the account may see")
_ROUND = Param("round", ROUND, required=True, vi="số hiệu kỳ tuyển dụng", en="recruitment round id")
_PERIOD = Param("period", PERIOD, required=True, vi="giai đoạn quy hoạch (mã hoặc số hiệu)",
                en="planning period (code or id)")
_PLAN = Param("plan", PLAN, required=True, vi="năm của kế hoạch đào tạo", en="year of the training plan")
_PAY_PARAMS = (Param("start", DATE, required=True, vi="từ ngày", en="from this date"),
               Param("end", DATE, required=True, vi="đến ngày", en="to this date"),
               Param("overdue", FLAG, vi="kể cả người quá hạn chưa được nâng", en="include those overdue"),
               _UNIT,
               Param("layout", LAYOUT, vi="mẫu: full (đầy đủ) hoặc due (danh sách đến hạn)",
                     en="layout: full or due"))


def _row(action: str, entity: str, entity_id: Callable[[Any, Job], str | None],
         summary: Callable[[Any, Job], str]) -> Auditor:
    return lambda data, job: AuditRow(action, entity, entity_id(data, job), summary(data, job))


def _unit_id(ctx: ServiceContext, code: str | None) -> int | None:
    """The id of a unit given by its code (None: every unit the account may see)."""
    if not code:
        return None
    with ctx.read() as s:
        return lazy.module("hrapp.services.org").unit_by_code(s, code).id


def _printed(build: Callable[..., object], day: Callable[[Any, Job], date | None] = lambda _d, job: job.printed_on,
             **fixed: Any) -> Writer:
    """A writer over a `build(stream, letterhead, data, day=…, progress=…, cancel=…)` function."""
    return lambda fh, data, lh, job: build(fh, lh, data, day=day(data, job), progress=job.progress,
                                           cancel=job.cancel, **{k: f(job) for k, f in fixed.items()})


def _today(_data: Any, job: Job) -> date:
    return job.day


def _pdf_and_xlsx(build: tuple[Callable[..., object], Callable[..., object]],
                  day: Callable[[Any, Job], date | None] = lambda _d, job: job.printed_on) -> dict[str, Writer]:
    """The writers of a document printed by `build` (its PDF and its Excel build functions)."""
    return {".pdf": _printed(build[0], day), ".xlsx": _printed(build[1], day)}


def _exported(entity: str, entity_id: Callable[[Any, Job], str | None], what: Callable[[Any, Job], str]) -> Auditor:
    """The audit row of an export whose summary is `what` followed by the format, as in '… (pdf)'."""
    return _row("export", entity, entity_id, lambda d, j: f"{what(d, j)} ({j.suffix[1:]})")


def _declare() -> tuple[Document, ...]:
    cv_2c = lazy.module("hrapp.reports.cv_2c")
    cv_2023 = lazy.module("hrapp.reports.cv_2023")
    pay_step_list = lazy.module("hrapp.reports.pay_step_list")
    pctnvk_list = lazy.module("hrapp.reports.pctnvk_list")
    planning_list = lazy.module("hrapp.reports.planning_list")
    planning_review = lazy.module("hrapp.reports.planning_review")
    planning_summary = lazy.module("hrapp.reports.planning_summary")
    position_description = lazy.module("hrapp.reports.position_description")
    quality = lazy.module("hrapp.reports.quality")
    reorganisation_list = lazy.module("hrapp.reports.reorganisation_list")
    reorganisation = lazy.module("hrapp.services.reorganisation")
    recruitment_common = lazy.module("hrapp.reports.recruitment_common")
    recruitment_documents = lazy.module("hrapp.reports.recruitment_documents")
    retirement_list = lazy.module("hrapp.reports.retirement_list")
    promotion_list = lazy.module("hrapp.reports.promotion_list")
    promotion = lazy.module("hrapp.queries.promotion")
    staff_list = lazy.module("hrapp.reports.staff_list")
    staffing_table = lazy.module("hrapp.reports.staffing_table")
    training_gaps = lazy.module("hrapp.reports.training_gaps")
    training_plan = lazy.module("hrapp.reports.training_plan")
    training_results = lazy.module("hrapp.reports.training_results")
    career = lazy.module("hrapp.services.career")
    pay_lists = lazy.module("hrapp.services.pay_lists")
    planning_service = lazy.module("hrapp.services.planning")
    positions = lazy.module("hrapp.services.positions")
    fmt_date = lazy.module("hrapp.reports.format").fmt_date

    def quality_writer(fmt: str) -> Writer:
        if fmt == ".json":
            return lambda fh, stats, lh, job: quality.write_quality_json(fh, stats)
        build = quality.write_quality_pdf if fmt == ".pdf" else quality.write_quality_xlsx
        return lambda fh, stats, lh, job: build(fh, stats, lh, printed_on=job.printed_on, progress=job.progress,
                                                cancel=job.cancel)

    def staffing_writer(fmt: str) -> Writer:
        if fmt == ".csv":
            return lambda fh, table, lh, job: staffing_table.write_staffing_csv(fh, table)
        if fmt == ".json":
            return lambda fh, table, lh, job: staffing_table.write_staffing_json(fh, table)
        build = staffing_table.write_staffing_pdf if fmt == ".pdf" else staffing_table.write_staffing_xlsx
        return lambda fh, table, lh, job: build(fh, table, lh, by_position=bool(job.values["by_position"]),
                                                printed_on=job.printed_on, progress=job.progress, cancel=job.cancel)

    def staff_list_writer(fh: IO[bytes], data: Any, lh: Letterhead | None, job: Job) -> None:
        staff_list.write_staff_list(fh, data, lh, job.suffix, printed_on=job.printed_on, progress=job.progress,
                                    cancel=job.cancel)

    def pay_list_gather(query: Callable[..., Any]) -> Callable[..., Any]:
        def gather(ctx: ServiceContext, start: date, end: date, overdue: bool | None = None, unit: str | None = None,
                   layout: str | None = None) -> Any:
            return query(ctx, start, end, _unit_id(ctx, unit), include_overdue=bool(overdue))
        return gather

    def pay_list_writer(build: Callable[..., object]) -> Writer:
        return lambda fh, data, lh, job: build(fh, lh, data, job.values["layout"] or "full", day=job.day,
                                               progress=job.progress, cancel=job.cancel)

    def pay_list_audit(entity: str, title: Callable[[Any, str], str]) -> Auditor:
        return _row("export", entity, lambda d, j: None,
                       lambda d, j: f"{title(d, j.values['layout'] or 'full').splitlines()[-1]} "
                                    f"({len(d.rows)} người, {j.target_name})")

    def pay_list(key: str, title: str, description: str, title_en: str, description_en: str,
                 query: Callable[..., Any], build: tuple[Callable[..., object], Callable[..., object]],
                 audit: Auditor, stem: str) -> Document:
        """A benefits list of the period, written by `build` (PDF, Excel) on the agency's letterhead."""
        return Document(
            key, "benefits", title, description, title_en, description_en, _PAY_PARAMS, pay_list_gather(query),
            {".pdf": pay_list_writer(build[0]), ".xlsx": pay_list_writer(build[1])}, audit, stem,
            letterhead=agency("DS"))

    def recruitment(kind: str, title: str, description: str, title_en: str, description_en: str,
                    stem: str) -> Document:
        def gather(ctx: ServiceContext, round: int) -> Any:
            return recruitment_documents.load().BUILDERS[kind](ctx, round)

        def writer(fmt: str) -> Writer:
            return lambda fh, doc, lh, job: recruitment_common.write_document(fh, doc, excel=fmt == ".xlsx")

        return Document(
            f"recruitment_{kind}", "recruitment", title, description, title_en, description_en, (_ROUND,), gather,
            {".pdf": writer(".pdf"), ".xlsx": writer(".xlsx")},
            lambda doc, job: AuditRow("print" if job.suffix == ".pdf" else "export", "recruitment_rounds",
                                     str(job.values["round"]), f"{recruitment_common.load().DOCUMENT_LABELS[kind]} "
                                     f"({'PDF' if job.suffix == '.pdf' else 'Excel'})"),
            stem, letterhead=lambda _ctx, doc: doc.letterhead)

    def planning(check: Callable[[ServiceContext, Any], Any]) -> Callable[..., Any]:
        def gather(ctx: ServiceContext, period: int | str, as_of: date | None = None) -> Any:
            return check(ctx, planning_service.check_period(ctx, period, as_of))
        return gather

    def review_gather(ctx: ServiceContext, period: int | str | None = None, review: int | None = None) -> Any:
        if review is None:
            review = planning_review.latest_review_id(ctx, period if period is not None else "")
        return planning_review.review_list(ctx, review)

    def planning_document(key: str, title: str, description: str, title_en: str, description_en: str,
                          params: tuple[Param, ...], gather: Callable[..., Any], build: tuple[Callable[..., object], Callable[..., object]],
                          entity_id: Callable[[Any, Job], str | None], what: Callable[[Any, Job], str], stem: str,
                          kind: str) -> Document:
        """A succession-planning document (PDF, Excel) on the agency's letterhead with the number line `kind`;
        its export is audited under its own key."""
        return Document(key, "planning", title, description, title_en, description_en, params, gather,
                        _pdf_and_xlsx(build), _exported(key, entity_id, what), stem, letterhead=agency(kind))

    def training_document(key: str, title: str, description: str, title_en: str, description_en: str,
                          params: tuple[Param, ...], gather: Callable[..., Any], build: tuple[Callable[..., object], Callable[..., object]],
                          day: Callable[[Any, Job], date | None], json: Callable[[Any], object],
                          entity_id: Callable[[Any, Job], str | None], what: Callable[[Any, Job], str], stem: str,
                          kind: str) -> Document:
        """A training document (PDF, Excel, JSON) on the agency's letterhead with the number line `kind`; the
        date line's day is `day`; its export is audited under its own key."""
        writers = {**_pdf_and_xlsx(build, day),
                   ".json": lambda fh, data, lh, job: training_plan.write_json(fh, json(data))}
        return Document(key, "training", title, description, title_en, description_en, params, gather, writers,
                        _exported(key, entity_id, what), stem, letterhead=agency(kind))

    return (
        Document(
            "quality", "org", "Báo cáo số lượng, chất lượng cán bộ, công chức, viên chức (BM01/BNV)",
            "Số người từng đơn vị theo ngạch, trình độ, lý luận chính trị, độ tuổi, giới tính đến ngày chọn; "
            "khổ ngang.",
            "Number and quality of staff (BM01/BNV)",
            "Headcount by unit with rank, training, political theory, age and sex, on the chosen day (landscape).",
            (Param("as_of", DATE, required=True, vi=AS_OF_VI, en=AS_OF_EN),
             Param("categories", CATEGORY, vi="chỉ tính loại này (lặp lại để chọn nhiều loại; mặc định: mọi loại)",
                   en="count this category only (repeat for several; default: every category)")),
            quality.quality_data, {f: quality_writer(f) for f in (".pdf", ".xlsx", ".json")},
            _exported("quality_report", lambda d, j: j.values["as_of"].isoformat(),
                      lambda d, j: f"Báo cáo số lượng, chất lượng đến ngày {j.values['as_of']:%d/%m/%Y}"),
            "bao_cao_so_luong_chat_luong"),
        Document(
            "staffing", "org", "Bảng tổng hợp biên chế",
            "Biên chế được giao so với số hiện có, đang tuyển, còn thiếu theo đơn vị và loại cán bộ.",
            "Headcount table",
            "Quota of the year against the staff present, in recruitment and vacancies, by unit and category.",
            (Param("year", YEAR, required=True, vi="năm giao biên chế", en="year of the staff quotas"),
             Param("as_of", DATE, vi="tính đến ngày (mặc định: hôm nay, hoặc 31/12 của năm đã qua)",
                   en="as of this date (default: today, or 31/12 of a past year)"),
             Param("by_position", FLAG, vi="thêm phần chi tiết theo vị trí việc làm",
                   en="add the detail by job position")),
            staffing_table.staffing_data, {f: staffing_writer(f) for f in (".pdf", ".xlsx", ".csv", ".json")},
            _exported("staffing_table", lambda t, j: str(t.year),
                      lambda t, j: f"Bảng tổng hợp biên chế năm {t.year} đến ngày {fmt_date(t.as_of)}"),
            "bang_tong_hop_bien_che"),
        Document(
            "position", "org", "Bản mô tả vị trí việc làm",
            "Nhiệm vụ, yêu cầu và khung năng lực của một vị trí việc làm.",
            "Job position description",
            "The tasks, requirements and competency framework of one job position.",
            (_UNIT, Param("position", POSITION, required=True, vi="số hiệu vị trí việc làm", en="job position id")),
            lambda ctx, position, unit=None: positions.get_position(ctx, position),
            {".pdf": lambda fh, p, lh, job: position_description.write_position_pdf(
                fh, p, lh, printed_on=job.printed_on, progress=job.progress, cancel=job.cancel),
             ".xlsx": lambda fh, p, lh, job: position_description.write_position_xlsx(
                fh, p, lh, printed_on=job.printed_on)},
            _exported("job_positions", lambda p, j: str(p.id), lambda p, j: f"Bản mô tả vị trí {p.code} – {p.name}"),
            "ban_mo_ta_vi_tri"),
        Document(
            "reorganisation", "org", "Danh sách sáp nhập: người chuyển về và người vượt biên chế",
            "Theo quyết định sáp nhập gần nhất vào đơn vị: những người chuyển về và số người vượt biên chế được "
            "giao theo từng loại.",
            "Merger list: people moved and people above the quota",
            "For the latest merger into the unit: the people moved in and the people above its quota by category.",
            (Param("unit", UNIT, vi="mã đơn vị nhận sáp nhập (mặc định: lần sáp nhập gần nhất)",
                   en="code of the receiving unit (default: the latest merger)"),),
            lambda ctx, unit=None: reorganisation.reorganisation_list(ctx, unit),
            _pdf_and_xlsx((reorganisation_list.build_moved_pdf, reorganisation_list.build_moved_xlsx), _today),
            _exported("reorganisation", lambda d, j: str(d.decision_id) if d.decision_id else None,
                      lambda d, j: f"Danh sách sáp nhập vào {d.target_name} theo {d.decision_number}"
                                   if d.decision_number else "Danh sách sáp nhập (chưa có quyết định)"),
            "danh_sach_sap_nhap", letterhead=agency("DS")),
        Document(
            "staff_list", "records", "Danh sách cán bộ, công chức, viên chức",
            "Mọi người đang công tác ở đơn vị, với ngày sinh, chức vụ, ngạch, bậc lương và trình độ.",
            "List of civil servants and public employees",
            "Everyone on staff of the unit with birth date, post, rank, pay step and qualifications.",
            (_UNIT,), lambda ctx, unit=None: staff_list.staff_list(ctx, unit),
            {f: staff_list_writer for f in (".pdf", ".xlsx", ".csv", ".json")},
            _row("export", "staff_list", lambda d, j: j.values["unit"],
                    lambda d, j: f"Danh sách CCVC {d.unit_name or 'toàn Sở'} ({d.count} người, {j.suffix[1:]})"),
            "danh_sach_ccvc", large=True),
        Document(
            "cv", "records", "Sơ yếu lý lịch (Mẫu 2C-BNV/2008)",
            "Sơ yếu lý lịch của một người; thông tin cá nhân được che với vai trò không được xem.",
            "Curriculum vitae (form 2C-BNV/2008)",
            "The personnel record form of one person, personal data masked for roles that may not see it.",
            (_UNIT, Param("person", PERSON, required=True, vi="số hiệu hồ sơ", en="record number")),
            lambda ctx, person, unit=None: cv_2c.cv_data(ctx, person),
            {".pdf": lambda fh, cv, lh, job: cv_2c.build_cv(fh, cv.profile, cv.context)},
            lambda cv, job: PersonalOutput("print", "Sơ yếu lý lịch mẫu 2C-BNV/2008", (cv.person_id,), cv.masked),
            "so_yeu_ly_lich", letterhead=no_letterhead),
        Document(
            "cv_2023", "records", "Sơ yếu lý lịch (mẫu TT 06/2023/TT-BNV)",
            "Sơ yếu lý lịch theo mẫu của CSDL quốc gia về CBCCVC; thông tin cá nhân được che với vai trò không được "
            "xem.",
            "Curriculum vitae (national database form, TT 06/2023/TT-BNV)",
            "The personnel record form of the national civil service database for one person, personal data masked "
            "for roles that may not see it.",
            (_UNIT, Param("person", PERSON, required=True, vi="số hiệu hồ sơ", en="record number")),
            lambda ctx, person, unit=None: cv_2c.cv_data(ctx, person),  # the same record and context as Mẫu 2C
            {".pdf": lambda fh, cv, lh, job: cv_2023.build_cv_2023(fh, cv.profile, cv.context)},
            lambda cv, job: PersonalOutput("print", "Sơ yếu lý lịch mẫu TT 06/2023/TT-BNV", (cv.person_id,),
                                           cv.masked),
            "so_yeu_ly_lich_tt06", letterhead=no_letterhead),
        pay_list("pay_step", "Danh sách nâng bậc lương thường xuyên",
                 "Những người đến hạn nâng bậc lương trong kỳ (và người đã quá hạn), có ghi thời gian kéo dài.",
                 "Regular pay step list",
                 "People whose regular pay step falls due in the period (and overdue ones), with delays.",
                 pay_lists.pay_step_due_list, (pay_step_list.build_pay_step_pdf, pay_step_list.build_pay_step_xlsx),
                 pay_list_audit("pay_step_list", pay_step_list.title), "nang_bac_luong"),
        pay_list("pctnvk", "Danh sách phụ cấp thâm niên vượt khung",
                 "Những người bắt đầu hưởng hoặc được nâng mức phụ cấp thâm niên vượt khung trong kỳ.",
                 "Seniority allowance beyond the top step",
                 "People who start or step up the allowance beyond the top pay step in the period.",
                 pay_lists.pctnvk_due_list, (pctnvk_list.build_pctnvk_pdf, pctnvk_list.build_pctnvk_xlsx),
                 pay_list_audit("pctnvk_list", pctnvk_list.title), "phu_cap_vuot_khung"),
        Document(
            "retirement", "benefits", "Danh sách nghỉ hưu",
            "Những người đủ tuổi nghỉ hưu trong năm và năm sau, với ngày thông báo và ngày nghỉ hưu.",
            "Retirement list",
            "People who reach retirement age in the year and the next, with notice and retirement dates.",
            (Param("year", YEAR, required=True, vi="năm nghỉ hưu (và năm sau)", en="year of retirement (and the next)"),
             _UNIT),
            lambda ctx, year, unit=None: career.retirement_list(ctx, year, _unit_id(ctx, unit)),
            _pdf_and_xlsx((retirement_list.build_retirement_pdf, retirement_list.build_retirement_xlsx), _today),
            _row("export", "retirement_list", lambda d, j: None,
                    lambda d, j: f"Danh sách nghỉ hưu năm {d.year} ({len(d.rows)} người, {j.target_name})"),
            "nghi_huu", letterhead=agency("DS")),
        Document(
            "promotion", "benefits", "Danh sách nâng ngạch, thăng hạng",
            "Những người giữ ngạch (hạng) liền dưới ngạch được chọn: đủ điều kiện trước, người chưa đủ kèm lý do; "
            "để trình hội đồng.",
            "Rank promotion list",
            "The staff one level below the chosen rank: the eligible first, the others with the reasons; for the "
            "council.",
            (Param("target_rank", RANK, required=True, vi="mã ngạch, chức danh được nâng lên (ví dụ 01.002)",
                   en="code of the rank promoted to (e.g. 01.002)"),
             Param("as_of", DATE, required=True, vi="ngày lập danh sách (hết hạn nộp hồ sơ)",
                   en="day of the list (closing day of the applications)")),
            lambda ctx, target_rank, as_of: promotion.promotion_candidates(ctx, target_rank, as_of),
            _pdf_and_xlsx((promotion_list.build_promotion_pdf, promotion_list.build_promotion_xlsx), _today),
            _row("export", "promotion_list", lambda d, j: d.target_rank,
                 lambda d, j: f"Danh sách nâng ngạch lên {d.target_name} ngày {fmt_date(d.on)} "
                              f"({len(d.rows)} người, {j.target_name})"),
            "nang_ngach", letterhead=agency("DS")),
        Document(
            "reorg_benefits", "benefits", "Danh sách chính sách nghỉ hưu trước tuổi, thôi việc khi sắp xếp bộ máy",
            "Theo NĐ 178/2024/NĐ-CP (sửa bởi NĐ 67/2025/NĐ-CP): từng khoản trợ cấp của mỗi người trong đơn vị "
            "nếu nghỉ vào ngày chọn, với căn cứ từng khoản.",
            "Early retirement and resignation benefits in the reorganisation",
            "Under Decree 178/2024 as amended by Decree 67/2025: each amount for each person of the unit leaving on "
            "the chosen day, with its basis.",
            (Param("as_of", DATE, required=True, vi="ngày nghỉ việc (dd/mm/yyyy)", en="leaving date (dd/mm/yyyy)"),
             Param("unit", UNIT, vi="mã đơn vị đã nhận sáp nhập (mặc định: lần sáp nhập gần nhất)",
                   en="code of the merged unit (default: the latest merger)")),
            lambda ctx, as_of, unit=None: reorganisation.benefits_list(ctx, unit, as_of),
            _pdf_and_xlsx((reorganisation_list.build_benefits_pdf, reorganisation_list.build_benefits_xlsx), _today),
            _row("export", "reorg_benefits", lambda d, j: j.values["unit"] or None,
                 lambda d, j: f"Danh sách chính sách nghỉ hưu trước tuổi, thôi việc {d.unit_name} "
                              f"({len(d.rows)} người, {j.target_name})"),
            "chinh_sach_sap_xep", letterhead=agency("DS")),
        recruitment("plan", "Nhu cầu tuyển dụng",
                    "Các vị trí và chỉ tiêu cần tuyển của kỳ tuyển dụng, kèm yêu cầu của từng vị trí.",
                    "Recruitment needs", "The positions and numbers to recruit in the round, with their requirements.",
                    "nhu_cau_tuyen_dung"),
        recruitment("eligible", "Danh sách thí sinh đủ điều kiện dự vòng 2",
                    "Những thí sinh đáp ứng điều kiện và được dự vòng 2.",
                    "Candidates admitted to round 2", "The candidates who meet the conditions and sit the second round.",
                    "danh_sach_du_vong_2"),
        recruitment("scores", "Bảng điểm", "Điểm của thí sinh theo từng phần thi trong kỳ tuyển dụng.",
                    "Score sheet", "The candidates' scores by part in the round.", "bang_diem"),
        recruitment("results", "Kết quả tuyển dụng",
                    "Tổng điểm, điểm ưu tiên, thứ tự xếp hạng và những người trúng tuyển.",
                    "Recruitment results", "Total scores, priority points, ranking and who passes in the round.",
                    "ket_qua_tuyen_dung"),
        planning_document(
            "planning_list", "Danh sách quy hoạch",
            "Những người được quy hoạch vào từng chức danh lãnh đạo trong giai đoạn và việc đáp ứng tiêu chuẩn.",
            "Succession planning list",
            "The people planned for each leadership post in the period and whether they meet the requirements.",
            (_PERIOD, _AS_OF), planning(planning_list.planning_list), (planning_list.build_planning_list_pdf, planning_list.build_planning_list_xlsx),
            lambda d, j: d.period_code, lambda d, j: f"Danh sách quy hoạch giai đoạn {d.period_label}",
            "danh_sach_quy_hoach", "DS"),
        planning_document(
            "planning_summary", "Báo cáo cơ cấu quy hoạch",
            "Số người quy hoạch theo chức danh và cơ cấu theo độ tuổi, giới tính, trình độ.",
            "Structure of the succession plan",
            "Planned people per post and the plan's structure by age, sex and qualifications.",
            (_PERIOD, _AS_OF), planning(lambda ctx, check: planning_summary.planning_summary(check)),
            (planning_summary.build_planning_summary_pdf, planning_summary.build_planning_summary_xlsx),
            lambda d, j: d.period_code, lambda d, j: f"Báo cáo cơ cấu quy hoạch giai đoạn {d.period_label}",
            "co_cau_quy_hoach", "BC"),
        planning_document(
            "planning_review", "Rà soát quy hoạch: bổ sung, đưa ra khỏi quy hoạch",
            "Đợt rà soát gần nhất của giai đoạn: những người được bổ sung và đưa ra khỏi quy hoạch.",
            "Planning review: additions and removals",
            "The latest yearly review of the period: who is added to and removed from the plan.",
            (_PERIOD, Param("review", REVIEW, vi="số hiệu đợt rà soát (mặc định: đợt gần nhất)",
                            en="review id (default: the latest)")),
            review_gather, (planning_review.build_planning_review_pdf, planning_review.build_planning_review_xlsx),
            lambda d, j: str(d.review_id),
            lambda d, j: f"Danh sách rà soát quy hoạch giai đoạn {d.period_label} năm {d.year}",
            "ra_soat_quy_hoach", "DS"),
        training_document(
            "training_plan", "Kế hoạch đào tạo, bồi dưỡng hằng năm",
            "Các khóa học dự kiến trong năm với người đi học, nơi học, thời gian và kinh phí.",
            "Annual training plan",
            "The courses planned for the year with the people, places, dates and costs.",
            (_PLAN,), lambda ctx, plan: training_plan.plan_document(ctx, plan), (training_plan.build_plan_pdf, training_plan.build_plan_xlsx),
            lambda d, j: j.printed_on or d.plan.approved_on, lambda d: d.to_json(),
            lambda d, j: str(d.plan.year), lambda d, j: f"Kế hoạch đào tạo, bồi dưỡng năm {d.plan.year}",
            "ke_hoach_dao_tao", "KH"),
        training_document(
            "training_results", "Báo cáo kết quả đào tạo, bồi dưỡng",
            "Việc thực hiện kế hoạch của năm và các khóa học mỗi người đã hoàn thành.",
            "Training results report",
            "What was carried out of the year's plan and the courses each person completed.",
            (_PLAN, _AS_OF), lambda ctx, plan, as_of=None: training_results.results_document(ctx, plan, as_of),
            (training_results.build_results_pdf, training_results.build_results_xlsx),
            lambda d, j: j.printed_on or j.values["as_of"], lambda d: d.to_json(),
            lambda d, j: str(j.values["plan"]), lambda d, j: f"Báo cáo kết quả đào tạo, bồi dưỡng năm {j.values['plan']}",
            "ket_qua_dao_tao", "BC"),
        training_document(
            "training_gaps", "Danh sách nhu cầu đào tạo, bồi dưỡng",
            "Theo từng người: trình độ mà vị trí việc làm hoặc chức danh quy hoạch yêu cầu nhưng chưa có.",
            "Training needs",
            "Per person, the qualifications their position or planned post requires and they do not hold yet.",
            (_AS_OF, _UNIT), lambda ctx, as_of=None, unit=None: training_gaps.gaps_document(ctx, as_of, unit),
            (training_gaps.build_gaps_pdf, training_gaps.build_gaps_xlsx),
            lambda d, j: j.printed_on or j.values["as_of"],
            lambda d: {"as_of": d.as_of.isoformat(), "gaps": d.to_json()},
            lambda d, j: d.unit_label or "all",
            lambda d, j: f"Danh sách nhu cầu đào tạo, bồi dưỡng ngày {fmt_date(d.as_of)}",
            "nhu_cau_dao_tao", "DS"),
    )


CATALOGUE: tuple[Document, ...] = _declare()
_BY_KEY: dict[str, Document] = {d.key: d for d in CATALOGUE}
