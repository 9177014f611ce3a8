"""Typed errors the UI and the CLI turn into a clear Vietnamese message; never a traceback."""

from __future__ import annotations


class HrappError(Exception):
    """Base for every error meant for the user."""

    def __init__(self, code: str, message: str, field: str | None = None, **params: object):
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field
        self.params = params

    def __str__(self) -> str:
        return self.message


class DomainError(HrappError):
    """A business rule refused the input (bad value, rule violated)."""


class ValidationError(DomainError):
    """One or more fields are invalid; `errors` lists (field, message) pairs."""

    def __init__(self, errors: list[tuple[str, str]]):
        self.errors = errors
        first_field, first_msg = errors[0]
        super().__init__("validation", "; ".join(m for _, m in errors), field=first_field)


class NotFoundError(DomainError):
    """The record asked for does not exist."""


class ConflictError(DomainError):
    """Someone else changed the record first (optimistic locking)."""


class DatabaseError(HrappError):
    """The database cannot be opened or used (locked, corrupt, too new, read-only)."""


class PermissionDeniedError(HrappError):
    """The signed-in user's role (or unit scope) does not allow the action."""


class AuthenticationError(HrappError):
    """Sign-in refused: wrong name or password, account locked or deactivated."""
