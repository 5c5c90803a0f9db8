"""Errors speechkit raises. Each message says what went wrong and what to do about it."""
from __future__ import annotations


class SpeechkitError(Exception):
    """Base class: caught once in the CLI and shown as one line, never a traceback."""


class LoadError(SpeechkitError):
    """A file could not be read or decoded. Carries the file name as given."""

    def __init__(self, file: str, reason: str):
        super().__init__(f"{file}: {reason}")
        self.file = file
        self.reason = reason


class ConfigError(SpeechkitError):
    """A configuration or lexicon file is malformed; names the file and key."""

    def __init__(self, file: str, key: str, reason: str):
        where = f"{file}: {key}" if key else file
        super().__init__(f"{where}: {reason}")
        self.file = file
        self.key = key
        self.reason = reason
