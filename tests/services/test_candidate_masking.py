"""Candidates' personal fields are masked by the one masking table (`mask_dto`) for a role that may not see
personal data, the same way as staff: through the service and in every printed document of a round."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from hrapp.masking import PERSONAL_FIELDS, mask_address, mask_cccd, mask_email, mask_phone, mask_text
from hrapp.queries import recruitment as rq
from hrapp.queries.recruitment import get_candidate
from hrapp.reports.recruitment_documents import build_document
from hrapp.services import recruitment as rec
from tests.services.org_builders import own_agency
from tests.services.recruitment_builders import (
    NOTICE,
    advance,
    centre,
    dec,
    form,
    new_round,
    score_all,
    target_id,
    to_round2,
)

PEOPLE = {
    "Nguyễn Văn An": dict(cccd="052096001234", phone="0905123456", email="nguyenvanan@gmail.com",
                          permanent_address="12 Lê Lợi, P. Lê Lợi, Quy Nhơn, Bình Định",
                          current_address="45 Trần Hưng Đạo, Quy Nhơn, Bình Định", id_issue_place="Cục Cảnh sát QLHC"),
    "Trần Thị Bình": dict(cccd="052196007788", phone="0914777888", email="tranthibinh@yahoo.com",
                          permanent_address="7 Nguyễn Huệ, Tuy Phước, Bình Định",
                          current_address="9 Phan Bội Châu, An Nhơn, Bình Định", id_issue_place="Công an tỉnh Bình Định"),
}
SECRETS = ("052096001234", "0905123456", "nguyenvanan", "12 Lê Lợi", "45 Trần Hưng Đạo", "052196007788",
           "0914777888", "tranthibinh", "7 Nguyễn Huệ", "9 Phan Bội Châu")


@pytest.fixture
def finished(ctx):
    own_agency(ctx, head_name="Nguyễn Văn Nường")
    org = centre(ctx)
    info = new_round(ctx, org, {"IT": 2})
    it = target_id(info, org["IT"])
    advance(ctx, info.id, "open", NOTICE)
    ids = {name: rec.add_candidate(ctx, info.id, form(name, (it,), gender="F" if "Thị" in name else "M", **kw)).id
           for name, kw in PEOPLE.items()}
    info = to_round2(ctx, rq.get_round(ctx, info.id))
    score_all(ctx, info.id, {ids["Nguyễn Văn An"]: "82", ids["Trần Thị Bình"]: "74.5"})
    advance(ctx, info.id, "results", date(2022, 5, 16), decision=dec("300/QĐ-SKHCN", date(2022, 5, 16)))
    return ctx, info.id


def test_xem_sees_candidates_masked_like_staff(finished):
    ctx, round_id = finished
    clear = {c.full_name: c for c in rq.list_candidates(ctx, round_id)}
    ctx.role = "xem"
    seen = {c.full_name: c for c in rq.list_candidates(ctx, round_id)}
    for name, raw in clear.items():
        got = seen[name]
        assert got.id_number == mask_cccd(raw.id_number)
        assert got.phone == mask_phone(raw.phone)
        assert got.email == mask_email(raw.email)  # 'n***@gmail.com', as for staff, not hidden whole
        assert got.permanent_address == mask_address(raw.permanent_address)
        assert got.current_address == mask_address(raw.current_address)
        assert got.id_issue_place == mask_text(raw.id_issue_place)
        # every field the masking table knows comes back masked; the rest is untouched
        for f in dataclasses.fields(raw):
            if f.name not in PERSONAL_FIELDS:
                assert getattr(got, f.name) == getattr(raw, f.name), f.name
    assert seen["Nguyễn Văn An"].email == "n***@gmail.com"
    single = get_candidate(ctx, seen["Nguyễn Văn An"].id)
    assert single == seen["Nguyễn Văn An"]


@pytest.mark.parametrize("kind", ["plan", "eligible", "scores", "results"])
@pytest.mark.parametrize("suffix", ["pdf", "xlsx"])
def test_no_candidate_personal_field_in_a_recruitment_document_for_xem(finished, tmp_path, kind, suffix):
    ctx, round_id = finished
    ctx.role = "xem"
    out = tmp_path / f"{kind}.{suffix}"
    build_document(ctx, round_id, kind, out)
    if suffix == "pdf":
        written = "\n".join(page.extract_text() for page in PdfReader(str(out)).pages)
    else:
        wb = load_workbook(out)
        written = "\n".join(str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row
                            if c.value is not None)
    assert written.strip()
    for secret in SECRETS:
        assert secret not in written, (kind, secret)
