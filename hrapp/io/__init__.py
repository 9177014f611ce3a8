"""Excel/CSV import and export with row-level validation."""
