"""The project's exception types. Every message is written for a person and fits on one line."""

from __future__ import annotations


class TaskctlError(Exception):
    """Base class: the CLI prints the message on one line of stderr and exits non-zero."""

    exit_code = 1


class InputError(TaskctlError):
    """A document or ledger that cannot be read or parsed (names the file and, where known, the line)."""

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None) -> None:
        self.source = source
        self.line = line
        self.message = message
        where = ""
        if source:
            where = f"{source}:{line}: " if line else f"{source}: "
        super().__init__(f"{where}{message}")


class NotFoundError(TaskctlError):
    """An unknown task, unit or document."""


class AmbiguousError(TaskctlError):
    """A name that matches several things; the message lists the candidates."""


class InvalidValueError(TaskctlError):
    """A bad status, date, percent or other value given by the user."""


class TransitionError(TaskctlError):
    """A status change that the lifecycle does not allow."""


class StaleVersionError(TaskctlError):
    """An update based on a stale read of a task (someone else changed it in between)."""


class DatabaseError(TaskctlError):
    """A database that cannot be opened, is not a taskctl database, or has a newer schema."""


class AccessError(TaskctlError):
    """A change the connected database role may not make, or access control asked of SQLite."""
