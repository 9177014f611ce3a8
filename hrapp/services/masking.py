"""Kept for one release only: masking of personal data moved to `hrapp.masking` (beside `hrapp.security`, below
the queries). This module only re-exports it for code written against the old path; a follow-up removes it.
Import `hrapp.masking` instead."""

from hrapp.masking import (  # noqa: F401 - re-exported for the old import path
    HIDDEN,
    MASK,
    PERSONAL_FIELDS,
    PERSONAL_IN_RECORD,
    can_see_personal,
    mask_address,
    mask_cccd,
    mask_dto,
    mask_email,
    mask_phone,
    mask_record,
    mask_text,
    mask_value,
    mask_year,
    masked_copy,
    record_personal_output,
)
