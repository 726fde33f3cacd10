"""Griffe extension for the API pages: doctest examples in docstrings become code.

The package's docstrings hold bare doctests (``>>> ...`` and the expected output, as
pytest runs them). Markdown would read their output as text, and ``[(9.0, '%')]`` as a
cross-reference. This wraps every doctest block (from a ``>>>`` line to the next blank
line, outside existing fences) in a ``pycon`` code fence before mkdocstrings renders it.
Loaded by mkdocs.yml (``extensions:`` of the python handler).
"""

from __future__ import annotations

from typing import Any

import griffe


def fence_doctests(text: str) -> str:
    """Wrap the doctest blocks of a docstring in ```pycon fences.

    >>> print(fence_doctests("Intro.\\n\\n>>> 1 + 1\\n2\\n\\nMore."))
    Intro.
    <BLANKLINE>
    ```pycon
    >>> 1 + 1
    2
    ```
    <BLANKLINE>
    More.
    """
    out: list[str] = []
    fence = None  # the fence string of an open code block of the docstring itself
    indent = None  # the indentation of an open doctest block
    for line in text.splitlines():
        stripped = line.lstrip()
        if indent is not None and not stripped:
            out.append(indent + "```")
            indent = None
        elif fence is None and indent is None and stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
        elif fence is not None and stripped.startswith(fence):
            fence = None
        elif fence is None and indent is None and (stripped == ">>>" or stripped.startswith(">>> ")):
            indent = line[: len(line) - len(stripped)]
            out.append(indent + "```pycon")
        out.append(line)
    if indent is not None:
        out.append(indent + "```")
    return "\n".join(out)


class FenceDoctests(griffe.Extension):
    """Fence the doctests of every docstring griffe loads."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = fence_doctests(obj.docstring.value)
