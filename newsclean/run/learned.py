"""The site lines ``newsclean learn`` saves, and ``--site-boilerplate FILE`` reads back.

Learning site boilerplate from the files of a run makes a file's result depend on which other
files are in the run: pre-commit (the staged files) and CI (the whole folder) would disagree.
Saved once with ``newsclean learn``, named in ``[tool.newsclean]``, the same list is used by
every later run, whatever files it is given.

The file is text, one learned key a line (a key is a line folded as the ``boilerplate`` stage
folds it, behind a letter saying where it stood), after ``#`` comment lines; a key that would
begin with ``#`` or ``\\`` is written behind a ``\\``.

>>> sorted(parse_site_lines(render_site_lines(frozenset({"h网站首页", "#x"}), 5)))
['#x', 'h网站首页']
"""

from __future__ import annotations

from pathlib import Path

HEADER = "# newsclean site boilerplate: lines learned by `newsclean learn`"


def render_site_lines(keys: frozenset[str], n_inputs: int) -> str:
    """The file's text: a header, then the keys sorted (a stable, reviewable diff)."""
    lines = [HEADER, f"# {len(keys)} lines, learned from {n_inputs} inputs"]
    for key in sorted(keys):
        lines.append("\\" + key if key.startswith(("#", "\\")) else key)
    return "\n".join(lines) + "\n"


def parse_site_lines(text: str) -> frozenset[str]:
    keys = set()
    for raw in text.split("\n"):
        line = raw.rstrip("\r")
        if not line or line.startswith("#"):
            continue
        keys.add(line[1:] if line.startswith("\\") else line)
    return frozenset(keys)


def read_site_lines(path: Path) -> frozenset[str]:
    """Read a saved list (raises OSError or ValueError with a message naming the file)."""
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        raise ValueError(f"no such file: {path}") from None
    except UnicodeDecodeError:
        raise ValueError(f"{path} is not UTF-8 text (write it with `newsclean learn`)") from None
    if not text.startswith(HEADER):
        raise ValueError(f"{path} was not written by `newsclean learn`")
    return parse_site_lines(text)
