"""Database engine, models and migrations."""
