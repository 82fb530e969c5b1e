"""Data shown as Markdown text, never as markup.

Names and quotes come from datasets; in a Markdown report or a Streamlit
element they must not become links, images (which a viewer would fetch),
HTML or formatting.
"""

from __future__ import annotations

import re

MARKUP = re.compile(r"([\\`*_{}\[\]<>#|~$])")


def escape(text: str | None) -> str:
    return MARKUP.sub(r"\\\1", text or "")
