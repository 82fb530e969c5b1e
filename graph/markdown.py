"""Data shown as Markdown text, never as markup.

Names, quotes, ids and server messages come from datasets and URLs; in a
Markdown report or a Streamlit element (headers, captions, buttons, errors,
tooltips all render Markdown) they must not become links, images (which a
viewer would fetch: a tracking pixel), HTML, formatting, LaTeX or Streamlit's
`:color[...]` directives. Every ASCII punctuation character that can begin
such markup is backslash-escaped, which CommonMark renders as the character
itself; the few that never begin markup stay readable. A character that acts
rather than shows (a control, a bidirectional override) is written as its
escape first (graph/values.shown).
"""

from __future__ import annotations

import re

from graph.values import shown

MARKUP = re.compile(r"""([!#$%&()*+\-.:<=>\[\\\]^_`{|}~])""")


def escape(text: object) -> str:
    return MARKUP.sub(r"\\\1", "" if text is None else shown(str(text)))
