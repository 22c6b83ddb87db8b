"""The exception hierarchy. The library raises these; only the CLI turns them into exit codes."""
from __future__ import annotations


class PipelineError(Exception):
    """Base class: a problem the user can fix, reported as one line naming where it is."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None,
                 element: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.element = element

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = str(self.path)
            if self.line is not None:
                where += f":{self.line}"
            if self.element:
                where += f" ({self.element})"
            where += ": "
        return where + self.message


class InputError(PipelineError):
    """An input document cannot be read (encoding, format, missing columns, empty…)."""


class GlossaryError(PipelineError):
    """A glossary cannot be read or is inconsistent."""


class UnsupportedLanguageError(PipelineError):
    """A language tag that the pipeline does not know."""


class ConfigError(PipelineError):
    """A project configuration file or option is invalid."""


class MissingExtraError(PipelineError):
    """An optional dependency is not installed; the message names the extra to install."""
