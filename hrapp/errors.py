"""Typed errors the UI and the CLI turn into one clear line in the user's language; never a traceback.

An error carries a code, the field it belongs next to and parameters; hrapp/messages words it. A raise site
may still pass its own Vietnamese sentence: it is the Vietnamese wording (and the fallback of a code that the
table does not word yet).
"""

from __future__ import annotations

from typing import Any

from hrapp import messages


class HrappError(Exception):
    """Base for every error meant for the user."""

    area = ""  # a class whose codes mean something of their own ("locked" account) words "area.code" first

    def __init__(self, code: str, message: str | None = None, field: str | None = None, **params: Any):
        self.code = code
        self.vi_message = message
        self.field = field
        self.params = params
        super().__init__(message if message is not None else messages.word(code, params, "vi", area=self.area))

    def worded(self, lang: str | None = None) -> str:
        """The sentence in `lang` (default: the language of the session)."""
        return messages.word(self.code, self.params, lang, fallback=self.vi_message, area=self.area)

    @property
    def message(self) -> str:
        return self.worded()

    @message.setter
    def message(self, value: str) -> None:  # a subclass giving its own Vietnamese sentence after __init__
        self.vi_message = value

    def __str__(self) -> str:
        return self.worded()


class DomainError(HrappError):
    """A business rule refused the input (bad value, rule violated)."""


class ValidationError(DomainError):
    """One or more fields are invalid; `errors` lists (field, message) pairs (a message may be a
    messages.Text, worded again in the language asked for)."""

    def __init__(self, errors: list[tuple[str, str]]):
        self.errors = errors
        first_field, _first_msg = errors[0]
        super().__init__("validation", messages.join((m for _, m in errors), "vi"), field=first_field)

    def worded(self, lang: str | None = None) -> str:
        if (lang or messages.language()) == "vi" and self.vi_message:
            return self.vi_message  # the Vietnamese sentences as joined at the raise (or as a subclass set them)
        return messages.join((m for _, m in self.errors), lang)


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

    area = "account"


class FileAccessError(HrappError):
    """A file or folder the user named cannot be read or written (disk full, read-only, no such folder, …);
    the sentence names the path and says what to do."""


class UnexpectedError(HrappError):
    """A failure the app has no words of its own for: one line naming the log that keeps the traceback."""
