"""The ``abstract-qa`` command: each command parses options, calls one library function, writes.

The commands live in small modules by family; importing them registers them on the group.
"""
from __future__ import annotations

import os
import sys
from typing import Sequence

from . import glossary, qa, text  # noqa: F401  (registers the commands)
from .base import cli

__all__ = ["cli", "main"]


def main(argv: Sequence[str] | None = None) -> None:
    """Console-script entry point."""
    try:
        cli.main(args=argv, prog_name="abstract-qa")
    except BrokenPipeError:
        # `abstract-qa segment x | head`: the reader left; nothing more to say.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
