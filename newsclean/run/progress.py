"""A progress bar on stderr for long batches: files and MB done, rate, time left.

It is drawn only when asked (by default: when stderr is a terminal), only once a run has taken
half a second, at most ten times a second, and is wiped before any other line is printed on
stderr, so messages never mix with it.

>>> bar = Progress(enabled=False, stream=sys.stdout)
>>> bar.line("a message")  # without a bar, lines are printed as they are
a message
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

from .report import human_size

WIDTH = 24
DELAY = 0.5
INTERVAL = 0.1


def _duration(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class Progress:
    """Counts files and bytes done and draws the bar; ``line`` prints a message around it."""

    def __init__(
        self,
        enabled: bool,
        files: int = 0,
        nbytes: int = 0,
        stream: TextIO | None = None,
        label: str = "",
    ) -> None:
        self.enabled = enabled
        self.stream = stream
        self.total_files, self.total_bytes = files, nbytes
        self.files = self.nbytes = 0
        self.label = label
        self.started = time.perf_counter()
        self.drawn_at = 0.0
        self.visible = False

    def _out(self) -> TextIO:
        return self.stream or sys.stderr

    def start(self, label: str, files: int, nbytes: int) -> None:
        """Begin a pass (a learning pass, then the cleaning pass) over the same inputs."""
        self.clear()
        self.label, self.total_files, self.total_bytes = label, files, nbytes
        self.files = self.nbytes = 0
        self.started = time.perf_counter()

    def advance(self, files: int, nbytes: int) -> None:
        self.files += files
        self.nbytes += nbytes
        now = time.perf_counter()
        if self.enabled and now - self.started >= DELAY and now - self.drawn_at >= INTERVAL:
            self.draw(now)

    def draw(self, now: float) -> None:
        elapsed = max(now - self.started, 1e-9)
        rate = self.nbytes / elapsed
        done = self.nbytes / self.total_bytes if self.total_bytes else 0.0
        done = max(done, self.files / self.total_files if self.total_files else 0.0)
        done = min(done, 1.0)
        filled = int(WIDTH * done)
        left = (elapsed / done - elapsed) if done > 0 else 0.0
        text = (
            f"\r{self.label} [{'#' * filled}{'.' * (WIDTH - filled)}] "
            f"{self.files:,}/{self.total_files:,} files  "
            f"{human_size(self.nbytes)}/{human_size(self.total_bytes)}  "
            f"{rate / 1e6:.1f} MB/s  ETA {_duration(left)}\x1b[K"
        )
        out = self._out()
        out.write(text)
        out.flush()
        self.visible, self.drawn_at = True, now

    def clear(self) -> None:
        if self.visible:
            out = self._out()
            out.write("\r\x1b[K")
            out.flush()
            self.visible = False

    def line(self, text: str) -> None:
        """Print a line on stderr without tearing the bar (it is redrawn at the next step)."""
        self.clear()
        out = self._out()
        out.write(text + "\n")
        out.flush()
