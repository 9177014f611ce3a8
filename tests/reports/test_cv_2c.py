"""Sơ yếu lý lịch (Mẫu 2C-BNV/2008): the form's wording and items in order, values from the record, dotted
blanks for what is missing, the photo, embedded Liberation Serif, masking and the audit of the print."""

from __future__ import annotations

import io
import re
from datetime import date
from decimal import Decimal

import pytest
from PIL import Image
from pypdf import PdfReader
from sqlalchemy import select

from hrapp.db.models import AuditLog, OrgUnit
from hrapp.queries.person_profile import load_profile
from hrapp.reports.cv_2c import CvContext, build_cv, export_cv
from hrapp.services import persons as ps

DEC = ps.DecisionInput("15/QĐ-SKHCN", date(2020, 4, 28))

ITEMS_IN_ORDER = [
    "Mẫu 2C-BNV/2008", "Cơ quan, đơn vị có thẩm quyền quản lý CBCC", "Số hiệu cán bộ, công chức:",
    "Cơ quan, đơn vị sử dụng CBCC", "SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC",
    "1) Họ và tên khai sinh (viết chữ in hoa):", "2) Tên gọi khác:", "3) Sinh ngày:", "Giới tính (nam, nữ):",
    "4) Nơi sinh:", "5) Quê quán:", "6) Dân tộc:", "7) Tôn giáo:", "8) Nơi đăng ký hộ khẩu thường trú:",
    "(Số nhà, đường phố, thành phố, xóm, thôn, xã, huyện, tỉnh)", "9) Nơi ở hiện nay:",
    "10) Nghề nghiệp khi được tuyển dụng:", "11) Ngày tuyển dụng:", "Cơ quan tuyển dụng:",
    "12) Chức vụ (chức danh) hiện tại:", "(Về chính quyền hoặc Đảng, đoàn thể, kể cả chức vụ kiêm nhiệm)",
    "13) Công việc chính được giao:", "14) Ngạch công chức (viên chức):", "Mã ngạch:", "Bậc lương:", "Hệ số:",
    "Ngày hưởng:", "Phụ cấp chức vụ:", "Phụ cấp khác:",
    "15.1- Trình độ giáo dục phổ thông (đã tốt nghiệp lớp mấy/thuộc hệ nào):",
    "15.2- Trình độ chuyên môn cao nhất:", "(TSKH, TS, Ths, cử nhân, kỹ sư, cao đẳng, trung cấp, sơ cấp, chuyên ngành)",
    "15.3- Lý luận chính trị:", "15.4- Quản lý nhà nước:", "15.5- Ngoại ngữ:", "15.6- Tin học:",
    "16) Ngày vào Đảng Cộng sản Việt Nam:", "Ngày chính thức:", "17) Ngày tham gia tổ chức chính trị - xã hội:",
    "18) Ngày nhập ngũ:", "Ngày xuất ngũ:", "Quân hàm cao nhất:", "19) Danh hiệu được phong tặng cao nhất",
    "20) Sở trường công tác:", "21) Khen thưởng:", "22) Kỷ luật:", "23) Tình trạng sức khoẻ:", "Chiều cao:",
    "Cân nặng:", "Nhóm máu:", "24) Là thương binh hạng:", "Là con gia đình chính sách:",
    "25) Số chứng minh nhân dân:", "Ngày cấp:", "26) Số sổ BHXH:",
    "27) Đào tạo, bồi dưỡng về chuyên môn, nghiệp vụ, lý luận chính trị, ngoại ngữ, tin học", "Tên trường",
    "Chuyên ngành đào tạo, bồi dưỡng", "Hình thức đào tạo", "Văn bằng, chứng chỉ, trình độ gì", "Ghi chú:",
    "28) Tóm tắt quá trình công tác", "29) Đặc điểm lịch sử bản thân:", "30) Quan hệ gia đình",
    "a) Về bản thân: Cha, Mẹ, Vợ (hoặc chồng), các con, anh chị em ruột", "Mối quan hệ", "Họ và tên", "Năm sinh",
    "b) Về bên vợ (hoặc chồng): Cha, Mẹ, anh chị em ruột",
    "31) Diễn biến quá trình lương của cán bộ, công chức", "Tháng/năm", "Mã ngạch/bậc", "Hệ số lương",
    "32) Nhận xét, đánh giá của cơ quan, đơn vị quản lý và sử dụng cán bộ, công chức",
]
CLOSING = ["Người khai", "Thủ trưởng cơ quan, đơn vị quản lý và sử dụng CBCC",
           "Tôi xin cam đoan những lời khai trên đây là đúng sự thật", "(Ký tên, ghi rõ họ tên)", "(Ký tên, đóng dấu)"]


def text_of(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return re.sub(r"[ \t]+", " ", text)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def jpeg(width: int = 120, height: int = 180) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (30, 90, 160)).save(out, "JPEG")
    return out.getvalue()


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
        full_name="Trần Thị Thu Hà", gender="F", birth_date=date(1985, 3, 5), id_number="052185001234",
        ethnicity="01", religion="khong", birth_place="Phường Lê Lợi, TP Quy Nhơn, Bình Định",
        home_town="Xã Cát Hanh, huyện Phù Cát, tỉnh Bình Định", permanent_address="12 Lê Lợi, Quy Nhơn",
        current_address="12 Lê Lợi, Quy Nhơn", general_education="12/12", occupation_at_recruitment="Cử nhân Luật",
        party_join_date=date(2012, 5, 19), party_official_date=date(2013, 5, 19), height_cm=158, weight_kg=50,
        blood_type="O", health="Tốt", staff_code="SKHCN-015", social_insurance_no="5205012345",
        history_notes="Không bị bắt, bị tù. Không tham gia tổ chức nào ở nước ngoài. Không có thân nhân ở nước ngoài.")
    prof = ps.create_person(ctx, ps.NewPerson(
        identity=ident,
        employment=ps.EmploymentInput("cong_chuc", unit_id, date(2010, 9, 1), recruitment_date=date(2010, 9, 1),
                                      recruitment_agency="Sở Nội vụ tỉnh Bình Định"),
        salary=ps.SalaryInput("01.003", 1, Decimal("2.34"), date(2010, 9, 1)),
        qualifications=(ps.QualificationInput("chuyen_mon", "DH", major="Luật", institution="Đại học Luật Huế",
                                              mode="chinh_quy", start_date=date(2003, 9, 1),
                                              end_date=date(2007, 6, 30), year=2007),
                        ps.QualificationInput("chuyen_mon", "ThS", major="Luật hành chính",
                                              institution="Đại học Luật Hà Nội", year=2015),
                        ps.QualificationInput("llct", "trung_cap", institution="Trường Chính trị tỉnh", year=2016),
                        ps.QualificationInput("ngoai_ngu", "B1", language="Tiếng Anh", year=2014)),
    ))
    pid = prof.id
    for n, (step, coef, day) in enumerate([(2, "2.67", date(2013, 9, 1)), (3, "3.00", date(2016, 9, 1))]):
        ps.add_salary_step(ctx, pid, ps.SalaryInput("01.003", step, Decimal(coef), day,
                                                    decision=ps.DecisionInput(f"{n + 1}/QĐ-SKHCN", day)))
    ps.add_post(ctx, pid, ps.PostInput("pho_chanh_van_phong", unit_id, date(2020, 5, 1), decision=DEC))
    ps.add_family_member(ctx, pid, ps.FamilyInput("Mẹ", "Nguyễn Thị Lan", 1960, "Nội trợ, Phù Cát"))
    ps.add_family_member(ctx, pid, ps.FamilyInput("Cha chồng", "Lê Văn Hùng", 1955, "Hưu trí", side="spouse"))
    ps.add_award(ctx, pid, ps.AwardInput(date(2019, 12, 30), "Giấy khen của Giám đốc Sở", decision=DEC))
    ps.add_award(ctx, pid, ps.AwardInput(date(2021, 12, 30), "Bằng khen của Chủ tịch UBND tỉnh", decision=DEC))
    ps.add_work_history(ctx, pid, ps.WorkInput(date(2010, 9, 1), date(2020, 4, 30), "Chuyên viên Văn phòng Sở"))
    ps.set_photo(ctx, pid, "anh.jpg", jpeg())
    return pid


def test_form_items_appear_in_the_official_order_with_the_values(ctx, person):
    data = io.BytesIO()
    profile = load_profile(ctx, person)
    pages = build_cv(data, profile, CvContext("Sở Khoa học và Công nghệ tỉnh Bình Định", "Văn phòng Sở",
                                              "Bình Định", date(2024, 3, 5), "Nguyễn Văn A"),
                     on=date(2024, 3, 5))
    assert 3 <= pages <= 5
    text = flat(text_of(data.getvalue()))
    at = 0
    for item in ITEMS_IN_ORDER:
        found = text.find(item, at)
        assert found >= 0, f"missing or out of order: {item}"
        at = found + len(item)
    for item in CLOSING:  # two columns side by side: their reading order is the extractor's choice
        assert item in text[at:], item
    for value in ("TRẦN THỊ THU HÀ", "05 tháng 03 năm 1985", "Nữ", "Kinh", "Cử nhân Luật", "01/09/2010",
                  "Sở Nội vụ tỉnh Bình Định", "Phó Chánh Văn phòng", "Chuyên viên", "01.003", "3,00", "01/09/2016",
                  "0,40", "Thạc sĩ Luật hành chính", "Trung cấp", "Tiếng Anh B1", "19/05/2012", "158 cm", "50 kg",
                  "052185001234", "5205012345", "Bằng khen của Chủ tịch UBND tỉnh, năm 2021", "SKHCN-015",
                  "Đại học Luật Huế", "09/2003 - 06/2007", "Chuyên viên Văn phòng Sở", "Nguyễn Thị Lan",
                  "Lê Văn Hùng", "09/2010", "01.003/2", "2,67", "Bình Định, Ngày 05 tháng 3 năm 2024",
                  "Nguyễn Văn A", "Không có thân nhân ở nước ngoài."):
        assert value in text, value


def test_blank_record_keeps_the_forms_dotted_places(ctx, person):
    profile = load_profile(ctx, person)
    from dataclasses import replace

    bare = replace(profile, identity=replace(profile.identity, birth_place=None, home_town=None,
                                             party_join_date=None, party_official_date=None),
                   awards=(), photo=None)
    data = io.BytesIO()
    build_cv(data, bare, CvContext("", ""))
    text = flat(text_of(data.getvalue()))
    assert "4) Nơi sinh: Xã" in text and ", Huyện" in text and ", Tỉnh" in text
    assert "16) Ngày vào Đảng Cộng sản Việt Nam: …/…/……" in text
    assert "……, Ngày……. tháng…… năm ………" in text or "Ngày……. tháng…… năm ………" in text
    assert "Ảnh màu" in text and "(4 x 6 cm)" in text
    assert "......" in text  # dot leaders of the empty lines


def test_pdf_embeds_liberation_serif_only_and_the_photo(ctx, person, tmp_path):
    out = tmp_path / "cv.pdf"
    export_cv(ctx, out, person)
    reader = PdfReader(out)
    fonts: set[str] = set()
    images = 0
    for page in reader.pages:
        resources = page["/Resources"]
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            fonts.add(str(font["/BaseFont"]))
            descriptor = font["/FontDescriptor"].get_object() if "/FontDescriptor" in font else None
            assert descriptor is not None and "/FontFile2" in descriptor, font["/BaseFont"]
        for xobject in (resources.get("/XObject") or {}).values():
            images += xobject.get_object()["/Subtype"] == "/Image"
    assert fonts and all("LiberationSerif" in f for f in fonts)
    assert images == 1
    assert reader.pages[0].mediabox.width < reader.pages[0].mediabox.height  # A4 portrait
    assert abs(float(reader.pages[0].mediabox.width) - 595.3) < 1


def test_read_only_role_gets_masked_personal_data_and_the_print_is_audited(ctx, person, tmp_path):
    ctx.sign_in("xem1", "xem")
    out = tmp_path / "cv.pdf"
    export_cv(ctx, out, person)
    text = flat(text_of(out.read_bytes()))
    assert "052185001234" not in text and "052******234" in text
    with ctx.read() as s:
        row = s.scalars(select(AuditLog).where(AuditLog.action == "print")).one()
    assert row.person_id == person and row.changes["masked"] is True


def test_salary_grid_continues_in_a_second_block_after_nine_changes(ctx, person):
    profile = load_profile(ctx, person)
    from dataclasses import replace

    steps = tuple(replace(profile.salary_steps[0], effective_date=date(2000 + k, 1, 1), step=k % 9 + 1)
                  for k in range(11))
    data = io.BytesIO()
    build_cv(data, replace(profile, salary_steps=steps), CvContext("", ""))
    text = text_of(data.getvalue())
    assert text.count("Mã ngạch/bậc") == 2 and "01/2010" in text


def test_a_demo_leader_prints_on_about_four_pages(demo_ctx, tmp_path):
    out = tmp_path / "cv.pdf"
    pages = export_cv(demo_ctx, out, 1)
    assert 3 <= pages <= 5
    text = flat(text_of(out.read_bytes()))
    assert "Sở Khoa học và Công nghệ tỉnh Bình Định" in text and "31) Diễn biến quá trình lương" in text
