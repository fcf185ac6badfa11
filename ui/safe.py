"""Text from articles and models, made safe to show: no HTML, scripts or links get through."""

from __future__ import annotations

import html
import re

# Characters that Markdown would read as formatting or link syntax.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>$])")
# A colon that starts "://" (an auto-link, which would show the escapes inside the link) or
# a ":name:" shortcode (an emoji or icon).
_MARKDOWN_COLON = re.compile(r":(?=//|[\w/+\\-]+:)")


def escape_markdown(text: str) -> str:
    """Text for st.markdown that shows exactly as written: tags and link syntax stay text."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))
    return _MARKDOWN_COLON.sub(r"\\:", escaped)


def escape_html(text: str) -> str:
    """Text for an HTML snippet (st.html)."""
    return html.escape(text, quote=True)
