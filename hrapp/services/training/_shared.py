"""What the training use cases share: cleaning text, reading money and date ranges into field errors, a record by id."""


from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from sqlalchemy.orm import Session

from hrapp import messages
from hrapp.db.models import (
    TrainingRecord,
)
from hrapp.errors import NotFoundError
from hrapp.services.decisions import MAX_YEAR, MIN_YEAR

MAX_COST = Decimal("100000000000")  # 100 tỷ đồng: anything above is a typing mistake


def clean(text: str | None) -> str | None:
    text = (text or "").strip()
    return text or None


def money(value: Decimal | int | str | None, field_name: str, errors: list[tuple[str, str]]) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        errors.append((field_name, messages.text("amount_invalid")))
        return None
    if amount < 0 or amount > MAX_COST or amount != amount.to_integral_value():
        errors.append((field_name, messages.text("amount_whole")))
        return None
    return amount


def dates(start: date | None, end: date | None, start_field: str, end_field: str,
           errors: list[tuple[str, str]]) -> None:
    for name, day in ((start_field, start), (end_field, end)):
        if day is not None and not MIN_YEAR <= day.year <= MAX_YEAR:
            errors.append((name, messages.text("date_year_range", first=MIN_YEAR, last=MAX_YEAR)))
    if start and end and end < start:
        errors.append((end_field, messages.text("end_before_start", end=end, start=start)))



def get_record(s: Session, record_id: int) -> TrainingRecord:
    r = s.get(TrainingRecord, record_id)
    if r is None:
        raise NotFoundError("record_not_found", "Không tìm thấy lượt cử đi học này.", field="record_id")
    return r
