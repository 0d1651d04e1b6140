"""What a reader sees of the app's markdown: outside text is shown with its punctuation escaped (safe_text)."""
from __future__ import annotations

import re


def markdown_shown(source: str) -> str:
    """The text of markdown whose punctuation is backslash-escaped, as a browser shows it."""
    return re.sub(r"\\(.)", r"\1", source)
