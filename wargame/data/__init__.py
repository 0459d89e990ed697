"""YAML -> model, with validation: every error names file, line, column, field and what was expected."""

from wargame.data.schema import DataError, Problem

__all__ = ["DataError", "Problem"]
