"""Alembic migrations shipped inside the package and applied on start-up and by `init`."""
