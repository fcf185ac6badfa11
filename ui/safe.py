"""Text from articles and models, made safe to show: no HTML, scripts or links get through."""

from __future__ import annotations

import html
import re

# Characters that Markdown would read as formatting or link syntax.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>$])")


def escape_markdown(text: str) -> str:
    """Text for st.markdown that shows exactly as written: tags and link syntax stay text."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def escape_html(text: str) -> str:
    """Text for an HTML snippet (st.html)."""
    return html.escape(text, quote=True)
