"""Sơ yếu lý lịch on the form of the national CBCCVC database (TT 06/2023/TT-BNV): every label of the form in its
order, the values of the record (the new numbers, managing agency, family background, Party posts…), the tables of
sections 32-37 with their two-row headers, dotted blanks for what is missing, masking and the audit of the print,
and the choice of form by the catalogue key."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader
from sqlalchemy import select

from hrapp.db.models import AuditLog, OrgUnit
from hrapp.queries.person_profile import load_profile
from hrapp.reports import catalogue
from hrapp.reports.cv_2c import CvContext
from hrapp.reports.cv_2023 import build_cv_2023, export_cv_2023
from hrapp.services import persons as ps

DEC = ps.DecisionInput("15/QĐ-SKHCN", date(2020, 4, 28))

# forms.md §1B, in the order of the form
LABELS_IN_ORDER = [
    "MẪU SƠ YẾU LÝ LỊCH",
    "(Ban hành kèm theo Thông tư số 06/2023/TT-BNV ngày 04/5/2023 của Bộ trưởng Bộ Nội vụ)",
    "Cơ quan quản lý cán bộ, công chức, viên chức:", "Cơ quan, đơn vị sử dụng cán bộ, công chức, viên chức:",
    "Số hiệu:", "Mã số định danh:", "SƠ YẾU LÝ LỊCH", "1) Họ và tên khai sinh (viết chữ in hoa):", "Giới tính:",
    "2) Các tên gọi khác:", "3) Sinh ngày:", "4) Nơi sinh:", "5) Quê quán (xã, phường)", "6) Dân tộc:",
    "7) Tôn giáo:", "8) Số CCCD:", "Ngày cấp:", "SĐT liên hệ:", "9) Số BHXH:", "Số thẻ BHYT:",
    "10) Nơi ở hiện nay:", "11) Thành phần gia đình xuất thân:", "12) Nghề nghiệp trước khi được tuyển dụng:",
    "13) Ngày được tuyển dụng lần đầu:", "Cơ quan, tổ chức, đơn vị tuyển dụng:",
    "14) Ngày vào cơ quan hiện đang công tác:", "15) Ngày vào Đảng Cộng sản Việt Nam:", "Ngày chính thức:",
    "16) Ngày tham gia tổ chức chính trị-xã hội đầu tiên (ngày vào Đoàn TNCSHCM, Công đoàn, Hội):",
    "17) Ngày nhập ngũ:", "Ngày xuất ngũ:", "Quân hàm cao nhất:", "18) Đối tượng chính sách:",
    "19) Trình độ giáo dục phổ thông (đã tốt nghiệp lớp mấy/thuộc hệ nào):", "20) Trình độ chuyên môn cao nhất:",
    "21) Học hàm:", "22) Danh hiệu nhà nước phong tặng:", "23) Chức vụ hiện tại:", "Ngày bổ nhiệm/ngày phê chuẩn:",
    "Ngày bổ nhiệm lại/phê chuẩn nhiệm kỳ tiếp theo:", "24) Được quy hoạch chức danh:", "25) Chức vụ kiêm nhiệm:",
    "26) Chức vụ Đảng hiện tại:", "27) Chức vụ Đảng kiêm nhiệm:", "28) Công việc chính được giao:",
    "29) Sở trường công tác:", "Công việc làm lâu nhất", "30) Tiền lương", "30.1) Ngạch/chức danh nghề nghiệp:",
    "Mã số:", "Ngày bổ nhiệm ngạch/chức danh nghề nghiệp:", "Bậc lương:", "Hệ số:", "Ngày hưởng:",
    "Phần trăm hưởng:", "Phụ cấp thâm niên vượt khung:", "Ngày hưởng PCTNVK:", "30.2) Phụ cấp chức vụ:",
    "Phụ cấp kiêm nhiệm", "Phụ cấp khác", "30.3) Vị trí việc làm:", "Mã số:", "Bậc lương", "Lương theo mức tiền:",
    "vnđ.", "Ngày hưởng:", "Phần trăm hưởng:", "31) Tình trạng sức khoẻ:", "Chiều cao:", "cm,", "Cân nặng:", "kg,",
    "Nhóm máu:",
    "32) QUÁ TRÌNH ĐÀO TẠO, BỒI DƯỠNG",
    "32.1- Chuyên môn (từ trung cấp trở lên cả trong nước và nước ngoài)", "Tháng/năm", "Tên cơ sở đào tạo", "Chuyên ngành đào tạo", "Hình thức đào tạo", "Văn bằng, trình độ",
    "32.2- Lý luận chính trị", "Tên cơ sở đào tạo", "Hình thức đào tạo", "Văn bằng được cấp",
    "32.3- Bồi dưỡng quản lý nhà nước/ chức danh nghề nghiệp/ nghiệp vụ chuyên ngành", "Chứng chỉ được cấp",
    "32.4- Bồi dưỡng kiến thức an ninh, quốc phòng", "Chứng chỉ được cấp", "32.5- Tin học", "Chứng chỉ được cấp",
    "32.6- Ngoại ngữ/ tiếng dân tộc", "Tên ngoại ngữ/ tiếng dân tộc", "Chứng chỉ được cấp", "Điểm số",
    "33) TÓM TẮT QUÁ TRÌNH CÔNG TÁC", "Tháng/ năm",
    "Đơn vị công tác (đảng, chính quyền, đoàn thể, tổ chức xã hội)", "Chức danh/ chức vụ",
    "34) ĐẶC ĐIỂM LỊCH SỬ BẢN THÂN",
    "34.1- Khai rõ: bị bắt, bị tù (từ ngày tháng năm nào đến ngày tháng năm nào, ở đâu?), đã khai báo cho ai, "
    "những vấn đề gì?:",
    "34.2- Bản thân có làm việc cho chế độ cũ", "Chức danh, chức vụ, đơn vị, địa điểm đã làm việc",
    "34.3-Tham gia hoặc có quan hệ với các tổ chức chính trị, kinh tế, xã hội ... ở nước ngoài",
    "Tên tổ chức, địa chỉ trụ sở, công việc đã làm",
    "35) KHEN THƯỞNG, KỶ LUẬT", "35.1- Thành tích thi đua, khen thưởng", "Năm", "Xếp loại chuyên môn",
    "Xếp loại thi đua", "Hình thức khen thưởng", "35.2-Kỷ luật Đảng/hành chính", "Hình thức",
    "Hành vi vi phạm chính", "Cơ quan quyết định",
    "36) QUAN HỆ GIA ĐÌNH", "36.1- Về bản thân: Cha, Mẹ, Vợ (hoặc chồng), các con, anh chị em ruột", "Mối quan hệ",
    "Họ và tên", "Năm sinh",
    "Quê quán, nghề nghiệp, chức danh, chức vụ, đơn vị công tác, học tập, nơi ở (trong, ngoài nước); thành viên các "
    "tổ chức chính trị - xã hội (trong, ngoài nước); làm việc cho chế độ cũ, tiền án, tiền sự (nếu có)",
    "36.2- Cha, Mẹ, anh chị em ruột (bên vợ hoặc chồng)",
    "37) HOÀN CẢNH KINH TẾ GIA ĐÌNH", "37.1- Quá trình lương của bản thân", "Mã số", "Bậc lương", "Hệ số lương",
    "Tiền lương theo vị trí việc làm", "37.2- Các loại phụ cấp khác", "Loại phụ cấp", "Phần trăm hưởng", "Hệ số",
    "Hình thức hưởng", "Giá trị (đồng)", "37.3- Nguồn thu nhập chính của gia đình hàng năm", "- Tiền lương:",
    "- Các nguồn khác:", "- Nhà ở:", "+ Được cấp, được thuê (loại nhà):", "tổng diện tích sử dụng:", "m2.",
    "Giấy chứng nhận quyền sở hữu:", "+ Nhà tự mua, tự xây (loại nhà):", "tổng diện tích sử dụng:",
    "Giấy chứng nhận quyền sở hữu:", "- Đất ở:", "+ Đất được cấp:", "Giấy chứng nhận quyền sử dụng:",
    "+ Đất tự mua:", "Giấy chứng nhận quyền sử dụng:", "- Đất sản xuất kinh doanh:",
    "38) NHẬN XÉT, ĐÁNH GIÁ CỦA CƠ QUAN, TỔ CHỨC, ĐƠN VỊ SỬ DỤNG",
]
# the two signature columns side by side: their reading order is the extractor's, each column's own order is kept
LEFT_SIGNATURE = ["Người khai", "Tôi xin cam đoan những lời khai trên đây là đúng sự thật", "(Ký tên, ghi rõ họ tên)"]
RIGHT_SIGNATURE = ["Ngày", "Xác nhận của cơ quan, đơn vị quản lý cán bộ, công chức, viên chức", "(Ký tên, đóng dấu)"]

CARD = "052185001234"


def pdf_text(data: bytes) -> str:
    """The text of every page as pdfium reads it, whitespace made single spaces."""
    pdf = pdfium.PdfDocument(data)
    try:
        text = " ".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()
    return re.sub(r"\s+", " ", text.replace("\r", " ").replace("\ufffe", ""))


PERIOD_TABLES = 12  # 32.1-32.6, 33, 34.2, 34.3, 35.2, 37.1, 37.2: "Tháng/năm" over "Từ" and "Đến"


def headers_read(text: str) -> str:
    """The text with the second header row of the period tables taken out: pdfium reads a table line by line, so
    "Từ Đến" comes between the first and the second line of the wrapped header cells beside it."""
    return text.replace(" Từ Đến", "")


def in_order(text: str, labels: list[str]) -> int:
    at = 0
    for label in labels:
        found = text.find(label, at)
        assert found >= 0, f"missing or out of order: {label!r} after …{text[max(0, at - 80):at]!r}"
        at = found + len(label)
    return at


@pytest.fixture
def person(ctx):
    with ctx.unit_of_work() as s:
        root = OrgUnit(code="SKHCN", name="Sở Khoa học và Công nghệ tỉnh Bình Định", kind="so")
        s.add(root)
        s.flush()
        unit = OrgUnit(code="VP", name="Văn phòng Sở", kind="van_phong", parent_id=root.id)
        s.add(unit)
        s.flush()
        unit_id = unit.id
    ident = ps.IdentityInput(
        full_name="Trần Thị Thu Hà", gender="F", birth_date=date(1985, 3, 5), id_number=CARD, personal_id=CARD,
        ethnicity="01", religion="khong", birth_place="Phường Quy Nhơn, tỉnh Gia Lai",
        home_town="Xã Phù Cát, tỉnh Gia Lai", current_address="12 Lê Lợi, phường Quy Nhơn, tỉnh Gia Lai",
        phone="0905123456", id_issue_date=date(2021, 8, 12), general_education="12/12",
        occupation_at_recruitment="Cử nhân Luật", party_join_date=date(2012, 5, 19),
        party_official_date=date(2013, 5, 19), height_cm=158, weight_kg=50, blood_type="O", health="Tốt",
        staff_code="SKHCN-015", social_insurance_no="5205012345", health_insurance_no="GD4525205012345",
        managing_agency="UBND tỉnh Gia Lai", family_background="Công chức", longest_work="Pháp chế",
        party_post="Bí thư Chi bộ Văn phòng", party_concurrent_post="Ủy viên Ban Chấp hành Đảng bộ Sở",
        strengths="Tổng hợp, pháp chế",
        history_notes="Không bị bắt, bị tù. Không tham gia tổ chức nào ở nước ngoài. Không có thân nhân ở nước ngoài.")
    prof = ps.create_person(ctx, ps.NewPerson(
        identity=ident,
        employment=ps.EmploymentInput("cong_chuc", unit_id, date(2010, 9, 1), recruitment_date=date(2010, 9, 1),
                                      recruitment_agency="Sở Nội vụ tỉnh Bình Định"),
        salary=ps.SalaryInput("01.003", 1, Decimal("2.34"), date(2010, 9, 1)),
        qualifications=(ps.QualificationInput("chuyen_mon", "DH", major="Luật", institution="Đại học Luật Huế",
                                              mode="chinh_quy", start_date=date(2003, 9, 1),
                                              end_date=date(2007, 6, 30), year=2007),
                        ps.QualificationInput("llct", "trung_cap", institution="Trường Chính trị tỉnh", year=2016),
                        ps.QualificationInput("ngoai_ngu", "B1", language="Tiếng Anh", year=2014)),
    ))
    pid = prof.id
    ps.add_salary_step(ctx, pid, ps.SalaryInput("01.003", 2, Decimal("2.67"), date(2013, 9, 1),
                                                decision=ps.DecisionInput("1/QĐ-SKHCN", date(2013, 9, 1))))
    ps.add_post(ctx, pid, ps.PostInput("pho_chanh_van_phong", unit_id, date(2020, 5, 1), decision=DEC))
    ps.add_family_member(ctx, pid, ps.FamilyInput("Mẹ", "Nguyễn Thị Lan", 1960, "Nội trợ, Phù Cát"))
    ps.add_family_member(ctx, pid, ps.FamilyInput("Cha chồng", "Lê Văn Hùng", 1955, "Hưu trí", side="spouse"))
    ps.add_award(ctx, pid, ps.AwardInput(date(2021, 12, 30), "Bằng khen của Chủ tịch UBND tỉnh", decision=DEC))
    ps.add_award(ctx, pid, ps.AwardInput(date(2021, 12, 30), "Chiến sĩ thi đua cơ sở", decision=DEC))
    ps.add_work_history(ctx, pid, ps.WorkInput(date(2010, 9, 1), date(2020, 4, 30), "Chuyên viên Văn phòng Sở"))
    return pid


def test_every_label_of_the_form_in_its_order_then_the_signatures(ctx, person):
    data = io.BytesIO()
    pages = build_cv_2023(data, load_profile(ctx, person),
                          CvContext("Sở Khoa học và Công nghệ tỉnh Bình Định", "Văn phòng Sở", "Gia Lai",
                                    date(2026, 3, 5), "Nguyễn Văn A"), on=date(2026, 3, 5))
    assert 4 <= pages <= 7
    text = pdf_text(data.getvalue())
    assert text.count(" Từ Đến ") == PERIOD_TABLES
    text = headers_read(text)
    end = in_order(text, LABELS_IN_ORDER)
    rest = text[end:]
    in_order(rest, LEFT_SIGNATURE)
    in_order(rest, RIGHT_SIGNATURE)
    assert "Gia Lai, Ngày 05 tháng 3 năm 2026" in rest and "Nguyễn Văn A" in rest


def test_the_records_values_stand_after_their_labels(ctx, person):
    data = io.BytesIO()
    build_cv_2023(data, load_profile(ctx, person), CvContext("Sở Khoa học và Công nghệ tỉnh Bình Định",
                                                             "Văn phòng Sở"), on=date(2026, 3, 5))
    text = pdf_text(data.getvalue())
    for label, value in [
        ("Cơ quan quản lý cán bộ, công chức, viên chức:", "UBND tỉnh Gia Lai"),  # the record's own, not the Sở
        ("Cơ quan, đơn vị sử dụng cán bộ, công chức, viên chức:", "Văn phòng Sở"),
        ("Số hiệu:", "SKHCN-015"), ("Mã số định danh:", CARD),
        ("1) Họ và tên khai sinh (viết chữ in hoa):", "TRẦN THỊ THU HÀ"), ("Giới tính:", "Nữ"),
        ("3) Sinh ngày:", "05 tháng 03 năm 1985"), ("4) Nơi sinh:", "Phường Quy Nhơn, tỉnh Gia Lai"),
        ("6) Dân tộc:", "Kinh"), ("8) Số CCCD:", CARD), ("Ngày cấp:", "12/08/2021"), ("SĐT liên hệ:", "0905123456"),
        ("9) Số BHXH:", "5205012345"), ("Số thẻ BHYT:", "GD4525205012345"),
        ("10) Nơi ở hiện nay:", "12 Lê Lợi"), ("11) Thành phần gia đình xuất thân:", "Công chức"),
        ("12) Nghề nghiệp trước khi được tuyển dụng:", "Cử nhân Luật"),
        ("13) Ngày được tuyển dụng lần đầu:", "01/09/2010"), ("Cơ quan, tổ chức, đơn vị tuyển dụng:", "Sở Nội vụ tỉnh Bình Định"),
        ("14) Ngày vào cơ quan hiện đang công tác:", "01/09/2010"),
        ("15) Ngày vào Đảng Cộng sản Việt Nam:", "19/05/2012"), ("Ngày chính thức:", "19/05/2013"),
        ("20) Trình độ chuyên môn cao nhất:", "Đại học Luật"), ("23) Chức vụ hiện tại:", "Phó Chánh Văn phòng"),
        ("Ngày bổ nhiệm/ngày phê chuẩn:", "01/05/2020"),
        ("26) Chức vụ Đảng hiện tại:", "Bí thư Chi bộ Văn phòng"),
        ("27) Chức vụ Đảng kiêm nhiệm:", "Ủy viên Ban Chấp hành Đảng bộ Sở"),
        ("29) Sở trường công tác:", "Tổng hợp, pháp chế"), ("Công việc làm lâu nhất", "Pháp chế"),
        ("30.1) Ngạch/chức danh nghề nghiệp:", "Chuyên viên"), ("Mã số:", "01.003"),
        ("Bậc lương:", "2"), ("Hệ số:", "2,67"), ("Ngày hưởng:", "01/09/2013"), ("Phần trăm hưởng:", "100%"),
        ("30.2) Phụ cấp chức vụ:", "0,40"), ("Chiều cao:", "158"), ("Nhóm máu:", "O"),
    ]:
        at = text.find(label)
        assert at >= 0, label
        assert text.find(value, at) >= 0 and text.find(value, at) - at < 160, (label, value)
    # the tables: training rows, work, awards by year, family, salary history month by month
    for value in ("09/2003 07/2007"[:7], "Đại học Luật Huế", "Trường Chính trị tỉnh", "Tiếng Anh",
                  "Chuyên viên Văn phòng Sở", "2021", "Chiến sĩ thi đua cơ sở", "Bằng khen của Chủ tịch UBND tỉnh",
                  "Nguyễn Thị Lan", "Lê Văn Hùng", "09/2010 08/2013 01.003 1 2,34", "09/2013 nay 01.003 2 2,67",
                  "Không bị bắt, bị tù."):
        assert value in text, value


def test_a_blank_record_keeps_the_dotted_places_and_the_empty_photo_box(ctx, person):
    profile = load_profile(ctx, person)
    bare = replace(profile, photo=None, identity=replace(
        profile.identity, personal_id=None, id_number=None, managing_agency=None, home_town=None,
        party_join_date=None, party_official_date=None, social_insurance_no=None, health_insurance_no=None))
    data = io.BytesIO()
    build_cv_2023(data, bare, CvContext("Sở Khoa học và Công nghệ tỉnh Bình Định", ""))
    text = pdf_text(data.getvalue())
    assert "Ảnh màu" in text and "(4 x 6 cm)" in text
    assert "Cơ quan quản lý cán bộ, công chức, viên chức: Sở Khoa học và Công nghệ tỉnh Bình Định" in text
    assert "5) Quê quán (xã, phường): …….. (huyện, quận): …… (tỉnh, TP):" in text
    assert "15) Ngày vào Đảng Cộng sản Việt Nam: …/…/…… Ngày chính thức: …/…/……" in text
    assert re.search(r"Mã số định danh: \.{10,}", text)
    assert re.search(r"9\) Số BHXH: \.{5,}", text)
    assert "Ngày … tháng … năm 20……" in text


def test_a4_portrait_in_liberation_serif(ctx, person, tmp_path):
    out = tmp_path / "cv.pdf"
    export_cv_2023(ctx, out, person)
    pdf = pdfium.PdfDocument(out)
    try:
        width, height = pdf[0].get_size()
    finally:
        pdf.close()
    assert abs(width - 595.3) < 1 and abs(height - 841.9) < 1
    fonts = {str(font.get_object()["/BaseFont"]) for page in PdfReader(out).pages
             for font in (page["/Resources"].get("/Font") or {}).values()}
    assert fonts and all("LiberationSerif" in f for f in fonts), fonts


def test_read_only_role_gets_the_numbers_masked_and_the_print_is_audited_with_its_form(ctx, person, tmp_path):
    ctx.sign_in("xem1", "xem")
    out = tmp_path / "cv.pdf"
    export_cv_2023(ctx, out, person)
    text = pdf_text(out.read_bytes())
    for number in (CARD, "5205012345", "GD4525205012345"):
        assert number not in text, number
    assert "052******234" in text
    with ctx.read() as s:
        row = s.scalars(select(AuditLog).where(AuditLog.action == "print")).one()
    assert row.person_id == person and row.changes["masked"] is True
    assert "TT 06/2023/TT-BNV" in (row.summary or "")


def test_the_two_forms_are_two_documents_of_the_catalogue(ctx, person, tmp_path):
    old, new = tmp_path / "2c.pdf", tmp_path / "tt06.pdf"
    catalogue.export(ctx, "cv", {"person": person}, old)
    catalogue.export(ctx, "cv_2023", {"person": person}, new)
    assert "Mẫu 2C-BNV/2008" in pdf_text(old.read_bytes())
    assert "06/2023/TT-BNV" not in pdf_text(old.read_bytes())
    assert "MẪU SƠ YẾU LÝ LỊCH" in pdf_text(new.read_bytes()) and "2C-BNV" not in pdf_text(new.read_bytes())
    assert catalogue.document("cv_2023").cli_name == "cv-2023"


def test_a_demo_leader_fills_the_form_on_a_few_pages(demo_ctx, tmp_path):
    out = tmp_path / "cv.pdf"
    pages = export_cv_2023(demo_ctx, out, 1)
    assert 4 <= pages <= 7
    text = pdf_text(out.read_bytes())
    assert "Sở Khoa học và Công nghệ tỉnh Bình Định" in text and "37.1- Quá trình lương của bản thân" in text
