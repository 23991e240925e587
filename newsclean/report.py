"""Counting outcomes and turning them into messages and an exit code (black's convention).

Exit codes: 0 all done; 2 usage error (raised by Click before any work); 123 one or more inputs
could not be read, cleaned or written — the others were still done.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Diagnostic

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_FAILED = 123


@dataclass
class Report:
    """Outcomes of one run, accumulated by the parent process only."""

    quiet: bool = False
    changed: int = 0
    unchanged: int = 0
    failed: int = 0

    def done(self, display: str, changed: bool, diagnostics: tuple[Diagnostic, ...]) -> list[str]:
        """Record a cleaned input; return the lines to show on stderr for it."""
        if changed:
            self.changed += 1
        else:
            self.unchanged += 1
        if self.quiet:
            return []
        return [d.format(display) for d in diagnostics]

    def failure(self, display: str, problem: str) -> list[str]:
        """Record an input that could not be processed; the message is shown even with -q."""
        self.failed += 1
        return [f"{display}: error: {problem}"]

    @property
    def exit_code(self) -> int:
        return EXIT_FAILED if self.failed else EXIT_OK
